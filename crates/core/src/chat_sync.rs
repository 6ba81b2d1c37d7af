//! Storing what a chat account pulled: a batch of messages and the platform cursor after them, in one
//! transaction. A crash before the commit fetches the batch again (each message's source key dedups it);
//! after the commit the platform may forget the batch, and nothing is lost.

use sqlx::SqlitePool;

use crate::ingest::{InboundMessage, IngestOutcome, ingest_in};
use crate::time::now_ms;
use crate::{Result, Store};

/// The account's stored cursor, `None` before its first sync.
pub async fn cursor(pool: &SqlitePool, account_id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT cursor FROM channel_cursors WHERE account_id = ?")
            .bind(account_id)
            .fetch_optional(pool)
            .await?,
    )
}

/// What one message of a batch became.
#[derive(Debug)]
pub enum BatchItem {
    Stored(IngestOutcome),
    /// Kept aside (raw form in the blob store, listed with the account's unreadable messages).
    Unreadable {
        source_key: String,
        error: String,
    },
}

/// Stores `messages` and moves the account's cursor to `next_cursor`, all or nothing. A message that
/// cannot be stored is kept aside with its raw form rather than blocking the account forever.
pub async fn store_batch(
    store: &Store,
    account_id: i64,
    messages: &[(InboundMessage, Vec<u8>)],
    next_cursor: &str,
) -> Result<Vec<BatchItem>> {
    let mut tx = crate::store::begin_write(store.pool()).await?;
    let mut items = Vec::with_capacity(messages.len());
    for (message, raw) in messages {
        let mut savepoint = sqlx::Connection::begin(&mut *tx).await?;
        match ingest_in(&mut savepoint, store.blobs(), message).await {
            Ok(outcome) => {
                savepoint.commit().await?;
                items.push(BatchItem::Stored(outcome));
            }
            Err(error) => {
                savepoint.rollback().await?;
                let source_key = message.source_key.clone().unwrap_or_default();
                let sha = store.blobs().put(raw)?;
                crate::sync_state::record_unreadable(&mut tx, account_id, &source_key, &sha, &error.to_string())
                    .await?;
                items.push(BatchItem::Unreadable {
                    source_key,
                    error: error.to_string(),
                });
            }
        }
    }
    sqlx::query(
        "INSERT INTO channel_cursors (account_id, cursor, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
    )
    .bind(account_id)
    .bind(next_cursor)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(items)
}

/// How many parts of a split chat reply already went out.
pub async fn parts_sent(pool: &SqlitePool, outbox_id: i64) -> Result<usize> {
    let n: i64 = sqlx::query_scalar("SELECT parts_sent FROM outbox WHERE id = ?")
        .bind(outbox_id)
        .fetch_optional(pool)
        .await?
        .unwrap_or(0);
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Records that `parts` parts of the reply went out, right after each is sent.
pub async fn set_parts_sent(pool: &SqlitePool, outbox_id: i64, parts: usize) -> Result<()> {
    sqlx::query("UPDATE outbox SET parts_sent = ? WHERE id = ?")
        .bind(i64::try_from(parts).unwrap_or(i64::MAX))
        .bind(outbox_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// For a ticket of `channel`: when its reply window (`window_ms` after the customer's last message) closes,
/// and how many of `max_replies` messages are left (each part of a split reply counts; failed ones do not).
/// `None` for tickets of other channels or without a customer message.
pub async fn reply_window(
    pool: &SqlitePool,
    ticket_id: i64,
    channel: crate::model::ChannelKind,
    window_ms: i64,
    max_replies: i64,
) -> Result<Option<(i64, i64)>> {
    let ticket: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT channel, last_customer_message_at FROM tickets WHERE id = ?")
            .bind(ticket_id)
            .fetch_optional(pool)
            .await?;
    let Some((kind, Some(asked))) = ticket else {
        return Ok(None);
    };
    if kind != channel.as_str() {
        return Ok(None);
    }
    let used: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(max(parts_sent, CASE WHEN state = 'sent' THEN 1 ELSE 0 END)), 0) FROM outbox
         WHERE ticket_id = ? AND created_at >= ? AND state <> 'failed'",
    )
    .bind(ticket_id)
    .bind(asked)
    .fetch_one(pool)
    .await?;
    Ok(Some((asked + window_ms, (max_replies - used).max(0))))
}
