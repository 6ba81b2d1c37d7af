//! IMAP: connecting (with step-by-step errors), read-only sync into the store, push by IDLE with a
//! polling fallback, and the Sent folder (filing replies, finding one after a crash).

mod connection;
mod sent;
mod sync;
mod watch;

pub use connection::{ImapError, ImapSession, ImapStream, STEP_TIMEOUT, Step, connect};
pub use sent::{append_to_sent, find_in_sent, sent_folder};
pub use sync::{FolderOptions, FolderReport, InitialRange, SyncProgress, source_key, sync_folder};
pub use watch::{
    AccountReport, PasswordSource, SyncEvent, keychain_password, sync_account_once, test_connection, watch_account,
};
