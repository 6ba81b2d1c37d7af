//! Account secrets (passwords, API keys, tokens) in the OS keychain — macOS Keychain, Windows Credential
//! Manager, the Secret Service on Linux — and nowhere else: never the database, a config file or a log.

/// The keychain "service" every Switchboard secret is filed under.
const SERVICE: &str = "app.switchboard.desktop";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// There is no usable keychain (no Secret Service running, a locked keychain, no access).
    #[error(
        "no keychain is available to store the password securely ({0}). On Linux, install and unlock \
         GNOME Keyring or KWallet; Switchboard never stores passwords anywhere else"
    )]
    Unavailable(String),
    #[error("the keychain refused: {0}")]
    Other(String),
}

fn entry(key: &str) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, key).map_err(classify)
}

fn classify(error: keyring::Error) -> SecretError {
    match error {
        keyring::Error::PlatformFailure(e) => SecretError::Unavailable(e.to_string()),
        keyring::Error::NoStorageAccess(e) => SecretError::Unavailable(e.to_string()),
        other => SecretError::Other(other.to_string()),
    }
}

/// The key of an account's password: scoped by workspace, so two workspaces never share entries.
pub fn account_key(workspace_id: &str, account_id: i64) -> String {
    format!("{workspace_id}/account-{account_id}")
}

/// The keychain calls block (D-Bus round trips on Linux): run them off the async runtime.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, SecretError> + Send + 'static,
) -> Result<T, SecretError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| SecretError::Other(e.to_string()))?
}

pub async fn store(key: String, secret: String) -> Result<(), SecretError> {
    blocking(move || entry(&key)?.set_password(&secret).map_err(classify)).await
}

/// The secret, or `None` when none was stored.
pub async fn read(key: String) -> Result<Option<String>, SecretError> {
    blocking(move || match entry(&key)?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    })
    .await
}

/// Synchronous read for code that is already off the async runtime.
pub fn read_blocking(key: &str) -> Result<Option<String>, SecretError> {
    match entry(key)?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    }
}

pub async fn delete(key: String) -> Result<(), SecretError> {
    blocking(move || match entry(&key)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(classify(e)),
    })
    .await
}
