//! The analytics dashboard: figures and suggestions computed by the core crate, chart exports and the
//! printable weekly report saved where the agent chooses.

use std::collections::HashMap;

use switchboard_core::analytics::{self, AnalyticsQuery, Dashboard, insights, report};
use switchboard_core::time::now_ms;
use tauri::{AppHandle, State};

use super::external::save_with_dialog;
use crate::AppError;
use crate::state::AppState;

/// Every chart of the dashboard for a date range and filters.
#[tauri::command]
#[specta::specta]
pub async fn analytics_dashboard(state: State<'_, AppState>, query: AnalyticsQuery) -> Result<Dashboard, AppError> {
    Ok(analytics::dashboard(state.store()?.pool(), &query, now_ms()).await?)
}

/// What to improve: rising topics, often-corrected categories, saved replies and rules worth a look.
#[tauri::command]
#[specta::specta]
pub async fn analytics_insights(
    state: State<'_, AppState>,
    query: AnalyticsQuery,
) -> Result<insights::Insights, AppError> {
    Ok(insights::compute(state.store()?.pool(), &query, now_ms()).await?)
}

/// Saves a chart's data (CSV) or picture (PNG) the UI prepared; the saved path, `None` if cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_chart_export(app: AppHandle, file_name: String, bytes: Vec<u8>) -> Result<Option<String>, AppError> {
    let kind: (&str, &[&str]) = if file_name.to_ascii_lowercase().ends_with(".png") {
        ("PNG", &["png"])
    } else if file_name.to_ascii_lowercase().ends_with(".csv") {
        ("CSV", &["csv"])
    } else {
        return Err(AppError::new(
            "invalid_input",
            "charts are exported as .csv or .png files",
        ));
    };
    save_with_dialog(&app, &file_name, kind, bytes).await
}

/// Writes the printable report (HTML, opens in any browser and prints to PDF) for the range.
#[tauri::command]
#[specta::specta]
pub async fn save_weekly_report(
    app: AppHandle,
    state: State<'_, AppState>,
    query: AnalyticsQuery,
    chinese: bool,
    file_name: String,
) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let now = now_ms();
    let dashboard = analytics::dashboard(store.pool(), &query, now).await?;
    let found = insights::compute(store.pool(), &query, now).await?;
    let category_names: HashMap<String, String> = switchboard_ai::taxonomy::workspace_taxonomy(store)
        .await?
        .into_iter()
        .map(|c| (c.id, if chinese { c.name_zh } else { c.name_en }))
        .collect();
    let html = report::weekly_html(
        &dashboard,
        &found,
        &report::ReportLabels {
            chinese,
            category_names,
        },
    );
    save_with_dialog(&app, &file_name, ("HTML", &["html", "htm"]), html.into_bytes()).await
}
