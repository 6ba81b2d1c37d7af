//! The ingest path: a parsed inbound message becomes part of a ticket, in one transaction —
//! customer found or created, threaded or a new ticket opened, deduplicated, audited, and a
//! classification job queued. Every channel (email, chat, import) goes through here.

use std::sync::LazyLock;

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
    store_in(conn, blobs, msg, &msg.content_hash()).await
}

/// A message with what storing it computes from its text done beforehand (its content hash): a sync
/// pipeline prepares messages beside SQLite's thread rather than between its statements.
#[derive(Debug, Clone)]
pub struct PreparedMessage {
    message: InboundMessage,
    content_hash: String,
}

impl PreparedMessage {
    pub fn new(message: InboundMessage) -> Self {
        Self {
            content_hash: message.content_hash(),
            message,
        }
    }

    pub fn message(&self) -> &InboundMessage {
        &self.message
    }
}

/// [`ingest_in`] for a message prepared beforehand.
pub async fn ingest_prepared_in(
    conn: &mut SqliteConnection,
    blobs: &BlobStore,
    prepared: &PreparedMessage,
) -> Result<IngestOutcome> {
    store_in(conn, blobs, &prepared.message, &prepared.content_hash).await
}

/// Statements go to SQLite in as few round trips as the decisions allow: each one is a hand-off to
/// SQLite's thread and back (about 17 µs on a busy machine), which costs more than most of the
/// statements themselves. A new ticket takes three: a first look, the ticket with its message, and
/// the attachment, audit and job entries.
async fn store_in(
    conn: &mut SqliteConnection,
    blobs: &BlobStore,
    msg: &InboundMessage,
    hash: &str,
) -> Result<IngestOutcome> {
    let address = msg.from_address.trim().to_lowercase();
    if address.is_empty() {
        return Err(crate::Error::Invalid("the message has no sender address".into()));
    }
    let channel = msg.channel();
    let look = first_look(&mut *conn, msg.source_key.as_deref(), hash, channel, &address).await?;
    if let Some(message_id) = look.duplicate {
        return Ok(IngestOutcome::Duplicate { message_id });
    }
    // Attachment bytes go to content-addressed files first: harmless if the transaction then fails.
    let mut stored_attachments = Vec::with_capacity(msg.attachments.len());
    for attachment in &msg.attachments {
        stored_attachments.push((attachment, blobs.put(&attachment.bytes)?));
    }
    let now = now_ms();
    let (customer_id, ticket_id) = match look.customer {
        Some((id, display)) => {
            // A customer first seen without a name gets one as soon as a message carries it.
            if display == address && !msg.from_name.trim().is_empty() {
                sqlx::query("UPDATE customers SET display_name = ?, updated_at = ? WHERE id = ?")
                    .bind(msg.from_name.trim())
                    .bind(now)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            (id, conversation_to_continue(&mut *conn, id, msg, channel, now).await?)
        }
        // Someone new has no conversation to continue.
        None => (
            create_customer(&mut *conn, channel, &address, &msg.from_name, now).await?,
            None,
        ),
    };

    let row = MessageRow {
        msg,
        author: display_name(&msg.from_name, &address),
        address: &address,
        hash,
        now,
    };
    let created = ticket_id.is_none();
    let (ticket_id, message_id) = match ticket_id {
        None => store_with_new_ticket(&mut *conn, &row, channel, customer_id).await?,
        Some(id) => store_in_ticket(&mut *conn, id, &row).await?,
    };

    // The rest in one round trip: attachments, the audit entry and (for a customer's own words) the
    // classification job. The search index follows in its own file (`search_index`).
    let mut sql = String::new();
    if !stored_attachments.is_empty() {
        sql.push_str(INSERT_ATTACHMENTS);
        sql.push_str(";\n");
    }
    sql.push_str(audit::INSERT_SQL);
    if !msg.auto_generated {
        sql.push_str(";\n");
        sql.push_str(jobs::ENQUEUE_SQL);
    }
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    if !stored_attachments.is_empty() {
        let list: Vec<_> = stored_attachments
            .iter()
            .map(|(a, sha)| {
                json!({ "filename": a.filename, "content_type": a.content_type, "size": a.bytes.len(),
                        "sha256": sha, "inline": a.inline, "content_id": a.content_id })
            })
            .collect();
        query = query.bind(message_id).bind(serde_json::Value::from(list).to_string());
    }
    let kind = if created { "ticket_created" } else { "message_received" };
    let event = json!({ "message_id": message_id, "from": address, "auto_generated": msg.auto_generated });
    query = query
        .bind(ticket_id)
        .bind(kind)
        .bind(channel.as_str())
        .bind(event.to_string())
        .bind(now);
    if !msg.auto_generated {
        query = query
            .bind(jobs::KIND_CLASSIFY)
            .bind(json!({ "ticket_id": ticket_id }).to_string())
            .bind(format!("classify:{ticket_id}"))
            .bind(now)
            .bind(now)
            .bind(now);
    }
    query.execute(&mut *conn).await?;

    // Auto-generated mail is stored for the record but costs no model call and runs no rules.
    if look.rules_enabled && !msg.auto_generated {
        let trigger = if created {
            rules::Trigger::TicketCreated
        } else {
            rules::Trigger::CustomerReplied
        };
        rules::fire(&mut *conn, trigger, ticket_id, now).await?;
    }
    Ok(if created {
        IngestOutcome::Created { ticket_id, message_id }
    } else {
        IngestOutcome::Threaded { ticket_id, message_id }
    })
}

/// Binds the message id, then the attachments as a JSON array of objects.
const INSERT_ATTACHMENTS: &str =
    "INSERT INTO attachments (message_id, filename, content_type, size, sha256, inline, content_id)
     SELECT ?, value ->> 'filename', value ->> 'content_type', value ->> 'size', value ->> 'sha256',
            value ->> 'inline', value ->> 'content_id'
     FROM json_each(?)";

/// What the store already knows before anything is written: whether the message is stored already,
/// who sent it, and whether any rule may want to run.
struct FirstLook {
    duplicate: Option<i64>,
    /// The customer's id and display name.
    customer: Option<(i64, String)>,
    rules_enabled: bool,
}

/// One statement for the three questions of [`FirstLook`]. The duplicate is the stored message at the
/// same place in the same mailbox, else with the same content.
async fn first_look(
    conn: &mut SqliteConnection,
    source_key: Option<&str>,
    hash: &str,
    channel: ChannelKind,
    address: &str,
) -> Result<FirstLook> {
    let (duplicate, rules_enabled, customer_id, display): (Option<i64>, bool, Option<i64>, Option<String>) =
        sqlx::query_as(
            "SELECT look.duplicate, look.rules_enabled, c.id, c.display_name
             FROM (SELECT (SELECT id FROM messages WHERE source_key = ?1
                           UNION ALL
                           SELECT id FROM messages WHERE content_hash = ?2 AND direction = 'inbound'
                           LIMIT 1) AS duplicate,
                          EXISTS (SELECT 1 FROM rules WHERE enabled = 1) AS rules_enabled) AS look
             LEFT JOIN customer_identities i ON i.channel = ?3 AND i.address = ?4
             LEFT JOIN customers c ON c.id = i.customer_id",
        )
        .bind(source_key)
        .bind(hash)
        .bind(channel)
        .bind(address)
        .fetch_one(conn)
        .await?;
    Ok(FirstLook {
        duplicate,
        customer: customer_id.zip(display),
        rules_enabled,
    })
}

/// The known customer's conversation that `msg` continues, if it may: by references, a `[#1234]` token
/// or (chat) the current conversation, followed through merges; a closed ticket, or one resolved longer
/// ago than the grace period, is not continued (the customer's new message starts a new one).
async fn conversation_to_continue(
    conn: &mut SqliteConnection,
    customer_id: i64,
    msg: &InboundMessage,
    channel: ChannelKind,
    now: i64,
) -> Result<Option<i64>> {
    let mut found = threading::ticket_by_references(&mut *conn, customer_id, &msg.thread_references()).await?;
    if found.is_none() {
        found = threading::ticket_by_subject_token(&mut *conn, customer_id, &msg.subject).await?;
    }
    let chat = matches!(channel, ChannelKind::Telegram | ChannelKind::Wechat);
    if found.is_none() && chat {
        found = threading::current_conversation(&mut *conn, customer_id, channel.as_str(), msg.account_id).await?;
    }
    let Some(mut ticket_id) = found else {
        return Ok(None);
    };
    // A ticket merged into another hands its conversation on (merges can chain).
    let mut state: (Option<i64>, String, Option<i64>);
    let mut hops = 0;
    loop {
        state = sqlx::query_as("SELECT merged_into, status, resolved_at FROM tickets WHERE id = ?")
            .bind(ticket_id)
            .fetch_one(&mut *conn)
            .await?;
        match state.0 {
            Some(next) if hops < 16 => {
                ticket_id = next;
                hops += 1;
            }
            _ => break,
        }
    }
    if msg.auto_generated {
        return Ok(Some(ticket_id));
    }
    let (_, status, resolved_at) = state;
    if status == TicketStatus::Closed.as_str() {
        return Ok(None);
    }
    if status == TicketStatus::Resolved.as_str()
        && let Some(resolved_at) = resolved_at
    {
        // A chat goes quiet sooner than mail: after the quiet period a new message is a new conversation.
        let grace = if chat {
            chat_quiet_ms(&mut *conn).await?
        } else {
            reopen_grace_ms(&mut *conn).await?
        };
        if msg.sent_at.min(now) - resolved_at > grace {
            return Ok(None);
        }
    }
    Ok(Some(ticket_id))
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

/// A new customer with the sender's address as their identity, in one round trip.
async fn create_customer(
    conn: &mut SqliteConnection,
    channel: ChannelKind,
    address: &str,
    name: &str,
    now: i64,
) -> Result<i64> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "INSERT INTO customers (display_name, created_at, updated_at) VALUES (?1, ?2, ?2);
         INSERT INTO customer_identities (customer_id, channel, address) VALUES (last_insert_rowid(), ?3, ?4)
         RETURNING customer_id",
    )
    .bind(display_name(name, address))
    .bind(now)
    .bind(channel)
    .bind(address)
    .fetch_all(conn)
    .await?;
    only_row(ids)
}

