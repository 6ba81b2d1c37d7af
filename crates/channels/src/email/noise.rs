//! Mail no human wrote: auto-replies, bulk and list mail, delivery reports. Such mail is stored and
//! marked, but never opens a ticket on its own and never gets an automatic answer (mail loops).

use mail_parser::{Message, MimeHeaders};

/// Why a message counts as auto-generated, or `None` for a human message.
pub fn auto_generated_reason(message: &Message<'_>) -> Option<&'static str> {
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_ascii_lowercase());
    if let Some(value) = header("Auto-Submitted")
        && value != "no"
    {
        return Some("Auto-Submitted");
    }
    if header("X-Autoreply").is_some()
        || header("X-Autorespond").is_some()
        || header("X-Auto-Response-Suppress").is_some_and(|v| v.contains("all") || v.contains("oof"))
    {
        return Some("auto-reply header");
    }
    if let Some(precedence) = header("Precedence")
        && ["bulk", "junk", "list", "auto_reply"].contains(&precedence.as_str())
    {
        return Some("Precedence");
    }
    if header("List-Id").is_some() {
        return Some("List-Id");
    }
    if let Some(return_path) = header("Return-Path")
        && (return_path == "<>" || return_path.is_empty())
    {
        return Some("null Return-Path");
    }
    if message.root_part().content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart") && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"))
    }) {
        return Some("delivery report");
    }
    None
}
