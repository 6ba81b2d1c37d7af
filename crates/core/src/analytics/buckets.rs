//! The dashboard's time axis: local days (or weeks, for long ranges) in the workspace's time zone, so a
//! day's bar holds that day's tickets as the team lived it, across DST changes.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Ranges up to this many days are drawn per day; longer ones per week.
const MAX_DAILY_DAYS: i64 = 92;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BucketSize {
    Day,
    Week,
}

/// Consecutive periods covering a range: `starts[i]..starts[i + 1]`, the last one ending at `end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buckets {
    pub size: BucketSize,
    pub starts: Vec<i64>,
    pub end: i64,
}

impl Buckets {
    /// Periods from the local midnight (or Monday midnight) at or before `from`, until `to`.
    pub fn new(from: i64, to: i64, tz: Tz) -> Buckets {
        let to = to.max(from + 1);
        let size = if (to - from) / 86_400_000 > MAX_DAILY_DAYS {
            BucketSize::Week
        } else {
            BucketSize::Day
        };
        let mut date = local_date(from, tz);
        if size == BucketSize::Week {
            date = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
        }
        let step = Days::new(if size == BucketSize::Week { 7 } else { 1 });
        let mut starts = Vec::new();
        loop {
            let start = local_midnight(date, tz);
            if start >= to {
                break;
            }
            starts.push(start);
            date = date + step;
        }
        Buckets { size, starts, end: to }
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The period holding `at`, if it is inside the range.
    pub fn index(&self, at: i64) -> Option<usize> {
        if at >= self.end || self.starts.first().is_none_or(|&first| at < first) {
            return None;
        }
        Some(self.starts.partition_point(|&start| start <= at) - 1)
    }

    /// Where period `i` ends (exclusive).
    pub fn end_of(&self, i: usize) -> i64 {
        self.starts.get(i + 1).copied().unwrap_or(self.end)
    }
}

fn local_date(ms: i64, tz: Tz) -> NaiveDate {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive()
}

/// Midnight of a local date; where DST skips midnight, the first instant of that day.
fn local_midnight(date: NaiveDate, tz: Tz) -> i64 {
    let midnight = date.and_time(NaiveTime::MIN);
    (0..4)
        .find_map(|hour| {
            tz.from_local_datetime(&(midnight + chrono::Duration::hours(hour)))
                .earliest()
        })
        .map_or_else(|| midnight.and_utc().timestamp_millis(), |t| t.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn days_follow_the_local_calendar_across_dst() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        // Clocks go forward on 29 March 2026: that day has 23 hours.
        let b = Buckets::new(ms("2026-03-28T10:00:00+01:00"), ms("2026-03-31T00:00:00+02:00"), tz);
        assert_eq!(b.size, BucketSize::Day);
        assert_eq!(
            b.starts,
            vec![
                ms("2026-03-28T00:00:00+01:00"),
                ms("2026-03-29T00:00:00+01:00"),
                ms("2026-03-30T00:00:00+02:00"),
            ]
        );
        assert_eq!(b.starts[2] - b.starts[1], 23 * 3_600_000);
        assert_eq!(b.index(ms("2026-03-29T23:30:00+02:00")), Some(1));
        assert_eq!(b.index(ms("2026-03-27T23:30:00+01:00")), None);
        assert_eq!(b.index(b.end), None);
        assert_eq!(b.end_of(2), b.end);
    }

    #[test]
    fn long_ranges_are_weeks_from_monday() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        // Wednesday 1 April 2026 → 1 August: 122 days, weekly from Monday 30 March.
        let b = Buckets::new(ms("2026-04-01T00:00:00+08:00"), ms("2026-08-01T00:00:00+08:00"), tz);
        assert_eq!(b.size, BucketSize::Week);
        assert_eq!(b.starts[0], ms("2026-03-30T00:00:00+08:00"));
        assert_eq!(b.starts[1] - b.starts[0], 7 * 86_400_000);
        assert_eq!(b.len(), 18);
    }
}
