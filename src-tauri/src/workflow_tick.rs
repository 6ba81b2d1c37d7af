//! The workflow clock of the desktop app: every few seconds, SLA clocks are brought up to date, SLA
//! warnings and breaches and time-based rules fire, and the notifications rules asked for are shown.

use std::time::Duration;

use switchboard_core::Store;
use switchboard_core::sla::clocks::SlaEventKind;
use switchboard_core::time::now_ms;
use switchboard_core::workflow;
use tauri::AppHandle;

use crate::events::TicketsChanged;
use crate::notifier::{self, LANGUAGE_KEY};

const EVERY: Duration = Duration::from_secs(10);
/// The last rule notification shown (an event id), so a restart neither repeats nor floods.
const WATERMARK: &str = "workflow.notified_event_id";

pub fn spawn(app: AppHandle, store: Store) {
    tauri::async_runtime::spawn(async move {
        loop {
            if let Err(error) = tick(&app, &store).await {
                tracing::warn!(%error, "workflow tick failed; trying again");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn tick(app: &AppHandle, store: &Store) -> switchboard_core::Result<()> {
    let watermark = match store.setting(WATERMARK).await?.and_then(|v| v.parse::<i64>().ok()) {
        Some(id) => id,
        None => workflow::latest_event_id(store.pool()).await?,
    };
    let outcome = workflow::tick(store.pool(), now_ms(), watermark).await?;
    let chinese = store.setting(LANGUAGE_KEY).await?.is_some_and(|l| l.starts_with("zh"));
    let mut changed: Vec<i32> = outcome.sla_events.iter().map(|e| e.ticket_id as i32).collect();
    for event in &outcome.sla_events {
        let number = switchboard_core::tickets::summary(store.pool(), event.ticket_id)
            .await?
            .number;
        let summary = match (event.kind, chinese) {
            (SlaEventKind::Warning, false) => format!("SLA due soon on #{number}"),
            (SlaEventKind::Breached, false) => format!("SLA breached on #{number}"),
            (SlaEventKind::Warning, true) => format!("#{number} 即将超出 SLA"),
            (SlaEventKind::Breached, true) => format!("#{number} 已超出 SLA"),
        };
        notifier::deliver(app, &summary, "", event.ticket_id, chinese);
    }
    let mut next = watermark;
    for notice in &outcome.notifications {
        let ticket = switchboard_core::tickets::summary(store.pool(), notice.ticket_id).await?;
        let body = format!("#{} · {}", ticket.number, ticket.subject);
        notifier::deliver(app, &notice.text, &body, notice.ticket_id, chinese);
        changed.push(notice.ticket_id as i32);
        next = next.max(notice.event_id);
    }
    if next != watermark || store.setting(WATERMARK).await?.is_none() {
        store.set_setting(WATERMARK, &next.to_string()).await?;
    }
    if !changed.is_empty() || outcome.time_based_actions > 0 {
        TicketsChanged::notify(app, changed);
    }
    Ok(())
}
