//! Keeping an account in sync: a pass over every watched folder, then IMAP IDLE on the first folder
//! (push) or polling when the server has no IDLE; errors back off and the account heals by itself.

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::Store;
use switchboard_core::sync_state;
use switchboard_core::time::now_ms;
use tokio::sync::Notify;

use super::connection::{ImapError, ImapSession, Step, connect, session_error};
use super::sync::{FolderOptions, FolderReport, SyncProgress, sync_folder};
use crate::email::account::EmailSettings;

/// How often folders without IDLE are checked.
pub const POLL_INTERVAL: Duration = Duration::from_secs(60);
/// IDLE is renewed this often, so a silently dead connection is noticed (RFC 2177 asks for < 29 min).
const IDLE_RENEW: Duration = Duration::from_secs(9 * 60);
/// Back-off after a failure: 5 s, 10 s, 20 s, … up to 5 minutes.
const FIRST_RETRY: Duration = Duration::from_secs(5);
const MAX_RETRY: Duration = Duration::from_secs(300);

/// What a whole-account pass did, folder by folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountReport {
    pub folders: Vec<(String, FolderReport)>,
}

impl AccountReport {
    pub fn imported(&self) -> u32 {
        self.folders.iter().map(|(_, r)| r.summary.imported).sum()
    }

    pub fn tickets_created(&self) -> u32 {
        self.folders.iter().map(|(_, r)| r.summary.tickets_created).sum()
    }

    pub fn unreadable(&self) -> u32 {
        self.folders.iter().map(|(_, r)| r.unreadable).sum()
    }
}

/// What a watched account reports as it goes.
#[derive(Debug, Clone)]
pub enum SyncEvent {
    Progress(SyncProgress),
    Synced(AccountReport),
    Failed { error: ImapError, retry_in: Duration },
}

/// Reads the account's password (from the OS keychain in the app) each time it connects, so a changed
/// password takes effect without a restart.
pub type PasswordSource = Arc<dyn Fn() -> Result<String, String> + Send + Sync>;

/// The account's password from the OS keychain, read on a thread of its own (the keychain blocks and
/// the watcher calls this from async code).
pub fn keychain_password(workspace_id: &str, account_id: i64) -> PasswordSource {
    let key = crate::secrets::account_key(workspace_id, account_id);
    Arc::new(move || {
        let key = key.clone();
        std::thread::spawn(move || crate::secrets::read_blocking(&key))
            .join()
            .map_err(|_| "the keychain could not be read".to_string())?
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "no password is stored for this account; enter it in the account settings".into())
    })
}

fn password(source: &PasswordSource) -> Result<String, ImapError> {
    source().map_err(|e| ImapError::new(Step::Auth, e))
}

async fn open(settings: &EmailSettings, source: &PasswordSource) -> Result<(ImapSession, bool), ImapError> {
    let mut session = connect(&settings.imap, &settings.username, &password(source)?).await?;
    let capabilities = session.capabilities().await.map_err(session_error)?;
    // CONDSTORE makes EXAMINE report HIGHESTMODSEQ, which the folder cursor records.
    if capabilities.has_str("CONDSTORE") {
        session
            .run_command_and_check_ok("ENABLE CONDSTORE")
            .await
            .map_err(session_error)?;
    }
    Ok((session, capabilities.has_str("IDLE")))
}

async fn sync_all(
    session: &mut ImapSession,
    store: &Store,
    account_id: i64,
    settings: &EmailSettings,
    progress: &mut (dyn FnMut(SyncProgress) + Send),
) -> Result<AccountReport, ImapError> {
    let mut report = AccountReport::default();
    for folder in &settings.folders {
        let options = FolderOptions {
            initial: settings.initial_range(),
            address_is_list: settings.address_is_list,
        };
        let folder_report = sync_folder(session, store, account_id, folder, options, progress).await?;
        report.folders.push((folder.clone(), folder_report));
    }
    Ok(report)
}

/// Checks that the account's IMAP side works: connects, logs in and opens every watched folder.
pub async fn test_connection(settings: &EmailSettings, password: &str) -> Result<(), ImapError> {
    let mut session = connect(&settings.imap, &settings.username, password).await?;
    for folder in &settings.folders {
        session
            .examine(folder)
            .await
            .map_err(|e| ImapError::new(Step::Folder, format!("cannot open the folder '{folder}': {e}")))?;
    }
    let _ = session.logout().await;
    Ok(())
}

