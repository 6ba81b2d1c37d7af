//! The tray icon: the unread count at a glance, a click to bring the window back, and Quit.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager};

const TRAY_ID: &str = "main";

/// Adds the tray icon. A desktop without a tray (or its library) only loses the icon.
pub fn install(app: &AppHandle) {
    let built = (|| -> tauri::Result<()> {
        let open = MenuItem::with_id(app, "open", "Open Switchboard", true, None::<&str>)?;
        let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
        let menu = Menu::with_items(app, &[&open, &quit])?;
        let mut builder = TrayIconBuilder::with_id(TRAY_ID)
            .tooltip("Switchboard")
            .menu(&menu)
            .show_menu_on_left_click(false)
            .on_menu_event(|app, event| match event.id().as_ref() {
                "open" => show_window(app),
                "quit" => app.exit(0),
                _ => {}
            })
            .on_tray_icon_event(|tray, event| {
                if let TrayIconEvent::Click {
                    button: MouseButton::Left,
                    button_state: MouseButtonState::Up,
                    ..
                } = event
                {
                    show_window(tray.app_handle());
                }
            });
        if let Some(icon) = app.default_window_icon() {
            builder = builder.icon(icon.clone());
        }
        builder.build(app)?;
        Ok(())
    })();
    if let Err(error) = built {
        tracing::warn!(%error, "no tray icon on this desktop");
    }
}

/// Shows the unread count on the tray icon (its tooltip, and its label where the desktop shows one).
pub fn show_unread(app: &AppHandle, unread: i64) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else { return };
    let tooltip = if unread > 0 {
        format!("Switchboard — {unread} unread")
    } else {
        "Switchboard".into()
    };
    let _ = tray.set_tooltip(Some(&tooltip));
    #[cfg(target_os = "linux")]
    let _ = tray.set_title((unread > 0).then(|| unread.to_string()));
}

pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}
