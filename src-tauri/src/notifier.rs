//! Presence on the desktop: a notification for each arrival the agent wants to hear about (clicking it
//! focuses the window on that ticket), the unread count in the tray and the window title. Arrivals are
//! read from the store after a durable watermark, so a restart neither repeats nor loses one. Without a
//! notification service the app says so (in the settings) and keeps working.

use std::sync::Mutex;
use std::time::Duration;

use chrono::Timelike;
use switchboard_core::arrivals::{self, Arrival, Decision, Notice, NotificationSettings};
use switchboard_core::tickets;
use switchboard_core::{Result, Store};
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

use crate::events::OpenTicketRequested;
use crate::tray;

const EVERY: Duration = Duration::from_secs(2);
const WATERMARK: &str = "notify.last_message_id";
pub const SETTINGS_KEY: &str = "notify.settings";
/// The UI's language, so notifications speak it too.
pub const LANGUAGE_KEY: &str = "ui.language";

/// Why notifications cannot be shown here, once one failed (none: they work, or none was tried yet).
#[derive(Default)]
pub struct NotifierHealth(pub Mutex<Option<String>>);

pub async fn load_settings(store: &Store) -> Result<NotificationSettings> {
    Ok(store
        .setting(SETTINGS_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

pub fn spawn(app: AppHandle, store: Store) {
    tauri::async_runtime::spawn(async move {
        let mut shown_count = None;
        loop {
            if let Err(error) = announce_arrivals(&app, &store).await {
                tracing::warn!(%error, "could not look for new arrivals");
            }
            match tickets::unread_open_count(store.pool()).await {
                Ok(count) => {
                    if shown_count != Some(count) {
                        tray::show_unread(&app, count);
                        shown_count = Some(count);
                    }
                    show_in_title(&app, count);
                }
                Err(error) => tracing::warn!(%error, "could not count unread tickets"),
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

fn show_in_title(app: &AppHandle, unread: i64) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let title = if unread > 0 {
        format!("Switchboard ({unread})")
    } else {
        "Switchboard".into()
    };
    if window.title().ok().as_deref() != Some(title.as_str()) {
        let _ = window.set_title(&title);
    }
}

async fn announce_arrivals(app: &AppHandle, store: &Store) -> Result<()> {
    let watermark = match store.setting(WATERMARK).await?.and_then(|v| v.parse::<i64>().ok()) {
        Some(id) => id,
        None => {
            // A workspace that never announced anything starts from now, not with its whole history.
            let latest = arrivals::latest_message_id(store.pool()).await?;
            store.set_setting(WATERMARK, &latest.to_string()).await?;
            latest
        }
    };
    // Enough to take a burst in one go, so a burst is one notification.
    let arrived = arrivals::since(store.pool(), watermark, 2000).await?;
    if arrived.is_empty() {
        return Ok(());
    }
    let settings = load_settings(store).await?;
    let me = store.agent_name().await?;
    let chinese = store.setting(LANGUAGE_KEY).await?.is_some_and(|l| l.starts_with("zh"));
    let hour = chrono::Local::now().hour() as u8;
    let mut announce = Vec::new();
    let mut next_watermark = watermark;
    for arrival in arrived {
        match arrivals::decide(&settings, &arrival, &me, hour) {
            // Keep the order: nothing after an undecided arrival is passed over.
            Decision::Wait => break,
            Decision::Announce => announce.push(arrival.clone()),
            Decision::Skip => {}
        }
        next_watermark = arrival.message_id;
    }
    if next_watermark == watermark {
        return Ok(());
    }
    // Saved before showing: a crash right here loses a notification rather than repeating it.
    store.set_setting(WATERMARK, &next_watermark.to_string()).await?;
    for notice in arrivals::group(announce) {
        show(app, notice, chinese);
    }
    Ok(())
}

fn texts(notice: &Notice, chinese: bool) -> (String, String, i64) {
    let line = |a: &Arrival| {
        format!(
            "{}\n{}",
            a.subject,
            a.preview.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    match (notice, chinese) {
        (Notice::One(a), false) if a.new_ticket => (
            format!("New ticket #{} · {}", a.ticket_number, a.customer_name),
            line(a),
            a.ticket_id,
        ),
        (Notice::One(a), false) => (
            format!("{} replied on #{}", a.customer_name, a.ticket_number),
            line(a),
            a.ticket_id,
        ),
        (Notice::One(a), true) if a.new_ticket => (
            format!("新工单 #{} · {}", a.ticket_number, a.customer_name),
            line(a),
            a.ticket_id,
        ),
        (Notice::One(a), true) => (
            format!("{} 回复了 #{}", a.customer_name, a.ticket_number),
            line(a),
            a.ticket_id,
        ),
        (Notice::Many { count, newest }, false) => (
            format!("{count} new messages"),
            format!("Latest: {}", line(newest)),
            newest.ticket_id,
        ),
        (Notice::Many { count, newest }, true) => (
            format!("{count} 条新消息"),
            format!("最新：{}", line(newest)),
            newest.ticket_id,
        ),
    }
}

fn show(app: &AppHandle, notice: Notice, chinese: bool) {
    let (summary, body, ticket_id) = texts(&notice, chinese);
    deliver(app, &summary, &body, ticket_id, chinese, None);
}

/// Shows one desktop notification that opens `ticket_id` when clicked; `category` lets the desktop
/// tell kinds apart (the freedesktop `category` hint).
pub fn deliver(app: &AppHandle, summary: &str, body: &str, ticket_id: i64, chinese: bool, category: Option<&str>) {
    let mut notification = notify_rust::Notification::new();
    notification.appname("Switchboard").summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    if let Some(category) = category {
        notification.hint(notify_rust::Hint::Category(category.to_string()));
    }
    #[cfg(all(unix, not(target_os = "macos")))]
    notification.action("default", if chinese { "打开" } else { "Open" });
    let app = app.clone();
    // Showing talks to the notification service and waiting for a click blocks: off the async runtime.
    std::thread::spawn(move || {
        let health = app.state::<NotifierHealth>();
        match notification.show() {
            Ok(handle) => {
                *health.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
                wait_for_click(&app, handle, ticket_id);
            }
            Err(error) => {
                let mut reason = health.0.lock().unwrap_or_else(|p| p.into_inner());
                if reason.is_none() {
                    tracing::warn!(%error, "desktop notifications are unavailable");
                }
                *reason = Some(format!("No notification service answered: {error}"));
            }
        }
    });
}

#[cfg(all(unix, not(target_os = "macos")))]
fn wait_for_click(app: &AppHandle, handle: notify_rust::NotificationHandle, ticket_id: i64) {
    handle.wait_for_action(|action| {
        if action == "default" {
            focus_ticket(app, ticket_id);
        }
    });
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn wait_for_click(_app: &AppHandle, _handle: notify_rust::NotificationHandle, _ticket_id: i64) {}

/// Brings the window forward and asks the UI to open the ticket.
pub fn focus_ticket(app: &AppHandle, ticket_id: i64) {
    tray::show_window(app);
    let _ = OpenTicketRequested {
        ticket_id: ticket_id as i32,
    }
    .emit(app);
}
