//! Replies go to the durable outbox first; a channel's send task takes them from here, so a reply is
//! never lost when the network or the process dies, and never sent twice.

use serde_json::json;
use sqlx::AssertSqlSafe;
use sqlx::SqlitePool;

use crate::model::{Direction, OutboxItem, OutboxState};
use crate::time::now_ms;
use crate::{Error, Result, audit};

const ITEM_COLUMNS: &str = "o.id, o.ticket_id, o.message_id, o.state, m.body_text, o.last_error AS error, o.attempts,
    o.created_at";

/// Who writes the reply and from where.
#[derive(Debug, Clone)]
pub struct ReplyAuthor {
    pub name: String,
    pub address: String,
}

/// Records an agent's reply (or internal note) on a ticket. A reply is queued in the outbox; a note is
/// only stored. Returns the outbox item of a reply, `None` for a note.
pub async fn enqueue_reply(
    pool: &SqlitePool,
    ticket_id: i64,
    body: &str,
    direction: Direction,
    author: &ReplyAuthor,
) -> Result<Option<OutboxItem>> {
    enqueue(pool, ticket_id, body, direction, author, &[]).await
}

/// A file the agent attaches to a reply or a note.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Most bytes of files one reply may carry: mail servers commonly refuse messages over 25 MB, and base64
/// adds a third.
pub const MAX_ATTACHMENT_BYTES: usize = 18 * 1024 * 1024;

/// A file name safe to put in a mail header and on a disk: no directories, no control characters.
fn clean_filename(name: &str) -> Result<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string();
    if clean.is_empty() || clean == "." || clean == ".." {
        return Err(Error::Invalid(format!("'{name}' is not a file name")));
    }
    Ok(clean)
}

/// [`enqueue_reply`] with files: stored content-addressed beside the workspace, listed on the message,
/// and sent with the reply.
pub async fn enqueue_reply_with_attachments(
    store: &crate::Store,
    ticket_id: i64,
    body: &str,
    direction: Direction,
    author: &ReplyAuthor,
    attachments: &[NewAttachment],
) -> Result<Option<OutboxItem>> {
    let total: usize = attachments.iter().map(|a| a.bytes.len()).sum();
    if total > MAX_ATTACHMENT_BYTES {
        return Err(Error::Invalid(format!(
            "the files come to {:.1} MB; a reply can carry at most {} MB",
            total as f64 / 1_048_576.0,
            MAX_ATTACHMENT_BYTES / 1_048_576
        )));
    }
    let mut stored = Vec::new();
    for attachment in attachments {
        let filename = clean_filename(&attachment.filename)?;
        let content_type = Some(attachment.content_type.trim())
            .filter(|t| t.contains('/') && !t.chars().any(|c| c.is_whitespace() || c.is_control()))
            .unwrap_or("application/octet-stream")
            .to_string();
        // Content-addressed and idempotent: a crash before the message commits leaves an unused file only.
        let sha = store.blobs().put(&attachment.bytes)?;
        stored.push((filename, content_type, attachment.bytes.len() as i64, sha));
    }
    enqueue(store.pool(), ticket_id, body, direction, author, &stored).await
}

/// (file name, content type, size, sha256) of files already in the blob store.
pub type StoredAttachment = (String, String, i64, String);

async fn enqueue(
    pool: &SqlitePool,
    ticket_id: i64,
    body: &str,
    direction: Direction,
    author: &ReplyAuthor,
    attachments: &[StoredAttachment],
) -> Result<Option<OutboxItem>> {
    let mut tx = crate::store::begin_write(pool).await?;
    let outbox_id = enqueue_in(&mut tx, ticket_id, body, direction, author, attachments, Sender::Agent).await?;
    if direction == Direction::Outbound {
        // The agent has answered: a draft a rule prepared is spent.
        sqlx::query("DELETE FROM ticket_drafts WHERE ticket_id = ?")
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
        crate::saved_reply_usage::settle_sent(&mut tx, ticket_id, body).await?;
        crate::rules::fire(&mut tx, crate::rules::Trigger::AgentReplied, ticket_id, now_ms()).await?;
    }
    tx.commit().await?;
    match outbox_id {
        Some(id) => Ok(Some(item(pool, id).await?)),
        None => Ok(None),
    }
}

