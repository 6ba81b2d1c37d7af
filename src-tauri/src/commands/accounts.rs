//! Email accounts: presets, add/edit (password to the OS keychain only), test connection, remove,
//! sync now. Sync itself runs in the background (see `crate::sync`).

use serde::{Deserialize, Serialize};
use switchboard_channels::email::account::{EmailSettings, Security, ServerSettings};
use switchboard_channels::email::{imap, presets, smtp};
use switchboard_channels::secrets;
use switchboard_core::model::ChannelKind;
use switchboard_core::sync_state::{self, AccountStatus};
use switchboard_core::{Store, accounts};
use tauri::{AppHandle, State};

use crate::AppError;
use crate::state::AppState;
use crate::sync::SyncSupervisor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ServerSecurity {
    Tls,
    StartTls,
    Plain,
}

impl From<ServerSecurity> for Security {
    fn from(value: ServerSecurity) -> Security {
        match value {
            ServerSecurity::Tls => Security::Tls,
            ServerSecurity::StartTls => Security::StartTls,
            ServerSecurity::Plain => Security::Plain,
        }
    }
}

impl From<Security> for ServerSecurity {
    fn from(value: Security) -> ServerSecurity {
        match value {
            Security::Tls => ServerSecurity::Tls,
            Security::StartTls => ServerSecurity::StartTls,
            Security::Plain => ServerSecurity::Plain,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MailServer {
    pub host: String,
    pub port: u16,
    pub security: ServerSecurity,
}

impl From<&MailServer> for ServerSettings {
    fn from(value: &MailServer) -> ServerSettings {
        ServerSettings {
            host: value.host.trim().to_string(),
            port: value.port,
            security: value.security.into(),
        }
    }
}

impl From<&ServerSettings> for MailServer {
    fn from(value: &ServerSettings) -> MailServer {
        MailServer {
            host: value.host.clone(),
            port: value.port,
            security: value.security.into(),
        }
    }
}

/// What the account form edits.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EmailAccountForm {
    /// The account's label in the app ("Support", "Billing").
    pub name: String,
    /// The address customers write to.
    pub address: String,
    /// The name replies are signed with in the From header.
    pub display_name: String,
    pub username: String,
    /// A new password; `null` keeps the one in the keychain (when editing).
    pub password: Option<String>,
    pub imap: MailServer,
    pub smtp: MailServer,
    pub signature: String,
    pub folders: Vec<String>,
    /// How far back the first sync reaches; `null` for all mail.
    pub initial_sync_days: Option<u32>,
    /// `null` finds the folder the server marks as Sent.
    pub sent_folder: Option<String>,
    /// The address is a mailing list or group (a Google Group): list headers do not make its mail noise.
    pub address_is_list: bool,
    /// This account's customer text never goes to a cloud model (the offline model classifies it).
    pub local_ai_only: bool,
}

impl EmailAccountForm {
    fn settings(&self) -> Result<EmailSettings, AppError> {
        let folders: Vec<String> = self
            .folders
            .iter()
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        let settings = EmailSettings {
            imap: (&self.imap).into(),
            smtp: (&self.smtp).into(),
            username: self.username.trim().to_string(),
            display_name: self.display_name.trim().to_string(),
            signature: self.signature.clone(),
            folders: if folders.is_empty() {
                vec!["INBOX".into()]
            } else {
                folders
            },
            initial_sync_days: self.initial_sync_days.filter(|d| *d > 0),
            sent_folder: self.sent_folder.clone().filter(|f| !f.trim().is_empty()),
            address_is_list: self.address_is_list,
        };
        let invalid = |m: &str| Err(AppError::new("invalid_account", m));
        if !self.address.contains('@') {
            return invalid("The email address is not valid.");
        }
        if settings.imap.host.is_empty() || settings.smtp.host.is_empty() {
            return invalid("Both the IMAP and the SMTP server are needed.");
        }
        if settings.username.is_empty() {
            return invalid("The user name is needed (often the email address).");
        }
        for server in [&settings.imap, &settings.smtp] {
            server
                .check_security()
                .map_err(|m| AppError::new("invalid_account", m))?;
        }
        Ok(settings)
    }
}

/// An account as the settings screen shows it (never with its password).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EmailAccountView {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub display_name: String,
    pub username: String,
    pub imap: MailServer,
    pub smtp: MailServer,
    pub signature: String,
    pub folders: Vec<String>,
    pub initial_sync_days: Option<u32>,
    pub sent_folder: Option<String>,
    pub address_is_list: bool,
    pub local_ai_only: bool,
    pub enabled: bool,
    pub status: Option<AccountStatus>,
    /// Mail kept aside because it could not be read.
    pub unreadable: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EmailPreset {
    pub id: String,
    pub label: String,
    pub domains: Vec<String>,
    pub imap: MailServer,
    pub smtp: MailServer,
    pub note: String,
}

/// The outcome of one side of "Test connection".
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub ok: bool,
    /// Which step failed: settings, dns, tcp, tls, greeting, auth, folder, send.
    pub step: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    pub imap: CheckResult,
    pub smtp: CheckResult,
}

async fn view(store: &Store, account: accounts::Account) -> Result<EmailAccountView, AppError> {
    let settings = EmailSettings::from_json(&account.settings_json).map_err(|m| AppError::new("invalid_account", m))?;
    Ok(EmailAccountView {
        id: account.id,
        name: account.name,
        address: account.address,
        display_name: settings.display_name,
        username: settings.username,
        imap: (&settings.imap).into(),
        smtp: (&settings.smtp).into(),
        signature: settings.signature,
        folders: settings.folders,
        initial_sync_days: settings.initial_sync_days,
        sent_folder: settings.sent_folder,
        address_is_list: settings.address_is_list,
        local_ai_only: accounts::local_ai_only(store.pool(), account.id).await?,
        enabled: account.enabled,
        status: sync_state::status(store.pool(), account.id).await?,
        unreadable: sync_state::unreadable_count(store.pool(), account.id).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub fn email_presets() -> Vec<EmailPreset> {
    presets::presets()
        .into_iter()
        .map(|p| EmailPreset {
            id: p.id.into(),
            label: p.label.into(),
            domains: p.domains.iter().map(|d| (*d).to_string()).collect(),
            imap: (&p.imap).into(),
            smtp: (&p.smtp).into(),
            note: p.note.into(),
        })
        .collect()
}

#[tauri::command]
#[specta::specta]
pub async fn list_email_accounts(state: State<'_, AppState>) -> Result<Vec<EmailAccountView>, AppError> {
    let store = state.store()?;
    let mut views = Vec::new();
    for account in accounts::list(store.pool()).await? {
        if account.channel == ChannelKind::Email {
            views.push(view(store, account).await?);
        }
    }
    Ok(views)
}

/// Tries IMAP (login + every folder) and SMTP (login) with the form's settings. The password is the
/// form's, or the stored one of `account_id` when the form leaves it empty.
#[tauri::command]
#[specta::specta]
pub async fn test_email_account(
    state: State<'_, AppState>,
    form: EmailAccountForm,
    account_id: Option<i64>,
) -> Result<ConnectionCheck, AppError> {
    let workspace = state.store()?.workspace_id().await?;
    let settings = form.settings()?;
    let password = match (&form.password, account_id) {
        (Some(p), _) if !p.is_empty() => p.clone(),
        (_, Some(id)) => secrets::read(secrets::account_key(&workspace, id))
            .await
            .map_err(AppError::from)?
            .unwrap_or_default(),
        _ => {
            return Err(AppError::new(
                "invalid_account",
                "Enter the password to test the connection.",
            ));
        }
    };
    let imap = match imap::test_connection(&settings, &password).await {
        Ok(()) => CheckResult {
            ok: true,
            step: None,
            message: format!(
                "Logged in to {} and opened {}.",
                settings.imap.host,
                settings.folders.join(", ")
            ),
        },
        Err(e) => CheckResult {
            ok: false,
            step: Some(format!("{:?}", e.step).to_lowercase()),
            message: e.message,
        },
    };
    let smtp = match smtp::test_login(&settings.smtp, &settings.username, &password).await {
        Ok(()) => CheckResult {
            ok: true,
            step: None,
            message: format!("Logged in to {}.", settings.smtp.host),
        },
        Err(e) => CheckResult {
            ok: false,
            step: Some("send".into()),
            message: e.to_string(),
        },
    };
    Ok(ConnectionCheck { imap, smtp })
}

/// Creates (`account_id` null) or updates an account. The password goes to the OS keychain; if no
/// keychain is available nothing is saved and the error says so.
#[tauri::command]
#[specta::specta]
pub async fn save_email_account(
    app: AppHandle,
    state: State<'_, AppState>,
    supervisor: State<'_, SyncSupervisor>,
    account_id: Option<i64>,
    form: EmailAccountForm,
) -> Result<EmailAccountView, AppError> {
    let store = state.store()?;
    let settings = form.settings()?;
    let json = serde_json::to_string(&settings).map_err(|e| AppError::new("invalid_account", e.to_string()))?;
    let password = form.password.clone().filter(|p| !p.is_empty());
    let workspace = store.workspace_id().await?;
    let id = match account_id {
        Some(id) => {
            if let Some(password) = password {
                secrets::store(secrets::account_key(&workspace, id), password)
                    .await
                    .map_err(AppError::from)?;
            }
            accounts::update(store.pool(), id, form.name.trim(), form.address.trim(), &json).await?;
            id
        }
        None => {
            let password = password.ok_or_else(|| AppError::new("invalid_account", "Enter the account's password."))?;
            let id = accounts::create(
                store.pool(),
                ChannelKind::Email,
                form.name.trim(),
                form.address.trim(),
                &json,
            )
            .await?;
            if let Err(e) = secrets::store(secrets::account_key(&workspace, id), password).await {
                // Without its password the account cannot work: undo rather than keep half an account.
                accounts::delete(store.pool(), id).await?;
                return Err(e.into());
            }
            id
        }
    };
    accounts::set_local_ai_only(store.pool(), id, form.local_ai_only).await?;
    supervisor.restart(&app, store, id).await;
    view(store, accounts::get(store.pool(), id).await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_email_account(
    state: State<'_, AppState>,
    supervisor: State<'_, SyncSupervisor>,
    account_id: i64,
) -> Result<(), AppError> {
    let store = state.store()?;
    let workspace = store.workspace_id().await?;
    supervisor.stop(account_id).await;
    accounts::delete(store.pool(), account_id).await?;
    secrets::delete(secrets::account_key(&workspace, account_id))
        .await
        .map_err(AppError::from)?;
    Ok(())
}

/// Checks the account for new mail now instead of waiting for push or the next poll.
#[tauri::command]
#[specta::specta]
pub async fn sync_account_now(supervisor: State<'_, SyncSupervisor>, account_id: i64) -> Result<(), AppError> {
    supervisor.wake(account_id).await;
    Ok(())
}
