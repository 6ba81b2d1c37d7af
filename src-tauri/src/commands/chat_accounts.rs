//! Chat accounts: Telegram bots. The token is checked with Telegram (`getMe`) before anything is saved
//! and lives only in the OS keychain; the account keeps the bot's id and name.

use serde::{Deserialize, Serialize};
use switchboard_channels::secrets;
use switchboard_channels::telegram::{self, TelegramSettings, api::DEFAULT_API_BASE};
use switchboard_core::model::ChannelKind;
use switchboard_core::sync_state::{self, AccountStatus};
use switchboard_core::{Store, accounts};
use tauri::{AppHandle, State};

use crate::AppError;
use crate::state::AppState;
use crate::sync::SyncSupervisor;

/// The bot a token belongs to.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TelegramBot {
    pub id: i64,
    pub username: String,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TelegramAccountForm {
    pub name: String,
    /// Required for a new bot; empty keeps the stored token.
    pub token: Option<String>,
    /// A self-hosted Bot API server; empty for Telegram's own.
    pub api_base: Option<String>,
}

/// A chat account as the settings list shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChatAccountView {
    pub id: i64,
    pub channel: ChannelKind,
    pub name: String,
    /// The bot's @username.
    pub address: String,
    pub api_base: String,
    pub enabled: bool,
    pub status: Option<AccountStatus>,
    /// Messages kept aside because they could not be stored.
    pub unreadable: i64,
}

fn api_base(form: Option<&str>) -> String {
    form.map(str::trim)
        .filter(|b| !b.is_empty())
        .unwrap_or(DEFAULT_API_BASE)
        .to_string()
}

/// Asks Telegram whose token this is; nothing is saved.
#[tauri::command]
#[specta::specta]
pub async fn check_telegram_bot(token: String, api_base_url: Option<String>) -> Result<TelegramBot, AppError> {
    let settings = telegram::check_token(&api_base(api_base_url.as_deref()), &token)
        .await
        .map_err(|m| AppError::new("telegram", m))?;
    Ok(TelegramBot {
        id: settings.bot_id,
        username: settings.bot_username,
    })
}

async fn view(store: &Store, account: accounts::Account) -> Result<ChatAccountView, AppError> {
    let settings =
        TelegramSettings::from_json(&account.settings_json).map_err(|m| AppError::new("invalid_account", m))?;
    Ok(ChatAccountView {
        id: account.id,
        channel: account.channel,
        name: account.name,
        address: account.address,
        api_base: settings.api_base,
        enabled: account.enabled,
        status: sync_state::status(store.pool(), account.id).await?,
        unreadable: sync_state::unreadable_count(store.pool(), account.id).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_chat_accounts(state: State<'_, AppState>) -> Result<Vec<ChatAccountView>, AppError> {
    let store = state.store()?;
    let mut views = Vec::new();
    for account in accounts::list(store.pool()).await? {
        if account.channel == ChannelKind::Telegram {
            views.push(view(store, account).await?);
        }
    }
    Ok(views)
}

/// Adds a bot (`account_id` null) or renames one / replaces its token. The token is checked first and
/// goes to the OS keychain; without a keychain nothing is saved and the error says so.
#[tauri::command]
#[specta::specta]
pub async fn save_telegram_account(
    app: AppHandle,
    state: State<'_, AppState>,
    supervisor: State<'_, SyncSupervisor>,
    account_id: Option<i64>,
    form: TelegramAccountForm,
) -> Result<ChatAccountView, AppError> {
    let store = state.store()?;
    let workspace = store.workspace_id().await?;
    let token = form.token.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let base = api_base(form.api_base.as_deref());
    let name = form.name.trim();
    let id = match (account_id, token) {
        (None, None) => return Err(AppError::new("invalid_account", "Enter the bot token from @BotFather.")),
        (Some(id), None) => {
            let current = accounts::get(store.pool(), id).await?;
            let mut settings =
                TelegramSettings::from_json(&current.settings_json).map_err(|m| AppError::new("invalid_account", m))?;
            settings.api_base = base;
            let json = serde_json::to_string(&settings).map_err(|e| AppError::new("invalid_account", e.to_string()))?;
            accounts::update(store.pool(), id, name, &current.address, &json).await?;
            id
        }
        (existing, Some(token)) => {
            let settings = telegram::check_token(&base, token)
                .await
                .map_err(|m| AppError::new("telegram", m))?;
            let json = serde_json::to_string(&settings).map_err(|e| AppError::new("invalid_account", e.to_string()))?;
            let address = format!("@{}", settings.bot_username);
            match existing {
                Some(id) => {
                    secrets::store(secrets::account_key(&workspace, id), token.to_string())
                        .await
                        .map_err(AppError::from)?;
                    accounts::update(store.pool(), id, name, &address, &json).await?;
                    id
                }
                None => {
                    let id = accounts::create(store.pool(), ChannelKind::Telegram, name, &address, &json).await?;
                    if let Err(e) = secrets::store(secrets::account_key(&workspace, id), token.to_string()).await {
                        // Without its token the bot cannot work: undo rather than keep half an account.
                        accounts::delete(store.pool(), id).await?;
                        return Err(e.into());
                    }
                    id
                }
            }
        }
    };
    supervisor.restart(&app, store, id).await;
    view(store, accounts::get(store.pool(), id).await?).await
}
