//! Reading a ticket's facts for the rules from the store.

use sqlx::SqliteConnection;

use super::evaluate::TicketFacts;
use crate::model::{ChannelKind, Priority, TicketStatus};
use crate::sla::Calendar;
use crate::{Error, Result};

/// The latest message is cut here: keywords and patterns look at what a person would read.
const BODY_CHARS: usize = 20_000;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    number: i64,
    customer_id: i64,
    channel: ChannelKind,
    account_id: Option<i64>,
    account_name: Option<String>,
    category: Option<String>,
    priority: Priority,
    sentiment: Option<String>,
    language: Option<String>,
    confidence: Option<f64>,
    status: TicketStatus,
    queue: Option<String>,
    assignee: Option<String>,
    subject: String,
    body: Option<String>,
    tier: Option<String>,
    customer_tags: String,
    tags: Option<String>,
    auto_generated: bool,
}

const FACTS_SQL: &str = "
    SELECT t.id, t.number, t.customer_id, t.channel, t.account_id, a.name AS account_name, t.category,
        t.priority, t.sentiment, t.language,
        (SELECT confidence FROM classifications WHERE ticket_id = t.id AND source <> 'agent'
         ORDER BY created_at DESC, id DESC LIMIT 1) AS confidence,
        t.status, t.queue, t.assignee, t.subject, m.body_text AS body, c.tier, c.tags_json AS customer_tags,
        (SELECT json_group_array(g.name) FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
         WHERE tt.ticket_id = t.id) AS tags,
        (t.auto_generated OR coalesce(m.auto_generated, 0)) AS auto_generated
    FROM tickets t
    JOIN customers c ON c.id = t.customer_id
    LEFT JOIN accounts a ON a.id = t.account_id
    LEFT JOIN messages m ON m.id = (SELECT id FROM messages WHERE ticket_id = t.id AND direction = 'inbound'
                                    ORDER BY sent_at DESC, id DESC LIMIT 1)";

impl Row {
    fn into_facts(self, calendar: &Calendar, now: i64) -> TicketFacts {
        let mut body = self.body.unwrap_or_default();
        if let Some((cut, _)) = body.char_indices().nth(BODY_CHARS) {
            body.truncate(cut);
        }
        TicketFacts {
            ticket_id: self.id,
            number: self.number,
            customer_id: self.customer_id,
            channel: self.channel,
            account_id: self.account_id,
            account_name: self.account_name,
            category: self.category,
            priority: self.priority,
            sentiment: self.sentiment,
            language: self.language,
            confidence: self.confidence,
            status: self.status,
            queue: self.queue,
            assignee: self.assignee,
            subject: self.subject,
            body,
            customer_tier: self.tier,
            customer_tags: serde_json::from_str(&self.customer_tags).unwrap_or_default(),
            tags: self
                .tags
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
            auto_generated: self.auto_generated,
            in_business_hours: calendar.is_open(now),
        }
    }
}

pub async fn load(conn: &mut SqliteConnection, calendar: &Calendar, ticket_id: i64, now: i64) -> Result<TicketFacts> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{FACTS_SQL} WHERE t.id = ?")))
        .bind(ticket_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.ok_or(Error::TicketNotFound(ticket_id))?.into_facts(calendar, now))
}

/// Facts of the newest `limit` tickets, newest first (for the dry run).
pub async fn load_recent(
    conn: &mut SqliteConnection,
    calendar: &Calendar,
    limit: i64,
    now: i64,
) -> Result<Vec<TicketFacts>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{FACTS_SQL} WHERE t.id IN (SELECT id FROM tickets ORDER BY created_at DESC, id DESC LIMIT ?)
         ORDER BY t.created_at DESC, t.id DESC"
    )))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.into_facts(calendar, now)).collect())
}
