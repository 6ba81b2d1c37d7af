use serde::Serialize;
use switchboard_channels::demo;
use switchboard_core::ingest::ImportSummary;
use tauri::{AppHandle, State};
use tauri_specta::Event;

use crate::AppError;
use crate::events::{ImportProgress, TicketsChanged};
use crate::state::AppState;

/// What the UI needs to decide between the welcome screen and the inbox.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct WorkspaceStatus {
    pub data_dir: String,
    pub account_count: u32,
    pub ticket_count: u32,
    pub demo: bool,
    /// The name the agent of this workspace goes by: replies are signed with it and "Mine" means
    /// assigned to it.
    pub agent_name: String,
    /// The workspace's categories with their names in each UI language.
    pub categories: Vec<CategoryName>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, specta::Type)]
pub struct CategoryName {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_status(state: State<'_, AppState>) -> Result<WorkspaceStatus, AppError> {
    let store = state.store()?;
    Ok(WorkspaceStatus {
        data_dir: store.data_dir().display().to_string(),
        account_count: store.account_count().await? as u32,
        ticket_count: store.ticket_count().await? as u32,
        demo: store.setting(demo::DEMO_SETTING).await?.is_some(),
        agent_name: store.agent_name().await?,
        categories: switchboard_ai::taxonomy::workspace_taxonomy(store)
            .await?
            .into_iter()
            .map(|c| CategoryName {
                id: c.id,
                name_en: c.name_en,
                name_zh: c.name_zh,
            })
            .collect(),
    })
}

/// Imports the bundled sample mailbox through the real ingest path, reporting progress.
#[tauri::command]
#[specta::specta]
pub async fn open_demo_workspace(app: AppHandle, state: State<'_, AppState>) -> Result<ImportSummary, AppError> {
    let store = state.store()?;
    store.set_setting("agent.name", "Aurora Audio Support").await?;
    store
        .set_setting("agent.address", "support@aurora-audio.example")
        .await?;
    let summary = demo::import_demo(
        store,
        |done, total| {
            // Every 10th message is plenty for a smooth bar without flooding the IPC channel.
            if done % 10 == 0 || done == total {
                let _ = ImportProgress {
                    done: done as u32,
                    total: total as u32,
                }
                .emit(&app);
            }
        },
        |problem| tracing::warn!(label = %problem.label, error = %problem.error, "demo message skipped"),
    )
    .await?;
    TicketsChanged::notify(&app, Vec::new());
    Ok(summary)
}

/// Replaces the workspace's categories (ids stay on tickets; names in English and Chinese). An
/// invalid taxonomy is refused with the reason; the UI then reloads the workspace status.
#[tauri::command]
#[specta::specta]
pub async fn save_taxonomy(
    app: AppHandle,
    state: State<'_, AppState>,
    categories: Vec<CategoryName>,
) -> Result<WorkspaceStatus, AppError> {
    let store = state.store()?;
    let categories: Vec<switchboard_ai::taxonomy::Category> = categories
        .into_iter()
        .map(|c| switchboard_ai::taxonomy::Category {
            id: c.id.trim().to_string(),
            name_en: c.name_en,
            name_zh: c.name_zh,
        })
        .collect();
    switchboard_ai::taxonomy::save_taxonomy(store, &categories).await?;
    TicketsChanged::notify(&app, Vec::new());
    workspace_status(state).await
}

/// Puts the default categories back.
#[tauri::command]
#[specta::specta]
pub async fn reset_taxonomy(app: AppHandle, state: State<'_, AppState>) -> Result<WorkspaceStatus, AppError> {
    let store = state.store()?;
    switchboard_ai::taxonomy::save_taxonomy(store, &switchboard_ai::taxonomy::default_taxonomy()).await?;
    TicketsChanged::notify(&app, Vec::new());
    workspace_status(state).await
}
