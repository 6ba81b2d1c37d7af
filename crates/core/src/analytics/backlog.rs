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
        "SELECT t.resolved_at FROM tickets t
         WHERE t.resolved_at >= ? AND t.resolved_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    Ok(query.fetch_all(pool).await?)
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
    let pauses = pauses(pool, q).await?;
    let mut open = Vec::with_capacity(buckets.len());
    let mut pending = Vec::with_capacity(buckets.len());
    for i in 0..buckets.len() {
        unresolved += created[i] - resolved[i];
        let end = buckets.end_of(i).min(now);
        let waiting = pauses
            .iter()
            .filter(|&&(start, stop)| start < end && stop.is_none_or(|stop| stop >= end))
            .count() as i64;
        // A pending ticket is unresolved; what is left waits on the team.
        pending.push(waiting);
        open.push((unresolved - waiting).max(0));
    }
    Ok(Backlog { open, pending })
}

/// Tickets created before `at` and not resolved before it.
async fn unresolved_at(pool: &SqlitePool, q: &AnalyticsQuery, at: i64) -> Result<i64> {
    if !q.is_filtered() {
        // Two index counts instead of a scan of every older ticket: a resolution always follows creation.
        let created: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE created_at < ?")
            .bind(at)
            .fetch_one(pool)
            .await?;
        let resolved: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE resolved_at < ?")
            .bind(at)
            .fetch_one(pool)
            .await?;
        // Merged tickets are left out everywhere (they live on in their target); few, and partially indexed.
        let merged_unresolved: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM tickets WHERE merged_into IS NOT NULL AND created_at < ?
                 AND (resolved_at IS NULL OR resolved_at >= ?)",
        )
        .bind(at)
        .bind(at)
        .fetch_one(pool)
        .await?;
        return Ok(created - resolved - merged_unresolved);
    }
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT count(*) FROM tickets t
         WHERE t.created_at < ? AND (t.resolved_at IS NULL OR t.resolved_at >= ?) AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(at).bind(at);
    for value in binds {
        query = query.bind(value);
    }
    Ok(query.fetch_one(pool).await?)
}

/// Waiting-on-the-customer periods that overlap the range.
async fn pauses(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<(i64, Option<i64>)>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT p.started_at, p.ended_at FROM ticket_pauses p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.started_at < ? AND (p.ended_at IS NULL OR p.ended_at >= ?) AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(q.to).bind(q.from);
    for value in binds {
        query = query.bind(value);
    }
    Ok(query.fetch_all(pool).await?)
}
