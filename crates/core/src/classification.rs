//! Classifications of tickets — by an LLM, the local model, or the agent — and what they change.
//! Every run is kept (it is the ticket's AI history and the offline model's training data); the
//! ticket shows the latest values, except fields the agent set, which no automatic run overwrites.

use serde_json::json;
use sqlx::SqlitePool;

use crate::model::{ClassificationView, Priority};
use crate::time::now_ms;
use crate::{Error, Result, audit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Llm,
    LocalModel,
    Agent,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Llm => "llm",
            Source::LocalModel => "local_model",
            Source::Agent => "agent",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewClassification {
    pub model: String,
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub sentiment: Option<String>,
    pub language: Option<String>,
    pub summary: Option<String>,
    pub entities: Vec<String>,
    pub next_step: Option<String>,
    pub confidence: Option<f64>,
    /// The agent should look: low confidence, or the LLM failed and the local model stood in.
    pub needs_review: bool,
}

/// Fields of a ticket the agent has decided, which automatic runs leave alone.
#[derive(Debug, Default, Clone, Copy)]
struct AgentFields {
    category: bool,
    priority: bool,
    sentiment: bool,
}

async fn agent_fields(conn: &mut sqlx::SqliteConnection, ticket_id: i64) -> Result<AgentFields> {
    let (category, priority, sentiment): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(category), count(priority), count(sentiment) FROM classifications
         WHERE ticket_id = ? AND source = 'agent'",
    )
    .bind(ticket_id)
    .fetch_one(conn)
    .await?;
    Ok(AgentFields {
        category: category > 0,
        priority: priority > 0,
        sentiment: sentiment > 0,
    })
}

/// Fields the agent or a rule decided: a later AI run does not overwrite them (an escalation made when
/// the ticket arrived survives its classification).
async fn held_fields(conn: &mut sqlx::SqliteConnection, ticket_id: i64) -> Result<AgentFields> {
    let mut held = agent_fields(&mut *conn, ticket_id).await?;
    let by_rules: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT json_extract(data_json, '$.field') FROM events
         WHERE ticket_id = ? AND kind = 'rule_changed' AND json_extract(data_json, '$.field') IS NOT NULL",
    )
    .bind(ticket_id)
    .fetch_all(conn)
    .await?;
    held.category |= by_rules.iter().any(|f| f == "category");
    held.priority |= by_rules.iter().any(|f| f == "priority");
    Ok(held)
}

/// The latest classification by the LLM or the local model.
pub async fn latest_automatic(pool: &SqlitePool, ticket_id: i64) -> Result<Option<ClassificationView>> {
    Ok(sqlx::query_as(
        "SELECT source, model, category, priority, sentiment, language, summary, entities_json AS entities,
                next_step, confidence, created_at
         FROM classifications WHERE ticket_id = ? AND source <> 'agent' ORDER BY id DESC LIMIT 1",
    )
    .bind(ticket_id)
    .fetch_optional(pool)
    .await?)
}

/// Names of the fields the agent has set on a ticket.
pub async fn agent_field_names(pool: &SqlitePool, ticket_id: i64) -> Result<Vec<String>> {
    let mut conn = pool.acquire().await?;
    let fields = agent_fields(&mut conn, ticket_id).await?;
    Ok([
        ("category", fields.category),
        ("priority", fields.priority),
        ("sentiment", fields.sentiment),
    ]
    .into_iter()
    .filter(|(_, set)| *set)
    .map(|(name, _)| name.to_string())
    .collect())
}

/// Records a classification and applies it to the ticket.
pub async fn record(pool: &SqlitePool, ticket_id: i64, source: Source, c: &NewClassification) -> Result<()> {
    record_many(pool, &[ticket_id], source, c).await
}

