//! How long customers waited: first response (creation → the team's first reply sent) and resolution
//! (creation → resolved), in wall-clock time, as medians and 90th percentiles. The SLA report counts
//! business hours; these figures are what the customer experienced.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rows::TicketRow;
use super::{Buckets, DurationStats};

/// Per period (by when tickets were created).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimingOverTime {
    pub first_response: Vec<DurationStats>,
    pub resolution: Vec<DurationStats>,
    /// The whole range.
    pub first_response_total: DurationStats,
    pub resolution_total: DurationStats,
}

/// Timings for one channel, category or queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimingBreakdown {
    pub key: String,
    pub tickets: i64,
    pub first_response: DurationStats,
    pub resolution: DurationStats,
}

fn first_response_ms(t: &TicketRow) -> Option<i64> {
    t.first_response_at.map(|at| (at - t.created_at).max(0))
}

fn resolution_ms(t: &TicketRow) -> Option<i64> {
    t.resolved_at.map(|at| (at - t.created_at).max(0))
}

pub(crate) fn over_time(tickets: &[TicketRow], buckets: &Buckets) -> TimingOverTime {
    let mut first = vec![Vec::new(); buckets.len()];
    let mut resolution = vec![Vec::new(); buckets.len()];
    for t in tickets {
        let Some(i) = buckets.index(t.created_at) else { continue };
        first[i].extend(first_response_ms(t));
        resolution[i].extend(resolution_ms(t));
    }
    TimingOverTime {
        first_response_total: DurationStats::of(tickets.iter().filter_map(first_response_ms).collect()),
        resolution_total: DurationStats::of(tickets.iter().filter_map(resolution_ms).collect()),
        first_response: first.into_iter().map(DurationStats::of).collect(),
        resolution: resolution.into_iter().map(DurationStats::of).collect(),
    }
}

/// Timings per key (tickets without a key are left out), most tickets first.
pub(crate) fn breakdown(tickets: &[TicketRow], key: impl Fn(&TicketRow) -> Option<String>) -> Vec<TimingBreakdown> {
    let mut groups: BTreeMap<String, (i64, Vec<i64>, Vec<i64>)> = BTreeMap::new();
    for t in tickets {
        let Some(k) = key(t) else { continue };
        let group = groups.entry(k).or_default();
        group.0 += 1;
        group.1.extend(first_response_ms(t));
        group.2.extend(resolution_ms(t));
    }
    let mut rows: Vec<TimingBreakdown> = groups
        .into_iter()
        .map(|(key, (tickets, first, resolution))| TimingBreakdown {
            key,
            tickets,
            first_response: DurationStats::of(first),
            resolution: DurationStats::of(resolution),
        })
        .collect();
    rows.sort_by(|a, b| b.tickets.cmp(&a.tickets).then_with(|| a.key.cmp(&b.key)));
    rows
}
