//! The backlog: tickets not yet resolved at the end of each period, split into those waiting on the team
//! (new or open) and those waiting on the customer (pending). "Resolved" is as the tickets stand now: a
//! ticket reopened and resolved again counts from its latest resolution.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::rows::TicketRow;
use super::{AnalyticsQuery, Buckets};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Backlog {
    /// Unresolved and not waiting on the customer, at the end of each period (or now, for the current one).
    pub open: Vec<i64>,
    /// Waiting on the customer at the end of each period.
    pub pending: Vec<i64>,
}

/// When tickets matching the filters were resolved inside the range (whenever they were created).
pub(crate) async fn resolutions(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<i64>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT json_group_array(t.resolved_at) FROM tickets t
         WHERE t.resolved_at >= ? AND t.resolved_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    super::rows::json_rows(query.fetch_one(pool).await?)
}

pub(crate) async fn compute(
    pool: &SqlitePool,
    q: &AnalyticsQuery,
    tickets: &[TicketRow],
    resolved_at: &[i64],
    buckets: &Buckets,
    now: i64,
) -> Result<Backlog> {
    let mut unresolved = unresolved_at(pool, q, q.from).await?;
    let created = super::volume::count_per_period(tickets.iter().map(|t| t.created_at), buckets);
    let resolved = super::volume::count_per_period(resolved_at.iter().copied(), buckets);
    let (waiting_at_start, started, ended) = pauses(pool, q).await?;
    let mut open = Vec::with_capacity(buckets.len());
    let mut pending = Vec::with_capacity(buckets.len());
    for i in 0..buckets.len() {
        unresolved += created[i] - resolved[i];
        // Waiting at the end of the period: those waiting at the start, plus pauses begun, minus pauses ended.
        let end = buckets.end_of(i).min(now);
        let begun = started.partition_point(|&at| at < end) as i64;
        let stopped = ended.partition_point(|&at| at < end) as i64;
        let waiting = waiting_at_start + begun - stopped;
        // A pending ticket is unresolved; what is left waits on the team.
        pending.push(waiting);
        open.push((unresolved - waiting).max(0));
    }
    Ok(Backlog { open, pending })
}

/// Tickets created before `at` and not resolved before it: still unresolved, or resolved since. Both are
/// small, indexed sets, however many tickets the workspace has.
async fn unresolved_at(pool: &SqlitePool, q: &AnalyticsQuery, at: i64) -> Result<i64> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT (SELECT count(*) FROM tickets t WHERE t.resolved_at IS NULL AND t.created_at < ?1
                     AND t.merged_into IS NULL{conditions})
              + (SELECT count(*) FROM tickets t WHERE t.resolved_at >= ?1 AND t.created_at < ?1
                     AND t.merged_into IS NULL{conditions})"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(at);
    for value in binds.iter().chain(&binds) {
        query = query.bind(value);
    }
    Ok(query.fetch_one(pool).await?)
}

/// Tickets waiting on the customer at `from`, and when others started and stopped waiting in the range.
async fn pauses(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<(i64, Vec<i64>, Vec<i64>)> {
    let (conditions, binds) = q.conditions();
    // Filters need the ticket; without them the pauses alone answer (a merged ticket's waiting was real).
    let (join, merged) = if conditions.is_empty() {
        ("ticket_pauses p", "")
    } else {
        (
            "ticket_pauses p JOIN tickets t ON t.id = p.ticket_id",
            " AND t.merged_into IS NULL",
        )
    };
    let sql = format!(
        "SELECT (SELECT count(*) FROM {join} WHERE p.ended_at IS NULL AND p.started_at < ?1{merged}{conditions})
              + (SELECT count(*) FROM {join} WHERE p.ended_at >= ?1 AND p.started_at < ?1{merged}{conditions})"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(q.from);
    for value in binds.iter().chain(&binds) {
        query = query.bind(value);
    }
    let waiting: i64 = query.fetch_one(pool).await?;
    let mut moments = Vec::new();
    for column in ["started_at", "ended_at"] {
        let sql = format!(
            "SELECT json_group_array({column}) FROM (SELECT p.{column} FROM {join}
             WHERE p.{column} >= ? AND p.{column} < ?{merged}{conditions} ORDER BY p.{column})"
        );
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
        for value in &binds {
            query = query.bind(value);
        }
        moments.push(super::rows::json_rows(query.fetch_one(pool).await?)?);
    }
    let ended = moments.pop().unwrap_or_default();
    let started = moments.pop().unwrap_or_default();
    Ok((waiting, started, ended))
}
