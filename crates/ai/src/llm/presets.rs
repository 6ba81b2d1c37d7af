//! Endpoints of the common OpenAI-compatible providers and local servers, so configuring a model is a
//! pick, a key and a model name.

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LlmPreset {
    pub id: &'static str,
    pub label: &'static str,
    pub base_url: &'static str,
    pub model: &'static str,
    /// Header carrying the API key instead of `Authorization: Bearer` (Azure's `api-key`).
    pub key_header: Option<&'static str>,
    pub needs_key: bool,
    /// Runs on this machine: nothing leaves it.
    pub local: bool,
    pub note: &'static str,
}

pub fn llm_presets() -> Vec<LlmPreset> {
    let cloud = |id, label, base_url, model, note| LlmPreset {
        id,
        label,
        base_url,
        model,
        key_header: None,
        needs_key: true,
        local: false,
        note,
    };
    let local = |id, label, base_url, model, note| LlmPreset {
        id,
        label,
        base_url,
        model,
        key_header: None,
        needs_key: false,
        local: true,
        note,
    };
    vec![
        cloud(
            "openai",
            "OpenAI",
            "https://api.openai.com/v1",
            "gpt-4o-mini",
            "API key from platform.openai.com → API keys.",
        ),
        LlmPreset {
            key_header: Some("api-key"),
            ..cloud(
                "azure",
                "Azure OpenAI",
                "https://YOUR-RESOURCE.openai.azure.com/openai/v1",
                "your-deployment-name",
                "Replace YOUR-RESOURCE with your resource name; the model is your deployment's name. The key is sent in the api-key header.",
            )
        },
        cloud(
            "deepseek",
            "DeepSeek",
            "https://api.deepseek.com/v1",
            "deepseek-chat",
            "API key from platform.deepseek.com.",
        ),
        cloud(
            "qwen",
            "Qwen (DashScope) / 通义千问",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "qwen-plus",
            "DashScope API key; this is DashScope's OpenAI-compatible mode.",
        ),
        cloud(
            "moonshot",
            "Moonshot (Kimi)",
            "https://api.moonshot.cn/v1",
            "moonshot-v1-8k",
            "API key from platform.moonshot.cn.",
        ),
        cloud(
            "zhipu",
            "Zhipu GLM / 智谱",
            "https://open.bigmodel.cn/api/paas/v4",
            "glm-4-flash",
            "API key from open.bigmodel.cn.",
        ),
        local(
            "ollama",
            "Ollama (this computer)",
            "http://localhost:11434/v1",
            "llama3.2",
            "Run `ollama pull llama3.2` first. Nothing leaves this computer.",
        ),
        local(
            "lmstudio",
            "LM Studio (this computer)",
            "http://localhost:1234/v1",
            "local-model",
            "Start LM Studio's local server. Nothing leaves this computer.",
        ),
        local(
            "llamacpp",
            "llama.cpp server (this computer)",
            "http://localhost:8080/v1",
            "local",
            "Start `llama-server -m model.gguf`. Nothing leaves this computer.",
        ),
        local(
            "vllm",
            "vLLM",
            "http://localhost:8000/v1",
            "your-model",
            "`vllm serve MODEL`; on another machine, use its address.",
        ),
    ]
}