/// Who wrote a reply: the agent, or a rule sending an automatic reply (marked `Auto-Submitted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender<'a> {
    Agent,
    Rule(&'a str),
}

/// Stores a reply or note inside the caller's transaction; returns the outbox id of a reply.
pub async fn enqueue_in(
    tx: &mut sqlx::SqliteConnection,
    ticket_id: i64,
    body: &str,
    direction: Direction,
    author: &ReplyAuthor,
    attachments: &[StoredAttachment],
    sender: Sender<'_>,
) -> Result<Option<i64>> {
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Err(Error::Invalid("the reply is empty".into()));
    }
    if direction == Direction::Inbound {
        return Err(Error::Invalid("an agent cannot write an inbound message".into()));
    }
    let ticket: Option<(i64, String, String, Option<i64>)> =
        sqlx::query_as("SELECT number, subject, channel, account_id FROM tickets WHERE id = ?")
            .bind(ticket_id)
            .fetch_optional(&mut *tx)
            .await?;
    let (number, subject, channel, account_id) = ticket.ok_or(Error::TicketNotFound(ticket_id))?;
    // The last customer message is the parent: the reply's headers thread it on the customer's side.
    let parent: Option<(Option<String>, String)> = sqlx::query_as(
        "SELECT channel_message_id, references_json FROM messages
         WHERE ticket_id = ? AND direction = 'inbound' ORDER BY sent_at DESC, id DESC LIMIT 1",
    )
    .bind(ticket_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (in_reply_to, references) = match parent {
        Some((parent_id, refs_json)) => {
            let mut refs: Vec<String> = serde_json::from_str(&refs_json).unwrap_or_default();
            if let Some(id) = &parent_id {
                refs.push(id.clone());
            }
            (parent_id, refs)
        }
        None => (None, Vec::new()),
    };
    let now = now_ms();
    let domain = author.address.rsplit_once('@').map_or("switchboard.local", |(_, d)| d);
    let own_message_id = format!("sb-{ticket_id}-{now}-{}@{domain}", std::process::id());
    let message_id: i64 = sqlx::query_scalar(
        "INSERT INTO messages (ticket_id, direction, author_name, author_address, subject, body_text,
             channel_message_id, in_reply_to, references_json, content_hash, auto_generated, sent_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(ticket_id)
    .bind(direction)
    .bind(&author.name)
    .bind(&author.address)
    // The ticket token threads the customer's answer even when their mail client drops the headers.
    .bind(format!("Re: [#{number}] {subject}"))
    .bind(body)
    .bind(&own_message_id)
    .bind(&in_reply_to)
    .bind(serde_json::to_string(&references).unwrap_or_else(|_| "[]".into()))
    .bind(crate::blobs::BlobStore::hash(own_message_id.as_bytes()))
    // An automatic reply is marked like the auto-replies we receive: it answers nobody's question.
    .bind(matches!(sender, Sender::Rule(_)))
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    for (filename, content_type, size, sha) in attachments {
        sqlx::query(
            "INSERT INTO attachments (message_id, filename, content_type, size, sha256, inline)
             VALUES (?, ?, ?, ?, ?, 0)",
        )
        .bind(message_id)
        .bind(filename)
        .bind(content_type)
        .bind(size)
        .bind(sha)
        .execute(&mut *tx)
        .await?;
    }

    let outbox_id = if direction == Direction::Outbound {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outbox (ticket_id, message_id, channel, account_id, state, auto_submitted, created_at,
                 updated_at)
             VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id",
        )
        .bind(ticket_id)
        .bind(message_id)
        .bind(&channel)
        .bind(account_id)
        .bind(matches!(sender, Sender::Rule(_)))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        // Answering a new ticket opens it; the agent's reply is the latest activity. An automatic reply
        // leaves the ticket as the agent has yet to see it.
        sqlx::query(
            "UPDATE tickets SET status = CASE WHEN status = 'new' AND NOT ?1 THEN 'open' ELSE status END,
                 unread = CASE WHEN ?1 THEN unread ELSE 0 END, message_count = message_count + 1,
                 updated_at = CASE WHEN ?1 THEN updated_at ELSE ?2 END WHERE id = ?3",
        )
        .bind(matches!(sender, Sender::Rule(_)))
        .bind(now)
        .bind(ticket_id)
        .execute(&mut *tx)
        .await?;
        Some(id)
    } else {
        sqlx::query("UPDATE tickets SET message_count = message_count + 1, updated_at = ? WHERE id = ?")
            .bind(now)
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
        None
    };
    let kind = if outbox_id.is_some() {
        "reply_queued"
    } else {
        "note_added"
    };
    let actor = match sender {
        Sender::Agent => audit::ACTOR_AGENT.to_string(),
        Sender::Rule(name) => format!("rule:{name}"),
    };
    audit::record(
        &mut *tx,
        Some(ticket_id),
        kind,
        &actor,
        json!({ "message_id": message_id, "outbox_id": outbox_id, "automatic": matches!(sender, Sender::Rule(_)) }),
    )
    .await?;
    Ok(outbox_id)
}

