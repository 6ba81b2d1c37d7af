//! Full-text search over tickets and messages (FTS5).
//!
//! Each whitespace-separated term must match. In messages, Latin-script words match as word prefixes
//! (the unicode61 word index: "refund" finds "refunded"), Chinese at any length through the per-character
//! index (`cjk_index`). Ticket subjects and summaries match as substrings (a trigram index) from three
//! characters. Shorter terms fall back to a LIKE scan. Newest matches come first. The message indexes are
//! in their own database file (`search_index`); the ticket index is in the workspace.

use crate::cjk_index::is_cjk;
use crate::model::TicketSummary;
use crate::tickets;
use crate::{Result, Store};

/// How many of the newest matching messages are grouped into tickets.
const MESSAGE_WINDOW: i64 = 1000;

/// How many of the newest messages the index finds are scanned for a query's short terms too.
const INDEX_MATCHES_FILTERED: i64 = 20_000;

/// A parsed search query.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// MATCH expression over the messages' word index: each term's Latin-script part as a prefix phrase.
    pub words: Option<String>,
    /// MATCH expression over the messages' per-character index: each term's Chinese runs as phrases.
    pub cjk: Option<String>,
    /// Terms without Chinese too short for the word index in messages (a LIKE scan).
    pub short_terms: Vec<String>,
    /// MATCH expression over the tickets' trigram index (terms of three characters or more).
    pub trigrams: Option<String>,
    /// Terms too short for the trigram index, matched in ticket subjects and summaries by LIKE.
    pub short_ticket_terms: Vec<String>,
}

/// A quoted FTS5 string: the user's text is never FTS syntax (no AND/NEAR/column filters).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn and(phrases: Vec<String>) -> Option<String> {
    (!phrases.is_empty()).then(|| phrases.join(" AND "))
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let (mut words, mut cjk, mut short_terms, mut trigrams, mut short_ticket_terms) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for term in input.split_whitespace() {
            let long = term.chars().count() >= 3;
            if long {
                trigrams.push(quoted(term));
            } else {
                short_ticket_terms.push(term.to_string());
            }
            if term.chars().any(is_cjk) {
                // "iPhone退款": the Chinese runs through the character index, the rest through the words.
                let mut latin = String::new();
                for (is_chinese, run) in runs(term) {
                    if is_chinese {
                        cjk.extend(crate::cjk_index::phrase(&run));
                    } else {
                        latin.push_str(&run);
                        latin.push(' ');
                    }
                }
                // A letter or two next to Chinese is too short a prefix: the whole term is scanned for.
                match latin.chars().filter(|c| c.is_alphanumeric()).count() {
                    0 => {}
                    1 => short_terms.push(term.to_string()),
                    _ => words.push(format!("{}*", quoted(latin.trim()))),
                }
            } else if long && term.chars().any(char::is_alphanumeric) {
                // The last word of the term is a prefix: typing "refu" already finds "refund".
                words.push(format!("{}*", quoted(term)));
            } else {
                short_terms.push(term.to_string());
            }
        }
        Query {
            words: and(words),
            cjk: and(cjk),
            short_terms,
            trigrams: and(trigrams),
            short_ticket_terms,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.trigrams.is_none() && self.short_ticket_terms.is_empty()
    }
}

/// A term cut into its runs of Chinese and of other characters, in order.
fn runs(term: &str) -> Vec<(bool, String)> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in term.chars() {
        match runs.last_mut() {
            Some((chinese, run)) if *chinese == is_cjk(c) => run.push(c),
            _ => runs.push((is_cjk(c), c.to_string())),
        }
    }
    runs
}

