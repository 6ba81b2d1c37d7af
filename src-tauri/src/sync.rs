//! Runs one sync task per enabled email account, Telegram bot and WeChat customer-service account: a slow or broken account never blocks another. Each
//! task heals itself (see `imap::watch_account`); saving an account restarts its task with the new
//! settings, removing it stops it.

use std::collections::HashMap;
use std::sync::Arc;

use switchboard_channels::channel::Channel;
use switchboard_channels::chat::{self, WatchEvent};
use switchboard_channels::email::account::EmailSettings;
use switchboard_channels::email::imap::{self, SyncEvent};
use switchboard_channels::secrets;
use switchboard_channels::telegram::{TelegramChannel, TelegramSettings};
use switchboard_channels::wecom::{WecomChannel, WecomSettings};
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts};
use tauri::AppHandle;
use tauri::async_runtime::{JoinHandle, Mutex};
use tokio::sync::Notify;

use crate::events::{AccountSync, TicketsChanged};

struct Watcher {
    task: JoinHandle<()>,
    wake: Arc<Notify>,
}

#[derive(Default)]
pub struct SyncSupervisor {
    watchers: Mutex<HashMap<i64, Watcher>>,
}

impl SyncSupervisor {
    /// Starts every enabled email account (at app start).
    pub async fn start_all(&self, app: &AppHandle, store: &Store) {
        match accounts::list(store.pool()).await {
            Ok(list) => {
                for account in list
                    .into_iter()
                    .filter(|a| a.enabled && a.channel != ChannelKind::Phone)
                {
                    self.restart(app, store, account.id).await;
                }
            }
            Err(error) => tracing::error!(%error, "cannot list the accounts to sync"),
        }
    }

    /// (Re)starts the account's sync with its current settings.
    pub async fn restart(&self, app: &AppHandle, store: &Store, account_id: i64) {
        self.stop(account_id).await;
        let account = match accounts::get(store.pool(), account_id).await {
            Ok(account) if account.enabled => account,
            Ok(_) => return,
            Err(error) => return tracing::error!(%error, account_id, "cannot start the account's sync"),
        };
        match account.channel {
            ChannelKind::Telegram => return self.start_telegram(app, store, &account).await,
            ChannelKind::Wechat => return self.start_wechat(app, store, &account).await,
            _ => {}
        }
        let settings = match EmailSettings::from_json(&account.settings_json) {
            Ok(settings) => settings,
            Err(error) => return tracing::error!(%error, account_id, "the account's settings are unreadable"),
        };
        let workspace = match store.workspace_id().await {
            Ok(id) => id,
            Err(error) => return tracing::error!(%error, "cannot start the account's sync"),
        };
        let wake = Arc::new(Notify::new());
        let handle = app.clone();
        let task = tauri::async_runtime::spawn(imap::watch_account(
            store.clone(),
            account_id,
            settings,
            imap::keychain_password(&workspace, account_id),
            wake.clone(),
            move |event| on_event(&handle, account_id, event),
        ));
        self.watchers.lock().await.insert(account_id, Watcher { task, wake });
    }

    /// A Telegram bot: long polling with the token from the keychain (read afresh after a failure).
    async fn start_telegram(&self, app: &AppHandle, store: &Store, account: &accounts::Account) {
        let settings = match TelegramSettings::from_json(&account.settings_json) {
            Ok(settings) => settings,
            Err(error) => return tracing::error!(%error, account.id, "the bot's settings are unreadable"),
        };
        let account_id = account.id;
        self.start_chat(app, store, account_id, move |token: String| {
            TelegramChannel::new(&settings, &token, account_id)
        })
        .await;
    }

    /// A WeChat customer-service account: sync_msg polling with the secret from the keychain.
    async fn start_wechat(&self, app: &AppHandle, store: &Store, account: &accounts::Account) {
        let settings = match WecomSettings::from_json(&account.settings_json) {
            Ok(settings) => settings,
            Err(error) => return tracing::error!(%error, account.id, "the WeChat account's settings are unreadable"),
        };
        let account_id = account.id;
        self.start_chat(app, store, account_id, move |secret: String| {
            WecomChannel::new(&settings, &secret, account_id)
        })
        .await;
    }

    /// Watches a chat account whose channel `make` builds from the secret in the keychain.
    async fn start_chat<C: Channel + Send + 'static>(
        &self,
        app: &AppHandle,
        store: &Store,
        account_id: i64,
        make: impl Fn(String) -> Result<C, String> + Send + Sync + 'static,
    ) {
        let workspace = match store.workspace_id().await {
            Ok(id) => id,
            Err(error) => return tracing::error!(%error, "cannot start the account's sync"),
        };
        let wake = Arc::new(Notify::new());
        let handle = app.clone();
        let open = async move || -> Result<C, String> {
            let secret = secrets::read(secrets::account_key(&workspace, account_id))
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    "the account's secret is not in the keychain; enter it again in Settings → Accounts".to_string()
                })?;
            make(secret)
        };
        let task = tauri::async_runtime::spawn(chat::watch(
            store.clone(),
            account_id,
            open,
            wake.clone(),
            move |event| on_chat_event(&handle, account_id, event),
        ));
        self.watchers.lock().await.insert(account_id, Watcher { task, wake });
    }

    pub async fn stop(&self, account_id: i64) {
        if let Some(watcher) = self.watchers.lock().await.remove(&account_id) {
            watcher.task.abort();
        }
    }

    pub async fn wake(&self, account_id: i64) {
        if let Some(watcher) = self.watchers.lock().await.get(&account_id) {
            watcher.wake.notify_one();
        }
    }
}

fn on_chat_event(app: &AppHandle, account_id: i64, event: WatchEvent) {
    let (state, message) = match event {
        WatchEvent::Pulled(pulled) => {
            if !pulled.touched.is_empty() {
                TicketsChanged::notify(app, pulled.touched.iter().map(|&id| id as i32).collect());
            }
            // Every successful poll says the account is connected (also after it recovered).
            ("ok", None)
        }
        WatchEvent::Failed { error, .. } => ("error", Some(error)),
    };
    AccountSync {
        account_id,
        state: state.into(),
        message,
        folder: None,
        done: 0,
        total: 0,
    }
    .notify(app);
}

fn on_event(app: &AppHandle, account_id: i64, event: SyncEvent) {
    let update = match event {
        SyncEvent::Progress(p) => AccountSync {
            account_id,
            state: "syncing".into(),
            message: None,
            folder: Some(p.folder),
            done: p.done as u32,
            total: p.total as u32,
        },
        SyncEvent::Synced(report) => {
            if report.imported() > 0 {
                TicketsChanged::notify(app, Vec::new());
            }
            AccountSync {
                account_id,
                state: "ok".into(),
                message: None,
                folder: None,
                done: 0,
                total: 0,
            }
        }
        SyncEvent::Failed { error, .. } => AccountSync {
            account_id,
            state: "error".into(),
            message: Some(error.message),
            folder: None,
            done: 0,
            total: 0,
        },
    };
    update.notify(app);
}