pub async fn item(pool: &SqlitePool, outbox_id: i64) -> Result<OutboxItem> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = ?");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(outbox_id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::Invalid(format!("outbox item {outbox_id} does not exist")))
}

pub async fn for_ticket(pool: &SqlitePool, ticket_id: i64) -> Result<Vec<OutboxItem>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.ticket_id = ? ORDER BY o.id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(ticket_id)
        .fetch_all(pool)
        .await?)
}

/// Items waiting to be sent, oldest first.
pub async fn queued(pool: &SqlitePool, limit: i64) -> Result<Vec<OutboxItem>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM outbox o JOIN messages m ON m.id = o.message_id
         WHERE o.state = 'queued' ORDER BY o.id LIMIT ?"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(limit)
        .fetch_all(pool)
        .await?)
}

/// Moves an item to a new state. Marking it sent records the ticket's first response time.
pub async fn set_state(pool: &SqlitePool, outbox_id: i64, state: OutboxState, error: Option<&str>) -> Result<()> {
    let now = now_ms();
    let mut tx = crate::store::begin_write(pool).await?;
    let ticket_id: i64 = sqlx::query_scalar(
        "UPDATE outbox SET state = ?, last_error = ?, updated_at = ?,
             attempts = attempts + (CASE WHEN ? = 'sending' THEN 1 ELSE 0 END),
             sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
         WHERE id = ? RETURNING ticket_id",
    )
    .bind(state)
    .bind(error)
    .bind(now)
    .bind(state)
    .bind(state)
    .bind(now)
    .bind(outbox_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| Error::Invalid(format!("outbox item {outbox_id} does not exist")))?;
    if state == OutboxState::Sent {
        sqlx::query("UPDATE tickets SET first_response_at = coalesce(first_response_at, ?) WHERE id = ?")
            .bind(now)
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut tx,
        Some(ticket_id),
        "outbox_state",
        audit::ACTOR_SYSTEM,
        json!({ "outbox_id": outbox_id, "state": state, "error": error }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Everything a channel needs to deliver one queued reply.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutgoingReply {
    pub outbox_id: i64,
    pub ticket_id: i64,
    pub ticket_number: i64,
    pub account_id: Option<i64>,
    pub channel: String,
    pub attempts: i64,
    pub from_name: String,
    pub from_address: String,
    pub to_name: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    /// Our Message-ID for the reply (without angle brackets).
    pub message_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub references_json: String,
    /// Sent by a rule: carries `Auto-Submitted: auto-replied` so the other side never answers it.
    pub auto_submitted: bool,
}

impl OutgoingReply {
    pub fn references(&self) -> Vec<String> {
        serde_json::from_str(&self.references_json).unwrap_or_default()
    }
}

/// The files of a reply in the outbox, with their bytes, in the order they were attached.
pub async fn attachments_of(store: &crate::Store, outbox_id: i64) -> Result<Vec<NewAttachment>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT a.filename, a.content_type, a.sha256 FROM attachments a JOIN outbox o ON o.message_id = a.message_id
         WHERE o.id = ? ORDER BY a.id",
    )
    .bind(outbox_id)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter()
        .map(|(filename, content_type, sha)| {
            Ok(NewAttachment {
                filename,
                content_type,
                bytes: store.blobs().get(&sha)?,
            })
        })
        .collect()
}

/// Everything about a reply a channel needs to send it (the `o`, `m`, `t`, `c` aliases filter it).
const OUTGOING_SELECT: &str =
    "SELECT o.id AS outbox_id, o.ticket_id, t.number AS ticket_number, o.account_id, o.channel,
        o.attempts, m.author_name AS from_name, m.author_address AS from_address, c.display_name AS to_name,
        coalesce((SELECT address FROM customer_identities i WHERE i.customer_id = c.id AND i.channel = o.channel
                  ORDER BY i.id LIMIT 1), '') AS to_address,
        m.subject, m.body_text, m.channel_message_id AS message_id, m.in_reply_to, m.references_json,
        o.auto_submitted
     FROM outbox o JOIN messages m ON m.id = o.message_id JOIN tickets t ON t.id = o.ticket_id
          JOIN customers c ON c.id = t.customer_id";

/// Replies of `channel` a process left `sending` (it died mid-send): to be checked before any resend.
/// Call before this process starts sending.
pub async fn interrupted(pool: &SqlitePool, channel: &str) -> Result<Vec<OutgoingReply>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "{OUTGOING_SELECT} WHERE o.state = 'sending' AND o.channel = ? ORDER BY o.id"
    )))
    .bind(channel)
    .fetch_all(pool)
    .await?)
}

