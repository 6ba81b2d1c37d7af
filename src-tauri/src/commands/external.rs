//! Leaving the app on the agent's say-so: a link from a customer's message opens in the system browser
//! (after the UI has shown its real target), an attachment opens in the system's program for it or is
//! saved where the agent picks. Nothing here runs without a click.

use std::path::PathBuf;

use switchboard_channels::email::remote_images::{self, RemoteImage};
use switchboard_core::attachments;
use tauri::{AppHandle, Manager, State, Url};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::AppError;
use crate::state::AppState;

/// The link as the browser will get it, if it is one the app may hand over: web pages and mail
/// addresses only, and no user name or password hidden in it (`https://bank.example@evil.example/`).
pub fn openable_link(link: &str) -> Result<Url, AppError> {
    let url =
        Url::parse(link.trim()).map_err(|e| AppError::new("invalid_input", format!("'{link}' is not a link: {e}")))?;
    if !matches!(url.scheme(), "http" | "https" | "mailto") {
        return Err(AppError::new(
            "invalid_input",
            format!(
                "links of the kind '{}:' are not opened from a customer's message",
                url.scheme()
            ),
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AppError::new(
            "invalid_input",
            format!("'{link}' hides a user name before its real host, a phishing trick; it is not opened"),
        ));
    }
    Ok(url)
}

#[tauri::command]
#[specta::specta]
pub async fn open_link(app: AppHandle, url: String) -> Result<(), AppError> {
    let url = openable_link(&url)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| AppError::new("open_failed", format!("the browser could not be started: {e}")))
}

#[tauri::command]
#[specta::specta]
pub async fn open_attachment(app: AppHandle, state: State<'_, AppState>, attachment_id: i32) -> Result<(), AppError> {
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| AppError::new("io", format!("no folder to open attachments from: {e}")))?
        .join("opened-attachments");
    let path = attachments::copy_to_open(state.store()?, attachment_id.into(), &dir).await?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::new("open_failed", format!("no program could open {}: {e}", path.display())))
}

/// Asks where to save the attachment and saves it there; `None` when the agent cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    attachment_id: i32,
) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let attachment = attachments::find(store.pool(), attachment_id.into()).await?;
    let name = attachments::safe_file_name(&attachment.filename);
    let dialog = app.dialog().file().set_file_name(&name);
    // The dialog blocks until the agent answers: off the async runtime.
    let chosen = tokio::task::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| AppError::new("internal", e.to_string()))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path: PathBuf = chosen
        .into_path()
        .map_err(|e| AppError::new("invalid_input", format!("that place cannot be saved to: {e}")))?;
    attachments::save_to(store, attachment_id.into(), &path).await?;
    Ok(Some(path.display().to_string()))
}

/// Asks the agent for a shop's order export (CSV); `None` when they cancelled. The dialog runs in the
/// shell, so the web view needs no file-system permission.
#[tauri::command]
#[specta::specta]
pub async fn pick_order_file(app: AppHandle, title: String) -> Result<Option<String>, AppError> {
    let dialog = app.dialog().file().set_title(title).add_filter("CSV", &["csv", "txt"]);
    let chosen = tokio::task::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| AppError::new("internal", e.to_string()))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path: PathBuf = chosen
        .into_path()
        .map_err(|e| AppError::new("invalid_input", format!("that file cannot be read: {e}")))?;
    Ok(Some(path.display().to_string()))
}

/// Exports the rules to a JSON file the agent chooses (suggested as `file_name`); returns where it was
/// saved, `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_rules_file(
    app: AppHandle,
    state: State<'_, AppState>,
    file_name: String,
) -> Result<Option<String>, AppError> {
    let json = switchboard_core::rules::library::export_json(state.store()?.pool()).await?;
    save_with_dialog(&app, &file_name, ("JSON", &["json"]), json.into_bytes()).await
}

/// Asks where to save `bytes` (suggesting `file_name`, offering one file type) and writes them there;
/// the saved path, or `None` when the agent cancelled.
pub async fn save_with_dialog(
    app: &AppHandle,
    file_name: &str,
    (kind, extensions): (&str, &[&str]),
    bytes: Vec<u8>,
) -> Result<Option<String>, AppError> {
    let dialog = app
        .dialog()
        .file()
        .set_file_name(attachments::safe_file_name(file_name))
        .add_filter(kind, extensions);
    // The dialog blocks until the agent answers: off the async runtime.
    let chosen = tokio::task::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| AppError::new("internal", e.to_string()))?;
    let Some(chosen) = chosen else { return Ok(None) };
    let path: PathBuf = chosen
        .into_path()
        .map_err(|e| AppError::new("invalid_input", format!("that place cannot be saved to: {e}")))?;
    std::fs::write(&path, bytes)
        .map_err(|e| AppError::new("io", format!("the file could not be saved to {}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

/// Fetches the remote images of a message the agent asked to see in full (tracking pixels included:
/// that is the agent's call). The web view gets them as `data:` URLs and never goes online itself.
#[tauri::command]
#[specta::specta]
pub async fn load_remote_images(state: State<'_, AppState>, message_id: i32) -> Result<Vec<RemoteImage>, AppError> {
    let html = switchboard_core::tickets::message_html(state.store()?.pool(), message_id.into())
        .await?
        .unwrap_or_default();
    Ok(remote_images::load(&html).await)
}

#[cfg(test)]
mod tests {
    use super::openable_link;

    #[test]
    fn only_web_and_mail_links_without_hidden_credentials_are_opened() {
        assert_eq!(
            openable_link(" https://shop.example/orders?id=1 ").unwrap().as_str(),
            "https://shop.example/orders?id=1"
        );
        assert!(openable_link("mailto:help@shop.example").is_ok());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>x</script>",
            "vbscript:x",
            "smb://evil.example/share",
            "https://bank.example@evil.example/login",
            "https://user:pass@evil.example/",
            "not a link",
        ] {
            assert!(openable_link(bad).is_err(), "{bad} was accepted");
        }
    }
}
