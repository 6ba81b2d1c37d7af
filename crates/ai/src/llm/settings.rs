//! The workspace's LLM settings (never the API key: that is in the OS keychain, under
//! [`api_key_name`]).

use std::time::Duration;

use serde::{Deserialize, Serialize};
use switchboard_core::Store;

use super::client::LlmConfig;

/// Where the settings live in the workspace's settings table.
pub const SETTING_KEY: &str = "llm.settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmSettings {
    /// Off: the offline model classifies everything.
    pub enabled: bool,
    pub preset: String,
    pub base_url: String,
    pub model: String,
    /// Header for the key instead of `Authorization: Bearer` (Azure: `api-key`).
    #[serde(default)]
    pub key_header: Option<String>,
    /// Extra headers, e.g. `OpenAI-Organization`.
    #[serde(default)]
    pub extra_headers: Vec<(String, String)>,
    /// USD per million prompt / completion tokens, for the cost estimate.
    #[serde(default)]
    pub price_input_per_million: f64,
    #[serde(default)]
    pub price_output_per_million: f64,
    /// Replace email addresses, phone numbers and card numbers before text leaves the machine.
    #[serde(default)]
    pub mask_personal_data: bool,
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u32,
}

fn default_timeout() -> u32 {
    60
}

/// Whether a base URL points at this machine.
pub fn is_local_url(url: &str) -> bool {
    let rest = url.trim().split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The keychain entry of the workspace's API key.
pub fn api_key_name(workspace_id: &str) -> String {
    format!("{workspace_id}/llm-api-key")
}

impl LlmSettings {
    pub fn config(&self, api_key: Option<String>) -> LlmConfig {
        LlmConfig {
            base_url: self.base_url.trim().to_string(),
            model: self.model.trim().to_string(),
            api_key: api_key.filter(|k| !k.is_empty()),
            key_header: self.key_header.clone().filter(|h| !h.trim().is_empty()),
            extra_headers: self.extra_headers.clone(),
            timeout: Duration::from_secs(u64::from(self.timeout_seconds.clamp(5, 600))),
            price_per_million: (self.price_input_per_million, self.price_output_per_million),
            mask_personal_data: self.mask_personal_data,
            runs_locally: self.is_local(),
        }
    }

    /// Whether the endpoint is on this machine (nothing leaves it).
    pub fn is_local(&self) -> bool {
        is_local_url(&self.base_url)
    }

    pub fn validate(&self) -> Result<(), String> {
        let url = self.base_url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("the base URL must start with https:// (or http:// for a server on this computer)".into());
        }
        if url.starts_with("http://") && !self.is_local() {
            return Err(
                "an API key would travel unencrypted: use https:// for servers that are not on this computer".into(),
            );
        }
        if url.contains("YOUR-RESOURCE") {
            return Err("replace YOUR-RESOURCE in the base URL with your Azure resource name".into());
        }
        if self.model.trim().is_empty() {
            return Err("the model name is needed".into());
        }
        Ok(())
    }
}

pub async fn load(store: &Store) -> switchboard_core::Result<Option<LlmSettings>> {
    Ok(store
        .setting(SETTING_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

pub async fn save(store: &Store, settings: &LlmSettings) -> switchboard_core::Result<()> {
    let json = serde_json::to_string(settings).map_err(|e| switchboard_core::Error::Invalid(e.to_string()))?;
    store.set_setting(SETTING_KEY, &json).await
}
