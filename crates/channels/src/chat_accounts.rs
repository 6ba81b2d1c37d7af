//! Opening a chat account's channel: its settings from the store and its secret from the OS keychain.
//! The desktop app and the CLI open accounts the same way.

use switchboard_core::Store;
use switchboard_core::accounts::{self, Account};
use switchboard_core::model::ChannelKind;

use crate::secrets;
use crate::telegram::{TelegramChannel, TelegramSettings};
use crate::wecom::{WecomChannel, WecomSettings};

/// The account a chat reply goes out from (its own, else the channel's default) and its keychain secret.
pub async fn with_secret(
    store: &Store,
    channel: ChannelKind,
    account_id: Option<i64>,
) -> Result<(Account, String), String> {
    let account = match account_id {
        Some(id) => accounts::get(store.pool(), id).await.map_err(|e| e.to_string())?,
        None => accounts::default_for(store.pool(), channel)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| {
                format!(
                    "no {} account is set up to answer from; add one in Settings → Accounts",
                    channel.as_str()
                )
            })?,
    };
    let workspace = store.workspace_id().await.map_err(|e| e.to_string())?;
    let secret = secrets::read(secrets::account_key(&workspace, account.id))
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            "the account's secret is not in the keychain; enter it again in Settings → Accounts".to_string()
        })?;
    Ok((account, secret))
}

pub async fn telegram(store: &Store, account: Option<i64>) -> Result<TelegramChannel, String> {
    let (account, token) = with_secret(store, ChannelKind::Telegram, account).await?;
    TelegramChannel::new(
        &TelegramSettings::from_json(&account.settings_json)?,
        &token,
        account.id,
    )
}

pub async fn wechat(store: &Store, account: Option<i64>) -> Result<WecomChannel, String> {
    let (account, secret) = with_secret(store, ChannelKind::Wechat, account).await?;
    WecomChannel::new(&WecomSettings::from_json(&account.settings_json)?, &secret, account.id)
}
