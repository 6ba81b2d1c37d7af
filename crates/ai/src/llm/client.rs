//! The HTTP side: one chat-completions call per classification, with JSON-schema structured output,
//! falling back to JSON mode for providers without it. Retrying across time (429 Retry-After, 5xx,
//! timeouts) is the durable job queue's business, so errors say whether and when a retry makes sense.

use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use switchboard_core::classification::NewClassification;

use super::answer::{AnswerError, parse_answer};
use super::mask::mask_personal_data;
use super::prompt;
use crate::taxonomy::Category;

#[derive(Debug, Clone)]
pub struct LlmConfig {
    /// e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1` (Ollama).
    pub base_url: String,
    pub model: String,
    /// From the OS keychain; `None` for local servers that need none.
    pub api_key: Option<String>,
    /// Header carrying the key instead of `Authorization: Bearer` (Azure: `api-key`).
    pub key_header: Option<String>,
    pub extra_headers: Vec<(String, String)>,
    pub timeout: Duration,
    /// Price in USD per million prompt and completion tokens, for cost estimates (0 when unknown).
    pub price_per_million: (f64, f64),
    /// Mask emails, phone and card numbers in customer text before it is sent.
    pub mask_personal_data: bool,
    /// The endpoint runs on this machine, so local-only accounts may use it.
    pub runs_locally: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

/// What a connection test got back.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionTest {
    pub category: Option<String>,
    pub latency: Duration,
    pub usage: Usage,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    #[error("the model provider is rate-limiting requests")]
    RateLimited { retry_after: Option<Duration> },
    #[error("the model provider failed (HTTP {status}): {message}")]
    Server { status: u16, message: String },
    #[error("the model did not answer within {0:?}")]
    Timeout(Duration),
    #[error("cannot reach the model provider: {0}")]
    Network(String),
    #[error("the model provider refused the request (HTTP {status}): {message}")]
    Rejected { status: u16, message: String },
    #[error(transparent)]
    Answer(#[from] AnswerError),
}

impl LlmError {
    /// Whether the same request may succeed later.
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            LlmError::RateLimited { .. } | LlmError::Server { .. } | LlmError::Timeout(_) | LlmError::Network(_)
        )
    }
}

pub struct LlmClient {
    http: reqwest::Client,
    config: LlmConfig,
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<Choice>,
    #[serde(default)]
    usage: Option<RawUsage>,
}

#[derive(Deserialize)]
struct Choice {
    message: ChoiceMessage,
}

#[derive(Deserialize)]
struct ChoiceMessage {
    #[serde(default)]
    content: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawUsage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
}

#[derive(Clone, Copy, PartialEq)]
/// How the answer's JSON is asked for, most to least structured.
enum OutputMode {
    /// OpenAI's structured output (`json_schema`).
    Schema,
    /// JSON mode with the schema alongside, which llama.cpp-based servers use to constrain decoding.
    ObjectWithSchema,
    /// Plain JSON mode (then tolerant parsing).
    Object,
}

impl OutputMode {
    fn fallback(self) -> Option<OutputMode> {
        match self {
            OutputMode::Schema => Some(OutputMode::ObjectWithSchema),
            OutputMode::ObjectWithSchema => Some(OutputMode::Object),
            OutputMode::Object => None,
        }
    }
}

/// Whether the server refused the request's `response_format` (rather than failing for other reasons):
/// most say 400 or 422; llama-cpp-python answers a validation error with 500.
fn refused_response_format(error: &LlmError) -> bool {
    match error {
        LlmError::Rejected { status: 400 | 422, .. } => true,
        LlmError::Server { message, .. } => message.contains("response_format"),
        _ => false,
    }
}

impl LlmClient {
    pub fn new(config: LlmConfig) -> Result<LlmClient, LlmError> {
        // reqwest is built without a bundled crypto provider; rustls uses ring, as the mail transports do.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| LlmError::Network(e.to_string()))?;
        Ok(LlmClient { http, config })
    }

    /// The customer's text as sent: masked when the settings ask for it.
    fn user_content(&self, subject: &str, body: &str) -> String {
        if self.config.mask_personal_data {
            prompt::user_prompt(&mask_personal_data(subject), &mask_personal_data(body))
        } else {
            prompt::user_prompt(subject, body)
        }
    }

    /// Whether the model runs on this machine (customer text never leaves it).
    pub fn is_local(&self) -> bool {
        self.config.runs_locally
    }

    pub fn model(&self) -> &str {
        &self.config.model
    }

    /// Estimated cost of `usage` in USD at the configured prices.
    pub fn cost_usd(&self, usage: Usage) -> f64 {
        let (prompt, completion) = self.config.price_per_million;
        (usage.prompt_tokens as f64 * prompt + usage.completion_tokens as f64 * completion) / 1_000_000.0
    }

