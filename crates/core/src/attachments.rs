//! Attachments as the agent handles them outside the app: a copy to open in the system's own program
//! (never an executable or script, which could run on a double-click) or to save where they choose.

use std::path::{Path, PathBuf};

use sqlx::SqlitePool;

use crate::model::Attachment;
use crate::{Error, Result, Store};

/// Extensions the system would run rather than show; such a file can only be saved.
const RUNNABLE: &[&str] = &[
    "exe", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf",
    "wsh", "hta", "jar", "lnk", "reg", "sh", "bash", "zsh", "command", "app", "pkg", "dmg", "desktop", "appimage",
    "deb", "rpm", "run", "py", "pl", "rb", "php",
];

pub async fn find(pool: &SqlitePool, attachment_id: i64) -> Result<Attachment> {
    sqlx::query_as("SELECT id, filename, content_type, size, sha256, inline FROM attachments WHERE id = ?")
        .bind(attachment_id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::Invalid(format!("attachment {attachment_id} does not exist")))
}

/// The file name to write: no directories, no characters file systems refuse, never empty.
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim().to_string();
    if clean.is_empty() { "attachment".into() } else { clean }
}

/// Whether opening the file would run it.
pub fn is_runnable(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| RUNNABLE.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Writes a copy of the attachment under `dir` (in a folder of its own, so two files of the same name
/// never clash) and returns its path, for the system to open. Runnable files are refused.
pub async fn copy_to_open(store: &Store, attachment_id: i64, dir: &Path) -> Result<PathBuf> {
    let attachment = find(store.pool(), attachment_id).await?;
    let name = safe_file_name(&attachment.filename);
    if is_runnable(&name) {
        return Err(Error::Invalid(format!(
            "'{name}' is a program or script and is not opened from a customer's message; save it instead if you must"
        )));
    }
    let folder = dir.join(&attachment.sha256[..16.min(attachment.sha256.len())]);
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = folder.join(name);
    let bytes = store.blobs().get(&attachment.sha256)?;
    std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// Writes the attachment to `path` (chosen by the agent).
pub async fn save_to(store: &Store, attachment_id: i64, path: &Path) -> Result<()> {
    let attachment = find(store.pool(), attachment_id).await?;
    let bytes = store.blobs().get(&attachment.sha256)?;
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}
