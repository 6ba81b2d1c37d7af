//! What the shell holds for the lifetime of the window: the open workspace, or why it could not open.

use switchboard_core::Store;
use switchboard_core::store::resolve_data_dir;

use crate::AppError;

pub struct AppState {
    store: Result<Store, String>,
}

impl AppState {
    pub async fn open() -> AppState {
        let store = async {
            let dir = resolve_data_dir(None)?;
            let store = Store::open(&dir).await?;
            switchboard_core::rules::library::install_defaults(store.pool()).await?;
            // Replies a previous run left half-sent are settled by the sender (Sent folder check) before
            // anything is sent. Jobs it left running are claimed again once their lease runs out.
            tracing::info!(data_dir = %dir.display(), "workspace open");
            Ok::<_, switchboard_core::Error>(store)
        }
        .await
        .map_err(|error| {
            tracing::error!(%error, "cannot open the workspace");
            format!("The workspace could not be opened: {error}")
        });
        AppState { store }
    }

    pub fn store(&self) -> Result<&Store, AppError> {
        self.store
            .as_ref()
            .map_err(|message| AppError::new("workspace_unavailable", message.clone()))
    }

    pub async fn close(&self) {
        if let Ok(store) = &self.store {
            store.close().await;
        }
    }
}
