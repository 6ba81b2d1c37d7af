//! The one interface every chat channel implements: pull what is new since a durable cursor, and send a
//! reply. Email predates it and keeps its own IMAP/SMTP path (UIDs per folder, a Sent copy), which a
//! single cursor cannot express; chats (Telegram, WeChat through WeCom) are all this shape.

use switchboard_core::ingest::InboundMessage;
use switchboard_core::model::ChannelKind;
use switchboard_core::outbox::OutgoingReply;

/// Messages newer than the cursor, each with its raw form (kept if it cannot be stored), and the
/// cursor to store once they are.
#[derive(Debug, Default)]
pub struct Batch {
    pub messages: Vec<(InboundMessage, Vec<u8>)>,
    pub next_cursor: String,
    /// Pictures of the customers who wrote, where the platform gives them.
    pub avatars: Vec<Avatar>,
}

/// A customer's picture, as the platform serves it.
#[derive(Debug, Clone)]
pub struct Avatar {
    pub channel: ChannelKind,
    /// The customer's address on the channel (as in `InboundMessage::from_address`).
    pub address: String,
    pub bytes: Vec<u8>,
    pub content_type: String,
}

/// Why a send failed, and whether trying again can help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// Try again after this long (rate limits, network trouble, a server error).
    Later { error: String, retry_in_ms: i64 },
    /// Will not work however often it is tried (a blocked bot, a closed reply window): the agent decides.
    Never(String),
}

pub trait Channel {
    /// What is new since `cursor` (`None` at the first sync). May wait (long polling) until something arrives.
    fn fetch(&mut self, cursor: Option<&str>) -> impl Future<Output = Result<Batch, String>> + Send;

    /// How long to pause after a pull that found nothing: zero for APIs that wait for news themselves.
    fn idle_wait(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }

    /// Sends one reply; `files` are (name, content type, bytes). `parts_done` parts of a reply split for
    /// the platform's length limit already went out on an earlier attempt; returns the parts now done.
    fn send(
        &mut self,
        reply: &OutgoingReply,
        files: &[(String, String, Vec<u8>)],
        parts_done: usize,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> impl Future<Output = Result<(), SendFailure>> + Send;
}