    /// "Test connection": classifies a small sample ticket through the real path (structured output,
    /// parsing, taxonomy check) and says what came back and how long it took.
    pub async fn test_connection(&self, taxonomy: &[Category]) -> Result<ConnectionTest, LlmError> {
        let started = std::time::Instant::now();
        let (classification, usage) = self
            .classify(
                taxonomy,
                "Where is my order AUR-1042?",
                "Hello, I ordered headphones ten days ago and the tracking has not moved. Can you check?",
            )
            .await?;
        Ok(ConnectionTest {
            category: classification.category,
            latency: started.elapsed(),
            usage,
        })
    }

    /// Classifies one ticket. An invalid answer is asked for once more before giving up.
    pub async fn classify(
        &self,
        taxonomy: &[Category],
        subject: &str,
        body: &str,
    ) -> Result<(NewClassification, Usage), LlmError> {
        let mut usage = Usage::default();
        let mut mode = OutputMode::Schema;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let content = match self.complete(taxonomy, subject, body, mode, &mut usage).await {
                Err(error) if refused_response_format(&error) && mode.fallback().is_some() => {
                    // Many local servers reject json_schema: try JSON mode with the schema, then plain.
                    tracing::info!(%error, "structured output refused; trying a simpler JSON mode");
                    mode = mode.fallback().unwrap_or(OutputMode::Object);
                    continue;
                }
                other => other?,
            };
            match parse_answer(&content, taxonomy, &self.config.model) {
                Ok(classification) => return Ok((classification, usage)),
                Err(error) if attempts < 2 => tracing::warn!(%error, "invalid model answer; asking again"),
                Err(error) => return Err(error.into()),
            }
        }
    }

    async fn complete(
        &self,
        taxonomy: &[Category],
        subject: &str,
        body: &str,
        mode: OutputMode,
        usage: &mut Usage,
    ) -> Result<String, LlmError> {
        let response_format = match mode {
            OutputMode::Schema => json!({
                "type": "json_schema",
                "json_schema": { "name": "ticket_triage", "strict": true, "schema": prompt::answer_schema(taxonomy) }
            }),
            OutputMode::ObjectWithSchema => {
                json!({ "type": "json_object", "schema": prompt::answer_schema(taxonomy) })
            }
            OutputMode::Object => json!({ "type": "json_object" }),
        };
        let request: Value = json!({
            "model": self.config.model,
            "temperature": 0,
            "messages": [
                { "role": "system", "content": prompt::system_prompt(taxonomy) },
                { "role": "user", "content": self.user_content(subject, body) },
            ],
            "response_format": response_format,
        });
        self.post(&request, usage).await
    }

    /// Writes a reply draft: free text, never acted on (the agent edits and sends it).
    pub async fn draft(&self, system: &str, user: &str) -> Result<(String, Usage), LlmError> {
        let user = if self.config.mask_personal_data {
            mask_personal_data(user)
        } else {
            user.to_string()
        };
        let request = json!({
            "model": self.config.model,
            "temperature": 0.3,
            "messages": [
                { "role": "system", "content": system },
                { "role": "user", "content": user },
            ],
        });
        let mut usage = Usage::default();
        let text = self.post(&request, &mut usage).await?;
        Ok((text.trim().to_string(), usage))
    }

    /// One chat-completions request; the answer's content, with the tokens added to `usage`.
    async fn post(&self, request: &Value, usage: &mut Usage) -> Result<String, LlmError> {
        let url = format!("{}/chat/completions", self.config.base_url.trim_end_matches('/'));
        let mut builder = self.http.post(&url).json(request);
        match (&self.config.api_key, &self.config.key_header) {
            (Some(key), Some(header)) => builder = builder.header(header.as_str(), key.as_str()),
            (Some(key), None) => builder = builder.bearer_auth(key),
            (None, _) => {}
        }
        for (name, value) in &self.config.extra_headers {
            builder = builder.header(name, value);
        }
        let response = builder.send().await.map_err(|e| {
            if e.is_timeout() {
                LlmError::Timeout(self.config.timeout)
            } else {
                LlmError::Network(e.to_string())
            }
        })?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let text = response.text().await.map_err(|e| {
            if e.is_timeout() {
                LlmError::Timeout(self.config.timeout)
            } else {
                LlmError::Network(e.to_string())
            }
        })?;
        let message = || {
            serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
                .unwrap_or_else(|| text.chars().take(300).collect())
        };
        match status {
            200..=299 => {}
            429 => return Err(LlmError::RateLimited { retry_after }),
            500..=599 => {
                return Err(LlmError::Server {
                    status,
                    message: message(),
                });
            }
            _ => {
                return Err(LlmError::Rejected {
                    status,
                    message: message(),
                });
            }
        }
        let completion: Completion = serde_json::from_str(&text).map_err(|e| LlmError::Server {
            status,
            message: format!("not a chat completion: {e}"),
        })?;
        if let Some(u) = completion.usage {
            usage.prompt_tokens += u.prompt_tokens;
            usage.completion_tokens += u.completion_tokens;
        }
        completion
            .choices
            .into_iter()
            .next()
            .and_then(|c| c.message.content)
            .ok_or_else(|| LlmError::Server {
                status,
                message: "the completion has no content".into(),
            })
    }
}
