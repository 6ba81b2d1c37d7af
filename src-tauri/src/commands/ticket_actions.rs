//! The agent's actions on one or many tickets (the list's selection): assign, tag, snooze, status, and
//! logging a phone call or walk-in as a ticket.

use serde::Serialize;
use switchboard_core::manual_tickets::{self, ManualTicket};
use switchboard_core::model::{TicketStatus, TicketSummary};
use switchboard_core::{audit, ticket_actions};
use tauri::{AppHandle, State};

use crate::AppError;
use crate::commands::tickets::{ReplyFile, decode_files, reply_author};
use crate::events::TicketsChanged;
use crate::state::AppState;

/// Most tickets one bulk action may change (a whole view of 100,000 is paged, not sent at once).
const MAX_SELECTION: usize = 1000;

fn selection(ticket_ids: &[i32]) -> Result<Vec<i64>, AppError> {
    if ticket_ids.len() > MAX_SELECTION {
        return Err(AppError::new(
            "invalid_input",
            format!("at most {MAX_SELECTION} tickets can be changed at once"),
        ));
    }
    Ok(ticket_ids.iter().map(|&id| i64::from(id)).collect())
}

fn changed(app: &AppHandle, rows: Vec<TicketSummary>) -> Vec<TicketSummary> {
    TicketsChanged::notify(app, rows.iter().map(|t| t.id as i32).collect());
    rows
}

/// Assigns the tickets to the agent of this workspace, or unassigns them.
#[tauri::command]
#[specta::specta]
pub async fn assign_tickets(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    to_me: bool,
) -> Result<Vec<TicketSummary>, AppError> {
    let store = state.store()?;
    let me = store.agent_name().await?;
    let rows = ticket_actions::assign(
        store.pool(),
        &selection(&ticket_ids)?,
        to_me.then_some(me.as_str()),
        audit::ACTOR_AGENT,
    )
    .await?;
    Ok(changed(&app, rows))
}

#[tauri::command]
#[specta::specta]
pub async fn tag_tickets(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Vec<TicketSummary>, AppError> {
    let rows = ticket_actions::tag(
        state.store()?.pool(),
        &selection(&ticket_ids)?,
        &add,
        &remove,
        audit::ACTOR_AGENT,
    )
    .await?;
    Ok(changed(&app, rows))
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TagCount {
    pub name: String,
    pub tickets: i64,
}

/// The workspace's tags, most used first (for the tag picker's suggestions).
#[tauri::command]
#[specta::specta]
pub async fn tags_in_use(state: State<'_, AppState>) -> Result<Vec<TagCount>, AppError> {
    Ok(ticket_actions::tags_in_use(state.store()?.pool())
        .await?
        .into_iter()
        .map(|(name, tickets)| TagCount { name, tickets })
        .collect())
}

/// Snoozes the tickets until `until` (ms since the epoch), or wakes them now with `null`.
#[tauri::command]
#[specta::specta]
pub async fn snooze_tickets(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    until: Option<f64>,
) -> Result<Vec<TicketSummary>, AppError> {
    let until = until.map(|t| t as i64);
    let rows = ticket_actions::snooze(
        state.store()?.pool(),
        &selection(&ticket_ids)?,
        until,
        audit::ACTOR_AGENT,
    )
    .await?;
    Ok(changed(&app, rows))
}

#[tauri::command]
#[specta::specta]
pub async fn set_tickets_status(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    status: TicketStatus,
) -> Result<Vec<TicketSummary>, AppError> {
    let rows = ticket_actions::set_status(
        state.store()?.pool(),
        &selection(&ticket_ids)?,
        status,
        audit::ACTOR_AGENT,
    )
    .await?;
    Ok(changed(&app, rows))
}

/// Logs a phone call or a walk-in as a ticket on the phone channel.
#[tauri::command]
#[specta::specta]
pub async fn log_manual_ticket(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket: ManualTicket,
) -> Result<TicketSummary, AppError> {
    let store = state.store()?;
    // The notes are the agent's: written as the workspace's agent, never sent anywhere.
    let author = reply_author(store, -1).await?;
    let row = manual_tickets::log_ticket(store, &ticket, &author).await?;
    TicketsChanged::notify(&app, vec![row.id as i32]);
    Ok(row)
}

/// Adds an internal note to a ticket: stored in the conversation, never sent to the customer.
#[tauri::command]
#[specta::specta]
pub async fn add_note(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_id: i32,
    body: String,
    files: Vec<ReplyFile>,
) -> Result<(), AppError> {
    let store = state.store()?;
    let author = reply_author(store, ticket_id.into()).await?;
    let files = decode_files(files)?;
    switchboard_core::outbox::enqueue_reply_with_attachments(
        store,
        ticket_id.into(),
        &body,
        switchboard_core::model::Direction::Note,
        &author,
        &files,
    )
    .await?;
    TicketsChanged::notify(&app, vec![ticket_id]);
    Ok(())
}
