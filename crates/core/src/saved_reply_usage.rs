//! How saved replies are used: each time one is put into the reply box, and how much the agent changed it
//! before sending. The dashboard suggests rewriting replies that are always heavily edited and retiring
//! replies nobody uses.

use sqlx::SqliteConnection;

use crate::Result;
use crate::cjk_index::is_cjk;
use crate::time::now_ms;

/// Remembers that a saved reply, filled for this ticket, was offered to the agent.
pub async fn record_use(conn: &mut SqliteConnection, saved_reply_id: i64, ticket_id: i64, filled: &str) -> Result<()> {
    sqlx::query("INSERT INTO saved_reply_uses (saved_reply_id, ticket_id, filled_body, used_at) VALUES (?, ?, ?, ?)")
        .bind(saved_reply_id)
        .bind(ticket_id)
        .bind(filled)
        .bind(now_ms())
        .execute(conn)
        .await?;
    Ok(())
}

/// The agent sent a reply: every saved reply offered on the ticket since the last reply is measured
/// against what was actually sent.
pub async fn settle_sent(conn: &mut SqliteConnection, ticket_id: i64, sent: &str) -> Result<()> {
    let offered: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, filled_body FROM saved_reply_uses WHERE ticket_id = ? AND edit_ratio IS NULL")
            .bind(ticket_id)
            .fetch_all(&mut *conn)
            .await?;
    for (id, filled) in offered {
        sqlx::query("UPDATE saved_reply_uses SET edit_ratio = ? WHERE id = ?")
            .bind(edit_ratio(&filled, sent))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// How much of `offered` the agent rewrote: the word-level edit distance over the longer text's length,
/// 0.0 when sent as offered and 1.0 when nothing of it was kept. Words, not characters, so fixing a typo
/// is a small edit and a rewritten sentence a big one; Chinese text counts each character as a word.
pub fn edit_ratio(offered: &str, sent: &str) -> f64 {
    let a = words(offered);
    let b = words(sent);
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    // Two-row Levenshtein: replies are a few hundred words, so O(n·m) is a few hundred thousand steps.
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, word_a) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, word_b) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(word_a != word_b);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] as f64 / longest as f64
}

fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_text_is_zero_and_a_rewrite_is_one() {
        assert_eq!(
            edit_ratio("Hello Ann, your order shipped.", "Hello Ann, your order shipped."),
            0.0
        );
        assert_eq!(edit_ratio("a b c d", "w x y z"), 1.0);
        assert_eq!(edit_ratio("", ""), 0.0);
    }

    #[test]
    fn one_changed_word_in_four_is_a_quarter() {
        assert_eq!(edit_ratio("your order has shipped", "your parcel has shipped"), 0.25);
        // Case and punctuation are not edits.
        assert_eq!(edit_ratio("Thanks, Ann!", "thanks ann"), 0.0);
        // Two appended words to four: 2 edits over the 6 words of the longer text.
        assert!(
            (edit_ratio("your order has shipped", "your order has shipped today, thanks") - 2.0 / 6.0).abs() < 1e-9
        );
    }

    #[test]
    fn chinese_counts_characters() {
        // 您的订单已发货 → 您的包裹已发货: two of seven characters changed.
        assert!((edit_ratio("您的订单已发货", "您的包裹已发货") - 2.0 / 7.0).abs() < 1e-9);
    }
}
