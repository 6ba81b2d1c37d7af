//! `classify --llm-url`: drains the queue through an OpenAI-compatible LLM. Rate limits and server
//! errors wait and retry (the queue is durable); what the LLM cannot do falls back to the offline model.

use std::process::ExitCode;
use std::time::Duration;

use switchboard_ai::llm::{LlmClient, LlmConfig};
use switchboard_ai::taxonomy::default_taxonomy;
use switchboard_ai::worker::{self, LlmOutcome};
use switchboard_core::{Store, jobs};

/// Environment variable holding the API key (never stored by the CLI).
pub const API_KEY_ENV: &str = "SWITCHBOARD_LLM_API_KEY";

pub async fn with_llm(store: &Store, base_url: String, model: String, prices: (f64, f64)) -> anyhow::Result<ExitCode> {
    let client = LlmClient::new(LlmConfig {
        base_url,
        model,
        api_key: std::env::var(API_KEY_ENV).ok().filter(|k| !k.is_empty()),
        extra_headers: Vec::new(),
        timeout: Duration::from_secs(60),
        price_per_million: prices,
    })?;
    let local = worker::load_or_train(store).await?;
    let taxonomy = default_taxonomy();
    let (mut classified, mut fell_back, mut tokens) = (0u32, 0u32, 0u64);
    loop {
        match worker::run_llm_once(store, &client, &taxonomy, &local).await? {
            Some(LlmOutcome::Classified { usage, .. }) => {
                classified += 1;
                tokens += usage.prompt_tokens + usage.completion_tokens;
            }
            Some(LlmOutcome::FellBack { ticket_id, error }) => {
                fell_back += 1;
                eprintln!("ticket {ticket_id}: {error}; classified offline and marked for review");
            }
            Some(LlmOutcome::Retrying {
                ticket_id,
                error,
                retry_in_ms,
            }) => {
                eprintln!(
                    "ticket {ticket_id}: {error}; retrying in {:.1} s",
                    retry_in_ms as f64 / 1000.0
                );
            }
            None if jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await? > 0 => {
                // Only jobs waiting for their back-off are left.
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            None => break,
        }
    }
    println!(
        "classified {classified} tickets with {} ({tokens} tokens), {fell_back} offline after LLM failures",
        client.model()
    );
    Ok(ExitCode::SUCCESS)
}
