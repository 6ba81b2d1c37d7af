//! Merging tickets that are one conversation, and splitting one that holds two. Messages move with their
//! attachments and outbox rows; both tickets' timelines say what happened; nothing is deleted.

use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};

use crate::model::TicketSummary;
use crate::time::now_ms;
use crate::{Error, Result, audit, tickets};

/// Recomputes what the list shows of a ticket from the messages it now holds.
async fn recount(conn: &mut SqliteConnection, ticket_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE tickets SET
             message_count = (SELECT count(*) FROM messages WHERE ticket_id = ?1),
             last_customer_message_at = (SELECT max(sent_at) FROM messages
                                         WHERE ticket_id = ?1 AND direction = 'inbound'),
             preview = coalesce((SELECT substr(body_text, 1, 200) FROM messages
                                 WHERE ticket_id = ?1 AND direction = 'inbound'
                                 ORDER BY sent_at DESC, id DESC LIMIT 1), preview),
             updated_at = max(updated_at, ?2)
         WHERE id = ?1",
    )
    .bind(ticket_id)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

async fn exists(conn: &mut SqliteConnection, ticket_id: i64) -> Result<()> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_optional(conn)
        .await?;
    found.map(|_| ()).ok_or(Error::TicketNotFound(ticket_id))
}

/// Moves every message of `sources` into `target`; each source is closed and points at the target.
/// All or nothing.
pub async fn merge(pool: &SqlitePool, target: i64, sources: &[i64], actor: &str) -> Result<TicketSummary> {
    if sources.is_empty() {
        return Err(Error::Invalid("choose the tickets to merge".into()));
    }
    if sources.contains(&target) {
        return Err(Error::Invalid("a ticket cannot be merged into itself".into()));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    exists(&mut tx, target).await?;
    let target_number: i64 = sqlx::query_scalar("SELECT number FROM tickets WHERE id = ?")
        .bind(target)
        .fetch_one(&mut *tx)
        .await?;
    for &source in sources {
        exists(&mut tx, source).await?;
        let number: i64 = sqlx::query_scalar("SELECT number FROM tickets WHERE id = ?")
            .bind(source)
            .fetch_one(&mut *tx)
            .await?;
        let moved = sqlx::query("UPDATE messages SET ticket_id = ? WHERE ticket_id = ?")
            .bind(target)
            .bind(source)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("UPDATE outbox SET ticket_id = ? WHERE ticket_id = ?")
            .bind(target)
            .bind(source)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT OR IGNORE INTO ticket_tags (ticket_id, tag_id) SELECT ?, tag_id FROM ticket_tags WHERE ticket_id = ?")
            .bind(target)
            .bind(source)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE tickets SET status = 'closed', merged_into = ?, resolved_at = coalesce(resolved_at, ?),
                 snoozed_until = NULL WHERE id = ?",
        )
        .bind(target)
        .bind(now_ms())
        .bind(source)
        .execute(&mut *tx)
        .await?;
        recount(&mut tx, source).await?;
        audit::record(
            &mut tx,
            Some(source),
            "merged_into",
            actor,
            json!({ "ticket": target_number, "messages": moved }),
        )
        .await?;
        audit::record(
            &mut tx,
            Some(target),
            "merged_from",
            actor,
            json!({ "ticket": number, "messages": moved }),
        )
        .await?;
    }
    // The oldest start wins: the merged conversation began when its first part did.
    sqlx::query(
        "UPDATE tickets SET created_at = min(created_at, (SELECT min(created_at) FROM tickets WHERE merged_into = ?1)),
             status = CASE WHEN status IN ('resolved', 'closed') THEN 'open' ELSE status END
         WHERE id = ?1",
    )
    .bind(target)
    .execute(&mut *tx)
    .await?;
    recount(&mut tx, target).await?;
    tx.commit().await?;
    tickets::summary(pool, target).await
}

/// Moves the chosen messages of a ticket into a new ticket of the same customer (e.g. a second question
/// asked in the same thread). Returns the new ticket.
pub async fn split(pool: &SqlitePool, ticket_id: i64, message_ids: &[i64], actor: &str) -> Result<TicketSummary> {
    if message_ids.is_empty() {
        return Err(Error::Invalid("choose the messages to move to a new ticket".into()));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    exists(&mut tx, ticket_id).await?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM messages WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_one(&mut *tx)
        .await?;
    let mut subject = None;
    for &message_id in message_ids {
        let found: Option<(String, String)> =
            sqlx::query_as("SELECT subject, direction FROM messages WHERE id = ? AND ticket_id = ?")
                .bind(message_id)
                .bind(ticket_id)
                .fetch_optional(&mut *tx)
                .await?;
        let (message_subject, direction) =
            found.ok_or_else(|| Error::Invalid(format!("message {message_id} is not part of this ticket")))?;
        if subject.is_none() && direction == "inbound" {
            subject = Some(message_subject);
        }
    }
    if message_ids.len() as i64 >= total {
        return Err(Error::Invalid("at least one message has to stay on the ticket".into()));
    }
    let (number, old_subject): (i64, String) = sqlx::query_as("SELECT number, subject FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(&mut *tx)
        .await?;
    let subject = subject
        .map(|s| crate::threading::strip_reply_prefixes(&s).to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or(old_subject);
    let new_number = crate::tickets::next_number(&mut tx).await?;
    let now = now_ms();
    let new_id: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (number, subject, status, priority, category, sentiment, language, channel, account_id,
             customer_id, queue, created_at, updated_at)
         SELECT ?, ?, 'open', priority, category, sentiment, language, channel, account_id, customer_id, queue, ?, ?
         FROM tickets WHERE id = ? RETURNING id",
    )
    .bind(new_number)
    .bind(&subject)
    .bind(now)
    .bind(now)
    .bind(ticket_id)
    .fetch_one(&mut *tx)
    .await?;
    for &message_id in message_ids {
        sqlx::query("UPDATE messages SET ticket_id = ? WHERE id = ?")
            .bind(new_id)
            .bind(message_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE outbox SET ticket_id = ? WHERE message_id = ?")
            .bind(new_id)
            .bind(message_id)
            .execute(&mut *tx)
            .await?;
    }
    recount(&mut tx, ticket_id).await?;
    recount(&mut tx, new_id).await?;
    audit::record(
        &mut tx,
        Some(ticket_id),
        "split_to",
        actor,
        json!({ "ticket": new_number, "messages": message_ids }),
    )
    .await?;
    audit::record(
        &mut tx,
        Some(new_id),
        "split_from",
        actor,
        json!({ "ticket": number, "messages": message_ids }),
    )
    .await?;
    tx.commit().await?;
    tickets::summary(pool, new_id).await
}
