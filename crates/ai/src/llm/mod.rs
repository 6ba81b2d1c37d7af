//! Classification by any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, DeepSeek,
//! Qwen, Moonshot, Ollama, LM Studio, llama.cpp server, vLLM).
//!
//! Customer text is data: it goes in a delimited block, the system prompt says so, and the answer can
//! only fill classification fields — it is parsed, validated against the taxonomy, and never acted on.

mod answer;
mod client;
mod prompt;

pub use answer::{AnswerError, parse_answer};
pub use client::{LlmClient, LlmConfig, LlmError, Usage};
