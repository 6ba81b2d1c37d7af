//! The workspace's rules as the agent manages them: ordered, enabled or not, saved only when valid,
//! exported and imported as JSON, tried out by a dry run over recent tickets, and a sensible set on day one.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use super::apply::{self, PlannedAction};
use super::definition::{Action, ActionKind, Condition, Field, Match, Op, RuleDefinition, Trigger};
use super::evaluate::CompiledRule;
use crate::time::now_ms;
use crate::{Error, Result};

/// Set once the day-one rules were offered, so deleting them all does not bring them back.
const DEFAULTS_KEY: &str = "rules.defaults_installed";
/// The dry run looks at this many of the newest tickets.
pub const DRY_RUN_TICKETS: i64 = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rule {
    pub id: i64,
    pub enabled: bool,
    pub definition: RuleDefinition,
    /// Why the rule was last skipped, until it is saved again.
    pub last_error: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    enabled: bool,
    definition_json: String,
    last_error: Option<String>,
}

fn parse(json: &str) -> Result<RuleDefinition> {
    serde_json::from_str(json).map_err(|e| Error::Invalid(format!("the rule cannot be read: {e}")))
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<Rule>> {
    let rows: Vec<Row> =
        sqlx::query_as("SELECT id, enabled, definition_json, last_error FROM rules ORDER BY position, id")
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Rule {
                id: r.id,
                enabled: r.enabled,
                definition: parse(&r.definition_json)?,
                last_error: r.last_error,
            })
        })
        .collect()
}

/// Enabled rules for one trigger, in order. A stored rule that no longer parses is reported, not run.
pub(crate) async fn enabled_for(conn: &mut SqliteConnection, trigger: Trigger) -> Result<Vec<(i64, RuleDefinition)>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, definition_json FROM rules WHERE enabled = 1 ORDER BY position, id")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, json)| match parse(&json) {
            Ok(definition) => Some((id, definition)),
            Err(e) => {
                tracing::warn!(rule_id = id, "rule skipped: {e}");
                None
            }
        })
        .filter(|(_, d)| d.trigger == trigger)
        .collect())
}

/// Creates (`id` `None`, appended last) or replaces a rule. Saving clears its last error.
pub async fn save(pool: &SqlitePool, id: Option<i64>, enabled: bool, definition: &RuleDefinition) -> Result<Rule> {
    definition.validate()?;
    let mut tx = crate::store::begin_write(pool).await?;
    let id = save_in(&mut tx, id, enabled, definition).await?;
    tx.commit().await?;
    Ok(Rule {
        id,
        enabled,
        definition: definition.clone(),
        last_error: None,
    })
}

async fn save_in(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    enabled: bool,
    definition: &RuleDefinition,
) -> Result<i64> {
    let json = serde_json::to_string(definition).unwrap_or_default();
    let now = now_ms();
    match id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE rules SET enabled = ?, definition_json = ?, last_error = NULL, updated_at = ? WHERE id = ?",
            )
            .bind(enabled)
            .bind(&json)
            .bind(now)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(Error::Invalid(format!("rule {id} does not exist")));
            }
            Ok(id)
        }
        None => Ok(sqlx::query_scalar(
            "INSERT INTO rules (position, enabled, definition_json, created_at, updated_at)
             VALUES ((SELECT coalesce(max(position), 0) + 1 FROM rules), ?, ?, ?, ?) RETURNING id",
        )
        .bind(enabled)
        .bind(&json)
        .bind(now)
        .bind(now)
        .fetch_one(conn)
        .await?),
    }
}

pub async fn set_enabled(pool: &SqlitePool, id: i64, enabled: bool) -> Result<()> {
    let changed = sqlx::query("UPDATE rules SET enabled = ?, updated_at = ? WHERE id = ?")
        .bind(enabled)
        .bind(now_ms())
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(Error::Invalid(format!("rule {id} does not exist")));
    }
    Ok(())
}

pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM rules WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Puts the rules in the order given (every rule exactly once).
pub async fn reorder(pool: &SqlitePool, ids: &[i64]) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let mut existing: Vec<i64> = sqlx::query_scalar("SELECT id FROM rules").fetch_all(&mut *tx).await?;
    let mut wanted = ids.to_vec();
    existing.sort_unstable();
    wanted.sort_unstable();
    if existing != wanted {
        return Err(Error::Invalid("the new order must list every rule exactly once".into()));
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE rules SET position = ? WHERE id = ?")
            .bind(position as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Exported rules: a JSON file another workspace can import.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ExportFile {
    switchboard_rules: u32,
    rules: Vec<ExportedRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ExportedRule {
    enabled: bool,
    #[serde(flatten)]
    definition: RuleDefinition,
}

pub async fn export_json(pool: &SqlitePool) -> Result<String> {
    let rules = list(pool).await?;
    let file = ExportFile {
        switchboard_rules: 1,
        rules: rules
            .into_iter()
            .map(|r| ExportedRule {
                enabled: r.enabled,
                definition: r.definition,
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&file).unwrap_or_default())
}

/// Appends the rules of an exported file after the existing ones: all of them, or (one is invalid) none.
pub async fn import_json(pool: &SqlitePool, json: &str) -> Result<usize> {
    let file: ExportFile =
        serde_json::from_str(json).map_err(|e| Error::Invalid(format!("this is not a Switchboard rules file: {e}")))?;
    for rule in &file.rules {
        rule.definition.validate()?;
    }
    let mut tx = crate::store::begin_write(pool).await?;
    for rule in &file.rules {
        save_in(&mut tx, None, rule.enabled, &rule.definition).await?;
    }
    tx.commit().await?;
    Ok(file.rules.len())
}

/// A ticket the dry run found, and what the rule would have done to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DryRunMatch {
    pub ticket_id: i64,
    pub number: i64,
    pub subject: String,
    pub actions: Vec<PlannedAction>,
}

/// Which of the newest tickets `definition` matches as they stand now, and what it would do to each.
/// Nothing is changed.
pub async fn dry_run(pool: &SqlitePool, definition: &RuleDefinition) -> Result<Vec<DryRunMatch>> {
    definition.validate()?;
    let rule = CompiledRule::new(0, definition.clone()).map_err(Error::Invalid)?;
    let mut conn = pool.acquire().await?;
    let now = now_ms();
    let calendar = crate::sla::calendar(&mut conn).await?;
    let tickets = super::facts::load_recent(&mut conn, &calendar, DRY_RUN_TICKETS, now).await?;
    let mut matches = Vec::new();
    for facts in tickets.iter().filter(|f| rule.matches(f)) {
        matches.push(DryRunMatch {
            ticket_id: facts.ticket_id,
            number: facts.number,
            subject: facts.subject.clone(),
            actions: apply::plan(&mut conn, &rule, facts, now).await?,
        });
    }
    Ok(matches)
}

fn condition(field: Field, op: Op, value: &str) -> Condition {
    Condition {
        field,
        op,
        value: value.into(),
    }
}

fn action(kind: ActionKind, value: &str) -> Action {
    Action {
        kind,
        value: value.into(),
    }
}

fn rule(name: &str, trigger: Trigger, conditions: Vec<Condition>, actions: Vec<Action>) -> RuleDefinition {
    RuleDefinition {
        name: name.into(),
        trigger,
        after_hours: None,
        match_mode: Match::All,
        conditions,
        actions,
        allow_auto_reply: false,
        auto_reply_every_hours: 24,
        stop_after: false,
    }
}

/// The rules a new workspace starts with (enabled flag, definition).
pub fn day_one_rules() -> Vec<(bool, RuleDefinition)> {
    use ActionKind as A;
    use Field as F;
    let mut pending_too_long = rule(
        "Resolve after a week waiting on the customer",
        Trigger::TimeInStatus,
        vec![condition(F::Status, Op::Is, "pending")],
        vec![
            action(
                A::AddNote,
                "Resolved automatically: no answer from the customer for 7 days.",
            ),
            action(A::SetStatus, "resolved"),
        ],
    );
    pending_too_long.after_hours = Some(7 * 24);
    let mut acknowledge = rule(
        "Acknowledge new mail outside business hours",
        Trigger::TicketCreated,
        vec![
            condition(F::Channel, Op::Is, "email"),
            condition(F::BusinessHours, Op::Is, "false"),
        ],
        vec![action(A::AutoReply, "Thanks, we are on it")],
    );
    acknowledge.allow_auto_reply = true;
    vec![
        (
            true,
            rule(
                "Angry complaints",
                Trigger::Classified,
                vec![
                    condition(F::Category, Op::Is, "complaint"),
                    condition(F::Sentiment, Op::Is, "negative"),
                ],
                vec![action(A::SetPriority, "high"), action(A::SetQueue, "Complaints")],
            ),
        ),
        (
            true,
            rule(
                "Close confident spam",
                Trigger::Classified,
                vec![
                    condition(F::Category, Op::Is, "spam_other"),
                    condition(F::Confidence, Op::AtLeast, "0.8"),
                ],
                vec![action(A::AddTag, "spam"), action(A::SetStatus, "closed")],
            ),
        ),
        (
            true,
            rule(
                "Billing queue",
                Trigger::Classified,
                vec![condition(F::Category, Op::Is, "billing")],
                vec![action(A::SetQueue, "Billing")],
            ),
        ),
        (
            true,
            rule(
                "Technical queue",
                Trigger::Classified,
                vec![condition(F::Category, Op::Is, "technical_support")],
                vec![action(A::SetQueue, "Technical")],
            ),
        ),
        (
            true,
            rule(
                "After-sales queue",
                Trigger::Classified,
                vec![condition(
                    F::Category,
                    Op::OneOf,
                    "order_status, shipping, returns_refunds",
                )],
                vec![action(A::SetQueue, "After-sales")],
            ),
        ),
        (
            true,
            rule(
                "Legal threats",
                Trigger::TicketCreated,
                vec![condition(
                    F::Text,
                    Op::ContainsAny,
                    "lawyer, attorney, chargeback, legal action, 律师, 起诉, 法院",
                )],
                vec![action(A::Escalate, "")],
            ),
        ),
        (
            true,
            rule(
                "Announce SLA breaches",
                Trigger::SlaBreached,
                vec![],
                vec![action(A::AddTag, "sla-breached"), action(A::Notify, "SLA breached")],
            ),
        ),
        (true, pending_too_long),
        (false, acknowledge),
    ]
}

/// Adds the day-one rules to a workspace that never had them.
pub async fn install_defaults(pool: &SqlitePool) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let done: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(DEFAULTS_KEY)
        .fetch_optional(&mut *tx)
        .await?;
    if done.is_none() {
        for (enabled, definition) in day_one_rules() {
            save_in(&mut tx, None, enabled, &definition).await?;
        }
        sqlx::query("INSERT INTO settings (key, value) VALUES (?, '1')")
            .bind(DEFAULTS_KEY)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
