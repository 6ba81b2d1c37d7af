//! Reply drafts and saved replies. A draft only fills the reply box: the agent reads, edits and sends.

use serde::{Deserialize, Serialize};
use switchboard_ai::drafts;
use switchboard_ai::llm::settings;
use switchboard_channels::secrets;
use switchboard_core::saved_replies::{self, SavedReply};
use tauri::State;

use crate::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub text: String,
    /// `llm` or `saved_reply`.
    pub source: String,
    pub saved_reply_title: Option<String>,
    pub language: String,
    /// Why the LLM was not used (offline fallback), in plain words.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedReplyForm {
    pub title: String,
    pub body: String,
    pub category: Option<String>,
    pub language: Option<String>,
}

/// Drafts a reply to the ticket: by the configured LLM (unless the ticket's account keeps its text on
/// this computer), else — or when the LLM fails — from the best saved reply.
#[tauri::command]
#[specta::specta]
pub async fn draft_reply(state: State<'_, AppState>, ticket_id: i32) -> Result<DraftView, AppError> {
    let store = state.store()?;
    let ticket_id = i64::from(ticket_id);
    let agent_name = super::tickets::reply_author(store, ticket_id).await?.name;
    let api_key = secrets::read(settings::api_key_name(&store.workspace_id().await?))
        .await
        .ok()
        .flatten();
    let outcome = drafts::draft_for_ticket(store, ticket_id, agent_name, api_key)
        .await?
        .ok_or_else(|| {
            AppError::new(
                "no_draft",
                "No saved reply fits this ticket and no AI service is configured: add a saved reply in Settings.",
            )
        })?;
    Ok(DraftView {
        text: outcome.draft.text,
        source: outcome.draft.source,
        saved_reply_title: outcome.draft.saved_reply_title,
        language: outcome.draft.language,
        note: outcome.note,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_saved_replies(state: State<'_, AppState>) -> Result<Vec<SavedReply>, AppError> {
    Ok(saved_replies::list(state.store()?.pool()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_saved_reply(
    state: State<'_, AppState>,
    id: Option<i64>,
    form: SavedReplyForm,
) -> Result<Vec<SavedReply>, AppError> {
    let pool = state.store()?.pool();
    saved_replies::save(
        pool,
        id,
        &form.title,
        &form.body,
        form.category.as_deref(),
        form.language.as_deref(),
    )
    .await?;
    Ok(saved_replies::list(pool).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_saved_reply(state: State<'_, AppState>, id: i64) -> Result<Vec<SavedReply>, AppError> {
    let pool = state.store()?.pool();
    saved_replies::delete(pool, id).await?;
    Ok(saved_replies::list(pool).await?)
}
