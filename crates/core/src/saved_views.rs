//! Saved custom views: named filters over tickets (status, category, priority, sentiment, channel, queue,
//! tag, assignee, customer, dates) that the agent builds once and finds in the left pane with a count.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use crate::model::{ChannelKind, Priority, TicketStatus};
use crate::tickets::Bind;
use crate::time::now_ms;
use crate::{Error, Result};

/// Which tickets a custom view shows. Empty lists and `None` do not filter; values in one list are
/// alternatives (any of them), different fields must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TicketFilter {
    #[serde(default)]
    pub statuses: Vec<TicketStatus>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub sentiments: Vec<String>,
    #[serde(default)]
    pub channels: Vec<ChannelKind>,
    #[serde(default)]
    pub queues: Vec<String>,
    /// Tickets carrying any of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `@me` for the agent of this workspace, `@none` for unassigned, or a name.
    #[serde(default)]
    pub assignee: Option<String>,
    /// Part of the customer's name or address.
    #[serde(default)]
    pub customer: Option<String>,
    /// Created at or after / before (unix ms).
    #[serde(default)]
    pub created_after: Option<i64>,
    #[serde(default)]
    pub created_before: Option<i64>,
}

fn any_of(column: &str, values: &[String], conditions: &mut Vec<String>, binds: &mut Vec<Bind>) {
    if values.is_empty() {
        return;
    }
    conditions.push(format!("{column} IN ({})", vec!["?"; values.len()].join(", ")));
    binds.extend(values.iter().cloned().map(Bind::Text));
}

/// The SQL condition (over `tickets t`) selecting the filter's tickets, and its values.
pub(crate) fn filter_sql(filter: &TicketFilter) -> (String, Vec<Bind>) {
    let mut conditions = Vec::new();
    let mut binds = Vec::new();
    let texts = |items: &[String]| {
        items
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    };
    let statuses: Vec<String> = filter.statuses.iter().map(|s| s.as_str().to_string()).collect();
    let priorities: Vec<String> = filter.priorities.iter().map(|p| p.as_str().to_string()).collect();
    let channels: Vec<String> = filter.channels.iter().map(|c| c.as_str().to_string()).collect();
    any_of("t.status", &statuses, &mut conditions, &mut binds);
    any_of("t.category", &texts(&filter.categories), &mut conditions, &mut binds);
    any_of("t.priority", &priorities, &mut conditions, &mut binds);
    any_of("t.sentiment", &texts(&filter.sentiments), &mut conditions, &mut binds);
    any_of("t.channel", &channels, &mut conditions, &mut binds);
    any_of("t.queue", &texts(&filter.queues), &mut conditions, &mut binds);
    let tags = texts(&filter.tags);
    if !tags.is_empty() {
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = t.id
                     AND g.name IN ({}))",
            vec!["?"; tags.len()].join(", ")
        ));
        binds.extend(tags.into_iter().map(Bind::Text));
    }
    match filter.assignee.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("@none") => conditions.push("t.assignee IS NULL".into()),
        Some("@me") => conditions.push(format!("t.assignee = {}", crate::tickets::ME)),
        Some(name) => {
            conditions.push("t.assignee = ?".into());
            binds.push(Bind::Text(name.to_string()));
        }
    }
    if let Some(customer) = filter.customer.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        conditions.push(
            "t.customer_id IN (SELECT c.id FROM customers c WHERE instr(lower(c.display_name), lower(?)) > 0
                               UNION SELECT i.customer_id FROM customer_identities i
                               WHERE instr(lower(i.address), lower(?)) > 0)"
                .into(),
        );
        binds.push(Bind::Text(customer.to_string()));
        binds.push(Bind::Text(customer.to_string()));
    }
    if let Some(after) = filter.created_after {
        conditions.push("t.created_at >= ?".into());
        binds.push(Bind::Int(after));
    }
    if let Some(before) = filter.created_before {
        conditions.push("t.created_at < ?".into());
        binds.push(Bind::Int(before));
    }
    if conditions.is_empty() {
        ("1".into(), binds)
    } else {
        (conditions.join(" AND "), binds)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub filter: TicketFilter,
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<SavedView>> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, filter_json FROM saved_views ORDER BY position, id")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, json)| SavedView {
            id,
            name,
            // A filter from a newer version that does not read shows everything rather than vanishing.
            filter: serde_json::from_str(&json).unwrap_or_default(),
        })
        .collect())
}

/// Creates (`id` `None`) or replaces a saved view.
pub async fn save(pool: &SqlitePool, id: Option<i64>, name: &str, filter: &TicketFilter) -> Result<SavedView> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::Invalid("a view needs a name of 1 to 60 characters".into()));
    }
    if let (Some(after), Some(before)) = (filter.created_after, filter.created_before)
        && after >= before
    {
        return Err(Error::Invalid(
            "the 'created after' date must come before the 'created before' date".into(),
        ));
    }
    let json = serde_json::to_string(filter).unwrap_or_default();
    let id = match id {
        Some(id) => {
            let changed = sqlx::query("UPDATE saved_views SET name = ?, filter_json = ? WHERE id = ?")
                .bind(name)
                .bind(&json)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected();
            if changed == 0 {
                return Err(Error::Invalid(format!("view {id} does not exist")));
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO saved_views (name, filter_json, position, created_at)
                 VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_views), ?) RETURNING id",
            )
            .bind(name)
            .bind(&json)
            .bind(now_ms())
            .fetch_one(pool)
            .await?
        }
    };
    Ok(SavedView {
        id,
        name: name.to_string(),
        filter: filter.clone(),
    })
}

pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM saved_views WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// A saved view with the number of tickets it shows now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedViewCount {
    pub view: SavedView,
    pub count: i64,
}

/// Every saved view with its live count, in the left pane's order.
pub async fn with_counts(pool: &SqlitePool) -> Result<Vec<SavedViewCount>> {
    let mut counted = Vec::new();
    for view in list(pool).await? {
        let count = crate::tickets::count(
            pool,
            crate::model::TicketView::Custom {
                filter: Box::new(view.filter.clone()),
            },
        )
        .await?;
        counted.push(SavedViewCount { view, count });
    }
    Ok(counted)
}
