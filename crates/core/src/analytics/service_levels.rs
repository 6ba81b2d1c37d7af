//! SLA compliance: of the tickets created in the range that an SLA policy covers, how many never missed
//! a target; and the breaches that fell due in each period, by target.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::rows::TicketRow;
use super::{AnalyticsQuery, Buckets};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ServiceLevels {
    /// Tickets created in the range with an SLA policy.
    pub covered: i64,
    /// Of those, tickets that missed at least one target.
    pub breached: i64,
    /// Share of covered tickets that met every target (0–1); none when no ticket is covered.
    pub compliance: Option<f64>,
    /// Breaches per period (by due time), per target.
    pub first_response_breaches: Vec<i64>,
    pub next_response_breaches: Vec<i64>,
    pub resolution_breaches: Vec<i64>,
}

pub(crate) async fn compute(
    pool: &SqlitePool,
    q: &AnalyticsQuery,
    tickets: &[TicketRow],
    buckets: &Buckets,
) -> Result<ServiceLevels> {
    let covered = tickets.iter().filter(|t| t.has_sla).count() as i64;
    let breached = tickets.iter().filter(|t| t.has_sla && t.sla_breached).count() as i64;
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT b.target, b.due_at FROM sla_breaches b JOIN tickets t ON t.id = b.ticket_id
         WHERE b.due_at >= ? AND b.due_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    let rows: Vec<(String, i64)> = query.fetch_all(pool).await?;
    let mut per_target = [vec![0; buckets.len()], vec![0; buckets.len()], vec![0; buckets.len()]];
    for (target, due_at) in rows {
        let Some(i) = buckets.index(due_at) else { continue };
        let slot = match target.as_str() {
            "first_response" => 0,
            "next_response" => 1,
            _ => 2,
        };
        per_target[slot][i] += 1;
    }
    let [first_response_breaches, next_response_breaches, resolution_breaches] = per_target;
    Ok(ServiceLevels {
        covered,
        breached,
        compliance: (covered > 0).then(|| (covered - breached) as f64 / covered as f64),
        first_response_breaches,
        next_response_breaches,
        resolution_breaches,
    })
}
