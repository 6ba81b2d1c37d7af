//! Carrying out a matched rule's actions on a ticket, each written to the ticket's timeline as the rule's
//! doing. The same planning step describes the actions for the dry run without touching anything.

use serde_json::json;
use sqlx::SqliteConnection;

use super::definition::{Action, ActionKind};
use super::evaluate::{CompiledRule, TicketFacts};
use crate::model::{ChannelKind, Direction, Priority, TicketStatus};
use crate::outbox::{self, ReplyAuthor, Sender};
use crate::saved_replies::{self, ReplyVariables};
use crate::{Error, Result, audit};

/// One thing a rule would do to a ticket, in words for the dry run.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlannedAction {
    pub kind: ActionKind,
    /// e.g. `priority: normal → high`, `note: …`, `automatic reply 'Thanks, we are on it' (skipped: …)`.
    pub description: String,
    /// False when the action would change nothing or is not allowed on this ticket.
    pub effective: bool,
}

/// Why an automatic reply may not go to this ticket, if it may not.
fn auto_reply_blocked(rule: &CompiledRule, facts: &TicketFacts, recent_auto_reply: bool) -> Option<&'static str> {
    if !rule.definition.allow_auto_reply {
        Some("automatic replies are not allowed for this rule")
    } else if facts.auto_generated {
        Some("the message is an auto-reply, bulk mail or bounce")
    } else if facts.channel == ChannelKind::Phone {
        Some("phone tickets have no address to reply to")
    } else if recent_auto_reply {
        Some("the ticket already had an automatic reply recently")
    } else {
        None
    }
}

async fn had_recent_auto_reply(conn: &mut SqliteConnection, ticket_id: i64, hours: u32, now: i64) -> Result<bool> {
    let since = now - i64::from(hours) * 3_600_000;
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM outbox WHERE ticket_id = ? AND auto_submitted = 1 AND created_at > ?",
    )
    .bind(ticket_id)
    .bind(since)
    .fetch_one(conn)
    .await?
        > 0)
}

fn change(kind: ActionKind, field: &str, from: Option<&str>, to: &str) -> PlannedAction {
    let same = from.is_some_and(|f| f.eq_ignore_ascii_case(to));
    PlannedAction {
        kind,
        description: format!("{field}: {} → {to}", from.unwrap_or("—")),
        effective: !same,
    }
}

/// What each action of `rule` would do to the ticket described by `facts`.
pub async fn plan(
    conn: &mut SqliteConnection,
    rule: &CompiledRule,
    facts: &TicketFacts,
    now: i64,
) -> Result<Vec<PlannedAction>> {
    let mut planned = Vec::new();
    for action in &rule.definition.actions {
        let value = action.value.trim();
        planned.push(match action.kind {
            ActionKind::SetCategory => change(action.kind, "category", facts.category.as_deref(), value),
            ActionKind::SetPriority => change(action.kind, "priority", Some(facts.priority.as_str()), value),
            ActionKind::SetQueue => change(action.kind, "queue", facts.queue.as_deref(), value),
            ActionKind::SetStatus => change(action.kind, "status", Some(facts.status.as_str()), value),
            ActionKind::Assign => change(action.kind, "assignee", facts.assignee.as_deref(), value),
            ActionKind::AddTag => PlannedAction {
                kind: action.kind,
                description: format!("tag: + {value}"),
                effective: !facts.tags.iter().any(|t| t.eq_ignore_ascii_case(value)),
            },
            ActionKind::AddNote => described(action, format!("note: {value}")),
            ActionKind::Notify => described(action, format!("notify: {value}")),
            ActionKind::Escalate => PlannedAction {
                kind: action.kind,
                description: format!(
                    "escalate: priority {} → urgent, tag + escalated, notify",
                    facts.priority
                ),
                effective: true,
            },
            ActionKind::DraftSavedReply => {
                saved_replies::by_title(conn, value).await?;
                described(action, format!("draft from saved reply '{value}'"))
            }
            ActionKind::DraftAi => described(action, "draft a reply with the AI".into()),
            ActionKind::AutoReply => {
                saved_replies::by_title(conn, value).await?;
                let recent =
                    had_recent_auto_reply(conn, facts.ticket_id, rule.definition.auto_reply_every_hours, now).await?;
                match auto_reply_blocked(rule, facts, recent) {
                    None => described(action, format!("automatic reply '{value}'")),
                    Some(why) => PlannedAction {
                        kind: action.kind,
                        description: format!("automatic reply '{value}' (skipped: {why})"),
                        effective: false,
                    },
                }
            }
        });
    }
    Ok(planned)
}

