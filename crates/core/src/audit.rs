//! The append-only event log: who or what changed a ticket, and when.

use serde_json::Value;
use sqlx::SqliteConnection;

use crate::Result;
use crate::time::now_ms;

/// Who did something: an agent, a rule, the AI, a channel sync.
pub const ACTOR_SYSTEM: &str = "system";
pub const ACTOR_AGENT: &str = "agent";

/// Binds the ticket, kind, actor, data (JSON text) and time, in that order.
pub(crate) const INSERT_SQL: &str =
    "INSERT INTO events (ticket_id, kind, actor, data_json, created_at) VALUES (?, ?, ?, ?, ?)";

pub async fn record(
    conn: &mut SqliteConnection,
    ticket_id: Option<i64>,
    kind: &str,
    actor: &str,
    data: Value,
) -> Result<()> {
    sqlx::query(INSERT_SQL)
        .bind(ticket_id)
        .bind(kind)
        .bind(actor)
        .bind(data.to_string())
        .bind(now_ms())
        .execute(conn)
        .await?;
    Ok(())
}

/// An entry of a ticket's timeline: what happened (`kind`), who or what did it (`actor`: `agent`, a
/// channel, `rule:<name>`, `llm`, `local_model`, `sla`…), its details as JSON, and when.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEvent {
    pub id: i64,
    pub ticket_id: Option<i64>,
    pub kind: String,
    pub actor: String,
    pub data_json: String,
    pub created_at: i64,
}

pub async fn for_ticket(pool: &sqlx::SqlitePool, ticket_id: i64) -> Result<Vec<AuditEvent>> {
    Ok(sqlx::query_as("SELECT * FROM events WHERE ticket_id = ? ORDER BY id")
        .bind(ticket_id)
        .fetch_all(pool)
        .await?)
}
