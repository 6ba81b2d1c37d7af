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