fn described(action: &Action, description: String) -> PlannedAction {
    PlannedAction {
        kind: action.kind,
        description,
        effective: true,
    }
}

/// Carries out `rule`'s actions, keeping `facts` current so later rules see the changes.
pub async fn apply(conn: &mut SqliteConnection, rule: &CompiledRule, facts: &mut TicketFacts, now: i64) -> Result<()> {
    let actor = format!("rule:{}", rule.definition.name.trim());
    let planned = plan(conn, rule, facts, now).await?;
    for (action, step) in rule.definition.actions.iter().zip(planned) {
        if !step.effective {
            continue;
        }
        let value = action.value.trim();
        match action.kind {
            ActionKind::SetCategory => {
                set_column(
                    conn,
                    facts.ticket_id,
                    "category",
                    value,
                    &actor,
                    facts.category.as_deref(),
                )
                .await?;
                facts.category = Some(value.to_string());
            }
            ActionKind::SetPriority => {
                let priority: Priority = value.parse()?;
                set_priority(conn, facts, priority, &actor).await?;
            }
            ActionKind::SetQueue => {
                set_column(conn, facts.ticket_id, "queue", value, &actor, facts.queue.as_deref()).await?;
                facts.queue = Some(value.to_string());
            }
            ActionKind::Assign => {
                set_column(
                    conn,
                    facts.ticket_id,
                    "assignee",
                    value,
                    &actor,
                    facts.assignee.as_deref(),
                )
                .await?;
                facts.assignee = Some(value.to_string());
            }
            ActionKind::SetStatus => {
                let status: TicketStatus = value.parse()?;
                crate::tickets::set_status_in(conn, facts.ticket_id, status, &actor, now).await?;
                facts.status = status;
            }
            ActionKind::AddTag => add_tag(conn, facts, value, &actor).await?,
            ActionKind::AddNote => add_note(conn, facts.ticket_id, &rule.definition.name, value).await?,
            ActionKind::Notify => notify(conn, facts.ticket_id, value, &actor).await?,
            ActionKind::Escalate => {
                set_priority(conn, facts, Priority::Urgent, &actor).await?;
                if !facts.tags.iter().any(|t| t == "escalated") {
                    add_tag(conn, facts, "escalated", &actor).await?;
                }
                notify(
                    conn,
                    facts.ticket_id,
                    &format!("Escalated by rule '{}'", rule.definition.name),
                    &actor,
                )
                .await?;
            }
            ActionKind::DraftSavedReply => {
                let text = fill_saved_reply(conn, facts, value).await?;
                let reply_id = saved_replies::by_title(conn, value).await?.id;
                crate::saved_reply_usage::record_use(conn, reply_id, facts.ticket_id, &text).await?;
                crate::workflow::save_prepared_draft_in(
                    conn,
                    facts.ticket_id,
                    &text,
                    &actor,
                    json!({ "saved_reply": value }),
                )
                .await?;
            }
            ActionKind::DraftAi => {
                crate::jobs::enqueue(
                    conn,
                    crate::jobs::KIND_DRAFT,
                    json!({ "ticket_id": facts.ticket_id, "rule": rule.definition.name }),
                    Some(&format!("draft:{}", facts.ticket_id)),
                )
                .await?;
            }
            ActionKind::AutoReply => {
                let text = fill_saved_reply(conn, facts, value).await?;
                let author = reply_author(conn, facts).await?;
                outbox::enqueue_in(
                    conn,
                    facts.ticket_id,
                    &text,
                    Direction::Outbound,
                    &author,
                    &[],
                    Sender::Rule(rule.definition.name.trim()),
                )
                .await?;
            }
        }
    }
    Ok(())
}

