//! Service-level agreements: targets for first response, next response and resolution, counted in
//! business hours, paused while a ticket waits on the customer.

pub mod calendar;
pub mod clocks;
pub mod policies;

pub use calendar::{BusinessHours, Calendar, OpenHours};
pub use clocks::{SlaEvent, due_events, refresh, refresh_dirty};
pub use policies::SlaPolicy;

use sqlx::SqliteConnection;

use crate::Result;

const BUSINESS_HOURS_KEY: &str = "workflow.business_hours";

/// The workspace's business hours; office hours in the machine's time zone until the agent sets them.
pub async fn business_hours(conn: &mut SqliteConnection) -> Result<BusinessHours> {
    let stored: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(BUSINESS_HOURS_KEY)
        .fetch_optional(conn)
        .await?;
    Ok(stored
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_else(|| BusinessHours::office(&system_time_zone())))
}

/// Saves business hours after checking them; every open ticket's clocks are recomputed.
pub async fn set_business_hours(pool: &sqlx::SqlitePool, hours: &BusinessHours) -> Result<()> {
    hours.calendar()?;
    let mut tx = crate::store::begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(BUSINESS_HOURS_KEY)
    .bind(serde_json::to_string(hours).unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    mark_all_open_dirty(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// The calendar the clocks use; a stored calendar that no longer parses falls back to office hours in UTC.
pub async fn calendar(conn: &mut SqliteConnection) -> Result<Calendar> {
    let hours = business_hours(conn).await?;
    hours.calendar().or_else(|_| BusinessHours::office("UTC").calendar())
}

fn system_time_zone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|tz| tz.parse::<chrono_tz::Tz>().is_ok())
        .unwrap_or_else(|| "UTC".to_string())
}

pub(crate) async fn mark_all_open_dirty(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO sla_dirty (ticket_id)
         SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending')",
    )
    .execute(conn)
    .await?;
    Ok(())
}