/// One pass over every watched folder (the CLI's `sync`, tests).
pub async fn sync_account_once(
    store: &Store,
    account_id: i64,
    settings: &EmailSettings,
    password: PasswordSource,
    progress: &mut (dyn FnMut(SyncProgress) + Send),
) -> Result<AccountReport, ImapError> {
    let (mut session, _) = open(settings, &password).await?;
    let report = sync_all(&mut session, store, account_id, settings, progress).await?;
    let _ = session.logout().await;
    Ok(report)
}

/// Syncs the account for as long as the future runs (abort it to stop): a full pass, then waits for
/// new mail by IDLE or polling, or until `wake` is notified ("sync now"). Failures are recorded on the
/// account and retried with back-off; the account status table always says where it stands.
pub async fn watch_account(
    store: Store,
    account_id: i64,
    settings: EmailSettings,
    password: PasswordSource,
    wake: Arc<Notify>,
    on_event: impl Fn(SyncEvent) + Send + Sync,
) {
    let mut retry = FIRST_RETRY;
    loop {
        let error = match watch_session(&store, account_id, &settings, &password, &wake, &on_event, &mut retry).await {
            Ok(never) => match never {},
            Err(error) => error,
        };
        let retry_in = if error.is_permanent() { MAX_RETRY } else { retry };
        let retry_at = now_ms() + i64::try_from(retry_in.as_millis()).unwrap_or(i64::MAX);
        tracing::warn!(account_id, error = %error.message, "sync failed; retrying in {retry_in:?}");
        if let Err(e) = sync_state::set_error(store.pool(), account_id, &error.message, retry_at).await {
            tracing::error!(account_id, "cannot record the sync error: {e}");
        }
        on_event(SyncEvent::Failed { error, retry_in });
        tokio::select! {
            () = tokio::time::sleep(retry_in) => {}
            () = wake.notified() => {}
        }
        retry = (retry * 2).min(MAX_RETRY);
    }
}

async fn watch_session(
    store: &Store,
    account_id: i64,
    settings: &EmailSettings,
    password: &PasswordSource,
    wake: &Notify,
    on_event: &(impl Fn(SyncEvent) + Send + Sync),
    retry: &mut Duration,
) -> Result<std::convert::Infallible, ImapError> {
    let record = |e: switchboard_core::Error| ImapError::new(Step::Session, e.to_string());
    sync_state::set_syncing(store.pool(), account_id, None)
        .await
        .map_err(record)?;
    let (mut session, idle) = open(settings, password).await?;
    loop {
        let mut progress = |p: SyncProgress| on_event(SyncEvent::Progress(p));
        let report = sync_all(&mut session, store, account_id, settings, &mut progress).await?;
        sync_state::set_ok(store.pool(), account_id).await.map_err(record)?;
        *retry = FIRST_RETRY;
        on_event(SyncEvent::Synced(report));
        session = wait_for_change(session, settings, idle, wake).await?;
    }
}

/// Returns when the first folder may have new mail (IDLE), the poll interval passed, or `wake` fired.
async fn wait_for_change(
    mut session: ImapSession,
    settings: &EmailSettings,
    idle: bool,
    wake: &Notify,
) -> Result<ImapSession, ImapError> {
    let Some(first) = settings.folders.first().filter(|_| idle) else {
        tokio::select! {
            () = tokio::time::sleep(POLL_INTERVAL) => {}
            () = wake.notified() => {}
        }
        session.noop().await.map_err(session_error)?;
        return Ok(session);
    };
    session
        .examine(first)
        .await
        .map_err(|e| ImapError::new(Step::Folder, format!("cannot open the folder '{first}': {e}")))?;
    // Other folders are polled: IDLE watches one folder per connection.
    let renew = if settings.folders.len() > 1 {
        POLL_INTERVAL
    } else {
        IDLE_RENEW
    };
    let mut handle = session.idle();
    handle.init().await.map_err(session_error)?;
    {
        let (wait, _stop) = handle.wait_with_timeout(renew);
        tokio::select! {
            result = wait => { result.map_err(session_error)?; }
            () = wake.notified() => {}
        }
    }
    handle.done().await.map_err(session_error)
}
