//! `switchboard-cli llm …`: the workspace's LLM settings. The API key is read from standard input and
//! goes to the OS keychain only.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use switchboard_ai::llm::{LlmClient, LlmSettings, llm_presets, settings};
use switchboard_ai::taxonomy::workspace_taxonomy;
use switchboard_channels::secrets;
use switchboard_core::Store;

#[derive(Subcommand)]
pub enum LlmCommand {
    /// Set the LLM used for classification (starting from a preset; see `llm presets`).
    Configure {
        #[arg(long)]
        preset: String,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        model: Option<String>,
        /// USD per million prompt tokens, for the cost estimate.
        #[arg(long, default_value_t = 0.0)]
        price_in: f64,
        /// USD per million completion tokens.
        #[arg(long, default_value_t = 0.0)]
        price_out: f64,
        /// Replace emails, phone and card numbers before text leaves the machine.
        #[arg(long)]
        mask: bool,
        /// Read the API key from standard input (stored in the OS keychain).
        #[arg(long)]
        api_key_stdin: bool,
    },
    /// Stop using the LLM (the offline model classifies everything).
    Disable,
    /// Show the settings (never the key).
    Show,
    /// Classify a sample ticket through the configured LLM.
    Test,
    /// The known providers and local servers.
    Presets,
    /// Tokens and estimated cost per day.
    Usage,
}

/// The configured client, when an LLM is enabled.
pub async fn configured_client(store: &Store) -> anyhow::Result<Option<LlmClient>> {
    let Some(settings) = settings::load(store).await?.filter(|s| s.enabled) else {
        return Ok(None);
    };
    let key = secrets::read(settings::api_key_name(&store.workspace_id().await?)).await?;
    Ok(Some(LlmClient::new(settings.config(key))?))
}

pub async fn run(store: &Store, command: LlmCommand) -> anyhow::Result<ExitCode> {
    match command {
        LlmCommand::Configure {
            preset,
            base_url,
            model,
            price_in,
            price_out,
            mask,
            api_key_stdin,
        } => {
            let found = llm_presets()
                .into_iter()
                .find(|p| p.id == preset)
                .with_context(|| format!("no preset '{preset}' (see `switchboard-cli llm presets`)"))?;
            let settings = LlmSettings {
                enabled: true,
                preset: found.id.into(),
                base_url: base_url.unwrap_or_else(|| found.base_url.into()),
                model: model.unwrap_or_else(|| found.model.into()),
                key_header: found.key_header.map(str::to_string),
                extra_headers: Vec::new(),
                price_input_per_million: price_in,
                price_output_per_million: price_out,
                mask_personal_data: mask,
                timeout_seconds: 60,
            };
            settings.validate().map_err(anyhow::Error::msg)?;
            if api_key_stdin {
                let mut key = String::new();
                std::io::stdin()
                    .read_to_string(&mut key)
                    .context("cannot read the API key")?;
                let key = key.trim().to_string();
                if key.is_empty() {
                    bail!("the API key on standard input is empty");
                }
                secrets::store(settings::api_key_name(&store.workspace_id().await?), key).await?;
            } else if found.needs_key {
                eprintln!("note: {} needs an API key: run again with --api-key-stdin", found.label);
            }
            settings::save(store, &settings).await?;
            println!("classification uses {} at {}", settings.model, settings.base_url);
        }
        LlmCommand::Disable => {
            if let Some(mut settings) = settings::load(store).await? {
                settings.enabled = false;
                settings::save(store, &settings).await?;
            }
            println!("the offline model classifies everything");
        }
        LlmCommand::Show => match settings::load(store).await? {
            Some(s) => println!(
                "{}: {} at {} (preset {}, masking {}, prices {}/{} USD per million tokens)",
                if s.enabled { "enabled" } else { "disabled" },
                s.model,
                s.base_url,
                s.preset,
                if s.mask_personal_data { "on" } else { "off" },
                s.price_input_per_million,
                s.price_output_per_million
            ),
            None => println!("no LLM configured: the offline model classifies everything"),
        },
        LlmCommand::Test => {
            let client = configured_client(store)
                .await?
                .context("no LLM is configured (`llm configure`)")?;
            match client.test_connection(&workspace_taxonomy(store).await?).await {
                Ok(test) => println!(
                    "ok: {} answered in {} ms (category {}, {} tokens)",
                    client.model(),
                    test.latency.as_millis(),
                    test.category.unwrap_or_default(),
                    test.usage.prompt_tokens + test.usage.completion_tokens
                ),
                Err(error) => {
                    println!("failed: {error}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        LlmCommand::Presets => {
            for p in llm_presets() {
                println!("{}\t{}\t{}\t{}", p.id, p.label, p.base_url, p.model);
            }
        }
        LlmCommand::Usage => {
            println!("day\tmodel\tcalls\tprompt tokens\tcompletion tokens\testimated USD");
            for day in switchboard_core::usage::daily(store.pool()).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{:.4}",
                    day.day, day.model, day.calls, day.prompt_tokens, day.completion_tokens, day.cost_usd
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
