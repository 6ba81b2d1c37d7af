//! Switchboard's channels: where customer messages come from and replies go.
//!
//! Email: MIME parsing with sanitized HTML, auto-reply/bulk detection, mbox and `.eml` import.

pub mod demo;
pub mod email;
pub mod import;
pub mod secrets;
