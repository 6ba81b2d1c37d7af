//! Which ticket does a new message belong to?
//!
//! Headers first (In-Reply-To, References), then a ticket token in the subject (`[#1234]`) for mail
//! whose headers were stripped — both only within the same customer, so two customers' mail never
//! merges. A subject alone ("Re: Question") never threads.

use sqlx::SqliteConnection;

use crate::Result;

/// Finds the ticket of an earlier message this one refers to, among the customer's tickets.
/// The newest reference wins (the last entry of References is the direct parent).
pub async fn ticket_by_references(
    conn: &mut SqliteConnection,
    customer_id: i64,
    references: &[String],
) -> Result<Option<i64>> {
    for reference in references.iter().rev() {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT m.ticket_id FROM messages m JOIN tickets t ON t.id = m.ticket_id
             WHERE m.channel_message_id = ? AND t.customer_id = ?
             ORDER BY m.id DESC LIMIT 1",
        )
        .bind(reference)
        .bind(customer_id)
        .fetch_optional(&mut *conn)
        .await?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Finds the customer's ticket named by a `[#1234]` token in the subject.
pub async fn ticket_by_subject_token(
    conn: &mut SqliteConnection,
    customer_id: i64,
    subject: &str,
) -> Result<Option<i64>> {
    let Some(number) = ticket_token(subject) else {
        return Ok(None);
    };
    Ok(
        sqlx::query_scalar("SELECT id FROM tickets WHERE number = ? AND customer_id = ?")
            .bind(number)
            .bind(customer_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// A chat (Telegram, WeChat) has no subjects or references: the customer's latest conversation on the
/// same channel and account continues, unless ingest finds it resolved for longer than the quiet period.
pub async fn current_conversation(
    conn: &mut SqliteConnection,
    customer_id: i64,
    channel: &str,
    account_id: Option<i64>,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM tickets WHERE customer_id = ? AND channel = ? AND account_id IS ? AND merged_into IS NULL
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(customer_id)
    .bind(channel)
    .bind(account_id)
    .fetch_optional(conn)
    .await?)
}

/// The ticket number in a `[#1234]` subject token, if any.
pub fn ticket_token(subject: &str) -> Option<i64> {
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && after[digits.len()..].starts_with(']') {
            return digits.parse().ok();
        }
        rest = after;
    }
    None
}

/// The subject without reply/forward prefixes (Re:, Fwd:, AW:, 回复：, 转发： …), for display and grouping.
pub fn strip_reply_prefixes(subject: &str) -> &str {
    const PREFIXES: &[&str] = &[
        "re:",
        "re：",
        "fw:",
        "fwd:",
        "fw：",
        "aw:",
        "sv:",
        "vs:",
        "antw:",
        "回复:",
        "回复：",
        "答复:",
        "答复：",
        "转发:",
        "转发：",
    ];
    let mut s = subject.trim();
    'outer: loop {
        let lower = s.to_lowercase();
        for prefix in PREFIXES {
            if lower.starts_with(prefix) && s.is_char_boundary(prefix.len()) {
                s = s[prefix.len()..].trim_start();
                continue 'outer;
            }
        }
        return s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ticket_tokens() {
        assert_eq!(ticket_token("Re: [#1042] Broken hinge"), Some(1042));
        assert_eq!(ticket_token("[#] nothing [#12a] [#77]"), Some(77));
        assert_eq!(ticket_token("Order #1042"), None);
    }

    #[test]
    fn strips_prefixes_in_many_languages() {
        assert_eq!(
            strip_reply_prefixes("Re: RE: Fwd: Where is my order"),
            "Where is my order"
        );
        assert_eq!(strip_reply_prefixes("回复：退款进度"), "退款进度");
        assert_eq!(strip_reply_prefixes("Regarding my order"), "Regarding my order");
    }
}
