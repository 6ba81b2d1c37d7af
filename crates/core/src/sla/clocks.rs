//! A ticket's SLA clocks, derived from scratch from the ticket, its replies, its pauses and the policy
//! that fits it. Triggers in the schema mark a ticket "dirty" whenever something the clocks depend on
//! changes, so no code path that changes a ticket has to remember the SLA.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use super::calendar::Calendar;
use super::policies::{self, SlaPolicy};
use crate::model::{Priority, TicketStatus};
use crate::{Result, audit};

/// At most this many tickets are recomputed per transaction, so a big recompute never blocks ingest long.
const BATCH: i64 = 500;

#[derive(sqlx::FromRow)]
struct ClockInputs {
    status: TicketStatus,
    priority: Priority,
    queue: Option<String>,
    tier: Option<String>,
    created_at: i64,
    last_customer_message_at: Option<i64>,
    last_agent_reply_at: Option<i64>,
}

/// Due times of one ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clocks {
    pub policy: Option<String>,
    pub first_response_due_at: Option<i64>,
    pub next_response_due_at: Option<i64>,
    pub resolution_due_at: Option<i64>,
    pub paused: bool,
}

impl Clocks {
    pub fn nearest(&self) -> Option<i64> {
        [
            self.first_response_due_at,
            self.next_response_due_at,
            self.resolution_due_at,
        ]
        .into_iter()
        .flatten()
        .min()
    }
}

/// Business milliseconds the ticket spent pending (the open pause counts up to `now`).
async fn paused_ms(conn: &mut SqliteConnection, calendar: &Calendar, ticket_id: i64, now: i64) -> Result<i64> {
    let pauses: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT started_at, ended_at FROM ticket_pauses WHERE ticket_id = ?")
            .bind(ticket_id)
            .fetch_all(conn)
            .await?;
    Ok(pauses
        .into_iter()
        .map(|(start, end)| calendar.business_ms_between(start, end.unwrap_or(now)))
        .sum())
}

/// Computes the clocks of a ticket as they stand at `now`.
pub async fn compute(
    conn: &mut SqliteConnection,
    calendar: &Calendar,
    policies: &[SlaPolicy],
    ticket_id: i64,
    now: i64,
) -> Result<Clocks> {
    let inputs: Option<ClockInputs> = sqlx::query_as(
        "SELECT t.status, t.priority, t.queue, c.tier, t.created_at, t.last_customer_message_at,
             (SELECT max(sent_at) FROM messages WHERE ticket_id = t.id AND direction = 'outbound'
                 AND NOT auto_generated)
                 AS last_agent_reply_at
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
    )
    .bind(ticket_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(t) = inputs else {
        return Ok(Clocks::default());
    };
    let Some(policy) = policies
        .iter()
        .find(|p| p.fits(t.priority, t.queue.as_deref(), t.tier.as_deref()))
    else {
        return Ok(Clocks::default());
    };
    let mut clocks = Clocks {
        policy: Some(policy.name.clone()),
        ..Clocks::default()
    };
    match t.status {
        TicketStatus::Resolved | TicketStatus::Closed => return Ok(clocks),
        // Waiting on the customer stops every clock; the time does not count when it restarts.
        TicketStatus::Pending => {
            clocks.paused = true;
            return Ok(clocks);
        }
        TicketStatus::New | TicketStatus::Open => {}
    }
    let paused = paused_ms(conn, calendar, ticket_id, now).await?;
    let due = |from: i64, minutes: Option<i64>| minutes.map(|m| calendar.add_business_ms(from, m * 60_000 + paused));
    match t.last_agent_reply_at {
        None => clocks.first_response_due_at = due(t.created_at, policy.first_response_minutes),
        Some(replied) => {
            if let Some(asked) = t.last_customer_message_at.filter(|&asked| asked > replied) {
                // A pending ticket reopens when the customer writes, so no pause falls after `asked`.
                clocks.next_response_due_at = policy
                    .next_response_minutes
                    .map(|m| calendar.add_business_minutes(asked, m));
            }
        }
    }
    clocks.resolution_due_at = due(t.created_at, policy.resolution_minutes);
    Ok(clocks)
}

/// Recomputes and stores one ticket's clocks.
pub async fn refresh(
    conn: &mut SqliteConnection,
    calendar: &Calendar,
    policies: &[SlaPolicy],
    ticket_id: i64,
    now: i64,
) -> Result<Clocks> {
    let before: Option<(Option<i64>, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT first_response_due_at, next_response_due_at, resolution_due_at FROM tickets WHERE id = ?",
    )
    .bind(ticket_id)
    .fetch_optional(&mut *conn)
    .await?;
    let clocks = compute(conn, calendar, policies, ticket_id, now).await?;
    if let Some(before) = before {
        record_missed_targets(conn, ticket_id, before, &clocks).await?;
    }
    sqlx::query(
        "UPDATE tickets SET sla_policy = ?, first_response_due_at = ?, next_response_due_at = ?,
             resolution_due_at = ?, sla_due_at = ?, sla_paused = ? WHERE id = ?",
    )
    .bind(&clocks.policy)
    .bind(clocks.first_response_due_at)
    .bind(clocks.next_response_due_at)
    .bind(clocks.resolution_due_at)
    .bind(clocks.nearest())
    .bind(clocks.paused)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(clocks)
}

/// A target that stopped running was met or missed: a reply or resolution after its due time is a breach
/// even when the app was closed at the time and the tick never announced it.
async fn record_missed_targets(
    conn: &mut SqliteConnection,
    ticket_id: i64,
    (first_response, next_response, resolution): (Option<i64>, Option<i64>, Option<i64>),
    after: &Clocks,
) -> Result<()> {
    let (replied, resolved): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT max(sent_at) FROM messages WHERE ticket_id = t.id AND direction = 'outbound'
                    AND NOT auto_generated),
                t.resolved_at
         FROM tickets t WHERE t.id = ?",
    )
    .bind(ticket_id)
    .fetch_one(&mut *conn)
    .await?;
    let targets = [
        (
            SlaTarget::FirstResponse,
            first_response,
            after.first_response_due_at,
            replied,
        ),
        (
            SlaTarget::NextResponse,
            next_response,
            after.next_response_due_at,
            replied,
        ),
        (SlaTarget::Resolution, resolution, after.resolution_due_at, resolved),
    ];
    for (target, due_before, due_after, met_at) in targets {
        if let (Some(due), None, Some(met)) = (due_before, due_after, met_at)
            && met > due
        {
            record_breach(conn, ticket_id, target, due).await?;
        }
    }
    Ok(())
}

