//! The rules engine: on an event (a ticket created, classified, answered…), the enabled rules for that
//! event run in order; each one whose conditions hold carries out its actions. A rule that fails is
//! recorded on the rule and skipped — it never stops ingest or the other rules. Changes made by rules do
//! not fire further rules, so rules cannot loop.

mod apply;
mod definition;
mod evaluate;
mod facts;
pub mod library;

pub use apply::PlannedAction;
pub use definition::{Action, ActionKind, Condition, Field, Match, Op, RuleDefinition, Trigger};
pub use evaluate::{CompiledRule, TicketFacts};
pub use library::{DryRunMatch, Rule};

use sqlx::{Connection, SqliteConnection, SqlitePool};

use crate::{Result, audit};

/// Timeline event of a rule's desktop notification; the desktop shell announces each one once.
pub const NOTIFICATION_EVENT: &str = "rule_notification";

/// Most tickets one time-based sweep acts on per rule, so a sweep stays short.
const SWEEP_LIMIT: i64 = 500;

/// Facts of the newest `limit` tickets as the rules see them (dry runs and the benchmark).
pub async fn recent_facts(pool: &SqlitePool, limit: i64, now: i64) -> Result<Vec<TicketFacts>> {
    let mut conn = pool.acquire().await?;
    let calendar = crate::sla::calendar(&mut conn).await?;
    facts::load_recent(&mut conn, &calendar, limit, now).await
}

/// Runs the enabled rules for `trigger` on a ticket, inside the caller's transaction. Returns the names
/// of the rules that acted.
pub async fn fire(conn: &mut SqliteConnection, trigger: Trigger, ticket_id: i64, now: i64) -> Result<Vec<String>> {
    let rules = library::enabled_for(&mut *conn, trigger).await?;
    if rules.is_empty() {
        return Ok(Vec::new());
    }
    let calendar = crate::sla::calendar(&mut *conn).await?;
    let mut facts = facts::load(&mut *conn, &calendar, ticket_id, now).await?;
    let mut acted = Vec::new();
    for (id, definition) in rules {
        let name = definition.name.clone();
        let stop = definition.stop_after;
        match run_one(&mut *conn, id, definition, &mut facts, now).await {
            Ok(true) => {
                acted.push(name);
                if stop {
                    break;
                }
            }
            Ok(false) => {}
            Err(error) => report_failure(&mut *conn, id, ticket_id, &name, &error.to_string()).await?,
        }
    }
    Ok(acted)
}

/// One rule on one ticket, in a savepoint: a failing action undoes the rule's other actions only.
async fn run_one(
    conn: &mut SqliteConnection,
    id: i64,
    definition: RuleDefinition,
    facts: &mut TicketFacts,
    now: i64,
) -> Result<bool> {
    let rule = CompiledRule::new(id, definition).map_err(crate::Error::Invalid)?;
    if !rule.matches(facts) {
        return Ok(false);
    }
    let mut savepoint = conn.begin().await?;
    let mut changed = facts.clone();
    apply::apply(&mut savepoint, &rule, &mut changed, now).await?;
    sqlx::query(
        "INSERT INTO rule_runs (rule_id, ticket_id, fired_at) VALUES (?, ?, ?)
         ON CONFLICT (rule_id, ticket_id) DO UPDATE SET fired_at = excluded.fired_at",
    )
    .bind(id)
    .bind(facts.ticket_id)
    .bind(now)
    .execute(&mut *savepoint)
    .await?;
    // Counted for the dashboard: tickets handled by rules, and rules that never fire.
    sqlx::query("UPDATE rules SET fire_count = fire_count + 1, last_fired_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *savepoint)
        .await?;
    sqlx::query("UPDATE tickets SET rules_fired = rules_fired + 1 WHERE id = ?")
        .bind(facts.ticket_id)
        .execute(&mut *savepoint)
        .await?;
    savepoint.commit().await?;
    *facts = changed;
    Ok(true)
}

async fn report_failure(
    conn: &mut SqliteConnection,
    rule_id: i64,
    ticket_id: i64,
    name: &str,
    error: &str,
) -> Result<()> {
    tracing::warn!(rule = name, ticket_id, "rule skipped: {error}");
    sqlx::query("UPDATE rules SET last_error = ? WHERE id = ?")
        .bind(error)
        .bind(rule_id)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        Some(ticket_id),
        "rule_failed",
        &format!("rule:{name}"),
        serde_json::json!({ "error": error }),
    )
    .await
}

/// Fires time-based rules ("pending for 3 days") on tickets that have stayed long enough in their status,
/// once per stay. Returns how many tickets a rule acted on.
pub async fn sweep_time_based(pool: &SqlitePool, now: i64) -> Result<usize> {
    let mut acted = 0;
    let rules = {
        let mut conn = pool.acquire().await?;
        library::enabled_for(&mut conn, Trigger::TimeInStatus).await?
    };
    for (rule_id, definition) in rules {
        let hours = i64::from(definition.after_hours.unwrap_or(0));
        let mut tx = crate::store::begin_write(pool).await?;
        let due: Vec<i64> = sqlx::query_scalar(
            "SELECT t.id FROM tickets t
             WHERE t.status <> 'closed' AND coalesce(t.status_changed_at, t.created_at) <= ?
               AND NOT EXISTS (SELECT 1 FROM rule_runs r WHERE r.rule_id = ? AND r.ticket_id = t.id
                               AND r.fired_at >= coalesce(t.status_changed_at, t.created_at))
             ORDER BY t.id LIMIT ?",
        )
        .bind(now - hours * 3_600_000)
        .bind(rule_id)
        .bind(SWEEP_LIMIT)
        .fetch_all(&mut *tx)
        .await?;
        let calendar = crate::sla::calendar(&mut tx).await?;
        for ticket_id in due {
            let mut facts = facts::load(&mut tx, &calendar, ticket_id, now).await?;
            let name = definition.name.clone();
            match run_one(&mut tx, rule_id, definition.clone(), &mut facts, now).await {
                Ok(true) => acted += 1,
                // Not matching now still counts as this stay's turn: the rule looks again after the next change.
                Ok(false) => {
                    sqlx::query(
                        "INSERT INTO rule_runs (rule_id, ticket_id, fired_at) VALUES (?, ?, ?)
                         ON CONFLICT (rule_id, ticket_id) DO UPDATE SET fired_at = excluded.fired_at",
                    )
                    .bind(rule_id)
                    .bind(ticket_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                Err(error) => report_failure(&mut tx, rule_id, ticket_id, &name, &error.to_string()).await?,
            }
        }
        tx.commit().await?;
    }
    Ok(acted)
}

/// SLA warnings and breaches fire their rules, each in its own transaction.
pub async fn fire_sla_events(pool: &SqlitePool, events: &[crate::sla::SlaEvent]) -> Result<()> {
    for event in events {
        let trigger = match event.kind {
            crate::sla::clocks::SlaEventKind::Warning => Trigger::SlaWarning,
            crate::sla::clocks::SlaEventKind::Breached => Trigger::SlaBreached,
        };
        let mut tx = crate::store::begin_write(pool).await?;
        fire(&mut tx, trigger, event.ticket_id, crate::time::now_ms()).await?;
        tx.commit().await?;
    }
    Ok(())
}