async fn set_column(
    conn: &mut SqliteConnection,
    ticket_id: i64,
    column: &'static str,
    value: &str,
    actor: &str,
    from: Option<&str>,
) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE tickets SET {column} = ? WHERE id = ?"
    )))
    .bind(value)
    .bind(ticket_id)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        Some(ticket_id),
        "rule_changed",
        actor,
        json!({ "field": column, "from": from, "to": value }),
    )
    .await
}

async fn set_priority(
    conn: &mut SqliteConnection,
    facts: &mut TicketFacts,
    priority: Priority,
    actor: &str,
) -> Result<()> {
    if facts.priority != priority {
        let from = facts.priority.as_str();
        set_column(conn, facts.ticket_id, "priority", priority.as_str(), actor, Some(from)).await?;
        facts.priority = priority;
    }
    Ok(())
}

async fn add_tag(conn: &mut SqliteConnection, facts: &mut TicketFacts, tag: &str, actor: &str) -> Result<()> {
    let tag = crate::ticket_actions::normalise_tag(tag)?;
    crate::ticket_actions::ensure_tag(&mut *conn, &tag).await?;
    crate::ticket_actions::attach_tag(&mut *conn, facts.ticket_id, &tag).await?;
    audit::record(
        conn,
        Some(facts.ticket_id),
        "rule_changed",
        actor,
        json!({ "field": "tags", "added": tag }),
    )
    .await?;
    facts.tags.push(tag);
    Ok(())
}

async fn add_note(conn: &mut SqliteConnection, ticket_id: i64, rule: &str, text: &str) -> Result<()> {
    let author = ReplyAuthor {
        name: format!("Rule: {}", rule.trim()),
        address: String::new(),
    };
    outbox::enqueue_in(
        conn,
        ticket_id,
        text,
        Direction::Note,
        &author,
        &[],
        Sender::Rule(rule.trim()),
    )
    .await?;
    Ok(())
}

/// A desktop notification is an event in the timeline; the desktop shell announces new ones.
async fn notify(conn: &mut SqliteConnection, ticket_id: i64, text: &str, actor: &str) -> Result<()> {
    audit::record(
        conn,
        Some(ticket_id),
        super::NOTIFICATION_EVENT,
        actor,
        json!({ "text": text }),
    )
    .await
}

async fn fill_saved_reply(conn: &mut SqliteConnection, facts: &TicketFacts, title: &str) -> Result<String> {
    let reply = saved_replies::by_title(conn, title).await?;
    let customer_name: String = sqlx::query_scalar("SELECT display_name FROM customers WHERE id = ?")
        .bind(facts.customer_id)
        .fetch_one(&mut *conn)
        .await?;
    let order: Option<(String, String)> = sqlx::query_as(
        "SELECT number, CASE WHEN fulfillment_status <> '' THEN fulfillment_status ELSE status END FROM orders
         WHERE customer_id = ? ORDER BY placed_at DESC LIMIT 1",
    )
    .bind(facts.customer_id)
    .fetch_optional(&mut *conn)
    .await?;
    let vars = ReplyVariables {
        customer_name,
        ticket_number: facts.number,
        subject: facts.subject.clone(),
        order_number: order.as_ref().map(|o| o.0.clone()),
        order_status: order.map(|o| o.1),
        agent_name: crate::store::agent_name_in(conn).await?,
        language: facts.language.clone().unwrap_or_default(),
    };
    Ok(saved_replies::fill(&reply.body, &vars))
}

/// An automatic reply is written in the name of the agent, from the account the ticket came in on.
async fn reply_author(conn: &mut SqliteConnection, facts: &TicketFacts) -> Result<ReplyAuthor> {
    let address: Option<String> = sqlx::query_scalar("SELECT address FROM accounts WHERE id = ?")
        .bind(facts.account_id)
        .fetch_optional(&mut *conn)
        .await?;
    let address = address.ok_or_else(|| Error::Invalid("the ticket has no account to reply from".into()))?;
    Ok(ReplyAuthor {
        name: crate::store::agent_name_in(conn).await?,
        address,
    })
}
