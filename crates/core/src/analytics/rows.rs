//! The tickets of a range, read once in one compact pass; every chart is computed from these rows in
//! memory, so the dashboard costs one indexed scan of the range however many charts it draws. The AI's
//! verdict and the agent's labels are kept on the ticket by triggers on `classifications`.

use serde::Deserialize;
use sqlx::SqlitePool;

use super::AnalyticsQuery;
use crate::Result;

/// One ticket as the dashboard reads it. Read from one JSON array SQLite builds (`json_group_array`):
/// one row crossing from SQLite instead of one per ticket, which is what makes 100,000 tickets cheap.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct TicketRow {
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub first_response_at: Option<i64>,
    pub channel: String,
    pub category: Option<String>,
    pub queue: Option<String>,
    pub sentiment: Option<String>,
    pub customer_id: i64,
    pub reopen_count: i64,
    pub rules_fired: i64,
    pub has_sla: bool,
    pub sla_breached: bool,
    pub auto_replied: bool,
    pub ai_source: Option<String>,
    pub ai_category: Option<String>,
    pub ai_priority: Option<String>,
    pub ai_confidence: Option<f64>,
    pub agent_category: Option<String>,
    pub agent_priority: Option<String>,
}

/// Tickets created in the range that were not merged into another (their messages live on there). Read
/// as two halves of the range at once: SQLite builds each on its own connection,
/// and each is parsed on its own thread.
pub(crate) async fn tickets(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<TicketRow>> {
    let middle = q.from + (q.to - q.from) / 2;
    let first = AnalyticsQuery {
        to: middle,
        ..q.clone()
    };
    let second = AnalyticsQuery {
        from: middle,
        ..q.clone()
    };
    let (mut rows, rest) = tokio::try_join!(tickets_of(pool, &first), tickets_of(pool, &second))?;
    rows.extend(rest);
    Ok(rows)
}

async fn tickets_of(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<TicketRow>> {
    let (conditions, binds) = q.conditions();
    // json(...) for the flags: SQLite's JSON booleans, which serde reads as bool.
    let sql = format!(
        "SELECT json_group_array(json_array(t.created_at, t.resolved_at, t.first_response_at, t.channel,
                    t.category, t.queue, t.sentiment, t.customer_id, t.reopen_count, t.rules_fired,
                    json(CASE WHEN t.sla_policy IS NOT NULL THEN 'true' ELSE 'false' END),
                    json(CASE WHEN t.sla_breached THEN 'true' ELSE 'false' END),
                    json(CASE WHEN t.auto_replied THEN 'true' ELSE 'false' END),
                    t.ai_source, t.ai_category, t.ai_priority, t.ai_confidence, t.agent_category, t.agent_priority))
         FROM tickets t
         WHERE t.created_at >= ? AND t.created_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    let json: String = query.fetch_one(pool).await?;
    tokio::task::spawn_blocking(move || json_rows(json))
        .await
        .map_err(|e| crate::Error::Invalid(format!("analytics rows: {e}")))?
}

/// Parses what `json_group_array` built.
pub(crate) fn json_rows<T: serde::de::DeserializeOwned>(json: String) -> Result<Vec<T>> {
    serde_json::from_str(&json).map_err(|e| crate::Error::Invalid(format!("analytics rows: {e}")))
}

/// What the AI said about a ticket and what the agent made of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct AiVerdict<'a> {
    /// `llm` or `local_model`: the run the agent saw before correcting (or the latest).
    pub source: &'a str,
    pub category: Option<&'a String>,
    pub priority: Option<&'a String>,
    pub confidence: Option<f64>,
    pub agent_category: Option<&'a String>,
    pub agent_priority: Option<&'a String>,
}

impl AiVerdict<'_> {
    pub fn category_changed(&self) -> bool {
        self.agent_category.is_some() && self.agent_category != self.category
    }

    pub fn priority_changed(&self) -> bool {
        self.agent_priority.is_some() && self.agent_priority != self.priority
    }

    /// The category the ticket ended with: the agent's, else the AI's.
    pub fn final_category(&self) -> Option<&String> {
        self.agent_category.or(self.category)
    }
}

impl TicketRow {
    /// The AI's verdict, for tickets an AI classified.
    pub fn verdict(&self) -> Option<AiVerdict<'_>> {
        Some(AiVerdict {
            source: self.ai_source.as_deref()?,
            category: self.ai_category.as_ref(),
            priority: self.ai_priority.as_ref(),
            confidence: self.ai_confidence,
            agent_category: self.agent_category.as_ref(),
            agent_priority: self.agent_priority.as_ref(),
        })
    }
}
