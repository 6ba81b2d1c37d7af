//! Domain events pushed to the UI.

use serde::{Deserialize, Serialize};
use tauri::AppHandle;
use tauri_specta::Event;

/// Tickets were created or changed; the UI refreshes counts, the list and the open ticket.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct TicketsChanged {
    /// Empty when many tickets changed at once (an import).
    pub ticket_ids: Vec<i32>,
}

impl TicketsChanged {
    /// Tells the UI these tickets changed. A window that is already gone cannot be told; that is no
    /// reason to fail the change itself.
    pub fn notify(app: &AppHandle, ticket_ids: Vec<i32>) {
        let _ = TicketsChanged { ticket_ids }.emit(app);
    }
}

/// Progress of a long import (the demo workspace, a mailbox).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// Where an account's sync stands: progress of a sync, done, or failing (and why, in plain words).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct AccountSync {
    pub account_id: i64,
    /// `syncing`, `ok` or `error`.
    pub state: String,
    pub message: Option<String>,
    pub folder: Option<String>,
    pub done: u32,
    pub total: u32,
}

impl AccountSync {
    pub fn notify(self, app: &AppHandle) {
        let _ = self.emit(app);
    }
}

/// The offline model is being (re)trained: progress, then done or failed.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct ModelTraining {
    /// `training`, `done` or `failed`.
    pub state: String,
    pub done: u32,
    pub total: u32,
    /// Examples the new model learnt from (when done).
    pub examples: u32,
    pub message: Option<String>,
}

impl ModelTraining {
    pub fn notify(self, app: &AppHandle) {
        let _ = self.emit(app);
    }
}

/// The agent clicked a desktop notification: the window is focused and should show this ticket.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct OpenTicketRequested {
    pub ticket_id: i32,
}

/// The search index is catching up on many messages (rebuilt, or after an upgrade): a search waits for
/// it, and the UI says how far it has come. Sent as it goes, then once with `indexing` false.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct SearchIndexing {
    pub indexing: bool,
    pub indexed: u32,
    pub total: u32,
}

impl SearchIndexing {
    /// Forwards the workspace's index progress to the UI while the app runs.
    pub fn forward(app: AppHandle, store: switchboard_core::Store) {
        let mut progress = store.search_index().progress();
        tauri::async_runtime::spawn(async move {
            while progress.changed().await.is_ok() {
                let now = *progress.borrow_and_update();
                let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
                let _ = SearchIndexing {
                    indexing: now.is_some(),
                    indexed: now.map_or(0, |p| count(p.indexed)),
                    total: now.map_or(0, |p| count(p.total)),
                }
                .emit(&app);
            }
        });
    }
}
