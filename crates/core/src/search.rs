//! Full-text search over tickets and messages (FTS5, trigram tokenizer).
//!
//! Each whitespace-separated term must match. Terms of three characters or more use the trigram FTS
//! index; one- and two-character Chinese terms (退款, 发票) use the per-character index (`cjk_index`);
//! other short terms (a, #1) fall back to a LIKE scan. Newest matches come first.

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
    /// One- and two-character Chinese terms: the per-character index finds them in messages.
    pub cjk_terms: Vec<String>,
    /// Other terms too short for the trigram index (a LIKE scan).
    pub short_terms: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut phrases = Vec::new();
        let mut cjk_terms = Vec::new();
        let mut short_terms = Vec::new();
        for term in input.split_whitespace() {
            if term.chars().count() >= 3 {
                // A quoted phrase: the user's text is never FTS syntax (no AND/NEAR/column filters).
                phrases.push(format!("\"{}\"", term.replace('"', "\"\"")));
            } else if crate::cjk_index::phrase(term).is_some() {
                cjk_terms.push(term.to_string());
            } else {
                short_terms.push(term.to_string());
            }
        }
        Query {
            fts: (!phrases.is_empty()).then(|| phrases.join(" AND ")),
            cjk_terms,
            short_terms,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fts.is_none() && self.cjk_terms.is_empty() && self.short_terms.is_empty()
    }

    /// The MATCH expression over the per-character index for the short Chinese terms.
    pub fn cjk_match(&self) -> Option<String> {
        let phrases: Vec<String> = self
            .cjk_terms
            .iter()
            .filter_map(|t| crate::cjk_index::phrase(t))
            .collect();
        (!phrases.is_empty()).then(|| phrases.join(" AND "))
    }
}

/// Tickets whose subject, summary, or any message (subject, body, author) matches `input`.
pub async fn search_tickets(pool: &SqlitePool, input: &str, limit: i64) -> Result<Vec<TicketSummary>> {
    let query = Query::parse(input);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let like_clause = |terms: &[String], columns: &[&str]| -> String {
        terms
            .iter()
            .map(|_| {
                let any: Vec<String> = columns.iter().map(|c| format!("{c} LIKE ? ESCAPE '\\'")).collect();
                format!(" AND ({})", any.join(" OR "))
            })
            .collect()
    };
    let pattern = |t: &String| format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let cjk_match = query.cjk_match();

    // A LIKE scan stops as soon as it has enough rows: ask for few, so short terms stay fast.
    let like_window = (limit * 4).clamp(1, MESSAGE_WINDOW);
    // Newest matches first; group into tickets inside SQL so only `limit` summaries are built.
    let newest_tickets = |inner: String| {
        format!(
            "SELECT ticket_id FROM ({inner}) GROUP BY ticket_id ORDER BY max(r) DESC LIMIT {}",
            limit.clamp(0, 500)
        )
    };
    let message_columns = ["m.subject", "m.body_text", "m.author_name", "m.author_address"];
    let message_likes = like_clause(&query.short_terms, &message_columns);
    let in_cjk = " AND m.id IN (SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH ?)";
    let message_sql = newest_tickets(match (&query.fts, &cjk_match) {
        (Some(_), cjk) => format!(
            "SELECT m.ticket_id, f.rowid AS r FROM messages_fts f JOIN messages m ON m.id = f.rowid
             WHERE messages_fts MATCH ?{}{message_likes} ORDER BY f.rowid DESC LIMIT {MESSAGE_WINDOW}",
            if cjk.is_some() { in_cjk } else { "" }
        ),
        (None, Some(_)) => format!(
            "SELECT m.ticket_id, c.rowid AS r FROM messages_cjk c JOIN messages m ON m.id = c.rowid
             WHERE messages_cjk MATCH ?{message_likes} ORDER BY c.rowid DESC LIMIT {MESSAGE_WINDOW}"
        ),
        (None, None) => format!(
            "SELECT m.ticket_id, m.id AS r FROM messages m WHERE 1 = 1{message_likes}
             ORDER BY m.id DESC LIMIT {like_window}"
        ),
    });
    // Subjects and AI summaries: short Chinese terms are matched by LIKE here (a short column).
    let ticket_terms: Vec<String> = query.short_terms.iter().chain(&query.cjk_terms).cloned().collect();
    let ticket_likes = like_clause(&ticket_terms, &["t.subject", "t.summary"]);
    let ticket_sql = newest_tickets(match &query.fts {
        Some(_) => format!(
            "SELECT t.id AS ticket_id, f.rowid AS r FROM tickets_fts f JOIN tickets t ON t.id = f.rowid
             WHERE tickets_fts MATCH ?{ticket_likes} ORDER BY f.rowid DESC LIMIT {MESSAGE_WINDOW}"
        ),
        None => format!(
            "SELECT t.id AS ticket_id, t.id AS r FROM tickets t WHERE 1 = 1{ticket_likes}
             ORDER BY t.id DESC LIMIT {like_window}"
        ),
    });

    let mut ids: Vec<i64> = Vec::new();
    let message_binds: Vec<String> = query
        .fts
        .iter()
        .chain(&cjk_match)
        .cloned()
        .chain(
            query
                .short_terms
                .iter()
                .flat_map(|t| std::iter::repeat_n(pattern(t), 4)),
        )
        .collect();
    let ticket_binds: Vec<String> = query
        .fts
        .iter()
        .cloned()
        .chain(ticket_terms.iter().flat_map(|t| std::iter::repeat_n(pattern(t), 2)))
        .collect();
    for (sql, binds) in [(message_sql, message_binds), (ticket_sql, ticket_binds)] {
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for value in binds {
            q = q.bind(value);
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
        let q = Query::parse(r#"refund 退款 "NEAR order 5"#);
        assert_eq!(q.fts.as_deref(), Some(r#""refund" AND """NEAR" AND "order""#));
        assert_eq!(q.cjk_terms, vec!["退款".to_string()]);
        assert_eq!(q.cjk_match().as_deref(), Some("\"退 款\""));
        assert_eq!(q.short_terms, vec!["5".to_string()]);
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
