//! The tickets of a range, read once in one compact pass; every chart is computed from these rows in
//! memory, so the dashboard costs one indexed scan of the range however many charts it draws.

use std::collections::HashMap;

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
}

/// Tickets created in the range that were not merged into another (their messages live on there).
pub(crate) async fn tickets(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<TicketRow>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT t.created_at, t.resolved_at, t.first_response_at, t.channel, t.category, t.queue,
                t.sentiment, t.customer_id, t.reopen_count, t.rules_fired, t.sla_policy IS NOT NULL AS has_sla,
                EXISTS (SELECT 1 FROM sla_breaches b WHERE b.ticket_id = t.id) AS sla_breached,
                EXISTS (SELECT 1 FROM outbox o WHERE o.ticket_id = t.id AND o.auto_submitted) AS auto_replied
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
pub(crate) struct AiVerdict {
    /// `llm` or `local_model`: the run the agent saw before correcting (or the latest).
    pub source: String,
    pub category: Option<String>,
    pub priority: Option<String>,
    pub confidence: Option<f64>,
    pub agent_category: Option<String>,
    pub agent_priority: Option<String>,
}

impl AiVerdict {
    pub fn category_changed(&self) -> bool {
        self.agent_category.is_some() && self.agent_category != self.category
    }

    pub fn priority_changed(&self) -> bool {
        self.agent_priority.is_some() && self.agent_priority != self.priority
    }

    /// The category the ticket ended with: the agent's, else the AI's.
    pub fn final_category(&self) -> Option<&String> {
        self.agent_category.as_ref().or(self.category.as_ref())
    }
}

/// ticket, source, category, priority, confidence.
type ClassificationRow = (i64, String, Option<String>, Option<String>, Option<f64>);

/// Per ticket of the range that an AI classified: the AI run the agent judged, and the agent's labels.
pub(crate) async fn ai_verdicts(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<HashMap<i64, AiVerdict>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT c.ticket_id, c.source, c.category, c.priority, c.confidence FROM classifications c
         WHERE c.ticket_id IN (SELECT t.id FROM tickets t WHERE t.created_at >= ? AND t.created_at < ?
                                   AND t.merged_into IS NULL{conditions})
         ORDER BY c.ticket_id, c.id"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    let rows: Vec<ClassificationRow> = query.fetch_all(pool).await?;
    let mut verdicts: HashMap<i64, AiVerdict> = HashMap::new();
    let mut corrected: HashMap<i64, bool> = HashMap::new();
    for (ticket_id, source, category, priority, confidence) in rows {
        let verdict = verdicts.entry(ticket_id).or_default();
        if source == "agent" {
            corrected.insert(ticket_id, true);
            verdict.agent_category = category.or(verdict.agent_category.take());
            verdict.agent_priority = priority.or(verdict.agent_priority.take());
        } else if !corrected.get(&ticket_id).copied().unwrap_or(false) {
            // The run the agent corrected is the last one before the correction.
            verdict.source = source;
            verdict.category = category;
            verdict.priority = priority;
            verdict.confidence = confidence;
        }
    }
    // Tickets only the agent labelled have no AI verdict to judge.
    verdicts.retain(|_, v| !v.source.is_empty());
    Ok(verdicts)
}
