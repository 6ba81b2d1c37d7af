//! `classify` with an LLM configured (`llm configure`): drains the queue through the OpenAI-compatible
//! endpoint. Rate limits and server errors wait and retry (the queue is durable); what the LLM cannot do
//! falls back to the offline model.

use std::process::ExitCode;
use std::time::Duration;

use switchboard_ai::llm::LlmClient;
use switchboard_ai::taxonomy::workspace_taxonomy;
use switchboard_ai::worker::{self, LlmOutcome};
use switchboard_core::{Store, jobs};

/// Requests to the LLM in flight at once.
const CONCURRENCY: usize = 8;

pub async fn with_llm(store: &Store, client: LlmClient) -> anyhow::Result<ExitCode> {
    let local = worker::load_or_train(store).await?;
    let taxonomy = workspace_taxonomy(store).await?;
    let (mut classified, mut fell_back, mut kept_local, mut tokens) = (0u32, 0u32, 0u32, 0u64);
    loop {
        let outcomes = worker::drain_llm(store, &client, &taxonomy, &local, CONCURRENCY, usize::MAX).await?;
        for outcome in &outcomes {
            match outcome {
                LlmOutcome::Classified { usage, .. } => {
                    classified += 1;
                    tokens += usage.prompt_tokens + usage.completion_tokens;
                }
                LlmOutcome::KeptLocal { .. } => kept_local += 1,
                LlmOutcome::FellBack { ticket_id, error } => {
                    fell_back += 1;
                    eprintln!("ticket {ticket_id}: {error}; classified offline and marked for review");
                }
                LlmOutcome::Retrying {
                    ticket_id,
                    error,
                    retry_in_ms,
                } => eprintln!(
                    "ticket {ticket_id}: {error}; retrying in {:.1} s",
                    *retry_in_ms as f64 / 1000.0
                ),
            }
        }
        if jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await? == 0 {
            break;
        }
        if outcomes.is_empty() {
            // Only jobs waiting for their back-off are left.
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    println!(
        "classified {classified} tickets with {} ({tokens} tokens), {fell_back} offline after LLM failures, \
         {kept_local} offline because their account is local-only",
        client.model()
    );
    Ok(ExitCode::SUCCESS)
}
