//! Email: parsing (mail-parser), sanitizing (ammonia), loop/noise detection, mbox reading, and
//! sending replies by SMTP (lettre) from the durable outbox.

pub mod account;
pub mod imap;
pub mod mbox;
pub mod noise;
pub mod outbox_sender;
pub mod parse;
pub mod presets;
pub mod remote_images;
pub mod sanitize;
pub mod smtp;

pub use parse::{ParseError, parse_message, parse_message_for};
