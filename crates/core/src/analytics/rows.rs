//! The tickets of a range, read once in one compact pass; every chart is computed from these rows in
//! memory, so the dashboard costs one indexed scan of the range however many charts it draws. The AI's
//! verdict and the agent's labels are kept on the ticket by triggers on `classifications`.

use sqlx::SqlitePool;

use super::AnalyticsQuery;
use crate::Result;

#[derive(Debug, Clone, sqlx::FromRow)]
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

/// Tickets created in the range that were not merged into another (their messages live on there).
pub(crate) async fn tickets(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<TicketRow>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT t.created_at, t.resolved_at, t.first_response_at, t.channel, t.category, t.queue,
                t.sentiment, t.customer_id, t.reopen_count, t.rules_fired, t.sla_policy IS NOT NULL AS has_sla,
                EXISTS (SELECT 1 FROM sla_breaches b WHERE b.ticket_id = t.id) AS sla_breached,
                EXISTS (SELECT 1 FROM outbox o WHERE o.ticket_id = t.id AND o.auto_submitted) AS auto_replied,
                t.ai_source, t.ai_category, t.ai_priority, t.ai_confidence, t.agent_category, t.agent_priority
         FROM tickets t
         WHERE t.created_at >= ? AND t.created_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    Ok(query.fetch_all(pool).await?)
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
