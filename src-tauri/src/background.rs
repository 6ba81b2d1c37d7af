//! Background work of the shell: draining the classification queue — through the configured LLM when
//! there is one (falling back to the offline model per ticket), else with the offline model — and
//! telling the UI which tickets changed. The queue is durable, so nothing is lost when the app quits.

use std::time::Duration;

use switchboard_ai::llm::{LlmClient, LlmSettings, settings};
use switchboard_ai::local::LocalClassifier;
use switchboard_ai::taxonomy::default_taxonomy;
use switchboard_ai::worker::{self, LlmOutcome};
use switchboard_channels::secrets;
use switchboard_core::Store;
use tauri::{AppHandle, Manager};

use crate::events::TicketsChanged;
use crate::state::AppState;

/// How long the worker sleeps when the queue is empty.
const IDLE: Duration = Duration::from_millis(750);
/// Tickets classified between two UI refreshes.
const BATCH: usize = 25;

/// The LLM client for the current settings, rebuilt only when the settings or the key change.
#[derive(Default)]
struct LlmCache {
    built_for: Option<(LlmSettings, Option<String>)>,
    client: Option<LlmClient>,
}

impl LlmCache {
    async fn current(&mut self, store: &Store) -> Option<&LlmClient> {
        let settings = settings::load(store).await.ok().flatten().filter(|s| s.enabled)?;
        let workspace = store.workspace_id().await.ok()?;
        let key = secrets::read(settings::api_key_name(&workspace)).await.ok().flatten();
        let wanted = (settings.clone(), key.clone());
        if self.built_for.as_ref() != Some(&wanted) {
            self.client = LlmClient::new(settings.config(key))
                .map_err(|error| tracing::error!(%error, "the LLM client cannot be built"))
                .ok();
            self.built_for = Some(wanted);
        }
        self.client.as_ref()
    }
}

pub fn spawn_classifier(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let Ok(store) = state.store() else { return };
        let model = match worker::load_or_train(store).await {
            Ok(model) => model,
            Err(error) => {
                tracing::error!(%error, "offline classifier unavailable");
                return;
            }
        };
        let taxonomy = default_taxonomy();
        let mut llm = LlmCache::default();
        loop {
            let done = match llm.current(store).await {
                Some(client) => drain_with_llm(store, client, &taxonomy, &model).await,
                None => worker::run_local(store, &model, BATCH).await,
            };
            match done {
                Ok(done) if !done.is_empty() => {
                    TicketsChanged::notify(&app, done.into_iter().map(|id| id as i32).collect());
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

/// Requests to the LLM in flight at once.
const LLM_CONCURRENCY: usize = 4;

/// Up to a batch of tickets through the LLM; the ids of those classified (by it or the fallback).
async fn drain_with_llm(
    store: &Store,
    client: &LlmClient,
    taxonomy: &[switchboard_ai::taxonomy::Category],
    model: &LocalClassifier,
) -> switchboard_core::Result<Vec<i64>> {
    let outcomes = worker::drain_llm(store, client, taxonomy, model, LLM_CONCURRENCY, BATCH).await?;
    Ok(outcomes
        .into_iter()
        .filter_map(|outcome| match outcome {
            LlmOutcome::Classified { ticket_id, .. }
            | LlmOutcome::KeptLocal { ticket_id }
            | LlmOutcome::FellBack { ticket_id, .. } => Some(ticket_id),
            LlmOutcome::Retrying { ticket_id, error, .. } => {
                tracing::info!(ticket_id, %error, "LLM busy; the ticket waits for its retry");
                None
            }
        })
        .collect())
}
