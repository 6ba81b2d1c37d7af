//! Classification by any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, DeepSeek,
//! Qwen, Moonshot, Ollama, LM Studio, llama.cpp server, vLLM).
//!
//! Customer text is data: it goes in a delimited block, the system prompt says so, and the answer can
//! only fill classification fields — it is parsed, validated against the taxonomy, and never acted on.

mod answer;
mod client;
pub mod mask;
pub mod presets;
mod prompt;
pub mod settings;

pub use answer::{AnswerError, parse_answer};
pub use client::{ConnectionTest, LlmClient, LlmConfig, LlmError, Usage};
pub use presets::{LlmPreset, llm_presets};
pub use settings::LlmSettings;