/// Tickets whose subject, summary, or any message (subject, body, author) matches `input`.
pub async fn search_tickets(store: &Store, input: &str, limit: i64) -> Result<Vec<TicketSummary>> {
    let query = Query::parse(input);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    // Every committed message is in the index before it is asked.
    store.search_index().catch_up().await?;
    let pool = store.pool();
    // SQLite's LIKE folds only ASCII letters: a term without any (锅炉, #1) is found by instr() alike,
    // which scans a quarter faster.
    let caseless = |t: &String| !t.chars().any(|c| c.is_ascii_alphabetic());
    let like_clause = |terms: &[String], columns: &[&str]| -> String {
        terms
            .iter()
            .map(|t| {
                let any: Vec<String> = columns
                    .iter()
                    .map(|c| {
                        if caseless(t) {
                            format!("instr({c}, ?) > 0")
                        } else {
                            format!("{c} LIKE ? ESCAPE '\\'")
                        }
                    })
                    .collect();
                format!(" AND ({})", any.join(" OR "))
            })
            .collect()
    };
    let pattern = |t: &String| {
        if caseless(t) {
            t.clone()
        } else {
            format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
        }
    };

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
    // The index is another database file: it answers with message ids, the workspace does the rest.
    let indexed = indexed_matches(store, &query).await?;
    let message_sql = newest_tickets(match indexed {
        Some(_) => format!(
            "SELECT m.ticket_id, m.id AS r FROM messages m WHERE m.id IN (SELECT value FROM json_each(?))
             {message_likes} ORDER BY m.id DESC LIMIT {MESSAGE_WINDOW}"
        ),
        None => format!(
            "SELECT m.ticket_id, m.id AS r FROM messages m WHERE 1 = 1{message_likes}
             ORDER BY m.id DESC LIMIT {like_window}"
        ),
    });
    // Subjects and AI summaries: substrings, short terms by LIKE (a short column).
    let ticket_likes = like_clause(&query.short_ticket_terms, &["t.subject", "t.summary"]);
    let ticket_sql = newest_tickets(match &query.trigrams {
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
    let message_binds: Vec<String> = indexed
        .into_iter()
        .chain(
            query
                .short_terms
                .iter()
                .flat_map(|t| std::iter::repeat_n(pattern(t), 4)),
        )
        .collect();
    let ticket_binds: Vec<String> = query
        .trigrams
        .iter()
        .cloned()
        .chain(
            query
                .short_ticket_terms
                .iter()
                .flat_map(|t| std::iter::repeat_n(pattern(t), 2)),
        )
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

/// The newest messages the index matches for the query's words and Chinese terms, as a JSON array of
/// ids; `None` when the query has neither.
async fn indexed_matches(store: &Store, query: &Query) -> Result<Option<String>> {
    // With short terms to scan for as well, more matches are kept: the scan then picks the newest.
    let window = if query.short_terms.is_empty() {
        MESSAGE_WINDOW
    } else {
        INDEX_MATCHES_FILTERED
    };
    let in_cjk = "rowid IN (SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH ?)";
    let (sql, binds) = match (&query.words, &query.cjk) {
        (Some(words), None) => (
            format!("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT {window}"),
            vec![words],
        ),
        (Some(words), Some(cjk)) => (
            format!(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? AND {in_cjk}
                 ORDER BY rowid DESC LIMIT {window}"
            ),
            vec![words, cjk],
        ),
        (None, Some(cjk)) => (
            format!("SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH ? ORDER BY rowid DESC LIMIT {window}"),
            vec![cjk],
        ),
        (None, None) => return Ok(None),
    };
    let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
    for value in binds {
        q = q.bind(value);
    }
    let ids = q.fetch_all(store.search_index().pool()).await?;
    Ok(Some(
        serde_json::to_string(&ids).map_err(|e| crate::Error::Invalid(e.to_string()))?,
    ))
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
    fn terms_go_to_the_index_that_can_answer_them() {
        let q = Query::parse(r#"refund 退款 "NEAR order 5 iPhone退款 a发票"#);
        assert_eq!(
            q.words.as_deref(),
            Some(r#""refund"* AND """NEAR"* AND "order"* AND "iPhone"*"#)
        );
        assert_eq!(q.cjk.as_deref(), Some(r#""退 款" AND "退 款" AND "发 票""#));
        assert_eq!(q.short_terms, ["5", "a发票"]);
        assert_eq!(
            q.trigrams.as_deref(),
            Some(r#""refund" AND """NEAR" AND "order" AND "iPhone退款" AND "a发票""#)
        );
        assert_eq!(q.short_ticket_terms, ["退款", "5"]);
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
