//! Delivers the outbox in the background: replies wait while offline and go out when the server is
//! back. Replies a killed run left half-sent are settled first, by looking for them in the Sent folder.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use switchboard_channels::chat::{self, Delivered};
use switchboard_channels::chat_accounts;
use switchboard_channels::email::outbox_sender::{self, Delivery, Recovery};
use switchboard_channels::secrets;
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts, outbox};
use tauri::AppHandle;
use tokio::sync::Notify;

use crate::events::TicketsChanged;

/// How often the outbox is looked at when nobody rings.
const POLL: Duration = Duration::from_secs(5);
/// How often replies whose fate could not be checked are checked again.
const RECHECK: Duration = Duration::from_secs(60);

/// Rung when a reply is queued, so it leaves at once.
#[derive(Default, Clone)]
pub struct OutboxBell(pub Arc<Notify>);

/// Every account's password, read from the keychain off the async runtime.
async fn passwords(store: &Store) -> HashMap<i64, Option<String>> {
    let mut found = HashMap::new();
    let Ok(workspace) = store.workspace_id().await else {
        return found;
    };
    for account in accounts::list(store.pool()).await.unwrap_or_default() {
        let secret = secrets::read(secrets::account_key(&workspace, account.id))
            .await
            .ok()
            .flatten();
        found.insert(account.id, secret);
    }
    found
}

/// Tells the UI about one delivery; false when there is nothing (more) to send.
fn delivered(app: &AppHandle, outcome: switchboard_core::Result<Option<Delivered>>) -> bool {
    match outcome {
        Ok(Some(
            Delivered::Sent { ticket_id }
            | Delivered::WillRetry { ticket_id, .. }
            | Delivered::Failed { ticket_id, .. },
        )) => {
            TicketsChanged::notify(app, vec![ticket_id as i32]);
            true
        }
        Ok(None) => false,
        Err(error) => {
            tracing::error!(%error, "the chat outbox cannot be read");
            false
        }
    }
}

/// Sends every due Telegram and WeChat reply.
async fn deliver_chats(app: &AppHandle, store: &Store) {
    while delivered(
        app,
        chat::deliver_next(store, ChannelKind::Telegram.as_str(), async |account| {
            chat_accounts::telegram(store, account).await
        })
        .await,
    ) {}
    while delivered(
        app,
        chat::deliver_next(store, ChannelKind::Wechat.as_str(), async |account| {
            chat_accounts::wechat(store, account).await
        })
        .await,
    ) {}
}

pub fn spawn_sender(app: AppHandle, store: Store, bell: OutboxBell) {
    tauri::async_runtime::spawn(async move {
        let mut next_recovery = tokio::time::Instant::now();
        // Chat replies a killed run left half-sent continue after the parts already sent.
        for channel in [ChannelKind::Telegram, ChannelKind::Wechat] {
            if let Err(error) = chat::requeue_interrupted(&store, channel.as_str()).await {
                tracing::error!(%error, "cannot requeue interrupted chat replies");
            }
        }
        loop {
            // Keychain reads only when there is a reply to send or to settle.
            let idle = outbox::queued(store.pool(), 1).await.is_ok_and(|q| q.is_empty())
                && outbox::interrupted(store.pool(), ChannelKind::Email.as_str())
                    .await
                    .is_ok_and(|i| i.is_empty());
            if idle {
                tokio::select! {
                    () = tokio::time::sleep(POLL) => {}
                    () = bell.0.notified() => {}
                }
                continue;
            }
            deliver_chats(&app, &store).await;
            let secrets = passwords(&store).await;
            let password_for = |id: i64| Ok(secrets.get(&id).cloned().flatten());
            if tokio::time::Instant::now() >= next_recovery {
                next_recovery = tokio::time::Instant::now() + RECHECK;
                match outbox_sender::recover_interrupted(&store, password_for).await {
                    Ok(outcomes) => {
                        for outcome in outcomes {
                            match outcome {
                                Recovery::Unchecked { outbox_id, error } => {
                                    tracing::warn!(outbox_id, %error, "cannot tell yet whether an interrupted reply went out")
                                }
                                other => tracing::info!(?other, "interrupted reply settled"),
                            }
                        }
                    }
                    Err(error) => tracing::error!(%error, "cannot settle interrupted replies"),
                }
            }
            loop {
                match outbox_sender::send_next(&store, password_for).await {
                    Ok(Some(delivery)) => {
                        let ticket_id = match &delivery {
                            Delivery::Sent { ticket_id, .. }
                            | Delivery::WillRetry { ticket_id, .. }
                            | Delivery::Failed { ticket_id, .. } => *ticket_id,
                        };
                        TicketsChanged::notify(&app, vec![ticket_id as i32]);
                    }
                    Ok(None) => break,
                    Err(error) => {
                        tracing::error!(%error, "the outbox cannot be read");
                        break;
                    }
                }
            }
            tokio::select! {
                () = tokio::time::sleep(POLL) => {}
                () = bell.0.notified() => {}
            }
        }
    });
}
