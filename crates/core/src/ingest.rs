//! The ingest path: a parsed inbound message becomes part of a ticket, in one transaction —
//! customer found or created, threaded or a new ticket opened, deduplicated, audited, and a
//! classification job queued. Every channel (email, chat, import) goes through here.

use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::blobs::BlobStore;
use crate::model::{ChannelKind, TicketStatus};
use crate::time::now_ms;
use crate::{Result, Store, audit, jobs, rules, threading};

/// A message as a channel parsed it. HTML must already be sanitized.
#[derive(Debug, Clone, Default)]
pub struct InboundMessage {
    pub channel: Option<ChannelKind>,
    pub account_id: Option<i64>,
    /// Where it came from (e.g. `imap:3:INBOX:uidvalidity:uid`), so a re-sync never duplicates it.
    pub source_key: Option<String>,
    /// Message-ID without angle brackets.
    pub message_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub from_name: String,
    pub from_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub raw_headers: String,
    pub sent_at: i64,
    /// Auto-replies, bulk mail and delivery reports: stored and marked, never open a ticket by themselves.
    pub auto_generated: bool,
    pub attachments: Vec<InboundAttachment>,
}

#[derive(Debug, Clone, Default)]
pub struct InboundAttachment {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub inline: bool,
    pub content_id: Option<String>,
}

/// What an import did, message by message, in total.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    /// Messages stored (new tickets plus messages threaded into existing ones).
    pub imported: u32,
    pub tickets_created: u32,
    /// Messages already in the workspace, skipped.
    pub duplicates: u32,
    /// Messages that could not be read, each reported and skipped.
    pub failed: u32,
}

