//! What the agent should be told about as it arrives: a new ticket, or a customer's reply on a ticket
//! assigned to them. Read from the store after a durable watermark (the last message id announced), so
//! a restart neither repeats nor skips an announcement; decided by the agent's notification settings.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use crate::Result;
use crate::model::Priority;
use crate::time::now_ms;

/// How long an arrival waits for its classification (priority decides whether to announce it) before it
/// is announced as it is.
pub const WAIT_FOR_CLASSIFICATION_MS: i64 = 30_000;
/// More arrivals than this at once become one summary notification.
pub const GROUP_ABOVE: usize = 3;
/// Mail written longer ago than this when it arrives is history (a first sync of a mailbox, a catch-up
/// after days offline), not news: it is not announced.
pub const STALE_AFTER_MS: i64 = 24 * 60 * 60 * 1000;

/// A customer message that came in through a channel account (imports and logged calls are the agent's
/// own doing and are not announced).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Arrival {
    pub message_id: i64,
    pub ticket_id: i64,
    pub ticket_number: i64,
    pub subject: String,
    pub customer_name: String,
    pub preview: String,
    pub priority: Priority,
    pub assignee: Option<String>,
    /// The first customer message of its ticket.
    pub new_ticket: bool,
    /// Its ticket still waits for the classifier.
    pub classifying: bool,
    /// When the customer wrote it (the sender's clock, clamped to ours).
    pub sent_at: i64,
    /// When it reached the workspace.
    pub created_at: i64,
}

/// Arrivals after `after_message_id`, oldest first.
pub async fn since(pool: &SqlitePool, after_message_id: i64, limit: i64) -> Result<Vec<Arrival>> {
    Ok(sqlx::query_as(
        "SELECT m.id AS message_id, t.id AS ticket_id, t.number AS ticket_number, t.subject,
                c.display_name AS customer_name, substr(m.body_text, 1, 160) AS preview, t.priority, t.assignee,
                m.id = (SELECT min(id) FROM messages f WHERE f.ticket_id = t.id AND f.direction = 'inbound')
                    AS new_ticket,
                EXISTS (SELECT 1 FROM jobs j WHERE j.dedupe_key = 'classify:' || t.id
                        AND j.state IN ('queued', 'running')) AS classifying,
                m.sent_at, m.created_at
         FROM messages m JOIN tickets t ON t.id = m.ticket_id JOIN customers c ON c.id = t.customer_id
         WHERE m.id > ? AND m.direction = 'inbound' AND m.auto_generated = 0 AND m.account_id IS NOT NULL
         ORDER BY m.id LIMIT ?",
    )
    .bind(after_message_id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// The newest message id: where announcing starts in a workspace that never announced anything.
pub async fn latest_message_id(pool: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM messages")
        .fetch_one(pool)
        .await?)
}

/// The agent's notification settings (stored in the workspace as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct NotificationSettings {
    pub enabled: bool,
    pub new_tickets: bool,
    pub replies_on_mine: bool,
    /// Announce only tickets at least this urgent.
    pub min_priority: Priority,
    /// Do not disturb from this hour (0–23, local time) …
    pub quiet_from: Option<u8>,
    /// … until this hour; may wrap past midnight (22 → 7).
    pub quiet_until: Option<u8>,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        NotificationSettings {
            enabled: true,
            new_tickets: true,
            replies_on_mine: true,
            min_priority: Priority::Low,
            quiet_from: None,
            quiet_until: None,
        }
    }
}

impl NotificationSettings {
    pub fn validate(&self) -> Result<()> {
        for hour in [self.quiet_from, self.quiet_until].into_iter().flatten() {
            if hour > 23 {
                return Err(crate::Error::Invalid(format!(
                    "{hour} is not an hour of the day (0–23)"
                )));
            }
        }
        if self.quiet_from.is_some() != self.quiet_until.is_some() {
            return Err(crate::Error::Invalid("quiet hours need both a start and an end".into()));
        }
        Ok(())
    }

    /// Within the do-not-disturb hours at this local hour.
    pub fn is_quiet(&self, local_hour: u8) -> bool {
        match (self.quiet_from, self.quiet_until) {
            (Some(from), Some(until)) if from < until => (from..until).contains(&local_hour),
            (Some(from), Some(until)) if from > until => local_hour >= from || local_hour < until,
            _ => false,
        }
    }
}

fn rank(priority: Priority) -> u8 {
    match priority {
        Priority::Urgent => 0,
        Priority::High => 1,
        Priority::Normal => 2,
        Priority::Low => 3,
    }
}

/// What to do with an arrival now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Announce,
    Skip,
    /// Its classification is not done yet; ask again later.
    Wait,
}

/// Whether to announce `arrival` to the agent called `me`.
pub fn decide(settings: &NotificationSettings, arrival: &Arrival, me: &str, local_hour: u8) -> Decision {
    if !settings.enabled || settings.is_quiet(local_hour) || arrival.created_at - arrival.sent_at > STALE_AFTER_MS {
        return Decision::Skip;
    }
    let wanted = if arrival.new_ticket {
        settings.new_tickets
    } else {
        settings.replies_on_mine && arrival.assignee.as_deref() == Some(me)
    };
    if !wanted {
        return Decision::Skip;
    }
    if settings.min_priority != Priority::Low
        && arrival.classifying
        && now_ms() - arrival.created_at < WAIT_FOR_CLASSIFICATION_MS
    {
        return Decision::Wait;
    }
    if rank(arrival.priority) > rank(settings.min_priority) {
        return Decision::Skip;
    }
    Decision::Announce
}

/// One desktop notification: a single arrival, or a summary of many.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    One(Arrival),
    Many { count: usize, newest: Arrival },
}

/// Groups what is to be announced at once, so a burst of mail is one notification, not fifty.
pub fn group(mut announce: Vec<Arrival>) -> Vec<Notice> {
    if announce.len() > GROUP_ABOVE {
        let count = announce.len();
        let newest = announce.pop().expect("more than GROUP_ABOVE");
        return vec![Notice::Many { count, newest }];
    }
    announce.into_iter().map(Notice::One).collect()
}
