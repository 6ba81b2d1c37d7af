//! Notification settings, whether notifications work on this desktop, and the UI's language (so the
//! notifications speak it too).

use serde::Serialize;
use switchboard_core::arrivals::NotificationSettings;
use tauri::State;

use crate::AppError;
use crate::notifier::{self, NotifierHealth};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NotificationStatus {
    pub settings: NotificationSettings,
    /// Why notifications cannot be shown on this desktop, when one failed.
    pub unavailable: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub async fn notification_status(
    state: State<'_, AppState>,
    health: State<'_, NotifierHealth>,
) -> Result<NotificationStatus, AppError> {
    let settings = notifier::load_settings(state.store()?).await?;
    let unavailable = health.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(NotificationStatus { settings, unavailable })
}

#[tauri::command]
#[specta::specta]
pub async fn save_notification_settings(
    state: State<'_, AppState>,
    settings: NotificationSettings,
) -> Result<NotificationSettings, AppError> {
    settings.validate()?;
    let json = serde_json::to_string(&settings).map_err(|e| AppError::new("internal", e.to_string()))?;
    state.store()?.set_setting(notifier::SETTINGS_KEY, &json).await?;
    Ok(settings)
}

#[tauri::command]
#[specta::specta]
pub async fn set_ui_language(state: State<'_, AppState>, language: String) -> Result<(), AppError> {
    if !matches!(language.as_str(), "en" | "zh-CN") {
        return Err(AppError::new(
            "invalid_input",
            format!("'{language}' is not a language of the app"),
        ));
    }
    Ok(state.store()?.set_setting(notifier::LANGUAGE_KEY, &language).await?)
}
