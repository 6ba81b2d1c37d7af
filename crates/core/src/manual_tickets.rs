//! Tickets the agent logs by hand: a phone call or a walk-in. They go through the same ingest path as
//! every channel (customer found or created by phone number or address, classification queued), on the
//! `phone` channel, with what the customer said as the first message and the agent's notes beside it.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::Deserialize;
use serde_json::json;

use crate::ingest::{InboundMessage, IngestOutcome, ingest};
use crate::model::Direction;
use crate::model::{ChannelKind, TicketSummary};
use crate::outbox::{ReplyAuthor, enqueue_reply};
use crate::time::now_ms;
use crate::{Error, Result, Store, audit, tickets};

/// Calls logged by this process, to tell two loggings in the same millisecond apart.
static CALLS: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ManualTicket {
    pub customer_name: String,
    /// How to reach the customer again: a phone number or an email address (at least one).
    pub customer_contact: String,
    pub subject: String,
    /// What the customer asked for, in the agent's words.
    pub request: String,
    /// Internal notes on the call (optional); never sent to the customer.
    pub notes: String,
}

/// A contact as stored: email addresses lower-cased, phone numbers reduced to `+` and digits so that
/// "+86 138-0013-8000" and "+8613800138000" are the same customer.
pub fn normalise_contact(contact: &str) -> Result<String> {
    let contact = contact.trim();
    if contact.contains('@') {
        let (local, domain) = contact.rsplit_once('@').unwrap_or_default();
        if local.is_empty() || !domain.contains('.') || contact.chars().any(char::is_whitespace) {
            return Err(Error::Invalid(format!("'{contact}' is not an email address")));
        }
        return Ok(contact.to_lowercase());
    }
    let digits: String = contact.chars().filter(char::is_ascii_digit).collect();
    let allowed = contact.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || digits.len() < 5 || digits.len() > 15 {
        return Err(Error::Invalid(format!(
            "'{contact}' is neither a phone number nor an email address"
        )));
    }
    Ok(if contact.starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    })
}

/// Logs the ticket and returns it; the agent is `author` of the notes.
pub async fn log_ticket(store: &Store, ticket: &ManualTicket, author: &ReplyAuthor) -> Result<TicketSummary> {
    let name = ticket.customer_name.trim();
    let subject = ticket.subject.trim();
    let request = ticket.request.trim();
    if name.is_empty() {
        return Err(Error::Invalid("the customer's name is missing".into()));
    }
    if subject.is_empty() {
        return Err(Error::Invalid("the subject is missing".into()));
    }
    if request.is_empty() {
        return Err(Error::Invalid("what the customer asked for is missing".into()));
    }
    let contact = normalise_contact(&ticket.customer_contact)?;
    let now = now_ms();
    let message = InboundMessage {
        channel: Some(ChannelKind::Phone),
        // Unique per logging: the same words logged twice are two calls.
        source_key: Some(format!("manual:{now}:{}", CALLS.fetch_add(1, Ordering::Relaxed))),
        from_name: name.to_string(),
        from_address: contact,
        subject: subject.to_string(),
        body_text: request.to_string(),
        sent_at: now,
        ..Default::default()
    };
    let ticket_id = match ingest(store, &message).await? {
        IngestOutcome::Created { ticket_id, .. } | IngestOutcome::Threaded { ticket_id, .. } => ticket_id,
        IngestOutcome::Duplicate { .. } => return Err(Error::Invalid("this call was already logged".into())),
    };
    let mut conn = store.pool().acquire().await?;
    audit::record(
        &mut conn,
        Some(ticket_id),
        "logged_by_agent",
        audit::ACTOR_AGENT,
        json!({ "channel": "phone" }),
    )
    .await?;
    drop(conn);
    if !ticket.notes.trim().is_empty() {
        enqueue_reply(store.pool(), ticket_id, &ticket.notes, Direction::Note, author).await?;
    }
    tickets::summary(store.pool(), ticket_id).await
}