/// Inserts the message; binds its ticket's id first when the statement starts with `?`.
fn insert_message_sql(ticket_id: &str) -> String {
    format!(
        "INSERT INTO messages (ticket_id, direction, author_name, author_address, subject, body_text, body_html,
             channel_message_id, in_reply_to, references_json, raw_headers, content_hash, source_key,
             auto_generated, account_id, sent_at, created_at)
         VALUES ({ticket_id}, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ticket_id, id"
    )
}

/// A query whose statements end with [`insert_message_sql`], returning the ticket's and the message's ids.
type MessageQuery<'q> = sqlx::query::QueryAs<'q, sqlx::Sqlite, (i64, i64), sqlx::sqlite::SqliteArguments>;

/// The message's own columns, as ingest normalized them.
struct MessageRow<'a> {
    msg: &'a InboundMessage,
    author: String,
    address: &'a str,
    hash: &'a str,
    now: i64,
}

impl<'a> MessageRow<'a> {
    /// Binds the columns in the order of [`insert_message_sql`].
    fn bind(&self, query: MessageQuery<'a>) -> MessageQuery<'a> {
        let msg = self.msg;
        query
            .bind(self.author.clone())
            .bind(self.address.to_string())
            .bind(&msg.subject)
            .bind(&msg.body_text)
            .bind(&msg.body_html)
            .bind(&msg.message_id)
            .bind(&msg.in_reply_to)
            .bind(serde_json::to_string(&msg.references).unwrap_or_else(|_| "[]".into()))
            .bind(&msg.raw_headers)
            .bind(self.hash.to_string())
            .bind(&msg.source_key)
            .bind(msg.auto_generated)
            .bind(msg.account_id)
            .bind(msg.sent_at)
            .bind(self.now)
    }
}

/// Opens a ticket for `msg` with the message in it, already counted: one round trip, returning the
/// ticket's and the message's ids.
async fn store_with_new_ticket(
    conn: &mut SqliteConnection,
    row: &MessageRow<'_>,
    channel: ChannelKind,
    customer_id: i64,
) -> Result<(i64, i64)> {
    let (msg, now) = (row.msg, row.now);
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "INSERT INTO tickets (number, subject, status, channel, account_id, customer_id, auto_generated,
                 created_at, updated_at, message_count, preview, last_customer_message_at)
             VALUES ({}, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?);
             {}",
            crate::tickets::NEXT_NUMBER,
            insert_message_sql("last_insert_rowid()")
        )
    });
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
    let query = sqlx::query_as(SQL.as_str())
        .bind(subject)
        .bind(status)
        .bind(channel)
        .bind(msg.account_id)
        .bind(customer_id)
        .bind(msg.auto_generated)
        .bind(msg.sent_at.min(now))
        .bind(msg.sent_at.min(now))
        .bind(preview)
        .bind(customer_message_at);
    only_row(row.bind(query).fetch_all(conn).await?)
}

