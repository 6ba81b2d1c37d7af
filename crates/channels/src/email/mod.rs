//! Email: parsing (mail-parser), sanitizing (ammonia), loop/noise detection, mbox reading.

pub mod mbox;
pub mod noise;
pub mod parse;
pub mod sanitize;

pub use parse::{ParseError, parse_message};