async fn record_breach(conn: &mut SqliteConnection, ticket_id: i64, target: SlaTarget, due_at: i64) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO sla_breaches (ticket_id, target, due_at) VALUES (?, ?, ?)")
        .bind(ticket_id)
        .bind(target.as_str())
        .bind(due_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Recomputes the clocks of every ticket marked dirty. Returns how many were recomputed.
pub async fn refresh_dirty(pool: &SqlitePool, now: i64) -> Result<usize> {
    let mut total = 0;
    loop {
        let mut tx = crate::store::begin_write(pool).await?;
        let ids: Vec<i64> = sqlx::query_scalar("SELECT ticket_id FROM sla_dirty ORDER BY ticket_id LIMIT ?")
            .bind(BATCH)
            .fetch_all(&mut *tx)
            .await?;
        if ids.is_empty() {
            return Ok(total);
        }
        let calendar = super::calendar(&mut tx).await?;
        let policies = policies::list(&mut tx).await?;
        for &id in &ids {
            refresh(&mut tx, &calendar, &policies, id, now).await?;
            sqlx::query("DELETE FROM sla_dirty WHERE ticket_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        total += ids.len();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SlaEventKind {
    Warning,
    Breached,
}

/// Which of a ticket's SLA targets a due time belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SlaTarget {
    FirstResponse,
    NextResponse,
    Resolution,
}

impl SlaTarget {
    pub fn as_str(self) -> &'static str {
        match self {
            SlaTarget::FirstResponse => "first_response",
            SlaTarget::NextResponse => "next_response",
            SlaTarget::Resolution => "resolution",
        }
    }

    /// The target whose due time is `due_at` (the response targets first: they come due sooner).
    /// sla_due_at is always one of the three, so what is not a response target is the resolution.
    fn of(due_at: i64, first: Option<i64>, next: Option<i64>) -> SlaTarget {
        if first == Some(due_at) {
            SlaTarget::FirstResponse
        } else if next == Some(due_at) {
            SlaTarget::NextResponse
        } else {
            SlaTarget::Resolution
        }
    }
}

/// A clock that just came close to its due time, or passed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaEvent {
    pub ticket_id: i64,
    pub kind: SlaEventKind,
    pub target: SlaTarget,
    pub due_at: i64,
}

/// ticket, nearest due time, the due time already warned of, first- and next-response due times.
type DueRow = (i64, i64, Option<i64>, Option<i64>, Option<i64>);

/// Warnings (within `warn_ms` of the due time) and breaches that have not been announced yet, each
/// announced once per due time and written to the ticket's timeline.
pub async fn due_events(pool: &SqlitePool, now: i64, warn_ms: i64) -> Result<Vec<SlaEvent>> {
    let mut tx = crate::store::begin_write(pool).await?;
    let rows: Vec<DueRow> = sqlx::query_as(
        "SELECT id, sla_due_at, sla_warned_for, first_response_due_at, next_response_due_at FROM tickets
         WHERE sla_due_at IS NOT NULL AND sla_due_at <= ?
           AND (sla_breached_for IS NOT sla_due_at)",
    )
    .bind(now + warn_ms)
    .fetch_all(&mut *tx)
    .await?;
    let mut events = Vec::new();
    for (ticket_id, due_at, warned_for, first, next) in rows {
        let target = SlaTarget::of(due_at, first, next);
        let kind = if due_at <= now {
            SlaEventKind::Breached
        } else if warned_for != Some(due_at) {
            SlaEventKind::Warning
        } else {
            continue;
        };
        let column = match kind {
            SlaEventKind::Breached => "sla_breached_for",
            SlaEventKind::Warning => "sla_warned_for",
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE tickets SET {column} = ? WHERE id = ?"
        )))
        .bind(due_at)
        .bind(ticket_id)
        .execute(&mut *tx)
        .await?;
        let name = match kind {
            SlaEventKind::Breached => {
                record_breach(&mut tx, ticket_id, target, due_at).await?;
                "sla_breached"
            }
            SlaEventKind::Warning => "sla_warning",
        };
        audit::record(
            &mut tx,
            Some(ticket_id),
            name,
            "sla",
            serde_json::json!({ "due_at": due_at, "target": target }),
        )
        .await?;
        events.push(SlaEvent {
            ticket_id,
            kind,
            target,
            due_at,
        });
    }
    tx.commit().await?;
    Ok(events)
}
