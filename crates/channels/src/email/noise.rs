//! Mail no human wrote: auto-replies, bulk and list mail, delivery reports. Such mail is stored and
//! marked, but never opens a ticket on its own and never gets an automatic answer (mail loops).

use mail_parser::{Message, MimeHeaders};

/// Why a message counts as auto-generated, or `None` for a human message.
pub fn auto_generated_reason(message: &Message<'_>) -> Option<&'static str> {
    auto_generated_reason_for(message, false)
}

/// Reasons that only say "this came through a mailing list": not noise for an account whose own
/// address is a list or group (a Google Group as the support address), where every customer mail has them.
const LIST_REASONS: [&str; 2] = ["List-Id", "Precedence: list"];

/// Like [`auto_generated_reason`]; with `address_is_list`, list headers alone do not count.
pub fn auto_generated_reason_for(message: &Message<'_>, address_is_list: bool) -> Option<&'static str> {
    let reason = classify(message)?;
    (!(address_is_list && LIST_REASONS.contains(&reason))).then_some(reason)
}

fn classify(message: &Message<'_>) -> Option<&'static str> {
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
    if let Some(precedence) = header("Precedence") {
        if precedence == "list" {
            return Some("Precedence: list");
        }
        if ["bulk", "junk", "auto_reply"].contains(&precedence.as_str()) {
            return Some("Precedence");
        }
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
