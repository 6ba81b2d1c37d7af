//! Drains the durable classification queue. A job is claimed, the ticket classified, the result
//! recorded, the job completed; a crash in between leaves the job to be claimed again at start-up.

use switchboard_core::classification::{self, Source};
use switchboard_core::{Store, accounts, jobs};

use crate::llm::{LlmClient, LlmError, Usage};
use crate::local::{LocalClassifier, MODEL_NAME};
use crate::taxonomy::Category;

/// Loads the workspace's offline model, training (and saving) one from the seed and the workspace's
/// labels when there is none yet.
pub async fn load_or_train(store: &Store) -> switchboard_core::Result<LocalClassifier> {
    if let Some(bytes) = classification::load_model(store.pool(), MODEL_NAME).await?
        && let Some(model) = LocalClassifier::from_bytes(&bytes)
    {
        return Ok(model);
    }
    retrain(store).await
}

/// LLM labels at least this confident teach the offline model (agent decisions always do).
pub const MIN_LLM_LABEL_CONFIDENCE: f64 = 0.8;

/// New labels after which the app retrains the offline model by itself.
pub const RETRAIN_AFTER_LABELS: i64 = 20;

/// Trains from the seed plus the workspace's labels and saves the model.
pub async fn retrain(store: &Store) -> switchboard_core::Result<LocalClassifier> {
    retrain_reporting(store, |_, _| {}).await
}

/// [`retrain`], off the async runtime, calling `progress(done, total)` as training advances.
pub async fn retrain_reporting(
    store: &Store,
    mut progress: impl FnMut(usize, usize) + Send + 'static,
) -> switchboard_core::Result<LocalClassifier> {
    let labels = classification::training_examples(store.pool(), MIN_LLM_LABEL_CONFIDENCE).await?;
    let model = tokio::task::spawn_blocking(move || LocalClassifier::train_with_seed_reporting(&labels, &mut progress))
        .await
        .map_err(|e| switchboard_core::Error::Invalid(format!("training stopped: {e}")))?;
    classification::save_model(store.pool(), MODEL_NAME, model.examples as i64, &model.to_bytes()).await?;
    Ok(model)
}

/// How the offline model stands (examples, when trained, labels it has not seen).
pub async fn model_status(store: &Store) -> switchboard_core::Result<classification::ModelStatus> {
    classification::model_status(store.pool(), MODEL_NAME, MIN_LLM_LABEL_CONFIDENCE).await
}

/// Classifies queued tickets with the offline model until the queue is empty or `limit` is reached.
/// Returns the ids of the tickets classified.
pub async fn run_local(store: &Store, model: &LocalClassifier, limit: usize) -> switchboard_core::Result<Vec<i64>> {
    let mut done = Vec::new();
    while done.len() < limit {
        let Some(job) = jobs::claim(store.pool(), jobs::KIND_CLASSIFY, store.runner_id()).await? else {
            break;
        };
        let Some(ticket_id) = job.payload()["ticket_id"].as_i64() else {
            jobs::fail(store.pool(), job.id, "the job names no ticket", None).await?;
            continue;
        };
        let outcome = async {
            let (subject, body) = classification::ticket_text(store.pool(), ticket_id).await?;
            let result = model.classify(&subject, &body);
            classification::record(store.pool(), ticket_id, Source::LocalModel, &result).await
        }
        .await;
        match outcome {
            Ok(()) => {
                jobs::complete(store.pool(), job.id).await?;
                done.push(ticket_id);
            }
            // The ticket was deleted or merged away: nothing left to classify.
            Err(switchboard_core::Error::TicketNotFound(_)) => {
                jobs::fail(store.pool(), job.id, "the ticket no longer exists", None).await?;
            }
            Err(other) => {
                let _ = jobs::fail(store.pool(), job.id, &other.to_string(), Some(30_000)).await;
                return Err(other);
            }
        }
    }
    Ok(done)
}

/// Attempts at the LLM before a ticket falls back to the offline model (marked for review).
pub const LLM_ATTEMPTS: i64 = 4;

/// What became of one queued ticket when an LLM is configured.
#[derive(Debug, Clone, PartialEq)]
pub enum LlmOutcome {
    Classified {
        ticket_id: i64,
        usage: Usage,
    },
    /// Temporary trouble (rate limit, server error, timeout): the job waits and runs again.
    Retrying {
        ticket_id: i64,
        error: String,
        retry_in_ms: i64,
    },
    /// The ticket's account is local-only: the offline model classified it; nothing was sent.
    KeptLocal {
        ticket_id: i64,
    },
    /// The LLM could not do it: the offline model classified the ticket, marked for the agent's review.
    FellBack {
        ticket_id: i64,
        error: String,
    },
}

