//! The workflow clock of the desktop app: every few seconds, SLA clocks are brought up to date, SLA
//! warnings and breaches and time-based rules fire, and the notifications rules asked for are shown.

use std::time::Duration;

use chrono::Timelike;

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

/// More alerts than this in one tick become one notification (opening a workspace full of overdue
/// tickets must not bury the desktop in notifications).
const GROUP_ABOVE: usize = 3;
/// The freedesktop category hint of workflow alerts (vendor-prefixed, as the spec asks).
const CATEGORY: &str = "x-switchboard.workflow";

fn announce(app: &AppHandle, alerts: Vec<(String, String, i64)>, chinese: bool) {
    if alerts.len() > GROUP_ABOVE {
        let count = alerts.len();
        let (latest, _, ticket_id) = alerts.last().cloned().unwrap_or_default();
        let summary = if chinese {
            format!("{count} 条工作流提醒")
        } else {
            format!("{count} workflow alerts")
        };
        let body = if chinese {
            format!("最新：{latest}")
        } else {
            format!("Latest: {latest}")
        };
        notifier::deliver(app, &summary, &body, ticket_id, chinese, Some(CATEGORY));
        return;
    }
    for (summary, body, ticket_id) in alerts {
        notifier::deliver(app, &summary, &body, ticket_id, chinese, Some(CATEGORY));
    }
}

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
    // (summary, body, ticket) of each alert, in order.
    let mut alerts: Vec<(String, String, i64)> = Vec::new();
    for event in &outcome.sla_events {
        let ticket = switchboard_core::tickets::summary(store.pool(), event.ticket_id).await?;
        let number = ticket.number;
        let summary = match (event.kind, chinese) {
            (SlaEventKind::Warning, false) => format!("SLA due soon on #{number}"),
            (SlaEventKind::Breached, false) => format!("SLA breached on #{number}"),
            (SlaEventKind::Warning, true) => format!("#{number} 即将超出 SLA"),
            (SlaEventKind::Breached, true) => format!("#{number} 已超出 SLA"),
        };
        alerts.push((summary, ticket.subject, event.ticket_id));
    }
    let mut next = watermark;
    for notice in &outcome.notifications {
        let ticket = switchboard_core::tickets::summary(store.pool(), notice.ticket_id).await?;
        alerts.push((
            notice.text.clone(),
            format!("#{} · {}", ticket.number, ticket.subject),
            notice.ticket_id,
        ));
        changed.push(notice.ticket_id as i32);
        next = next.max(notice.event_id);
    }
    // The agent's notification switch and do-not-disturb hours hold for workflow alerts too.
    let settings = notifier::load_settings(store).await?;
    let hour = chrono::Local::now().hour() as u8;
    if settings.enabled && !settings.is_quiet(hour) {
        announce(app, alerts, chinese);
    }
    if next != watermark || store.setting(WATERMARK).await?.is_none() {
        store.set_setting(WATERMARK, &next.to_string()).await?;
    }
    if !changed.is_empty() || outcome.time_based_actions > 0 {
        TicketsChanged::notify(app, changed);
    }
    Ok(())
}
