//! Queues, drafts prepared by rules, and the periodic workflow tick (SLA clocks, SLA warnings and breaches,
//! time-based rules) that the desktop shell and the CLI run.

use serde_json::json;
use sqlx::SqlitePool;

use crate::model::TicketSummary;
use crate::sla::SlaEvent;
use crate::time::now_ms;
use crate::{Error, Result, audit, rules, sla, tickets};

/// A queue name: trimmed, at most 40 characters.
fn normalise_queue(queue: &str) -> Result<String> {
    let queue = queue.trim();
    if queue.is_empty() || queue.chars().count() > 40 {
        return Err(Error::Invalid("a queue name has 1 to 40 characters".into()));
    }
    Ok(queue.to_string())
}

/// Moves tickets into a queue (or out of any): all of them, or (one is missing) none.
pub async fn set_queue(pool: &SqlitePool, ids: &[i64], queue: Option<&str>, actor: &str) -> Result<Vec<TicketSummary>> {
    let queue = queue.map(normalise_queue).transpose()?;
    let mut tx = crate::store::begin_write(pool).await?;
    for &id in ids {
        let from: Option<Option<String>> = sqlx::query_scalar("SELECT queue FROM tickets WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let from = from.ok_or(Error::TicketNotFound(id))?;
        if from == queue {
            continue;
        }
        sqlx::query("UPDATE tickets SET queue = ?, updated_at = ? WHERE id = ?")
            .bind(&queue)
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Some(id),
            "queue_changed",
            actor,
            json!({ "from": from, "to": queue }),
        )
        .await?;
    }
    tx.commit().await?;
    tickets::summaries(pool, ids).await
}

/// Queues in use, plus those the rules route to, sorted.
pub async fn queues_in_use(pool: &SqlitePool) -> Result<Vec<String>> {
    let mut queues: Vec<String> = sqlx::query_scalar("SELECT DISTINCT queue FROM tickets WHERE queue IS NOT NULL")
        .fetch_all(pool)
        .await?;
    for rule in rules::library::list(pool).await? {
        for action in rule.definition.actions {
            if action.kind == rules::ActionKind::SetQueue && !queues.contains(&action.value) {
                queues.push(action.value);
            }
        }
    }
    queues.sort_by_key(|q| q.to_lowercase());
    Ok(queues)
}

pub async fn prepared_draft(pool: &SqlitePool, ticket_id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT body FROM ticket_drafts WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_optional(pool)
        .await?)
}

/// Keeps a draft prepared for the agent (a rule's AI draft); the composer offers it.
pub async fn save_prepared_draft(pool: &SqlitePool, ticket_id: i64, body: &str, source: &str) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    save_prepared_draft_in(&mut tx, ticket_id, body, source, json!({})).await?;
    tx.commit().await?;
    Ok(())
}

/// [`save_prepared_draft`] inside the caller's transaction, with what the timeline should say of it.
pub async fn save_prepared_draft_in(
    conn: &mut sqlx::SqliteConnection,
    ticket_id: i64,
    body: &str,
    source: &str,
    detail: serde_json::Value,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO ticket_drafts (ticket_id, body, source, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (ticket_id) DO UPDATE SET body = excluded.body, source = excluded.source,
             created_at = excluded.created_at",
    )
    .bind(ticket_id)
    .bind(body)
    .bind(source)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    audit::record(conn, Some(ticket_id), "draft_prepared", source, detail).await
}

/// What one workflow tick found: SLA events and rule notifications to announce.
#[derive(Debug, Clone, Default)]
pub struct TickOutcome {
    pub sla_events: Vec<SlaEvent>,
    pub time_based_actions: usize,
    pub notifications: Vec<RuleNotification>,
}

/// A desktop notification a rule asked for.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RuleNotification {
    pub event_id: i64,
    pub ticket_id: i64,
    pub text: String,
}

/// How long before an SLA target a warning fires.
pub const SLA_WARNING_MS: i64 = 30 * 60_000;

/// Recomputes SLA clocks that changed, announces warnings and breaches (firing their rules), runs
/// time-based rules, and collects rule notifications after `notified_up_to` (an event id).
pub async fn tick(pool: &SqlitePool, now: i64, notified_up_to: i64) -> Result<TickOutcome> {
    sla::refresh_dirty(pool, now).await?;
    let sla_events = sla::due_events(pool, now, SLA_WARNING_MS).await?;
    rules::fire_sla_events(pool, &sla_events).await?;
    let time_based_actions = rules::sweep_time_based(pool, now).await?;
    // Rules may have changed what the clocks depend on.
    sla::refresh_dirty(pool, now).await?;
    let notifications = sqlx::query_as(
        "SELECT id AS event_id, ticket_id, coalesce(json_extract(data_json, '$.text'), '') AS text FROM events
         WHERE kind = ? AND id > ? AND ticket_id IS NOT NULL ORDER BY id LIMIT 5000",
    )
    .bind(rules::NOTIFICATION_EVENT)
    .bind(notified_up_to)
    .fetch_all(pool)
    .await?;
    Ok(TickOutcome {
        sla_events,
        time_based_actions,
        notifications,
    })
}

/// The newest event id: a fresh start announces only what happens from now on.
pub async fn latest_event_id(pool: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM events")
        .fetch_one(pool)
        .await?)
}
