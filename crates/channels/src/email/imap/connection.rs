//! Opening an IMAP session: DNS, TCP, TLS (implicit or STARTTLS), greeting, login. Each step fails with
//! its own error, so "Test connection" can say exactly what went wrong.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use async_imap::{Client, Session};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::{self, ClientConfig, pki_types::ServerName};

use crate::email::account::{Security, ServerSettings};

/// How long one network step may take before the server counts as unreachable.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(30);

/// The step of connecting that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Settings,
    Dns,
    Tcp,
    Tls,
    Greeting,
    Auth,
    Folder,
    /// The connection broke after login (mid-sync).
    Session,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ImapError {
    pub step: Step,
    pub message: String,
}

impl ImapError {
    pub fn new(step: Step, message: impl Into<String>) -> ImapError {
        ImapError {
            step,
            message: message.into(),
        }
    }

    /// Wrong password and bad settings do not heal by themselves; network trouble may.
    pub fn is_permanent(&self) -> bool {
        matches!(self.step, Step::Settings | Step::Auth)
    }
}

pub(crate) fn session_error(e: impl std::fmt::Display) -> ImapError {
    ImapError::new(
        Step::Session,
        format!("the IMAP server stopped answering properly: {e}"),
    )
}

/// A plain or TLS connection, so the rest of the code has one type.
#[derive(Debug)]
pub enum ImapStream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for ImapStream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            ImapStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            ImapStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for ImapStream {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            ImapStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            ImapStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            ImapStream::Plain(s) => Pin::new(s).poll_flush(cx),
            ImapStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            ImapStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            ImapStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

pub type ImapSession = Session<ImapStream>;

async fn step<T, E: std::fmt::Display>(
    step: Step,
    what: &str,
    future: impl Future<Output = Result<T, E>>,
) -> Result<T, ImapError> {
    match tokio::time::timeout(STEP_TIMEOUT, future).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(ImapError::new(step, format!("{what}: {e}"))),
        Err(_) => Err(ImapError::new(
            step,
            format!("{what}: no answer within {} s", STEP_TIMEOUT.as_secs()),
        )),
    }
}

fn tls_connector() -> Result<TlsConnector, ImapError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_platform_verifier())
        .map_err(|e| ImapError::new(Step::Tls, format!("TLS is unavailable on this system: {e}")))?
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

async fn start_tls(server: &ServerSettings, tcp: TcpStream) -> Result<ImapStream, ImapError> {
    let name = ServerName::try_from(server.host.clone()).map_err(|e| {
        ImapError::new(
            Step::Settings,
            format!("'{}' is not a valid host name: {e}", server.host),
        )
    })?;
    let tls = step(
        Step::Tls,
        &format!("secure connection to {} failed", server.host),
        tls_connector()?.connect(name, tcp),
    )
    .await?;
    Ok(ImapStream::Tls(Box::new(tls)))
}

/// Connects and logs in.
pub async fn connect(server: &ServerSettings, username: &str, password: &str) -> Result<ImapSession, ImapError> {
    server.check_security().map_err(|e| ImapError::new(Step::Settings, e))?;
    let addresses: Vec<_> = step(
        Step::Dns,
        &format!("cannot find the server {}", server.host),
        tokio::net::lookup_host((server.host.as_str(), server.port)),
    )
    .await?
    .collect();
    if addresses.is_empty() {
        return Err(ImapError::new(Step::Dns, format!("{} has no address", server.host)));
    }
    let tcp = step(
        Step::Tcp,
        &format!("cannot reach {}:{}", server.host, server.port),
        TcpStream::connect(&addresses[..]),
    )
    .await?;
    let _ = tcp.set_nodelay(true);
    let stream = match server.security {
        Security::Tls => start_tls(server, tcp).await?,
        Security::Plain => ImapStream::Plain(tcp),
        Security::StartTls => {
            let mut client = Client::new(tcp);
            read_greeting(&mut client, server).await?;
            step(
                Step::Tls,
                &format!("{} refused STARTTLS", server.host),
                client.run_command_and_check_ok("STARTTLS", None),
            )
            .await?;
            start_tls(server, client.into_inner()).await?
        }
    };
    let mut client = Client::new(stream);
    if server.security != Security::StartTls {
        read_greeting(&mut client, server).await?;
    }
    match tokio::time::timeout(STEP_TIMEOUT, client.login(username, password)).await {
        Ok(Ok(mut session)) => {
            // NetEase (163/126) refuses SELECT from clients that do not identify themselves (RFC 2971).
            // Servers without ID answer BAD, which changes nothing.
            let id = format!(
                "ID (\"name\" \"Switchboard\" \"version\" \"{}\")",
                env!("CARGO_PKG_VERSION")
            );
            let _ = tokio::time::timeout(STEP_TIMEOUT, session.run_command_and_check_ok(&id)).await;
            Ok(session)
        }
        Ok(Err((async_imap::error::Error::No(reason), _))) => Err(ImapError::new(
            Step::Auth,
            format!("the server refused the user name or password ({})", reason.trim()),
        )),
        Ok(Err((e, _))) => Err(ImapError::new(Step::Auth, format!("login failed: {e}"))),
        Err(_) => Err(ImapError::new(Step::Auth, "login: no answer from the server")),
    }
}

async fn read_greeting<T: AsyncRead + AsyncWrite + Unpin + std::fmt::Debug + Send>(
    client: &mut Client<T>,
    server: &ServerSettings,
) -> Result<(), ImapError> {
    match tokio::time::timeout(STEP_TIMEOUT, client.read_response()).await {
        Ok(Ok(Some(_))) => Ok(()),
        Ok(Ok(None)) => Err(ImapError::new(
            Step::Greeting,
            format!(
                "{} closed the connection without greeting (is this an IMAP port?)",
                server.host
            ),
        )),
        Ok(Err(e)) => Err(ImapError::new(
            Step::Greeting,
            format!("{} sent no IMAP greeting: {e}", server.host),
        )),
        Err(_) => Err(ImapError::new(
            Step::Greeting,
            format!(
                "{} sent no IMAP greeting (is this an IMAP port? TLS on a plain port?)",
                server.host
            ),
        )),
    }
}
