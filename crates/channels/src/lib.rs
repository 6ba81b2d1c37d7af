//! Switchboard's channels: where customer messages come from and replies go.
//!
//! Email: MIME parsing with sanitized HTML, auto-reply/bulk detection, mbox and `.eml` import.
//! Chats behind the `Channel` interface: Telegram bots (long polling) and WeChat customer service (WeCom).

pub mod channel;
pub mod chat;
pub mod chat_accounts;
pub mod demo;
pub mod email;
pub mod import;
pub mod secrets;
pub mod telegram;
pub mod wecom;
