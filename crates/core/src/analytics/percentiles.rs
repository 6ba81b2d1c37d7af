//! Median and 90th percentile of durations, by the nearest-rank method: the reported value is always one
//! that really occurred (a ticket's actual first-response time), never an interpolation.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DurationStats {
    /// How many tickets have this duration (answered, or resolved).
    pub count: i64,
    pub median_ms: Option<i64>,
    pub p90_ms: Option<i64>,
}

impl DurationStats {
    pub fn of(mut durations: Vec<i64>) -> DurationStats {
        durations.sort_unstable();
        DurationStats {
            count: durations.len() as i64,
            median_ms: nearest_rank(&durations, 50),
            p90_ms: nearest_rank(&durations, 90),
        }
    }
}

/// The smallest value with at least `percent`% of the values at or below it.
pub fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_by_hand() {
        // 1..=10: the median is the 5th value, the 90th percentile the 9th.
        let stats = DurationStats::of((1..=10).rev().collect());
        assert_eq!((stats.count, stats.median_ms, stats.p90_ms), (10, Some(5), Some(9)));
        // Three values: ranks ceil(1.5) = 2 and ceil(2.7) = 3.
        assert_eq!(DurationStats::of(vec![30, 10, 20]).median_ms, Some(20));
        assert_eq!(DurationStats::of(vec![30, 10, 20]).p90_ms, Some(30));
        assert_eq!(DurationStats::of(vec![7]).p90_ms, Some(7));
        assert_eq!(DurationStats::of(vec![]), DurationStats::default());
    }
}
