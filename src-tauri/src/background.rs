//! Background work of the shell: draining the classification queue with the offline model and telling
//! the UI which tickets changed. The queue is durable, so nothing is lost when the app quits mid-way.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::events::TicketsChanged;
use crate::state::AppState;

/// How long the worker sleeps when the queue is empty.
const IDLE: Duration = Duration::from_millis(750);
/// Tickets classified between two UI refreshes.
const BATCH: usize = 25;

pub fn spawn_classifier(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let Ok(store) = state.store() else { return };
        let model = match switchboard_ai::worker::load_or_train(store).await {
            Ok(model) => model,
            Err(error) => {
                tracing::error!(%error, "offline classifier unavailable");
                return;
            }
        };
        loop {
            match switchboard_ai::worker::run_local(store, &model, BATCH).await {
                Ok(done) if !done.is_empty() => {
                    let ticket_ids = done.into_iter().map(|id| id as i32).collect();
                    TicketsChanged::notify(&app, ticket_ids);
                }
                Ok(_) => tokio::time::sleep(IDLE).await,
                Err(error) => {
                    tracing::warn!(%error, "classification failed; retrying");
                    tokio::time::sleep(IDLE * 10).await;
                }
            }
        }
    });
}
