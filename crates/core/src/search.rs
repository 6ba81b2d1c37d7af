//! Full-text search over tickets and messages (FTS5, trigram tokenizer).
//!
//! Each whitespace-separated term must match. Terms of three characters or more use the FTS index;
//! shorter ones (common in Chinese: 退款, 发票) cannot be trigram-indexed and fall back to a LIKE
//! scan, which is still quick at workspace scale. Newest matches come first.

use sqlx::SqlitePool;

use crate::Result;
use crate::model::TicketSummary;
use crate::tickets;

/// How many of the newest matching messages are grouped into tickets.
const MESSAGE_WINDOW: i64 = 1000;

/// A parsed search query.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// FTS5 MATCH expression over indexed terms, if any.
    pub fts: Option<String>,
    /// Terms too short for the trigram index.
    pub short_terms: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut phrases = Vec::new();
        let mut short_terms = Vec::new();
        for term in input.split_whitespace() {
            if term.chars().count() >= 3 {
                // A quoted phrase: the user's text is never FTS syntax (no AND/NEAR/column filters).
                phrases.push(format!("\"{}\"", term.replace('"', "\"\"")));
            } else {
                short_terms.push(term.to_string());
            }
        }
        Query {
            fts: (!phrases.is_empty()).then(|| phrases.join(" AND ")),
            short_terms,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fts.is_none() && self.short_terms.is_empty()
    }
}

/// Tickets whose subject, summary, or any message (subject, body, author) matches `input`.
pub async fn search_tickets(pool: &SqlitePool, input: &str, limit: i64) -> Result<Vec<TicketSummary>> {
    let query = Query::parse(input);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let like_clause = |columns: &[&str]| -> String {
        query
            .short_terms
            .iter()
            .map(|_| {
                let any: Vec<String> = columns.iter().map(|c| format!("{c} LIKE ? ESCAPE '\\'")).collect();
                format!(" AND ({})", any.join(" OR "))
            })
            .collect()
    };
    let patterns: Vec<String> = query
        .short_terms
        .iter()
        .map(|t| format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))
        .collect();

    // A LIKE scan stops as soon as it has enough rows: ask for few, so short terms stay fast.
    let like_window = (limit * 4).clamp(1, MESSAGE_WINDOW);
    // Newest matches first; group into tickets inside SQL so only `limit` summaries are built.
    let newest_tickets = |inner: String| {
        format!(
            "SELECT ticket_id FROM ({inner}) GROUP BY ticket_id ORDER BY max(r) DESC LIMIT {}",
            limit.clamp(0, 500)
        )
    };
    let message_sql = newest_tickets(match &query.fts {
        Some(_) => format!(
            "SELECT m.ticket_id, f.rowid AS r FROM messages_fts f JOIN messages m ON m.id = f.rowid
             WHERE messages_fts MATCH ?{} ORDER BY f.rowid DESC LIMIT {MESSAGE_WINDOW}",
            like_clause(&["m.subject", "m.body_text", "m.author_name", "m.author_address"])
        ),
        None => format!(
            "SELECT m.ticket_id, m.id AS r FROM messages m WHERE 1 = 1{} ORDER BY m.id DESC LIMIT {like_window}",
            like_clause(&["m.subject", "m.body_text", "m.author_name", "m.author_address"])
        ),
    });
    let ticket_sql = newest_tickets(match &query.fts {
        Some(_) => format!(
            "SELECT t.id AS ticket_id, f.rowid AS r FROM tickets_fts f JOIN tickets t ON t.id = f.rowid
             WHERE tickets_fts MATCH ?{} ORDER BY f.rowid DESC LIMIT {MESSAGE_WINDOW}",
            like_clause(&["t.subject", "t.summary"])
        ),
        None => format!(
            "SELECT t.id AS ticket_id, t.id AS r FROM tickets t WHERE 1 = 1{} ORDER BY t.id DESC LIMIT {like_window}",
            like_clause(&["t.subject", "t.summary"])
        ),
    });

    let mut ids: Vec<i64> = Vec::new();
    for (sql, columns) in [(message_sql, 4), (ticket_sql, 2)] {
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        if let Some(fts) = &query.fts {
            q = q.bind(fts.clone());
        }
        for pattern in &patterns {
            for _ in 0..columns {
                q = q.bind(pattern.clone());
            }
        }
        ids.extend(q.fetch_all(pool).await?);
    }

    // "#1042" or "1042" is also the ticket with that number, shown first: agents quote numbers.
    let numbered: Option<i64> = match ticket_number(input) {
        Some(number) => {
            sqlx::query_scalar("SELECT id FROM tickets WHERE number = ?")
                .bind(number)
                .fetch_optional(pool)
                .await?
        }
        None => None,
    };
    ids.extend(numbered);
    ids.sort_unstable();
    ids.dedup();

    let mut found = tickets::summaries(pool, &ids).await?;
    found.sort_by(|a, b| {
        (Some(b.id) == numbered)
            .cmp(&(Some(a.id) == numbered))
            .then(b.updated_at.cmp(&a.updated_at))
            .then(b.id.cmp(&a.id))
    });
    found.truncate(limit.clamp(0, 500) as usize);
    Ok(found)
}

/// The ticket number a search for `#1042` or `1042` names.
fn ticket_number(input: &str) -> Option<i64> {
    let digits = input.trim().strip_prefix('#').unwrap_or(input.trim());
    (!digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_terms_by_length_and_quotes_fts_syntax() {
        let q = Query::parse(r#"refund 退款 "NEAR order"#);
        assert_eq!(q.fts.as_deref(), Some(r#""refund" AND """NEAR" AND "order""#));
        assert_eq!(q.short_terms, vec!["退款".to_string()]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn a_number_names_a_ticket() {
        assert_eq!(ticket_number(" #1042 "), Some(1042));
        assert_eq!(ticket_number("1042"), Some(1042));
        assert_eq!(ticket_number("#"), None);
        assert_eq!(ticket_number("order 1042"), None);
    }
}
