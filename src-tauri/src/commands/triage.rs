//! The agent's triage decisions: correcting what the AI decided. A correction wins over every later
//! automatic run and is the offline model's best training label.

use serde::Deserialize;
use switchboard_core::classification::{self, NewClassification, Source};
use switchboard_core::model::{Priority, TicketSummary};
use switchboard_core::tickets;
use tauri::{AppHandle, State};

use crate::AppError;
use crate::events::TicketsChanged;
use crate::state::AppState;

const SENTIMENTS: &[&str] = &["negative", "neutral", "positive"];

/// What the agent changed; fields left out stay as they are.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct TriageCorrection {
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub sentiment: Option<String>,
}

/// The agent's correction as a label, once it is checked against the workspace's taxonomy.
async fn agent_label(
    store: &switchboard_core::Store,
    correction: TriageCorrection,
) -> Result<NewClassification, AppError> {
    if let Some(category) = &correction.category
        && !switchboard_ai::taxonomy::workspace_taxonomy(store)
            .await?
            .iter()
            .any(|c| &c.id == category)
    {
        return Err(AppError::new(
            "invalid_input",
            format!("'{category}' is not a category of this workspace"),
        ));
    }
    if let Some(sentiment) = &correction.sentiment
        && !SENTIMENTS.contains(&sentiment.as_str())
    {
        return Err(AppError::new(
            "invalid_input",
            format!("'{sentiment}' is not a sentiment"),
        ));
    }
    if correction.category.is_none() && correction.priority.is_none() && correction.sentiment.is_none() {
        return Err(AppError::new("invalid_input", "nothing to change"));
    }
    Ok(NewClassification {
        model: "agent".into(),
        category: correction.category,
        priority: correction.priority,
        sentiment: correction.sentiment,
        ..Default::default()
    })
}

#[tauri::command]
#[specta::specta]
pub async fn correct_ticket(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_id: i32,
    correction: TriageCorrection,
) -> Result<TicketSummary, AppError> {
    let store = state.store()?;
    let label = agent_label(store, correction).await?;
    classification::record(store.pool(), ticket_id.into(), Source::Agent, &label).await?;
    TicketsChanged::notify(&app, vec![ticket_id]);
    Ok(tickets::summary(store.pool(), ticket_id.into()).await?)
}

/// The same correction for a selection of tickets, all or none.
#[tauri::command]
#[specta::specta]
pub async fn correct_tickets(
    app: AppHandle,
    state: State<'_, AppState>,
    ticket_ids: Vec<i32>,
    correction: TriageCorrection,
) -> Result<Vec<TicketSummary>, AppError> {
    if ticket_ids.len() > 1000 {
        return Err(AppError::new(
            "invalid_input",
            "at most 1000 tickets can be changed at once",
        ));
    }
    let store = state.store()?;
    let label = agent_label(store, correction).await?;
    let ids: Vec<i64> = ticket_ids.iter().map(|&id| i64::from(id)).collect();
    classification::record_many(store.pool(), &ids, Source::Agent, &label).await?;
    TicketsChanged::notify(&app, ticket_ids);
    Ok(tickets::summaries(store.pool(), &ids).await?)
}

/// The offline model: examples, when trained, labels it has not learnt from yet.
#[tauri::command]
#[specta::specta]
pub async fn offline_model_status(
    state: State<'_, AppState>,
) -> Result<switchboard_core::classification::ModelStatus, AppError> {
    Ok(switchboard_ai::worker::model_status(state.store()?).await?)
}

/// Retrains the offline model now; progress arrives as `model-training` events.
#[tauri::command]
#[specta::specta]
pub fn retrain_offline_model(bell: State<'_, crate::background::RetrainBell>) {
    bell.0.notify_one();
}
