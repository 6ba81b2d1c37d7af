//! Workflow settings and actions: rules (edit, order, dry run, import/export), SLA policies and business
//! hours, queues, and drafts rules prepared.

use serde::{Deserialize, Serialize};
use switchboard_core::audit;
use switchboard_core::model::TicketSummary;
use switchboard_core::rules::{self, DryRunMatch, Rule, RuleDefinition};
use switchboard_core::saved_views::{self, SavedView, SavedViewCount, TicketFilter};
use switchboard_core::sla::{self, BusinessHours, SlaPolicy};
use switchboard_core::{ticket_merging, workflow};
use tauri::{AppHandle, State};

use crate::AppError;
use crate::events::TicketsChanged;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_rules(state: State<'_, AppState>) -> Result<Vec<Rule>, AppError> {
    Ok(rules::library::list(state.store()?.pool()).await?)
}

/// Creates (`id` null) or replaces a rule; refused with a clear message when it is not valid.
#[tauri::command]
#[specta::specta]
pub async fn save_rule(
    state: State<'_, AppState>,
    id: Option<i32>,
    enabled: bool,
    definition: RuleDefinition,
) -> Result<Rule, AppError> {
    Ok(rules::library::save(state.store()?.pool(), id.map(i64::from), enabled, &definition).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_rule_enabled(state: State<'_, AppState>, id: i32, enabled: bool) -> Result<(), AppError> {
    Ok(rules::library::set_enabled(state.store()?.pool(), i64::from(id), enabled).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_rule(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    Ok(rules::library::delete(state.store()?.pool(), i64::from(id)).await?)
}

/// Puts the rules in this order (every rule id exactly once).
#[tauri::command]
#[specta::specta]
pub async fn reorder_rules(state: State<'_, AppState>, ids: Vec<i32>) -> Result<(), AppError> {
    let ids: Vec<i64> = ids.into_iter().map(i64::from).collect();
    Ok(rules::library::reorder(state.store()?.pool(), &ids).await?)
}

/// Which of the last 1,000 tickets the rule would match and what it would do; changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn dry_run_rule(
    state: State<'_, AppState>,
    definition: RuleDefinition,
) -> Result<Vec<DryRunMatch>, AppError> {
    Ok(rules::library::dry_run(state.store()?.pool(), &definition).await?)
}

/// All rules as a JSON file's text.
#[tauri::command]
#[specta::specta]
pub async fn export_rules(state: State<'_, AppState>) -> Result<String, AppError> {
    Ok(rules::library::export_json(state.store()?.pool()).await?)
}

/// Adds the rules of an exported file after the existing ones; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn import_rules(state: State<'_, AppState>, json: String) -> Result<u32, AppError> {
    let count = rules::library::import_json(state.store()?.pool(), &json).await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// SLA policies (first fitting one applies) and the business hours their clocks run in.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct SlaSettings {
    pub policies: Vec<SlaPolicy>,
    pub business_hours: BusinessHours,
}

#[tauri::command]
#[specta::specta]
pub async fn get_sla_settings(state: State<'_, AppState>) -> Result<SlaSettings, AppError> {
    let mut conn = state
        .store()?
        .pool()
        .acquire()
        .await
        .map_err(switchboard_core::Error::from)?;
    Ok(SlaSettings {
        policies: sla::policies::list(&mut conn).await?,
        business_hours: sla::business_hours(&mut conn).await?,
    })
}

/// Saves business hours and policies (both checked first); open tickets' clocks are recomputed.
#[tauri::command]
#[specta::specta]
pub async fn save_sla_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: SlaSettings,
) -> Result<(), AppError> {
    let pool = state.store()?.pool();
    settings.business_hours.calendar()?;
    sla::set_business_hours(pool, &settings.business_hours).await?;
    sla::policies::replace_all(pool, &settings.policies).await?;
    sla::refresh_dirty(pool, switchboard_core::time::now_ms()).await?;
    TicketsChanged::notify(&app, Vec::new());
    Ok(())
}

/// Queues that hold tickets now, for pickers.
#[tauri::command]
#[specta::specta]
pub async fn list_queues(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    Ok(workflow::queues_in_use(state.store()?.pool()).await?)
}

/// Moves tickets into a queue, or out of any (`queue` null).
#[tauri::command]
#[specta::specta]
pub async fn set_tickets_queue(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    queue: Option<String>,
) -> Result<Vec<TicketSummary>, AppError> {
    let ids: Vec<i64> = ticket_ids.into_iter().map(i64::from).collect();
    let rows = workflow::set_queue(state.store()?.pool(), &ids, queue.as_deref(), audit::ACTOR_AGENT).await?;
    TicketsChanged::notify(&app, rows.iter().map(|t| t.id as i32).collect());
    Ok(rows)
}

/// A draft a rule prepared for this ticket, if any (the composer offers it; sending stays the agent's).
#[tauri::command]
#[specta::specta]
pub async fn prepared_draft(state: State<'_, AppState>, ticket_id: i32) -> Result<Option<String>, AppError> {
    Ok(workflow::prepared_draft(state.store()?.pool(), i64::from(ticket_id)).await?)
}

/// Merges `sources` into `target` (one conversation); the sources close and point at it.
#[tauri::command]
#[specta::specta]
pub async fn merge_tickets(
    app: AppHandle,
    state: State<'_, AppState>,
    target: i32,
    sources: Vec<i32>,
) -> Result<TicketSummary, AppError> {
    let sources: Vec<i64> = sources.iter().map(|&id| i64::from(id)).collect();
    let merged = ticket_merging::merge(state.store()?.pool(), i64::from(target), &sources, audit::ACTOR_AGENT).await?;
    let mut changed = vec![target];
    changed.extend(sources.iter().map(|&id| id as i32));
    TicketsChanged::notify(&app, changed);
    Ok(merged)
}

/// Moves the chosen messages of a ticket into a new ticket; returns the new one.
#[tauri::command]
#[specta::specta]
pub async fn split_ticket(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_id: i32,
    message_ids: Vec<i32>,
) -> Result<TicketSummary, AppError> {
    let ids: Vec<i64> = message_ids.iter().map(|&id| i64::from(id)).collect();
    let new = ticket_merging::split(state.store()?.pool(), i64::from(ticket_id), &ids, audit::ACTOR_AGENT).await?;
    TicketsChanged::notify(&app, vec![ticket_id, new.id as i32]);
    Ok(new)
}

/// The agent's saved views with their live counts.
#[tauri::command]
#[specta::specta]
pub async fn list_saved_views(state: State<'_, AppState>) -> Result<Vec<SavedViewCount>, AppError> {
    Ok(saved_views::with_counts(state.store()?.pool()).await?)
}

/// Creates (`id` null) or replaces a saved view.
#[tauri::command]
#[specta::specta]
pub async fn save_saved_view(
    state: State<'_, AppState>,
    id: Option<i32>,
    name: String,
    filter: TicketFilter,
) -> Result<SavedView, AppError> {
    Ok(saved_views::save(state.store()?.pool(), id.map(i64::from), &name, &filter).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_saved_view(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    Ok(saved_views::delete(state.store()?.pool(), i64::from(id)).await?)
}

/// Everything that happened to a ticket, oldest first: who or what (agent, rule, AI, SLA, channel) and when.
#[tauri::command]
#[specta::specta]
pub async fn ticket_timeline(
    state: State<'_, AppState>,
    ticket_id: i32,
) -> Result<Vec<switchboard_core::audit::AuditEvent>, AppError> {
    Ok(audit::for_ticket(state.store()?.pool(), i64::from(ticket_id)).await?)
}
