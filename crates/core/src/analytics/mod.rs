//! Analytics: how service is going, computed from the workspace's own tables. Every figure the dashboard
//! shows comes from here (tested against hand-checked values), never from the UI.
//!
//! A dashboard reads the tickets created in its range once (`rows`) and derives every chart from those
//! rows in memory; the backlog, resolutions, SLA breaches, repeat contacts and LLM cost need small indexed
//! queries of their own.

mod ai_quality;
mod automation;
mod backlog;
pub mod buckets;
mod customer_stats;
mod filters;
pub mod insights;
pub mod percentiles;
pub mod report;
pub mod rising_topics;
mod rows;
mod service_levels;
mod timings;
mod volume;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

pub use ai_quality::{AiQuality, CalibrationBin, CategoryCorrections, ConfusionMatrix, CostDay, SourceCorrections};
pub use automation::Automation;
pub use backlog::Backlog;
pub use buckets::{BucketSize, Buckets};
pub use customer_stats::{CustomerStats, TopCustomer};
pub use filters::AnalyticsQuery;
pub use percentiles::DurationStats;
pub use service_levels::ServiceLevels;
pub use timings::{TimingBreakdown, TimingOverTime};
pub use volume::{Series, Volume};

use crate::Result;

/// Everything the dashboard draws for one query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Dashboard {
    pub query: AnalyticsQuery,
    /// The IANA time zone the days are counted in (the workspace's business hours).
    pub time_zone: String,
    pub bucket_size: BucketSize,
    /// Start of each period (unix ms); every series below has one value per period.
    pub periods: Vec<i64>,
    pub volume: Volume,
    pub backlog: Backlog,
    pub timings: TimingOverTime,
    pub timing_by_channel: Vec<TimingBreakdown>,
    pub timing_by_category: Vec<TimingBreakdown>,
    pub timing_by_queue: Vec<TimingBreakdown>,
    pub service_levels: ServiceLevels,
    pub ai: AiQuality,
    pub automation: Automation,
    pub customers: CustomerStats,
}

/// Computes the dashboard for a range and filters, with days in the workspace's time zone.
pub async fn dashboard(pool: &SqlitePool, query: &AnalyticsQuery, now: i64) -> Result<Dashboard> {
    query.validate()?;
    let hours = {
        let mut conn = pool.acquire().await?;
        crate::sla::business_hours(&mut conn).await?
    };
    let tz: chrono_tz::Tz = hours.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let buckets = Buckets::new(query.from, query.to, tz);
    // Queries run side by side on the pool's connections; the in-memory work is cheap next to them.
    let (tickets, resolved_at) = tokio::try_join!(rows::tickets(pool, query), backlog::resolutions(pool, query))?;
    let (backlog, service_levels, ai, customers) = tokio::try_join!(
        backlog::compute(pool, query, &tickets, &resolved_at, &buckets, now),
        service_levels::compute(pool, query, &tickets, &buckets),
        ai_quality::compute(pool, query, &tickets),
        customer_stats::compute(pool, query, &tickets, &buckets),
    )?;
    let volume = volume::compute(&tickets, &resolved_at, &buckets);
    let timings = timings::over_time(&tickets, &buckets);
    let timing_by_channel = timings::breakdown(&tickets, |t| Some(t.channel.clone()));
    let timing_by_category = timings::breakdown(&tickets, |t| Some(t.category.clone().unwrap_or_default()));
    let timing_by_queue = timings::breakdown(&tickets, |t| t.queue.clone());
    let automation = automation::compute(&tickets);
    Ok(Dashboard {
        query: query.clone(),
        time_zone: tz.name().to_string(),
        bucket_size: buckets.size,
        periods: buckets.starts.clone(),
        volume,
        backlog,
        timings,
        timing_by_channel,
        timing_by_category,
        timing_by_queue,
        service_levels,
        ai,
        automation,
        customers,
    })
}