impl ImportSummary {
    pub fn count(&mut self, outcome: IngestOutcome) {
        match outcome {
            IngestOutcome::Created { .. } => {
                self.imported += 1;
                self.tickets_created += 1;
            }
            IngestOutcome::Threaded { .. } => self.imported += 1,
            IngestOutcome::Duplicate { .. } => self.duplicates += 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A new ticket was opened for this message.
    Created { ticket_id: i64, message_id: i64 },
    /// The message joined an existing ticket.
    Threaded { ticket_id: i64, message_id: i64 },
    /// The same message was already stored.
    Duplicate { message_id: i64 },
}

impl InboundMessage {
    fn channel(&self) -> ChannelKind {
        self.channel.unwrap_or(ChannelKind::Email)
    }

    /// Identity of the content, for dedup when the same mail arrives twice (two mailboxes, re-import).
    /// Includes the Message-ID because senders reuse subjects and bodies; includes the body because
    /// some senders reuse Message-IDs.
    pub fn content_hash(&self) -> String {
        let mut hasher = Sha256::new();
        for part in [
            self.from_address.to_lowercase().as_str(),
            &self.sent_at.to_string(),
            &self.subject,
            &self.body_text,
            self.message_id.as_deref().unwrap_or(""),
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        hex::encode(hasher.finalize())
    }

    /// In-Reply-To and References, oldest first, without duplicates.
    fn thread_references(&self) -> Vec<String> {
        let mut refs = self.references.clone();
        if let Some(parent) = &self.in_reply_to
            && !refs.contains(parent)
        {
            refs.push(parent.clone());
        }
        refs
    }
}

/// Stores `msg` in its own transaction; see the module documentation.
pub async fn ingest(store: &Store, msg: &InboundMessage) -> Result<IngestOutcome> {
    let mut tx = crate::store::begin_write(store.pool()).await?;
    let outcome = ingest_in(&mut tx, store.blobs(), msg).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Stores `msg` inside the caller's transaction (bulk imports commit many messages at once; wrap each
/// in a savepoint to skip a bad one without losing the others).
pub async fn ingest_in(conn: &mut SqliteConnection, blobs: &BlobStore, msg: &InboundMessage) -> Result<IngestOutcome> {
    let address = msg.from_address.trim().to_lowercase();
    if address.is_empty() {
        return Err(crate::Error::Invalid("the message has no sender address".into()));
    }
    let hash = msg.content_hash();
    if let Some(message_id) = find_duplicate(&mut *conn, msg.source_key.as_deref(), &hash).await? {
        return Ok(IngestOutcome::Duplicate { message_id });
    }
    // Attachment bytes go to content-addressed files first: harmless if the transaction then fails.
    let mut stored_attachments = Vec::with_capacity(msg.attachments.len());
    for attachment in &msg.attachments {
        stored_attachments.push((attachment, blobs.put(&attachment.bytes)?));
    }
    let channel = msg.channel();
    let now = now_ms();
    let customer_id = find_or_create_customer(&mut *conn, channel, &address, &msg.from_name, now).await?;

    let refs = msg.thread_references();
    let mut ticket_id = threading::ticket_by_references(&mut *conn, customer_id, &refs).await?;
    if ticket_id.is_none() {
        ticket_id = threading::ticket_by_subject_token(&mut *conn, customer_id, &msg.subject).await?;
    }
    let chat = matches!(channel, ChannelKind::Telegram | ChannelKind::Wechat);
    if ticket_id.is_none() && chat {
        ticket_id = threading::current_conversation(&mut *conn, customer_id, channel.as_str(), msg.account_id).await?;
    }
    // A ticket merged into another hands its conversation on.
    if let Some(id) = ticket_id {
        ticket_id = Some(follow_merges(&mut *conn, id).await?);
    }
    // A closed ticket stays closed, and so does one resolved longer ago than the grace period: the
    // customer's new message starts a new conversation.
    if let Some(id) = ticket_id
        && !msg.auto_generated
    {
        let (status, resolved_at): (String, Option<i64>) =
            sqlx::query_as("SELECT status, resolved_at FROM tickets WHERE id = ?")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        // A chat goes quiet sooner than mail: after the quiet period a new message is a new conversation.
        let grace = if chat {
            chat_quiet_ms(&mut *conn).await?
        } else {
            reopen_grace_ms(&mut *conn).await?
        };
        let past_grace = status == TicketStatus::Resolved.as_str()
            && resolved_at.is_some_and(|at| msg.sent_at.min(now) - at > grace);
        if status == TicketStatus::Closed.as_str() || past_grace {
            ticket_id = None;
        }
    }

    let created = ticket_id.is_none();
    let ticket_id = match ticket_id {
        Some(id) => id,
        None => create_ticket(&mut *conn, msg, channel, customer_id, now).await?,
    };

    let message_id: i64 = sqlx::query_scalar(
        "INSERT INTO messages (ticket_id, direction, author_name, author_address, subject, body_text, body_html,
             channel_message_id, in_reply_to, references_json, raw_headers, content_hash, source_key,
             auto_generated, account_id, sent_at, created_at)
         VALUES (?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(ticket_id)
    .bind(display_name(&msg.from_name, &address))
    .bind(&address)
    .bind(&msg.subject)
    .bind(&msg.body_text)
    .bind(&msg.body_html)
    .bind(&msg.message_id)
    .bind(&msg.in_reply_to)
    .bind(serde_json::to_string(&msg.references).unwrap_or_else(|_| "[]".into()))
    .bind(&msg.raw_headers)
    .bind(&hash)
    .bind(&msg.source_key)
    .bind(msg.auto_generated)
    .bind(msg.account_id)
    .bind(msg.sent_at)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    crate::cjk_index::index_message(
        &mut *conn,
        message_id,
        &msg.subject,
        &msg.body_text,
        &display_name(&msg.from_name, &address),
    )
    .await?;

    for (attachment, sha) in stored_attachments {
        sqlx::query(
            "INSERT INTO attachments (message_id, filename, content_type, size, sha256, inline, content_id)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(message_id)
        .bind(&attachment.filename)
        .bind(&attachment.content_type)
        .bind(attachment.bytes.len() as i64)
        .bind(sha)
        .bind(attachment.inline)
        .bind(&attachment.content_id)
        .execute(&mut *conn)
        .await?;
    }

    if !created {
        update_ticket_after_message(&mut *conn, ticket_id, msg).await?;
    }

    let kind = if created { "ticket_created" } else { "message_received" };
    audit::record(
        &mut *conn,
        Some(ticket_id),
        kind,
        channel.as_str(),
        json!({ "message_id": message_id, "from": address, "auto_generated": msg.auto_generated }),
    )
    .await?;
    // Auto-generated mail is stored for the record but costs no model call and runs no rules.
    if !msg.auto_generated {
        let trigger = if created {
            rules::Trigger::TicketCreated
        } else {
            rules::Trigger::CustomerReplied
        };
        rules::fire(&mut *conn, trigger, ticket_id, now).await?;
        jobs::enqueue(
            &mut *conn,
            jobs::KIND_CLASSIFY,
            json!({ "ticket_id": ticket_id }),
            Some(&format!("classify:{ticket_id}")),
        )
        .await?;
    }
    Ok(if created {
        IngestOutcome::Created { ticket_id, message_id }
    } else {
        IngestOutcome::Threaded { ticket_id, message_id }
    })
}

/// The ticket a merged ticket's conversation lives in now (merges can chain).
async fn follow_merges(conn: &mut SqliteConnection, mut ticket_id: i64) -> Result<i64> {
    for _ in 0..16 {
        let next: Option<Option<i64>> = sqlx::query_scalar("SELECT merged_into FROM tickets WHERE id = ?")
            .bind(ticket_id)
            .fetch_optional(&mut *conn)
            .await?;
        match next.flatten() {
            Some(next) => ticket_id = next,
            None => break,
        }
    }
    Ok(ticket_id)
}

/// Setting: hours after a chat ticket is resolved during which the customer's next message reopens it.
pub const CHAT_QUIET_HOURS_KEY: &str = "workflow.chat_quiet_hours";
const DEFAULT_CHAT_QUIET_HOURS: i64 = 24;

async fn chat_quiet_ms(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(setting_number(conn, CHAT_QUIET_HOURS_KEY, DEFAULT_CHAT_QUIET_HOURS)
        .await?
        .max(0)
        * 3_600_000)
}

/// A whole-number setting, or its default when unset or not a number.
async fn setting_number(conn: &mut SqliteConnection, key: &str, default: i64) -> Result<i64> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(key)
        .fetch_optional(conn)
        .await?;
    Ok(value.and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(default))
}

/// Setting: days after resolving during which a customer's answer reopens the ticket.
pub const REOPEN_GRACE_DAYS_KEY: &str = "workflow.reopen_grace_days";
const DEFAULT_REOPEN_GRACE_DAYS: i64 = 14;

async fn reopen_grace_ms(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(setting_number(conn, REOPEN_GRACE_DAYS_KEY, DEFAULT_REOPEN_GRACE_DAYS)
        .await?
        .max(0)
        * 86_400_000)
}

/// The stored message this one repeats: the same place in the same mailbox, else the same content.
async fn find_duplicate(conn: &mut SqliteConnection, source_key: Option<&str>, hash: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM messages WHERE source_key = ?
         UNION ALL
         SELECT id FROM messages WHERE content_hash = ? AND direction = 'inbound'
         LIMIT 1",
    )
    .bind(source_key)
    .bind(hash)
    .fetch_optional(conn)
    .await?)
}

async fn find_or_create_customer(
    conn: &mut SqliteConnection,
    channel: ChannelKind,
    address: &str,
    name: &str,
    now: i64,
) -> Result<i64> {
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT c.id, c.display_name FROM customer_identities i JOIN customers c ON c.id = i.customer_id
         WHERE i.channel = ? AND i.address = ?",
    )
    .bind(channel)
    .bind(address)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id, display)) = existing {
        // A customer first seen without a name gets one as soon as a message carries it.
        if display == address && !name.trim().is_empty() {
            sqlx::query("UPDATE customers SET display_name = ?, updated_at = ? WHERE id = ?")
                .bind(name.trim())
                .bind(now)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        return Ok(id);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO customers (display_name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(display_name(name, address))
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO customer_identities (customer_id, channel, address) VALUES (?, ?, ?)")
        .bind(id)
        .bind(channel)
        .bind(address)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// Opens a ticket for `msg`, its first message already counted (one statement: ingest runs per mail).
async fn create_ticket(
    conn: &mut SqliteConnection,
    msg: &InboundMessage,
    channel: ChannelKind,
    customer_id: i64,
    now: i64,
) -> Result<i64> {
    let subject = threading::strip_reply_prefixes(&msg.subject);
    let subject = if subject.is_empty() { "(no subject)" } else { subject };
    // Noise never opens a ticket: it is filed closed, where the agent can still find it, and is not
    // the customer's word (no preview or reply clock).
    let (status, preview, customer_message_at) = if msg.auto_generated {
        (TicketStatus::Closed, String::new(), None)
    } else {
        (
            TicketStatus::New,
            preview_of(&msg.body_text),
            Some(msg.sent_at.min(now)),
        )
    };
    let sql = format!(
        "INSERT INTO tickets (number, subject, status, channel, account_id, customer_id, auto_generated,
             created_at, updated_at, message_count, preview, last_customer_message_at)
         VALUES ({}, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
        crate::tickets::NEXT_NUMBER
    );
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(subject)
        .bind(status)
        .bind(channel)
        .bind(msg.account_id)
        .bind(customer_id)
        .bind(msg.auto_generated)
        .bind(msg.sent_at.min(now))
        .bind(msg.sent_at.min(now))
        .bind(preview)
        .bind(customer_message_at)
        .fetch_one(conn)
        .await?)
}

/// A message joining an existing ticket: counted, and when it is the customer's newest word, the ticket
/// is unread again, wakes from snooze, shows it as its preview and reopens if it was resolved or pending.
async fn update_ticket_after_message(conn: &mut SqliteConnection, ticket_id: i64, msg: &InboundMessage) -> Result<()> {
    if msg.auto_generated {
        sqlx::query("UPDATE tickets SET message_count = message_count + 1 WHERE id = ?")
            .bind(ticket_id)
            .execute(conn)
            .await?;
        return Ok(());
    }
    // Dates come from the sender: a future date may not pin the ticket to the top of every view.
    let sent_at = msg.sent_at.min(now_ms());
    // Only a message newer than what the ticket has seen reopens it and becomes its preview: importing
    // an old mail into a resolved ticket changes nothing the agent relies on.
    let preview = preview_of(&msg.body_text);
    sqlx::query(
        "UPDATE tickets SET message_count = message_count + 1,
             unread = CASE WHEN is_newer THEN 1 ELSE unread END,
             snoozed_until = CASE WHEN is_newer THEN NULL ELSE snoozed_until END,
             preview = CASE WHEN is_newer THEN ? ELSE preview END,
             updated_at = max(updated_at, ?),
             last_customer_message_at = max(coalesce(last_customer_message_at, 0), ?),
             status = CASE WHEN is_newer AND status IN ('resolved', 'pending') THEN 'open' ELSE status END,
             resolved_at = CASE WHEN is_newer AND status IN ('resolved', 'pending') THEN NULL ELSE resolved_at END
         FROM (SELECT ? >= coalesce(last_customer_message_at, 0) AS is_newer FROM tickets WHERE id = ?)
         WHERE id = ?",
    )
    .bind(preview)
    .bind(sent_at)
    .bind(sent_at)
    .bind(sent_at)
    .bind(ticket_id)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(())
}

fn display_name(name: &str, address: &str) -> String {
    let name = name.trim().trim_matches('"').trim();
    if name.is_empty() {
        address.to_string()
    } else {
        name.to_string()
    }
}

/// First meaningful line(s) of a body, quoted replies skipped, for the ticket list.
pub fn preview_of(body: &str) -> String {
    let text: String = body
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('>'))
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    text.chars().take(200).collect()
}