/// Adds `msg` to an existing ticket, which counts it; when it is the customer's newest word, the ticket
/// is unread again, wakes from snooze, shows it as its preview and reopens if it was resolved or pending.
/// One round trip, returning the ticket's and the message's ids.
async fn store_in_ticket(conn: &mut SqliteConnection, ticket_id: i64, row: &MessageRow<'_>) -> Result<(i64, i64)> {
    let (msg, now) = (row.msg, row.now);
    static AUTO_GENERATED: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{};
             UPDATE tickets SET message_count = message_count + 1 WHERE id = ?",
            insert_message_sql("?")
        )
    });
    // Only a message newer than what the ticket has seen reopens it and becomes its preview: importing
    // an old mail into a resolved ticket changes nothing the agent relies on.
    static CUSTOMER_WORDS: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{};
             UPDATE tickets SET message_count = message_count + 1,
                 unread = CASE WHEN is_newer THEN 1 ELSE unread END,
                 snoozed_until = CASE WHEN is_newer THEN NULL ELSE snoozed_until END,
                 preview = CASE WHEN is_newer THEN ? ELSE preview END,
                 updated_at = max(updated_at, ?),
                 last_customer_message_at = max(coalesce(last_customer_message_at, 0), ?),
                 status = CASE WHEN is_newer AND status IN ('resolved', 'pending') THEN 'open' ELSE status END,
                 resolved_at = CASE WHEN is_newer AND status IN ('resolved', 'pending') THEN NULL ELSE resolved_at END
             FROM (SELECT ? >= coalesce(last_customer_message_at, 0) AS is_newer FROM tickets WHERE id = ?)
             WHERE id = ?",
            insert_message_sql("?")
        )
    });
    let sql = if msg.auto_generated {
        &AUTO_GENERATED
    } else {
        &CUSTOMER_WORDS
    };
    let query = row.bind(sqlx::query_as(sql.as_str()).bind(ticket_id));
    let rows = if msg.auto_generated {
        query.bind(ticket_id).fetch_all(conn).await?
    } else {
        // Dates come from the sender: a future date may not pin the ticket to the top of every view.
        let sent_at = msg.sent_at.min(now);
        query
            .bind(preview_of(&msg.body_text))
            .bind(sent_at)
            .bind(sent_at)
            .bind(sent_at)
            .bind(ticket_id)
            .bind(ticket_id)
            .fetch_all(conn)
            .await?
    };
    only_row(rows)
}

/// The one row a statement group returns (`RETURNING`, with `fetch_all` so that every statement runs).
fn only_row<Row: Copy>(rows: Vec<Row>) -> Result<Row> {
    rows.first()
        .copied()
        .ok_or(crate::Error::Database(sqlx::Error::RowNotFound))
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
