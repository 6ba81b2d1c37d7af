//! How many tickets came in, from where and about what; how many were resolved; how customers felt.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Buckets;
use super::rows::TicketRow;

/// One line or stack of a chart: a value per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Series {
    /// Channel, category id, sentiment…; empty for tickets without one.
    pub key: String,
    pub values: Vec<i64>,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Volume {
    pub created: Vec<i64>,
    /// Tickets resolved in each period, whenever they were created.
    pub resolved: Vec<i64>,
    pub total_created: i64,
    pub total_resolved: i64,
    /// Largest first.
    pub by_channel: Vec<Series>,
    pub by_category: Vec<Series>,
    pub by_sentiment: Vec<Series>,
}

pub(crate) fn compute(tickets: &[TicketRow], resolved_at: &[i64], buckets: &Buckets) -> Volume {
    let created = count_per_period(tickets.iter().map(|t| t.created_at), buckets);
    let resolved = count_per_period(resolved_at.iter().copied(), buckets);
    Volume {
        total_created: created.iter().sum(),
        total_resolved: resolved.iter().sum(),
        created,
        resolved,
        by_channel: series_by(tickets, buckets, |t| t.channel.clone()),
        by_category: series_by(tickets, buckets, |t| t.category.clone().unwrap_or_default()),
        by_sentiment: series_by(tickets, buckets, |t| t.sentiment.clone().unwrap_or_default()),
    }
}

pub(crate) fn count_per_period(times: impl Iterator<Item = i64>, buckets: &Buckets) -> Vec<i64> {
    let mut counts = vec![0; buckets.len()];
    for at in times {
        if let Some(i) = buckets.index(at) {
            counts[i] += 1;
        }
    }
    counts
}

/// A series per key, largest total first (ties by key, so the order is stable).
pub(crate) fn series_by(tickets: &[TicketRow], buckets: &Buckets, key: impl Fn(&TicketRow) -> String) -> Vec<Series> {
    let mut by_key: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for t in tickets {
        if let Some(i) = buckets.index(t.created_at) {
            by_key.entry(key(t)).or_insert_with(|| vec![0; buckets.len()])[i] += 1;
        }
    }
    let mut series: Vec<Series> = by_key
        .into_iter()
        .map(|(key, values)| Series {
            total: values.iter().sum(),
            key,
            values,
        })
        .collect();
    series.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.key.cmp(&b.key)));
    series
}
