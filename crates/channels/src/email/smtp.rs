//! Sending replies by SMTP (lettre), with the headers that make them thread on the customer's side:
//! our own Message-ID, In-Reply-To and References.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, Message, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use switchboard_core::outbox::{NewAttachment, OutgoingReply};

use super::account::{Security, ServerSettings};

/// Why a send failed, and whether trying again later can help.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The server or the network may recover: try again later.
    #[error("{0}")]
    Temporary(String),
    /// Trying again will not help (bad address, rejected, wrong password).
    #[error("{0}")]
    Permanent(String),
}

fn mailbox(name: &str, address: &str) -> Result<Mailbox, SendError> {
    let parsed: Address = address
        .parse()
        .map_err(|e| SendError::Permanent(format!("'{address}' is not a valid email address: {e}")))?;
    Ok(Mailbox::new(Some(name.to_string()).filter(|n| !n.is_empty()), parsed))
}

/// `Auto-Submitted: auto-replied` (RFC 3834): the receiving side, ours included, never answers it.
#[derive(Clone)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "auto-replied".to_string())
    }
}

fn angle(id: &str) -> String {
    format!("<{id}>")
}

/// Builds the RFC 5322 message of a reply: text and HTML alternatives, then the files, if any.
pub fn build_message(reply: &OutgoingReply, signature: &str, files: &[NewAttachment]) -> Result<Message, SendError> {
    if reply.to_address.is_empty() {
        return Err(SendError::Permanent("the customer has no email address".into()));
    }
    let mut builder = Message::builder()
        .from(mailbox(&reply.from_name, &reply.from_address)?)
        .to(mailbox(&reply.to_name, &reply.to_address)?)
        .subject(&reply.subject)
        .message_id(reply.message_id.as_deref().map(angle));
    if let Some(parent) = &reply.in_reply_to {
        builder = builder.in_reply_to(angle(parent));
    }
    if reply.auto_submitted {
        builder = builder.header(AutoSubmitted);
    }
    let references = reply.references();
    if !references.is_empty() {
        builder = builder.references(references.iter().map(|r| angle(r)).collect::<Vec<_>>().join(" "));
    }
    let mut body = reply.body_text.clone();
    if !signature.trim().is_empty() {
        body.push_str("\n\n-- \n");
        body.push_str(signature.trim_end());
    }
    let html = html_of(&reply.body_text, signature);
    let alternatives = MultiPart::alternative_plain_html(body, html);
    let content = if files.is_empty() {
        alternatives
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternatives);
        for file in files {
            let content_type = ContentType::parse(&file.content_type)
                .unwrap_or_else(|_| ContentType::parse("application/octet-stream").expect("a valid type"));
            mixed = mixed.singlepart(Attachment::new(file.filename.clone()).body(file.bytes.clone(), content_type));
        }
        mixed
    };
    builder
        .multipart(content)
        .map_err(|e| SendError::Permanent(format!("the reply could not be built: {e}")))
}

/// The HTML alternative of a reply: the agent's text escaped (never interpreted as markup), paragraphs
/// and line breaks kept, the signature set apart as mail clients show it.
pub fn html_of(text: &str, signature: &str) -> String {
    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    }
    let paragraphs: Vec<String> = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim_end()).replace('\n', "<br>")))
        .collect();
    let mut html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">{}",
        paragraphs.join("")
    );
    if !signature.trim().is_empty() {
        html.push_str(&format!(
            "<div style=\"color:#666\">-- <br>{}</div>",
            escape(signature.trim_end()).replace('\n', "<br>")
        ));
    }
    html.push_str("</body></html>");
    html
}

fn transport(
    server: &ServerSettings,
    username: &str,
    password: Option<&str>,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, SendError> {
    server.check_security().map_err(SendError::Permanent)?;
    let builder = match server.security {
        Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&server.host),
        Security::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&server.host),
        Security::Plain => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&server.host)),
    }
    .map_err(|e| SendError::Permanent(format!("cannot use {}: {e}", server.host)))?;
    let mut builder = builder.port(server.port).timeout(Some(Duration::from_secs(30)));
    if let Some(password) = password {
        builder = builder.credentials(Credentials::new(username.to_string(), password.to_string()));
    }
    Ok(builder.build())
}

/// Connects and logs in (no mail is sent). Failing here is certain to have sent nothing.
async fn connect(transport: &AsyncSmtpTransport<Tokio1Executor>, server: &ServerSettings) -> Result<(), SendError> {
    let describe = |e: &dyn std::fmt::Display| format!("{}:{}: {e}", server.host, server.port);
    match transport.test_connection().await {
        Ok(true) => Ok(()),
        Ok(false) => Err(SendError::Temporary(describe(&"the server did not answer"))),
        Err(e) if e.is_permanent() => Err(SendError::Permanent(describe(&e))),
        Err(e) => Err(SendError::Temporary(describe(&e))),
    }
}

/// "Test connection" for the sending side: reach the server and log in.
pub async fn test_login(server: &ServerSettings, username: &str, password: &str) -> Result<(), SendError> {
    connect(&transport(server, username, Some(password))?, server).await
}

/// Sends `message` through `server`, logging in when a password is given.
pub async fn send(
    server: &ServerSettings,
    username: &str,
    password: Option<&str>,
    message: Message,
) -> Result<(), SendError> {
    let transport = transport(server, username, password)?;
    // Connect (and log in) first: a failure here is certain to have sent nothing, so it may be retried.
    connect(&transport, server).await?;
    let describe = |e: &dyn std::fmt::Display| format!("{}:{}: {e}", server.host, server.port);
    transport.send(message).await.map(|_| ()).map_err(|e| {
        if e.is_transient() {
            // A 4xx reply: the server refused for now, nothing was accepted.
            SendError::Temporary(describe(&e))
        } else if e.is_permanent() {
            SendError::Permanent(describe(&e))
        } else {
            // Cut off mid-transaction: the server may have accepted the mail. Never re-send blindly.
            SendError::Permanent(describe(&format!("{e} — the reply may or may not have been delivered")))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::html_of;

    #[test]
    fn the_html_alternative_escapes_the_agents_text_and_keeps_its_shape() {
        let html = html_of("Hi <Ann>,\n\nTry \"reset\" & wait.\nThanks", "Aurora\nSupport");
        assert!(
            html.contains("<p>Hi &lt;Ann&gt;,</p><p>Try &quot;reset&quot; &amp; wait.<br>Thanks</p>"),
            "{html}"
        );
        assert!(html.contains("-- <br>Aurora<br>Support"), "{html}");
    }
}
