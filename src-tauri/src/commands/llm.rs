//! The LLM used for classification: presets, settings (API key to the OS keychain only), test
//! connection, and what it costs per day. The background classifier picks changes up by itself.

use serde::{Deserialize, Serialize};
use switchboard_ai::llm::{LlmClient, LlmError, LlmSettings, llm_presets, settings};
use switchboard_channels::secrets;
use tauri::State;

use crate::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmPresetView {
    pub id: String,
    pub label: String,
    pub base_url: String,
    pub model: String,
    pub key_header: Option<String>,
    pub needs_key: bool,
    pub local: bool,
    pub note: String,
}

/// The settings form (the key itself is never sent back to the UI).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmSettingsForm {
    pub enabled: bool,
    pub preset: String,
    pub base_url: String,
    pub model: String,
    pub key_header: Option<String>,
    /// e.g. `OpenAI-Organization`.
    pub extra_headers: Vec<(String, String)>,
    pub price_input_per_million: f64,
    pub price_output_per_million: f64,
    pub mask_personal_data: bool,
    pub timeout_seconds: u32,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmSettingsView {
    /// `null` when no LLM was ever configured.
    pub settings: Option<LlmSettingsForm>,
    pub has_api_key: bool,
    /// The endpoint is on this machine: customer text never leaves it.
    pub local: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmTestResult {
    pub ok: bool,
    pub message: String,
    pub category: Option<String>,
    pub latency_ms: u32,
    pub tokens: u32,
    /// Why it failed, for the UI to say in the agent's language (`message` says it in English).
    pub failure: Option<LlmFailure>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmFailure {
    pub kind: LlmFailureKind,
    /// The HTTP status the provider answered with.
    pub status: Option<u16>,
    /// How long the model was given, for a timeout.
    pub seconds: Option<u32>,
    /// The provider's (or the network's) own words, as they came.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LlmFailureKind {
    RateLimited,
    Server,
    Timeout,
    Network,
    Rejected,
    Answer,
}

impl From<&LlmError> for LlmFailure {
    fn from(error: &LlmError) -> Self {
        let failure = |kind, status, detail: String| LlmFailure {
            kind,
            status,
            seconds: None,
            detail,
        };
        match error {
            LlmError::RateLimited { .. } => failure(LlmFailureKind::RateLimited, None, String::new()),
            LlmError::Server { status, message } => failure(LlmFailureKind::Server, Some(*status), message.clone()),
            LlmError::Timeout(limit) => LlmFailure {
                seconds: Some(u32::try_from(limit.as_secs()).unwrap_or(u32::MAX)),
                ..failure(LlmFailureKind::Timeout, None, String::new())
            },
            LlmError::Network(detail) => failure(LlmFailureKind::Network, None, detail.clone()),
            LlmError::Rejected { status, message } => failure(LlmFailureKind::Rejected, Some(*status), message.clone()),
            LlmError::Answer(answer) => failure(LlmFailureKind::Answer, None, answer.to_string()),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LlmUsageDay {
    pub day: String,
    pub model: String,
    pub calls: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cost_usd: f64,
}

impl From<LlmSettingsForm> for LlmSettings {
    fn from(f: LlmSettingsForm) -> LlmSettings {
        LlmSettings {
            enabled: f.enabled,
            preset: f.preset,
            base_url: f.base_url.trim().to_string(),
            model: f.model.trim().to_string(),
            key_header: f.key_header.filter(|h| !h.trim().is_empty()),
            extra_headers: f
                .extra_headers
                .into_iter()
                .filter(|(name, _)| !name.trim().is_empty())
                .collect(),
            price_input_per_million: f.price_input_per_million.max(0.0),
            price_output_per_million: f.price_output_per_million.max(0.0),
            mask_personal_data: f.mask_personal_data,
            timeout_seconds: f.timeout_seconds,
        }
    }
}

impl From<LlmSettings> for LlmSettingsForm {
    fn from(s: LlmSettings) -> LlmSettingsForm {
        LlmSettingsForm {
            enabled: s.enabled,
            preset: s.preset,
            base_url: s.base_url,
            model: s.model,
            key_header: s.key_header,
            extra_headers: s.extra_headers,
            price_input_per_million: s.price_input_per_million,
            price_output_per_million: s.price_output_per_million,
            mask_personal_data: s.mask_personal_data,
            timeout_seconds: s.timeout_seconds,
        }
    }
}

#[tauri::command]
#[specta::specta]
pub fn llm_presets_list() -> Vec<LlmPresetView> {
    llm_presets()
        .into_iter()
        .map(|p| LlmPresetView {
            id: p.id.into(),
            label: p.label.into(),
            base_url: p.base_url.into(),
            model: p.model.into(),
            key_header: p.key_header.map(str::to_string),
            needs_key: p.needs_key,
            local: p.local,
            note: p.note.into(),
        })
        .collect()
}

#[tauri::command]
#[specta::specta]
pub async fn get_llm_settings(state: State<'_, AppState>) -> Result<LlmSettingsView, AppError> {
    let store = state.store()?;
    let saved = settings::load(store).await?;
    let key = secrets::read(settings::api_key_name(&store.workspace_id().await?))
        .await
        .unwrap_or_default();
    Ok(LlmSettingsView {
        local: saved.as_ref().is_some_and(LlmSettings::is_local),
        settings: saved.map(Into::into),
        has_api_key: key.is_some(),
    })
}

/// Saves the settings; `api_key` replaces the stored key (an empty string removes it, `null` keeps it).
#[tauri::command]
#[specta::specta]
pub async fn save_llm_settings(
    state: State<'_, AppState>,
    form: LlmSettingsForm,
    api_key: Option<String>,
) -> Result<LlmSettingsView, AppError> {
    let store = state.store()?;
    let settings: LlmSettings = form.into();
    settings.validate().map_err(|m| AppError::new("invalid_llm", m))?;
    let name = settings::api_key_name(&store.workspace_id().await?);
    match api_key.map(|k| k.trim().to_string()) {
        Some(key) if key.is_empty() => secrets::delete(name).await.map_err(AppError::from)?,
        Some(key) => secrets::store(name, key).await.map_err(AppError::from)?,
        None => {}
    }
    settings::save(store, &settings).await?;
    get_llm_settings(state).await
}

/// Classifies a sample ticket with the form's settings (and the given or stored key).
#[tauri::command]
#[specta::specta]
pub async fn test_llm_settings(
    state: State<'_, AppState>,
    form: LlmSettingsForm,
    api_key: Option<String>,
) -> Result<LlmTestResult, AppError> {
    let store = state.store()?;
    let settings: LlmSettings = form.into();
    settings.validate().map_err(|m| AppError::new("invalid_llm", m))?;
    let key = match api_key.filter(|k| !k.trim().is_empty()) {
        Some(key) => Some(key),
        None => secrets::read(settings::api_key_name(&store.workspace_id().await?))
            .await
            .map_err(AppError::from)?,
    };
    let client = LlmClient::new(settings.config(key)).map_err(|e| AppError::new("llm", e.to_string()))?;
    let taxonomy = switchboard_ai::taxonomy::workspace_taxonomy(store).await?;
    Ok(match client.test_connection(&taxonomy).await {
        Ok(test) => LlmTestResult {
            ok: true,
            message: format!("{} answered and classified the sample ticket.", client.model()),
            category: test.category,
            latency_ms: u32::try_from(test.latency.as_millis()).unwrap_or(u32::MAX),
            tokens: u32::try_from(test.usage.prompt_tokens + test.usage.completion_tokens).unwrap_or(u32::MAX),
            failure: None,
        },
        Err(error) => LlmTestResult {
            ok: false,
            message: error.to_string(),
            category: None,
            latency_ms: 0,
            tokens: 0,
            failure: Some(LlmFailure::from(&error)),
        },
    })
}

#[tauri::command]
#[specta::specta]
pub async fn llm_usage(state: State<'_, AppState>) -> Result<Vec<LlmUsageDay>, AppError> {
    Ok(switchboard_core::usage::daily(state.store()?.pool())
        .await?
        .into_iter()
        .map(|d| LlmUsageDay {
            day: d.day,
            model: d.model,
            calls: d.calls,
            prompt_tokens: d.prompt_tokens,
            completion_tokens: d.completion_tokens,
            cost_usd: d.cost_usd,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_failure_keeps_its_kind_status_and_the_providers_words() {
        let rejected = LlmFailure::from(&LlmError::Rejected {
            status: 401,
            message: "invalid api key".into(),
        });
        assert!(matches!(rejected.kind, LlmFailureKind::Rejected));
        assert_eq!(
            (rejected.status, rejected.detail.as_str()),
            (Some(401), "invalid api key")
        );
        let timeout = LlmFailure::from(&LlmError::Timeout(Duration::from_secs(60)));
        assert!(matches!(timeout.kind, LlmFailureKind::Timeout));
        assert_eq!((timeout.seconds, timeout.status), (Some(60), None));
        let unreadable = LlmFailure::from(&LlmError::Answer(switchboard_ai::llm::AnswerError::NotJson("{".into())));
        assert!(matches!(unreadable.kind, LlmFailureKind::Answer));
        assert!(unreadable.detail.contains("not JSON"), "{}", unreadable.detail);
    }
}
