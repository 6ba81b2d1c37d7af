//! Chat accounts: Telegram bots and WeChat customer-service accounts (WeCom). Credentials are checked with
//! the platform before anything is saved and live only in the OS keychain.

use serde::{Deserialize, Serialize};
use switchboard_channels::secrets;
use switchboard_channels::telegram::{self, TelegramSettings, api::DEFAULT_API_BASE};
use switchboard_channels::wecom::{self, WecomSettings};
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
    /// The bot's @username, or the WeChat account's open_kfid.
    pub address: String,
    pub api_base: String,
    /// WeChat only: the corp the customer-service account belongs to.
    pub corp_id: Option<String>,
    pub enabled: bool,
    pub status: Option<AccountStatus>,
    /// Messages kept aside because they could not be stored.
    pub unreadable: i64,
}

/// The API address the form names, else the platform's own.
fn api_base(form: Option<&str>, default: &str) -> String {
    form.map(str::trim)
        .filter(|b| !b.is_empty())
        .unwrap_or(default)
        .to_string()
}

/// Asks Telegram whose token this is; nothing is saved.
#[tauri::command]
#[specta::specta]
pub async fn check_telegram_bot(token: String, api_base_url: Option<String>) -> Result<TelegramBot, AppError> {
    let settings = telegram::check_token(&api_base(api_base_url.as_deref(), DEFAULT_API_BASE), &token)
        .await
        .map_err(|m| AppError::new("telegram", m))?;
    Ok(TelegramBot {
        id: settings.bot_id,
        username: settings.bot_username,
    })
}

async fn view(store: &Store, account: accounts::Account) -> Result<ChatAccountView, AppError> {
    let invalid = |m: String| AppError::new("invalid_account", m);
    let (api_base, corp_id) = match account.channel {
        ChannelKind::Wechat => {
            let settings = WecomSettings::from_json(&account.settings_json).map_err(invalid)?;
            (settings.api_base, Some(settings.corp_id))
        }
        _ => (
            TelegramSettings::from_json(&account.settings_json)
                .map_err(invalid)?
                .api_base,
            None,
        ),
    };
    Ok(ChatAccountView {
        id: account.id,
        channel: account.channel,
        name: account.name,
        address: account.address,
        api_base,
        corp_id,
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
        if matches!(account.channel, ChannelKind::Telegram | ChannelKind::Wechat) {
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
    let base = api_base(form.api_base.as_deref(), DEFAULT_API_BASE);
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

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WechatAccountForm {
    pub name: String,
    /// 企业ID, from the WeCom admin console (My company).
    pub corp_id: String,
    /// The 微信客服 account's open_kfid.
    pub open_kfid: String,
    /// The customer-service app's secret; empty keeps the stored one.
    pub secret: Option<String>,
    /// Empty for WeCom's own API address.
    pub api_base: Option<String>,
}

impl WechatAccountForm {
    fn settings(&self) -> WecomSettings {
        WecomSettings {
            api_base: api_base(self.api_base.as_deref(), wecom::api::DEFAULT_API_BASE),
            corp_id: self.corp_id.trim().to_string(),
            open_kfid: self.open_kfid.trim().to_string(),
        }
    }
}

/// The secret the form carries, else the account's stored one.
async fn wechat_secret(store: &Store, account_id: Option<i64>, form: &WechatAccountForm) -> Result<String, AppError> {
    if let Some(secret) = form.secret.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(secret.to_string());
    }
    let Some(id) = account_id else {
        return Err(AppError::new(
            "invalid_account",
            "Enter the customer-service app's secret.",
        ));
    };
    let workspace = store.workspace_id().await?;
    secrets::read(secrets::account_key(&workspace, id))
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::new("invalid_account", "Enter the customer-service app's secret."))
}

/// Checks a WeChat customer-service account with WeCom (token, then one read of its messages).
#[tauri::command]
#[specta::specta]
pub async fn check_wechat_account(
    state: State<'_, AppState>,
    account_id: Option<i64>,
    form: WechatAccountForm,
) -> Result<(), AppError> {
    let secret = wechat_secret(state.store()?, account_id, &form).await?;
    wecom::check(&form.settings(), &secret)
        .await
        .map_err(|m| AppError::new("wechat", m))
}

/// Adds or edits a WeChat customer-service account after checking it; the secret goes to the keychain.
#[tauri::command]
#[specta::specta]
pub async fn save_wechat_account(
    app: AppHandle,
    state: State<'_, AppState>,
    supervisor: State<'_, SyncSupervisor>,
    account_id: Option<i64>,
    form: WechatAccountForm,
) -> Result<ChatAccountView, AppError> {
    let store = state.store()?;
    let secret = wechat_secret(store, account_id, &form).await?;
    let settings = form.settings();
    wecom::check(&settings, &secret)
        .await
        .map_err(|m| AppError::new("wechat", m))?;
    let json = serde_json::to_string(&settings).map_err(|e| AppError::new("invalid_account", e.to_string()))?;
    let workspace = store.workspace_id().await?;
    let name = form.name.trim();
    let id = match account_id {
        Some(id) => {
            secrets::store(secrets::account_key(&workspace, id), secret)
                .await
                .map_err(AppError::from)?;
            accounts::update(store.pool(), id, name, &settings.open_kfid, &json).await?;
            id
        }
        None => {
            let id = accounts::create(store.pool(), ChannelKind::Wechat, name, &settings.open_kfid, &json).await?;
            if let Err(e) = secrets::store(secrets::account_key(&workspace, id), secret).await {
                accounts::delete(store.pool(), id).await?;
                return Err(e.into());
            }
            id
        }
    };
    supervisor.restart(&app, store, id).await;
    view(store, accounts::get(store.pool(), id).await?).await
}

/// Whether WeChat still accepts replies on a ticket: until when, and how many more.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReplyWindow {
    /// When the 48-hour window after the customer's last message closes (unix ms).
    pub closes_at: i64,
    /// Replies WeChat still accepts before the customer writes again (of 5).
    pub replies_left: i64,
}

/// The reply window of a WeChat ticket; `None` for other channels.
#[tauri::command]
#[specta::specta]
pub async fn chat_reply_window(state: State<'_, AppState>, ticket_id: i64) -> Result<Option<ReplyWindow>, AppError> {
    let window = switchboard_core::chat_sync::reply_window(
        state.store()?.pool(),
        ticket_id,
        ChannelKind::Wechat,
        wecom::REPLY_WINDOW_MS,
        wecom::REPLIES_PER_MESSAGE as i64,
    )
    .await?;
    let Some((closes_at, replies_left)) = window else {
        return Ok(None);
    };
    Ok(Some(ReplyWindow {
        closes_at,
        replies_left,
    }))
}
