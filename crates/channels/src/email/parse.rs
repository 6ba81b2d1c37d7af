//! Turning raw RFC 5322 bytes into an [`InboundMessage`] for the ingest path.

use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use switchboard_core::ingest::{InboundAttachment, InboundMessage};
use switchboard_core::model::ChannelKind;

use super::{noise, sanitize};

/// Attachments above this size are left out (the message itself is kept, with a note).
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("not an email message (no headers could be read)")]
    NotAMessage,
    #[error("the message has no sender (From) address")]
    NoSender,
}

/// Parses one message. Charsets (GBK, Big5, ISO-2022-JP, …), encoded words and transfer encodings are
/// decoded; HTML is sanitized; auto-generated mail is marked.
pub fn parse_message(raw: &[u8]) -> Result<InboundMessage, ParseError> {
    parse_message_for(raw, false)
}

/// [`parse_message`] for an account whose own address is a mailing list or group: list headers
/// alone do not mark its mail as noise.
pub fn parse_message_for(raw: &[u8], address_is_list: bool) -> Result<InboundMessage, ParseError> {
    let message = MessageParser::default().parse(raw).ok_or(ParseError::NotAMessage)?;
    if message.headers().is_empty() {
        return Err(ParseError::NotAMessage);
    }
    let mut from = message
        .from()
        .and_then(|from| from.first())
        .or_else(|| message.sender().and_then(|s| s.first()))
        .ok_or(ParseError::NoSender)?;
    // Web forms and shops send as "no-reply@" with the customer in Reply-To: the customer is the sender.
    if from.address().is_some_and(is_no_reply)
        && let Some(reply_to) = message.reply_to().and_then(|r| r.first())
        && reply_to.address().is_some_and(|a| a.contains('@'))
    {
        from = reply_to;
    }
    let from_address = from
        .address()
        .map(str::trim)
        .filter(|a| a.contains('@'))
        .ok_or(ParseError::NoSender)?;

    let sent_at = message
        .date()
        .or_else(|| message.received().and_then(|r| r.date.as_ref()))
        .map_or(0, |date| date.to_timestamp() * 1000);

    let body_text = message.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
    let body_html = message
        .html_bodies()
        .next()
        .filter(|part| part.is_content_type("text", "html"))
        .and_then(|part| part.text_contents())
        .map(sanitize::sanitize_html);

    let mut attachments = Vec::new();
    let mut omitted = Vec::new();
    for (index, part) in message.attachments().enumerate() {
        let filename = part
            .attachment_name()
            .map_or_else(|| format!("attachment-{}", index + 1), str::to_string);
        let bytes = part.contents();
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            omitted.push(filename);
            continue;
        }
        let content_type = part.content_type().map_or_else(
            || "application/octet-stream".to_string(),
            |ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase(),
                None => ct.ctype().to_ascii_lowercase(),
            },
        );
        let inline = part
            .content_disposition()
            .is_some_and(|d| d.ctype().eq_ignore_ascii_case("inline"));
        attachments.push(InboundAttachment {
            filename,
            content_type,
            bytes: bytes.to_vec(),
            inline,
            content_id: part.content_id().map(|id| id.trim_matches(['<', '>']).to_string()),
        });
    }
    let mut body_text = body_text;
    if body_text.trim().is_empty() {
        // Broken MIME (an unclosed multipart, a missing boundary) can leave no text part at all: fall
        // back to the HTML's text, then to the raw body, so the agent always sees what was sent.
        body_text = message
            .html_bodies()
            .next()
            .and_then(|part| part.text_contents())
            .map(mail_parser::decoders::html::html_to_text)
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| raw_body_text(raw));
    }
    if !omitted.is_empty() {
        body_text.push_str(&format!(
            "\n\n[Switchboard: attachments over {} MB were not imported: {}]",
            MAX_ATTACHMENT_BYTES / (1024 * 1024),
            omitted.join(", ")
        ));
    }

    Ok(InboundMessage {
        channel: Some(ChannelKind::Email),
        account_id: None,
        source_key: None,
        message_id: message.message_id().map(clean_id).filter(|id| !id.is_empty()),
        in_reply_to: ids(message.in_reply_to()).pop(),
        references: ids(message.references()),
        from_name: from.name().unwrap_or_default().trim().to_string(),
        from_address: from_address.to_string(),
        subject: message.subject().unwrap_or_default().trim().to_string(),
        body_text,
        body_html,
        raw_headers: raw_header_block(raw),
        sent_at,
        auto_generated: noise::auto_generated_reason_for(&message, address_is_list).is_some(),
        attachments,
    })
}

fn is_no_reply(address: &str) -> bool {
    let local = address
        .split('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace(['-', '_', '.'], "");
    ["noreply", "donotreply", "notreply", "noresponse"].contains(&local.as_str())
}

fn clean_id(id: &str) -> String {
    id.trim().trim_matches(['<', '>']).to_string()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => vec![clean_id(id)],
        HeaderValue::TextList(list) => list.iter().map(|id| clean_id(id)).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|id| !id.is_empty())
    .collect()
}

/// The bytes after the header block, as text, without markup: the last resort for mail no parser
/// makes sense of.
fn raw_body_text(raw: &[u8]) -> String {
    let start = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 4)
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|p| p + 2))
        .unwrap_or(raw.len());
    let text = String::from_utf8_lossy(&raw[start..]);
    mail_parser::decoders::html::html_to_text(&text)
}

/// The header block as sent (up to the first blank line), kept for the record and for debugging.
fn raw_header_block(raw: &[u8]) -> String {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n"))
        .unwrap_or(raw.len());
    String::from_utf8_lossy(&raw[..end.min(64 * 1024)]).into_owned()
}