/// Claims the oldest queued reply of `channel` that is due, marking it `sending`.
pub async fn claim_next(pool: &SqlitePool, channel: &str) -> Result<Option<OutgoingReply>> {
    let now = now_ms();
    let mut tx = crate::store::begin_write(pool).await?;
    let id: Option<i64> = sqlx::query_scalar(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?1
         WHERE id = (SELECT id FROM outbox WHERE state = 'queued' AND channel = ?2 AND next_attempt_at <= ?1
                     ORDER BY id LIMIT 1)
         RETURNING id",
    )
    .bind(now)
    .bind(channel)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    let reply = sqlx::query_as(AssertSqlSafe(format!("{OUTGOING_SELECT} WHERE o.id = ?")))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(reply))
}

/// A failed attempt that may succeed later: queued again after `retry_in_ms`, in one statement so no
/// sender can see it queued without its back-off.
pub async fn retry_later(pool: &SqlitePool, outbox_id: i64, error: &str, retry_in_ms: i64) -> Result<()> {
    let now = now_ms();
    let mut tx = crate::store::begin_write(pool).await?;
    let ticket_id: i64 = sqlx::query_scalar(
        "UPDATE outbox SET state = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?
         RETURNING ticket_id",
    )
    .bind(error)
    .bind(now.saturating_add(retry_in_ms))
    .bind(now)
    .bind(outbox_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| Error::Invalid(format!("outbox item {outbox_id} does not exist")))?;
    audit::record(
        &mut tx,
        Some(ticket_id),
        "outbox_state",
        audit::ACTOR_SYSTEM,
        json!({ "outbox_id": outbox_id, "state": OutboxState::Queued, "error": error, "retry_in_ms": retry_in_ms }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The agent asks to try a failed reply again now.
pub async fn retry_now(pool: &SqlitePool, outbox_id: i64) -> Result<OutboxItem> {
    let changed = sqlx::query(
        "UPDATE outbox SET state = 'queued', next_attempt_at = 0, updated_at = ? WHERE id = ? AND state = 'failed'",
    )
    .bind(now_ms())
    .bind(outbox_id)
    .execute(pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::Invalid(format!("outbox item {outbox_id} has not failed")));
    }
    item(pool, outbox_id).await
}
