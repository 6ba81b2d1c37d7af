//! The dashboard's filters as SQL: a date range plus optional channel, queue and category.

use serde::{Deserialize, Serialize};

/// What the dashboard shows: tickets created in `from..to` (unix ms), narrowed by the optional filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AnalyticsQuery {
    pub from: i64,
    pub to: i64,
    pub channel: Option<String>,
    pub queue: Option<String>,
    /// A category id; the empty string means tickets without a category.
    pub category: Option<String>,
}

impl AnalyticsQuery {
    /// ` AND …` conditions on the tickets alias `t`, and the values they bind, in order.
    pub(crate) fn conditions(&self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut binds = Vec::new();
        if let Some(channel) = &self.channel {
            sql.push_str(" AND t.channel = ?");
            binds.push(channel.clone());
        }
        if let Some(queue) = &self.queue {
            sql.push_str(" AND t.queue = ?");
            binds.push(queue.clone());
        }
        match self.category.as_deref() {
            Some("") => sql.push_str(" AND t.category IS NULL"),
            Some(category) => {
                sql.push_str(" AND t.category = ?");
                binds.push(category.to_string());
            }
            None => {}
        }
        (sql, binds)
    }

    pub(crate) fn validate(&self) -> crate::Result<()> {
        if self.to <= self.from {
            return Err(crate::Error::Invalid("the date range ends before it starts".into()));
        }
        if self.to - self.from > 3 * 366 * 86_400_000 {
            return Err(crate::Error::Invalid(
                "choose a date range of at most three years".into(),
            ));
        }
        Ok(())
    }
}
