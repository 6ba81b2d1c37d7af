use switchboard_core::model::{
    Direction, OutboxItem, TicketDetail, TicketSort, TicketStatus, TicketSummary, TicketView, ViewCount,
};
use switchboard_core::outbox::{self, ReplyAuthor};
use switchboard_core::{search, tickets};
use tauri::{AppHandle, State};

use switchboard_channels::email::account::EmailSettings;
use switchboard_core::accounts;

use crate::AppError;
use crate::events::TicketsChanged;
use crate::sender::OutboxBell;
use crate::state::AppState;

/// Largest page the list may ask for; the UI pages through bigger views.
const MAX_PAGE: u32 = 500;

#[tauri::command]
#[specta::specta]
pub async fn view_counts(state: State<'_, AppState>) -> Result<Vec<ViewCount>, AppError> {
    Ok(tickets::view_counts(state.store()?.pool()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_tickets(
    state: State<'_, AppState>,
    view: TicketView,
    sort: TicketSort,
    limit: u32,
    offset: u32,
) -> Result<Vec<TicketSummary>, AppError> {
    let limit = limit.min(MAX_PAGE);
    Ok(tickets::list_sorted(state.store()?.pool(), &view, sort, limit.into(), offset.into()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_ticket(state: State<'_, AppState>, ticket_id: i32) -> Result<TicketDetail, AppError> {
    Ok(tickets::detail(state.store()?.pool(), ticket_id.into()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn search_tickets(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<TicketSummary>, AppError> {
    Ok(search::search_tickets(state.store()?, &query, limit.min(MAX_PAGE).into()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_ticket_status(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_id: i32,
    status: TicketStatus,
) -> Result<TicketSummary, AppError> {
    let summary = tickets::set_status(state.store()?.pool(), ticket_id.into(), status, "agent").await?;
    TicketsChanged::notify(&app, vec![ticket_id]);
    Ok(summary)
}

#[tauri::command]
#[specta::specta]
pub async fn mark_ticket_read(app: AppHandle, state: State<'_, AppState>, ticket_id: i32) -> Result<(), AppError> {
    tickets::mark_read(state.store()?.pool(), ticket_id.into()).await?;
    TicketsChanged::notify(&app, vec![ticket_id]);
    Ok(())
}

/// A file the agent attached in the composer.
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
pub struct ReplyFile {
    pub filename: String,
    pub content_type: String,
    pub data_base64: String,
}

/// The composer's files, decoded; a file that does not decode is named in the error.
pub fn decode_files(files: Vec<ReplyFile>) -> Result<Vec<outbox::NewAttachment>, AppError> {
    use base64::Engine;
    files
        .into_iter()
        .map(|file| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(file.data_base64.as_bytes())
                .map_err(|e| AppError::new("invalid_input", format!("'{}' could not be read: {e}", file.filename)))?;
            Ok(outbox::NewAttachment {
                filename: file.filename,
                content_type: file.content_type,
                bytes,
            })
        })
        .collect()
}

/// Queues a reply (with the agent's files) in the durable outbox; the channel's send task delivers it.
#[tauri::command]
#[specta::specta]
pub async fn send_reply(
    app: AppHandle,
    state: State<'_, AppState>,
    bell: State<'_, OutboxBell>,
    ticket_id: i32,
    body: String,
    files: Vec<ReplyFile>,
) -> Result<OutboxItem, AppError> {
    let store = state.store()?;
    let author = reply_author(store, ticket_id.into()).await?;
    let files = decode_files(files)?;
    let item =
        outbox::enqueue_reply_with_attachments(store, ticket_id.into(), &body, Direction::Outbound, &author, &files)
            .await?
            .ok_or_else(|| AppError::new("internal", "the reply was stored without an outbox entry"))?;
    TicketsChanged::notify(&app, vec![ticket_id]);
    bell.0.notify_one();
    Ok(item)
}

/// The agent asks to send a failed reply again now.
#[tauri::command]
#[specta::specta]
pub async fn retry_outbox_item(
    app: AppHandle,
    state: State<'_, AppState>,
    bell: State<'_, OutboxBell>,
    outbox_id: i32,
) -> Result<OutboxItem, AppError> {
    let item = outbox::retry_now(state.store()?.pool(), outbox_id.into()).await?;
    bell.0.notify_one();
    TicketsChanged::notify(&app, vec![item.ticket_id as i32]);
    Ok(item)
}

/// Who a reply to the ticket is written as: the account it will leave from (its address and display
/// name), so what the agent sees is what is sent; else the workspace's agent settings.
pub async fn reply_author(store: &switchboard_core::Store, ticket_id: i64) -> Result<ReplyAuthor, AppError> {
    let agent_name = store.agent_name().await?;
    Ok(match accounts::for_ticket(store.pool(), ticket_id).await? {
        Some(account) => ReplyAuthor {
            name: EmailSettings::from_json(&account.settings_json)
                .ok()
                .map(|s| s.display_name)
                .filter(|n| !n.trim().is_empty())
                .unwrap_or(agent_name),
            address: account.address,
        },
        None => ReplyAuthor {
            name: agent_name,
            address: store
                .setting("agent.address")
                .await?
                .unwrap_or_else(|| "support@localhost".into()),
        },
    })
}