/// [`record`] for several tickets in one transaction: all of them, or (a ticket is missing) none.
pub async fn record_many(pool: &SqlitePool, ticket_ids: &[i64], source: Source, c: &NewClassification) -> Result<()> {
    if ticket_ids.is_empty() {
        return Err(Error::Invalid("no tickets were selected".into()));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    for &ticket_id in ticket_ids {
        record_in(&mut tx, ticket_id, source, c).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn record_in(
    tx: &mut sqlx::SqliteConnection,
    ticket_id: i64,
    source: Source,
    c: &NewClassification,
) -> Result<()> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_optional(&mut *tx)
        .await?;
    exists.ok_or(Error::TicketNotFound(ticket_id))?;
    let now = now_ms();
    sqlx::query(
        "INSERT INTO classifications (ticket_id, source, model, category, priority, sentiment, language, summary,
             entities_json, next_step, confidence, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ticket_id)
    .bind(source.as_str())
    .bind(&c.model)
    .bind(&c.category)
    .bind(c.priority)
    .bind(&c.sentiment)
    .bind(&c.language)
    .bind(&c.summary)
    .bind(serde_json::to_string(&c.entities).unwrap_or_else(|_| "[]".into()))
    .bind(&c.next_step)
    .bind(c.confidence)
    .bind(now)
    .execute(&mut *tx)
    .await?;

    let agent = if source == Source::Agent {
        AgentFields::default()
    } else {
        held_fields(tx, ticket_id).await?
    };
    // coalesce keeps the current value where this run has none or the agent decided.
    sqlx::query(
        "UPDATE tickets SET
             category = CASE WHEN ?1 THEN category ELSE coalesce(?2, category) END,
             priority = CASE WHEN ?3 THEN priority ELSE coalesce(?4, priority) END,
             sentiment = CASE WHEN ?5 THEN sentiment ELSE coalesce(?6, sentiment) END,
             language = coalesce(?7, language),
             summary = coalesce(?8, summary),
             needs_review = ?9
         WHERE id = ?10",
    )
    .bind(agent.category)
    .bind(&c.category)
    .bind(agent.priority)
    .bind(c.priority)
    .bind(agent.sentiment)
    .bind(&c.sentiment)
    .bind(&c.language)
    .bind(&c.summary)
    .bind(c.needs_review && source != Source::Agent && !agent.category)
    .bind(ticket_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx,
        Some(ticket_id),
        if source == Source::Agent {
            "agent_corrected"
        } else {
            "classified"
        },
        source.as_str(),
        json!({
            "model": c.model, "category": c.category, "priority": c.priority, "sentiment": c.sentiment,
            "confidence": c.confidence, "needs_review": c.needs_review,
        }),
    )
    .await?;
    if source != Source::Agent {
        crate::rules::fire(tx, crate::rules::Trigger::Classified, ticket_id, now).await?;
    }
    Ok(())
}

/// The text a classifier reads for a ticket: its subject and the customer's latest messages.
pub async fn ticket_text(pool: &SqlitePool, ticket_id: i64) -> Result<(String, String)> {
    let subject: String = sqlx::query_scalar("SELECT subject FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_optional(pool)
        .await?
        .ok_or(Error::TicketNotFound(ticket_id))?;
    let bodies: Vec<String> = sqlx::query_scalar(
        "SELECT body_text FROM messages WHERE ticket_id = ? AND direction = 'inbound' AND auto_generated = 0
         ORDER BY sent_at DESC, id DESC LIMIT 3",
    )
    .bind(ticket_id)
    .fetch_all(pool)
    .await?;
    // The newest message matters most: fill the budget newest first, then restore reading order.
    let mut budget = 8000usize;
    let mut kept = Vec::new();
    for text in bodies {
        if budget == 0 {
            break;
        }
        let cut = (0..=budget.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        budget -= cut;
        kept.push(text[..cut].to_string());
    }
    kept.reverse();
    let body = kept.join("\n\n");
    Ok((subject, body))
}

/// A labelled example for the offline model.
#[derive(Debug, Clone)]
pub struct TrainingExample {
    pub text: String,
    pub category: Option<String>,
    pub priority: Option<String>,
    pub sentiment: Option<String>,
    /// Agent decisions weigh more than confident model labels.
    pub weight: f64,
}

#[derive(sqlx::FromRow)]
struct LabelRow {
    ticket_id: i64,
    source: String,
    category: Option<String>,
    priority: Option<String>,
    sentiment: Option<String>,
}

/// Labels the workspace has produced, per ticket and field: the agent's latest value for each field,
/// else the latest LLM answer with at least `min_llm_confidence`. (An agent who set the category
/// yesterday and the priority today has labelled both.)
pub async fn training_examples(pool: &SqlitePool, min_llm_confidence: f64) -> Result<Vec<TrainingExample>> {
    let rows: Vec<LabelRow> = sqlx::query_as(
        "SELECT ticket_id, source, category, priority, sentiment FROM classifications
         WHERE source = 'agent' OR (source = 'llm' AND confidence >= ?)
         ORDER BY ticket_id, source = 'agent', id",
    )
    .bind(min_llm_confidence)
    .fetch_all(pool)
    .await?;
    let mut examples: Vec<(i64, TrainingExample)> = Vec::new();
    for row in rows {
        let agent = row.source == "agent";
        if examples.last().is_none_or(|(id, _)| *id != row.ticket_id) {
            let (subject, body) = ticket_text(pool, row.ticket_id).await?;
            examples.push((
                row.ticket_id,
                TrainingExample {
                    text: format!("{subject}\n\n{body}"),
                    category: None,
                    priority: None,
                    sentiment: None,
                    weight: 1.0,
                },
            ));
        }
        let (_, example) = examples.last_mut().expect("pushed above");
        // Rows come LLM first, then the agent's, oldest first: later values win field by field, and an
        // LLM row replaces an older LLM row entirely.
        if !agent {
            example.category = row.category;
            example.priority = row.priority;
            example.sentiment = row.sentiment;
            continue;
        }
        example.weight = 3.0;
        if row.category.is_some() {
            example.category = row.category;
        }
        if row.priority.is_some() {
            example.priority = row.priority;
        }
        if row.sentiment.is_some() {
            example.sentiment = row.sentiment;
        }
    }
    Ok(examples.into_iter().map(|(_, e)| e).collect())
}

/// Saves a trained model under `name`, replacing the previous one.
pub async fn save_model(pool: &SqlitePool, name: &str, examples: i64, data: &[u8]) -> Result<()> {
    sqlx::query(
        "INSERT INTO models (name, trained_at, examples, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET trained_at = excluded.trained_at, examples = excluded.examples,
             data = excluded.data",
    )
    .bind(name)
    .bind(now_ms())
    .bind(examples)
    .bind(data)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn load_model(pool: &SqlitePool, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(sqlx::query_scalar("SELECT data FROM models WHERE name = ?")
        .bind(name)
        .fetch_optional(pool)
        .await?)
}

/// What the agent sees of the offline model: how much it learnt from, when, and how many labels it has
/// not seen yet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ModelStatus {
    pub name: String,
    pub examples: i64,
    pub trained_at: Option<i64>,
    /// Agent corrections and confident LLM labels made since it was trained.
    pub new_labels: i64,
}

pub async fn model_status(pool: &SqlitePool, name: &str, min_llm_confidence: f64) -> Result<ModelStatus> {
    let trained: Option<(i64, i64)> = sqlx::query_as("SELECT examples, trained_at FROM models WHERE name = ?")
        .bind(name)
        .fetch_optional(pool)
        .await?;
    let since = trained.map_or(0, |(_, at)| at);
    let new_labels: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM classifications
         WHERE created_at > ? AND (source = 'agent' OR (source = 'llm' AND confidence >= ?))",
    )
    .bind(since)
    .bind(min_llm_confidence)
    .fetch_one(pool)
    .await?;
    Ok(ModelStatus {
        name: name.to_string(),
        examples: trained.map_or(0, |(examples, _)| examples),
        trained_at: trained.map(|(_, at)| at),
        new_labels,
    })
}