/// Classifies the next queued ticket with the LLM, falling back to the offline model so no ticket is
/// left unclassified. Returns `None` when the queue is empty.
pub async fn run_llm_once(
    store: &Store,
    client: &LlmClient,
    taxonomy: &[Category],
    local: &LocalClassifier,
) -> switchboard_core::Result<Option<LlmOutcome>> {
    let Some(job) = jobs::claim(store.pool(), jobs::KIND_CLASSIFY, store.runner_id()).await? else {
        return Ok(None);
    };
    let outcome = classify_claimed_with_llm(store, client, taxonomy, local, &job).await;
    if let Err(error) = &outcome {
        // Never leave a claimed job running: it would block the ticket until its lease runs out.
        let _ = jobs::fail(store.pool(), job.id, &error.to_string(), Some(30_000)).await;
    }
    outcome
}

async fn classify_claimed_with_llm(
    store: &Store,
    client: &LlmClient,
    taxonomy: &[Category],
    local: &LocalClassifier,
    job: &jobs::Job,
) -> switchboard_core::Result<Option<LlmOutcome>> {
    let Some(ticket_id) = job.payload()["ticket_id"].as_i64() else {
        jobs::fail(store.pool(), job.id, "the job names no ticket", None).await?;
        return Ok(None);
    };
    let (subject, body) = match classification::ticket_text(store.pool(), ticket_id).await {
        Ok(text) => text,
        Err(switchboard_core::Error::TicketNotFound(_)) => {
            jobs::fail(store.pool(), job.id, "the ticket no longer exists", None).await?;
            return Ok(None);
        }
        Err(other) => return Err(other),
    };
    // Privacy: an account marked local-only never has its customers' text sent to a cloud model.
    if !client.is_local() && accounts::ticket_requires_local_ai(store.pool(), ticket_id).await? {
        let result = local.classify(&subject, &body);
        classification::record(store.pool(), ticket_id, Source::LocalModel, &result).await?;
        jobs::complete(store.pool(), job.id).await?;
        return Ok(Some(LlmOutcome::KeptLocal { ticket_id }));
    }
    match client.classify(taxonomy, &subject, &body).await {
        Ok((result, usage)) => {
            classification::record(store.pool(), ticket_id, Source::Llm, &result).await?;
            switchboard_core::usage::record(
                store.pool(),
                client.model(),
                usage.prompt_tokens,
                usage.completion_tokens,
                client.cost_usd(usage),
            )
            .await?;
            jobs::complete(store.pool(), job.id).await?;
            Ok(Some(LlmOutcome::Classified { ticket_id, usage }))
        }
        Err(error) if error.is_temporary() && job.attempts < LLM_ATTEMPTS => {
            let retry_in_ms = match &error {
                LlmError::RateLimited {
                    retry_after: Some(after),
                } => after.as_millis() as i64,
                _ => 5_000 * (1 << (job.attempts - 1).clamp(0, 6)),
            };
            jobs::fail(store.pool(), job.id, &error.to_string(), Some(retry_in_ms)).await?;
            Ok(Some(LlmOutcome::Retrying {
                ticket_id,
                error: error.to_string(),
                retry_in_ms,
            }))
        }
        Err(error) => {
            let mut result = local.classify(&subject, &body);
            result.needs_review = true;
            result.model = format!("{} (LLM {} failed)", result.model, client.model());
            classification::record(store.pool(), ticket_id, Source::LocalModel, &result).await?;
            jobs::complete(store.pool(), job.id).await?;
            Ok(Some(LlmOutcome::FellBack {
                ticket_id,
                error: error.to_string(),
            }))
        }
    }
}

/// Drains the queue through the LLM with up to `concurrency` requests in flight (HTTP latency, not
/// CPU, is what limits throughput). Jobs are claimed atomically, so no ticket is classified twice.
/// Returns every outcome; stops when no job is ready (jobs waiting for a retry stay queued).
pub async fn drain_llm(
    store: &Store,
    client: &LlmClient,
    taxonomy: &[Category],
    local: &LocalClassifier,
    concurrency: usize,
    limit: usize,
) -> switchboard_core::Result<Vec<LlmOutcome>> {
    let claimed = std::sync::atomic::AtomicUsize::new(0);
    let lanes = (0..concurrency.max(1)).map(|_| async {
        let mut outcomes = Vec::new();
        while claimed.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < limit {
            match run_llm_once(store, client, taxonomy, local).await? {
                Some(outcome) => outcomes.push(outcome),
                None => break,
            }
        }
        Ok::<_, switchboard_core::Error>(outcomes)
    });
    let mut all = Vec::new();
    for lane in futures::future::join_all(lanes).await {
        all.extend(lane?);
    }
    Ok(all)
}
