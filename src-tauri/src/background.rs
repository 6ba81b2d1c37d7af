//! Background work of the shell: draining the classification queue — through the configured LLM when
//! there is one (falling back to the offline model per ticket), else with the offline model — and
//! telling the UI which tickets changed. The queue is durable, so nothing is lost when the app quits.

use std::time::Duration;

use switchboard_ai::llm::{LlmClient, LlmSettings, settings};
use switchboard_ai::local::LocalClassifier;
use switchboard_ai::taxonomy::{default_taxonomy, workspace_taxonomy};
use switchboard_ai::worker::{self, LlmOutcome};
use switchboard_channels::secrets;
use switchboard_core::Store;
use tauri::{AppHandle, Manager};

use crate::events::{ModelTraining, TicketsChanged};
use crate::state::AppState;

/// Rung to retrain the offline model now ("Retrain" in the AI settings).
#[derive(Default, Clone)]
pub struct RetrainBell(pub std::sync::Arc<tokio::sync::Notify>);

/// How often the worker checks whether enough new labels arrived to retrain.
const RETRAIN_CHECK: Duration = Duration::from_secs(30);

/// How long the worker sleeps when the queue is empty.
const IDLE: Duration = Duration::from_millis(750);
/// Tickets classified between two UI refreshes.
const BATCH: usize = 25;
/// Drafts written per pass of the worker, so classification never waits long behind them.
const DRAFTS_PER_PASS: usize = 5;

/// How often the API key is read again from the keychain when the settings did not change (a keychain
/// read is a D-Bus round trip on Linux: not something to do on every pass of the worker).
const KEY_REFRESH: Duration = Duration::from_secs(30);

/// The LLM client for the current settings, rebuilt only when the settings or the key change.
#[derive(Default)]
struct LlmCache {
    built_for: Option<(LlmSettings, Option<String>)>,
    key_read_at: Option<tokio::time::Instant>,
    client: Option<LlmClient>,
}

impl LlmCache {
    /// The API key read for the current settings, if any.
    fn key(&self) -> Option<String> {
        self.built_for.as_ref().and_then(|(_, key)| key.clone())
    }

    async fn current(&mut self, store: &Store) -> Option<&LlmClient> {
        let settings = settings::load(store).await.ok().flatten().filter(|s| s.enabled)?;
        let fresh = self.key_read_at.is_some_and(|at| at.elapsed() < KEY_REFRESH);
        let key = match &self.built_for {
            Some((built, key)) if fresh && *built == settings => key.clone(),
            _ => {
                self.key_read_at = Some(tokio::time::Instant::now());
                let workspace = store.workspace_id().await.ok()?;
                secrets::read(settings::api_key_name(&workspace)).await.ok().flatten()
            }
        };
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
        let bell = app.state::<RetrainBell>().inner().clone();
        let mut model = match worker::load_or_train(store).await {
            Ok(model) => model,
            Err(error) => {
                tracing::error!(%error, "offline classifier unavailable");
                return;
            }
        };
        let mut llm = LlmCache::default();
        let mut next_check = tokio::time::Instant::now() + RETRAIN_CHECK;
        loop {
            let asked = bell.0.notified();
            tokio::pin!(asked);
            let asked_now = asked.as_mut().enable();
            let due = tokio::time::Instant::now() >= next_check;
            if asked_now || due {
                next_check = tokio::time::Instant::now() + RETRAIN_CHECK;
                let enough = worker::model_status(store)
                    .await
                    .is_ok_and(|s| s.new_labels >= worker::RETRAIN_AFTER_LABELS);
                if (asked_now || enough)
                    && let Some(trained) = retrain(&app, store).await
                {
                    model = trained;
                }
            }
            let taxonomy = workspace_taxonomy(store).await.unwrap_or_else(|_| default_taxonomy());
            let done = match llm.current(store).await {
                Some(client) => drain_with_llm(store, client, &taxonomy, &model).await,
                None => worker::run_local(store, &model, BATCH).await,
            };
            // Drafts rules asked the AI for: kept for the agent, never sent.
            let agent = store.agent_name().await.unwrap_or_default();
            match switchboard_ai::drafts::run_draft_jobs(store, &agent, llm.key(), DRAFTS_PER_PASS).await {
                Ok(drafted) if !drafted.is_empty() => {
                    TicketsChanged::notify(&app, drafted.into_iter().map(|id| id as i32).collect());
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "a rule's draft could not be written"),
            }
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

/// Retrains the offline model from the workspace's labels, telling the UI how far it got.
async fn retrain(app: &AppHandle, store: &Store) -> Option<LocalClassifier> {
    let progress = |state: &str, done: usize, total: usize, examples: usize, message: Option<String>| ModelTraining {
        state: state.into(),
        done: done as u32,
        total: total as u32,
        examples: examples as u32,
        message,
    };
    progress("training", 0, 1, 0, None).notify(app);
    let handle = app.clone();
    let reporter = move |done, total| progress("training", done, total, 0, None).notify(&handle);
    match worker::retrain_reporting(store, reporter).await {
        Ok(model) => {
            tracing::info!(examples = model.examples, "offline model retrained");
            progress("done", 1, 1, model.examples, None).notify(app);
            Some(model)
        }
        Err(error) => {
            tracing::error!(%error, "retraining failed; the previous model stays");
            progress("failed", 0, 1, 0, Some(error.to_string())).notify(app);
            None
        }
    }
}
