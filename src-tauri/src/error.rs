//! The one error shape the UI receives: `{ code, message }`. The UI branches on `code` and shows
//! `message`, which is written for people.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<switchboard_core::Error> for AppError {
    fn from(error: switchboard_core::Error) -> Self {
        tracing::warn!(%error, "command failed");
        AppError::new(error.code(), error.to_string())
    }
}

impl From<switchboard_channels::import::ImportError> for AppError {
    fn from(error: switchboard_channels::import::ImportError) -> Self {
        use switchboard_channels::import::ImportError;
        match error {
            ImportError::Store(inner) => inner.into(),
            other => AppError::new("import", other.to_string()),
        }
    }
}

impl From<switchboard_channels::secrets::SecretError> for AppError {
    fn from(error: switchboard_channels::secrets::SecretError) -> Self {
        use switchboard_channels::secrets::SecretError;
        let code = match error {
            SecretError::Unavailable(_) => "keychain_unavailable",
            SecretError::Other(_) => "keychain",
        };
        AppError::new(code, error.to_string())
    }
}
