//! SLA policies: the first policy (in order) whose priority, queue and customer tier fit a ticket applies.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use crate::model::Priority;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaPolicy {
    pub name: String,
    /// `None` fits any priority; likewise for queue and tier.
    pub priority: Option<Priority>,
    pub queue: Option<String>,
    pub tier: Option<String>,
    /// Targets in business minutes; `None` means no target.
    pub first_response_minutes: Option<i64>,
    pub next_response_minutes: Option<i64>,
    pub resolution_minutes: Option<i64>,
}

impl SlaPolicy {
    pub fn fits(&self, priority: Priority, queue: Option<&str>, tier: Option<&str>) -> bool {
        let same = |want: &Option<String>, have: Option<&str>| {
            want.as_deref()
                .is_none_or(|w| have.is_some_and(|h| h.eq_ignore_ascii_case(w)))
        };
        self.priority.is_none_or(|p| p == priority) && same(&self.queue, queue) && same(&self.tier, tier)
    }

    fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::Invalid("an SLA policy needs a name".into()));
        }
        for minutes in [
            self.first_response_minutes,
            self.next_response_minutes,
            self.resolution_minutes,
        ]
        .into_iter()
        .flatten()
        {
            if !(1..=525_600).contains(&minutes) {
                return Err(Error::Invalid(format!(
                    "SLA policy '{}': a target lies between 1 minute and a year",
                    self.name
                )));
            }
        }
        Ok(())
    }
}

pub async fn list(conn: &mut SqliteConnection) -> Result<Vec<SlaPolicy>> {
    Ok(sqlx::query_as(
        "SELECT name, priority, queue, tier, first_response_minutes, next_response_minutes, resolution_minutes
         FROM sla_policies ORDER BY position, id",
    )
    .fetch_all(conn)
    .await?)
}

/// Replaces all policies (the editor saves the ordered list at once); clocks of open tickets follow.
pub async fn replace_all(pool: &SqlitePool, policies: &[SlaPolicy]) -> Result<()> {
    for policy in policies {
        policy.validate()?;
    }
    let mut tx = crate::store::begin_write(pool).await?;
    sqlx::query("DELETE FROM sla_policies").execute(&mut *tx).await?;
    for (position, p) in policies.iter().enumerate() {
        sqlx::query(
            "INSERT INTO sla_policies (position, name, priority, queue, tier, first_response_minutes,
                 next_response_minutes, resolution_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(position as i64)
        .bind(p.name.trim())
        .bind(p.priority)
        .bind(p.queue.as_deref().map(str::trim).filter(|q| !q.is_empty()))
        .bind(p.tier.as_deref().map(str::trim).filter(|t| !t.is_empty()))
        .bind(p.first_response_minutes)
        .bind(p.next_response_minutes)
        .bind(p.resolution_minutes)
        .execute(&mut *tx)
        .await?;
    }
    super::mark_all_open_dirty(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
