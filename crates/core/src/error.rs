use std::path::PathBuf;

/// Errors of the domain and the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not upgrade the workspace database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("could not access {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("ticket {0} does not exist")]
    TicketNotFound(i64),
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// A stable machine-readable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Database(_) | Error::Migrate(_) => "database",
            Error::Io { .. } => "io",
            Error::TicketNotFound(_) => "not_found",
            Error::Invalid(_) => "invalid_input",
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
