//! Business hours: opening times per weekday in the workspace's time zone, minus holidays. SLA clocks run
//! only inside them. All arithmetic walks local calendar days and converts each opening window to UTC on
//! its own, so a DST change (a 23- or 25-hour day) moves the windows exactly as a wall clock would.

use chrono::{Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

const MINUTE_MS: i64 = 60_000;
/// How far the arithmetic looks ahead before giving up (a calendar with a year of holidays still works).
const MAX_DAYS: u32 = 3 * 366;

/// Opening time of one weekday, in minutes after local midnight (`end` may be 1440).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OpenHours {
    pub start_minute: u16,
    pub end_minute: u16,
}

/// The workspace's business hours, as the agent sets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BusinessHours {
    /// IANA time zone, e.g. `Asia/Shanghai`.
    pub time_zone: String,
    /// Monday first; `None` is a closed day.
    pub days: Vec<Option<OpenHours>>,
    /// Closed dates, `YYYY-MM-DD` in the workspace's time zone.
    pub holidays: Vec<String>,
}

impl BusinessHours {
    /// Monday to Friday, 09:00 to 18:00, in `time_zone`.
    pub fn office(time_zone: &str) -> BusinessHours {
        let open = Some(OpenHours {
            start_minute: 9 * 60,
            end_minute: 18 * 60,
        });
        BusinessHours {
            time_zone: time_zone.to_string(),
            days: vec![open, open, open, open, open, None, None],
            holidays: Vec::new(),
        }
    }

    /// Every hour of every day (clocks never stop).
    pub fn always(time_zone: &str) -> BusinessHours {
        let open = Some(OpenHours {
            start_minute: 0,
            end_minute: 24 * 60,
        });
        BusinessHours {
            time_zone: time_zone.to_string(),
            days: vec![open; 7],
            holidays: Vec::new(),
        }
    }

    /// Checks the settings and prepares them for arithmetic.
    pub fn calendar(&self) -> Result<Calendar> {
        let tz: Tz = self
            .time_zone
            .parse()
            .map_err(|_| Error::Invalid(format!("'{}' is not a time zone (e.g. Europe/Berlin)", self.time_zone)))?;
        if self.days.len() != 7 {
            return Err(Error::Invalid("business hours need seven days, Monday first".into()));
        }
        for hours in self.days.iter().flatten() {
            if hours.start_minute >= hours.end_minute || hours.end_minute > 24 * 60 {
                return Err(Error::Invalid(format!(
                    "opening hours {}–{} are not a time range within a day",
                    clock(hours.start_minute),
                    clock(hours.end_minute)
                )));
            }
        }
        if self.days.iter().all(Option::is_none) {
            return Err(Error::Invalid("business hours need at least one open day".into()));
        }
        let mut holidays = Vec::with_capacity(self.holidays.len());
        for day in &self.holidays {
            holidays.push(
                NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
                    .map_err(|_| Error::Invalid(format!("'{day}' is not a date (YYYY-MM-DD)")))?,
            );
        }
        holidays.sort();
        Ok(Calendar {
            tz,
            days: self.days.clone(),
            holidays,
        })
    }
}

fn clock(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// Business hours ready for arithmetic.
#[derive(Debug, Clone)]
pub struct Calendar {
    tz: Tz,
    days: Vec<Option<OpenHours>>,
    holidays: Vec<NaiveDate>,
}

impl Calendar {
    /// The opening window of a local date in UTC milliseconds, if the business is open that day.
    fn window(&self, date: NaiveDate) -> Option<(i64, i64)> {
        if self.holidays.binary_search(&date).is_ok() {
            return None;
        }
        let hours = self.days[date.weekday().num_days_from_monday() as usize]?;
        let start = self.instant(date, hours.start_minute);
        let end = self.instant(date, hours.end_minute);
        (end > start).then_some((start, end))
    }

    /// A local wall-clock time as UTC milliseconds. A time skipped by DST moves an hour on; a time that
    /// happens twice takes the first.
    fn instant(&self, date: NaiveDate, minute: u16) -> i64 {
        let local = if minute >= 24 * 60 {
            date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN)
        } else {
            date.and_time(
                NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0).unwrap_or_default(),
            )
        };
        resolve(self.tz, local)
    }

    fn local_date(&self, ms: i64) -> NaiveDate {
        Utc.timestamp_millis_opt(ms)
            .single()
            .unwrap_or_default()
            .with_timezone(&self.tz)
            .date_naive()
    }

    /// Opening windows from the local day containing `from` onward (yesterday too, for windows past midnight).
    fn windows_from(&self, from: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let first = self
            .local_date(from)
            .checked_sub_days(Days::new(1))
            .unwrap_or(NaiveDate::MIN);
        (0..MAX_DAYS)
            .filter_map(move |n| first.checked_add_days(Days::new(u64::from(n))))
            .filter_map(|date| self.window(date))
            .filter(move |&(_, end)| end > from)
    }

    pub fn is_open(&self, at: i64) -> bool {
        self.window(self.local_date(at))
            .is_some_and(|(start, end)| (start..end).contains(&at))
    }

    /// The instant `minutes` of business time after `from`.
    pub fn add_business_minutes(&self, from: i64, minutes: i64) -> i64 {
        self.add_business_ms(from, minutes.max(0) * MINUTE_MS)
    }

    pub fn add_business_ms(&self, from: i64, duration: i64) -> i64 {
        let mut remaining = duration.max(0);
        let mut last = from;
        for (start, end) in self.windows_from(from) {
            let start = start.max(from);
            if remaining <= end - start {
                return start + remaining;
            }
            remaining -= end - start;
            last = end;
        }
        // Only a calendar closed for years gets here; the due time is then as late as we can tell.
        last + remaining
    }

    /// Business time between two instants, in milliseconds (0 when `to` is not after `from`).
    pub fn business_ms_between(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        self.windows_from(from)
            .take_while(|&(start, _)| start < to)
            .map(|(start, end)| end.min(to) - start.max(from))
            .filter(|&ms| ms > 0)
            .sum()
    }
}

fn resolve(tz: Tz, local: NaiveDateTime) -> i64 {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp_millis(),
        // In a DST gap: read the time with the offset before the change (02:30 becomes 03:30), as
        // calendars and JavaScript do.
        LocalResult::None => resolve(tz, local + chrono::Duration::hours(1)),
    }
}
