//! The index behind one- and two-character Chinese search terms: each message's CJK characters as
//! separate tokens, so "退款" is the FTS phrase "退 款". Written with the message by the code that stores it
//! (ingest, the outbox); messages stored before this index existed are indexed once when the store opens.

use sqlx::{SqliteConnection, SqlitePool};

use crate::Result;

const BACKFILL_KEY: &str = "search.cjk_indexed_to";
const BACKFILL_BATCH: i64 = 2000;

/// CJK ideographs carry a word's meaning each: indexed, compared and counted one by one.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The tokens of a text: its CJK characters separated by spaces, with a break token between runs so the
/// last character of one run and the first of the next are never adjacent. Empty without CJK.
pub fn tokens(text: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in text.chars() {
        if is_cjk(c) {
            if !in_run && !out.is_empty() {
                out.push_str(" x ");
            } else if in_run {
                out.push(' ');
            }
            out.push(c);
            in_run = true;
        } else {
            in_run = false;
        }
    }
    out
}

/// A message's tokens: those of its subject, body and author name, runs kept apart. Empty without CJK.
pub fn message_tokens(subject: &str, body: &str, author: &str) -> String {
    [subject, body, author]
        .iter()
        .map(|text| tokens(text))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" x ")
}

/// Adds a message's tokens (`message_tokens`, not empty) under its id; binds the id, then the tokens.
pub(crate) const INSERT_SQL: &str = "INSERT INTO messages_cjk (rowid, chars) VALUES (?, ?)";

/// Indexes one message (subject, body and author name).
pub async fn index_message(
    conn: &mut SqliteConnection,
    message_id: i64,
    subject: &str,
    body: &str,
    author: &str,
) -> Result<()> {
    let chars = message_tokens(subject, body, author);
    if chars.is_empty() {
        return Ok(());
    }
    sqlx::query(INSERT_SQL)
        .bind(message_id)
        .bind(chars)
        .execute(conn)
        .await?;
    Ok(())
}

/// The FTS phrase for a term made only of CJK characters ("退款" → `"退 款"`), else `None`.
pub fn phrase(term: &str) -> Option<String> {
    (!term.is_empty() && term.chars().all(is_cjk)).then(|| {
        let spaced: Vec<String> = term.chars().map(String::from).collect();
        format!("\"{}\"", spaced.join(" "))
    })
}

/// Indexes the messages stored before the index existed, oldest first, in batches; resumable after a
/// crash, and a no-op once complete (new messages are indexed as they are stored).
pub async fn backfill(pool: &SqlitePool) -> Result<usize> {
    let mut total = 0;
    loop {
        let mut tx = crate::store::begin_write(pool).await?;
        let progress: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(BACKFILL_KEY)
            .fetch_optional(&mut *tx)
            .await?;
        if progress.as_deref() == Some(COMPLETE) {
            return Ok(total);
        }
        let done: i64 = progress.and_then(|p| p.parse().ok()).unwrap_or(0);
        // Messages stored since the index exists are already in it.
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT id, subject, body_text, author_name FROM messages
             WHERE id > ? AND id NOT IN (SELECT rowid FROM messages_cjk WHERE rowid > ?) ORDER BY id LIMIT ?",
        )
        .bind(done)
        .bind(done)
        .bind(BACKFILL_BATCH)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = rows.last().map(|row| row.0) else {
            record(&mut tx, COMPLETE).await?;
            tx.commit().await?;
            return Ok(total);
        };
        for (id, subject, body, author) in &rows {
            index_message(&mut tx, *id, subject, body, author).await?;
        }
        record(&mut tx, &last.to_string()).await?;
        tx.commit().await?;
        total += rows.len();
    }
}

const COMPLETE: &str = "complete";

async fn record(conn: &mut SqliteConnection, progress: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(BACKFILL_KEY)
    .bind(progress)
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_tokens_and_runs_stay_apart() {
        assert_eq!(tokens("申请退款 please 发票"), "申 请 退 款 x 发 票");
        assert_eq!(tokens("no chinese here"), "");
        assert_eq!(phrase("退款").as_deref(), Some("\"退 款\""));
        assert_eq!(phrase("ab"), None);
        assert_eq!(phrase("退a"), None);
    }
}
