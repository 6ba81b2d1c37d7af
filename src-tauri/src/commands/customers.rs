//! Customer profiles and their orders: the sidebar reads them, the agent edits them and imports a shop's
//! order export.

use switchboard_core::customer_merging::{self, CustomerMerge};
use switchboard_core::customers::{self, CustomerProfile, ProfileUpdate};
use switchboard_core::orders::{self, OrderFormat, OrderImportSummary};
use switchboard_core::suggestions::{self, Suggestion};
use tauri::State;

use crate::AppError;
use crate::state::AppState;

/// Most bytes of an order export read at once (a big shop's full history is still far below).
const MAX_EXPORT_BYTES: u64 = 200 * 1024 * 1024;

#[tauri::command]
#[specta::specta]
pub async fn customer_profile(state: State<'_, AppState>, customer_id: i32) -> Result<CustomerProfile, AppError> {
    Ok(customers::profile(state.store()?.pool(), i64::from(customer_id)).await?)
}

/// The customer's tickets on every channel (merged identities included), most recently active first.
#[tauri::command]
#[specta::specta]
pub async fn customer_tickets(
    state: State<'_, AppState>,
    customer_id: i32,
    limit: u32,
) -> Result<Vec<switchboard_core::model::TicketSummary>, AppError> {
    let limit = i64::from(limit.clamp(1, 500));
    Ok(switchboard_core::tickets::for_customer(state.store()?.pool(), i64::from(customer_id), limit).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_customer(
    state: State<'_, AppState>,
    customer_id: i32,
    update: ProfileUpdate,
) -> Result<CustomerProfile, AppError> {
    Ok(customers::update(state.store()?.pool(), i64::from(customer_id), &update).await?)
}

/// Imports a CSV order export the agent picked (Shopify, WooCommerce or mapped columns).
#[tauri::command]
#[specta::specta]
pub async fn import_orders(
    state: State<'_, AppState>,
    path: String,
    format: OrderFormat,
) -> Result<OrderImportSummary, AppError> {
    let size = std::fs::metadata(&path)
        .map_err(|e| AppError::new("import", format!("cannot read {path}: {e}")))?
        .len();
    if size > MAX_EXPORT_BYTES {
        return Err(AppError::new("import", "the file is larger than 200 MB"));
    }
    let text = std::fs::read(&path).map_err(|e| AppError::new("import", format!("cannot read {path}: {e}")))?;
    let text = String::from_utf8_lossy(&text);
    Ok(orders::import_csv(state.store()?.pool(), &text, &format).await?)
}

/// Personalized suggestions for a ticket, from the customer's history and orders.
#[tauri::command]
#[specta::specta]
pub async fn ticket_suggestions(state: State<'_, AppState>, ticket_id: i32) -> Result<Vec<Suggestion>, AppError> {
    Ok(suggestions::for_ticket(state.store()?.pool(), i64::from(ticket_id)).await?)
}

/// Accepts (a priority change is applied; text goes to the composer in the UI) or dismisses a suggestion.
#[tauri::command]
#[specta::specta]
pub async fn settle_suggestion(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    ticket_id: i32,
    suggestion_id: String,
    accepted: bool,
) -> Result<(), AppError> {
    suggestions::settle(
        state.store()?.pool(),
        i64::from(ticket_id),
        &suggestion_id,
        accepted,
        switchboard_core::audit::ACTOR_AGENT,
    )
    .await?;
    crate::events::TicketsChanged::notify(&app, vec![ticket_id]);
    Ok(())
}

/// Merges customer `from` into `into` (the same person on two channels); returns the merge's id.
#[tauri::command]
#[specta::specta]
pub async fn merge_customers(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    into: i32,
    from: i32,
) -> Result<i64, AppError> {
    let merged = customer_merging::merge(
        state.store()?.pool(),
        i64::from(into),
        i64::from(from),
        switchboard_core::audit::ACTOR_AGENT,
    )
    .await?;
    // The tickets moved to another customer: every open view of them must show the new owner.
    crate::events::TicketsChanged::notify(&app, Vec::new());
    Ok(merged)
}

/// Merges into this customer that can be undone.
#[tauri::command]
#[specta::specta]
pub async fn customer_merges(state: State<'_, AppState>, customer_id: i32) -> Result<Vec<CustomerMerge>, AppError> {
    Ok(customer_merging::merges_into(state.store()?.pool(), i64::from(customer_id)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn undo_customer_merge(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    merge_id: i32,
) -> Result<CustomerProfile, AppError> {
    let profile = customer_merging::undo(
        state.store()?.pool(),
        i64::from(merge_id),
        switchboard_core::audit::ACTOR_AGENT,
    )
    .await?;
    crate::events::TicketsChanged::notify(&app, Vec::new());
    Ok(profile)
}
