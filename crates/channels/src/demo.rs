//! The demo workspace: a bundled sample support inbox (English and Chinese), imported through the real
//! parser and ingest path so a new user sees a working app before configuring any account.

use switchboard_core::Store;
use switchboard_core::ingest::ImportSummary;

use crate::email::mbox;
use crate::import::{ImportError, MessageProblem, RawMessage, import_messages};

/// The sample mailbox; regenerate with `python3 crates/channels/demo/generate_demo_mailbox.py`.
pub const DEMO_MAILBOX: &[u8] = include_bytes!("../demo/support-inbox.mbox");

/// Setting that marks a workspace as the demo one.
pub const DEMO_SETTING: &str = "demo_workspace";

/// The demo messages, in mailbox order.
pub fn demo_messages() -> Vec<RawMessage> {
    mbox::split(DEMO_MAILBOX)
        .into_iter()
        .enumerate()
        .map(|(index, bytes)| RawMessage {
            label: format!("demo #{}", index + 1),
            bytes,
        })
        .collect()
}

/// Imports the demo mailbox into `store` (idempotent: a second run finds only duplicates).
pub async fn import_demo(
    store: &Store,
    progress: impl FnMut(usize, usize),
    problem: impl FnMut(MessageProblem),
) -> Result<ImportSummary, ImportError> {
    let summary = import_messages(store, demo_messages(), progress, problem).await?;
    store.set_setting(DEMO_SETTING, "1").await?;
    Ok(summary)
}
