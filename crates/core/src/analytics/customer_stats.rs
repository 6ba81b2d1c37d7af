//! Who writes most, who has to write again within a week, and how customers feel over time.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::rows::TicketRow;
use super::{AnalyticsQuery, Buckets, Series};
use crate::Result;

/// A customer came back within this long of their previous ticket: the first answer did not settle it.
pub const REPEAT_WINDOW_MS: i64 = 7 * 86_400_000;
const TOP: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerStats {
    pub top: Vec<TopCustomer>,
    /// Tickets of the range whose customer had opened another ticket in the 7 days before.
    pub repeat_contacts: i64,
    pub repeat_rate: Option<f64>,
    pub customers: i64,
    /// Positive, neutral, negative (and empty: not classified) per period.
    pub sentiment: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TopCustomer {
    pub customer_id: i64,
    pub name: String,
    pub tickets: i64,
}

pub(crate) async fn compute(
    pool: &SqlitePool,
    q: &AnalyticsQuery,
    tickets: &[TicketRow],
    buckets: &Buckets,
) -> Result<CustomerStats> {
    let mut per_customer: HashMap<i64, i64> = HashMap::new();
    for t in tickets {
        *per_customer.entry(t.customer_id).or_default() += 1;
    }
    let mut ranked: Vec<(i64, i64)> = per_customer.iter().map(|(&id, &n)| (id, n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(TOP);
    let mut top = Vec::with_capacity(ranked.len());
    for (customer_id, count) in ranked {
        let name: String = sqlx::query_scalar("SELECT display_name FROM customers WHERE id = ?")
            .bind(customer_id)
            .fetch_optional(pool)
            .await?
            .unwrap_or_default();
        top.push(TopCustomer {
            customer_id,
            name,
            tickets: count,
        });
    }
    let repeat_contacts = repeat_contacts(pool, q, tickets).await?;
    Ok(CustomerStats {
        top,
        repeat_contacts,
        repeat_rate: (!tickets.is_empty()).then(|| repeat_contacts as f64 / tickets.len() as f64),
        customers: per_customer.len() as i64,
        sentiment: super::volume::series_by(tickets, buckets, |t| t.sentiment.clone().unwrap_or_default()),
    })
}

/// Counts tickets whose customer had another ticket (on any channel, about anything) in the week before.
async fn repeat_contacts(pool: &SqlitePool, q: &AnalyticsQuery, tickets: &[TicketRow]) -> Result<i64> {
    let earlier: Vec<(i64, i64)> = super::rows::json_rows(
        sqlx::query_scalar(
            "SELECT json_group_array(json_array(customer_id, created_at)) FROM tickets
             WHERE created_at >= ? AND created_at < ? AND merged_into IS NULL",
        )
        .bind(q.from - REPEAT_WINDOW_MS)
        .bind(q.to)
        .fetch_one(pool)
        .await?,
    )?;
    let mut by_customer: HashMap<i64, Vec<i64>> = HashMap::new();
    for (customer, at) in earlier {
        by_customer.entry(customer).or_default().push(at);
    }
    for times in by_customer.values_mut() {
        times.sort_unstable();
    }
    Ok(tickets
        .iter()
        .filter(|t| {
            by_customer.get(&t.customer_id).is_some_and(|times| {
                // Any of the customer's tickets in [created − 7 days, created), other than this one.
                let start = times.partition_point(|&at| at < t.created_at - REPEAT_WINDOW_MS);
                let end = times.partition_point(|&at| at < t.created_at);
                end > start
            })
        })
        .count() as i64)
}
