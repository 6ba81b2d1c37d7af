//! The account's Sent folder: replies are filed there (like any mail client would), and after a crash
//! it tells whether a reply left "sending" already went out.

use async_imap::types::NameAttribute;
use futures::TryStreamExt;

use super::connection::{ImapError, ImapSession, Step, session_error};

/// Names mail providers use for the Sent folder when the server does not mark it `\Sent`.
const USUAL_NAMES: &[&str] = &[
    "Sent",
    "Sent Items",
    "Sent Messages",
    "INBOX.Sent",
    "[Gmail]/Sent Mail",
    "已发送",
];

/// The folder sent mail goes to: the configured one, else the one marked `\Sent`, else a usual name.
pub async fn sent_folder(session: &mut ImapSession, configured: Option<&str>) -> Result<String, ImapError> {
    if let Some(folder) = configured.filter(|f| !f.trim().is_empty()) {
        return Ok(folder.to_string());
    }
    let names: Vec<(String, bool)> = session
        .list(Some(""), Some("*"))
        .await
        .map_err(session_error)?
        .map_ok(|name| {
            let marked = name.attributes().iter().any(|a| matches!(a, NameAttribute::Sent));
            (name.name().to_string(), marked)
        })
        .try_collect()
        .await
        .map_err(session_error)?;
    if let Some((name, _)) = names.iter().find(|(_, marked)| *marked) {
        return Ok(name.clone());
    }
    USUAL_NAMES
        .iter()
        .find(|usual| names.iter().any(|(name, _)| name == *usual))
        .map(|s| (*s).to_string())
        .ok_or_else(|| {
            ImapError::new(
                Step::Folder,
                "the account has no Sent folder; choose one in the account settings",
            )
        })
}

/// Files a sent message (marked read, as mail clients do).
pub async fn append_to_sent(session: &mut ImapSession, folder: &str, raw: &[u8]) -> Result<(), ImapError> {
    session
        .append(folder, Some("(\\Seen)"), None, raw)
        .await
        .map_err(|e| ImapError::new(Step::Folder, format!("cannot file the reply in '{folder}': {e}")))
}

/// Whether `folder` holds a message with this Message-ID (without angle brackets).
pub async fn find_in_sent(session: &mut ImapSession, folder: &str, message_id: &str) -> Result<bool, ImapError> {
    if message_id.contains(['"', '\\', '\r', '\n']) {
        return Err(ImapError::new(
            Step::Settings,
            "the reply's Message-ID cannot be searched for",
        ));
    }
    session
        .examine(folder)
        .await
        .map_err(|e| ImapError::new(Step::Folder, format!("cannot open the folder '{folder}': {e}")))?;
    let found = session
        .uid_search(format!("HEADER Message-ID \"<{message_id}>\""))
        .await
        .map_err(session_error)?;
    Ok(!found.is_empty())
}
