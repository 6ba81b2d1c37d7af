//! Snoozed tickets come back by themselves: the views already hide only snoozes still running, so all
//! that is left is to tell the UI (and its counts) when one runs out.

use std::time::Duration;

use switchboard_core::time::now_ms;
use switchboard_core::{Store, ticket_actions};
use tauri::AppHandle;

use crate::events::TicketsChanged;

/// How often to look; a snooze ends at most this late in the UI.
const EVERY: Duration = Duration::from_secs(15);

pub fn spawn_waker(app: AppHandle, store: Store) {
    tauri::async_runtime::spawn(async move {
        let mut since = now_ms();
        loop {
            tokio::time::sleep(EVERY).await;
            let now = now_ms();
            match ticket_actions::woken_since(store.pool(), since).await {
                Ok(ids) if !ids.is_empty() => {
                    TicketsChanged::notify(&app, ids.into_iter().map(|id| id as i32).collect());
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "could not look for snoozes that ran out"),
            }
            since = now;
        }
    });
}
