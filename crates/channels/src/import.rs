//! Importing mail from files: one `.eml`, a directory of them, or an `.mbox`. Each message goes through
//! the real ingest path; a broken message is reported and skipped, never aborts the import.

use std::path::{Path, PathBuf};

use sqlx::Acquire;
use switchboard_core::Store;
use switchboard_core::ingest::{ImportSummary, ingest_in};

use crate::email::{mbox, parse_message};

/// One message of an import, before parsing, with a label for error reports.
pub struct RawMessage {
    pub label: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} contains no email messages", .0.display())]
    Empty(PathBuf),
    #[error(transparent)]
    Store(#[from] switchboard_core::Error),
}

/// A problem with a single message, reported while the import goes on.
#[derive(Debug, Clone)]
pub struct MessageProblem {
    pub label: String,
    pub error: String,
}

/// Reads every message under `path`: an mbox file, a single message file, or a directory (recursively,
/// `.eml`/`.mbox`/`.msg`-less files included when they look like mail).
pub fn read_path(path: &Path) -> Result<Vec<RawMessage>, ImportError> {
    let read_err = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_err)?;
    let mut out = Vec::new();
    if metadata.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(read_err)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            if entry.is_dir() || has_mail_extension(&entry) {
                out.extend(read_path(&entry)?);
            }
        }
        return Ok(out);
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let label = path.display().to_string();
    if mbox::looks_like_mbox(&bytes) {
        for (index, message) in mbox::split(&bytes).into_iter().enumerate() {
            out.push(RawMessage {
                label: format!("{label} #{}", index + 1),
                bytes: message,
            });
        }
    } else {
        out.push(RawMessage { label, bytes });
    }
    Ok(out)
}

fn has_mail_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["eml", "mbox", "mbx", "txt"].contains(&e.to_ascii_lowercase().as_str()))
}

/// Messages committed together: one transaction per batch keeps bulk imports fast, and a savepoint
/// per message keeps a bad one from taking its batch down. A crash loses at most the open batch,
/// which the next run imports again (duplicates are recognised).
const BATCH: usize = 250;

/// Parses and ingests `messages`, calling `progress(done, total)` after each and `problem` for each
/// message that could not be imported.
pub async fn import_messages(
    store: &Store,
    messages: Vec<RawMessage>,
    mut progress: impl FnMut(usize, usize),
    mut problem: impl FnMut(MessageProblem),
) -> Result<ImportSummary, ImportError> {
    let total = messages.len();
    let mut summary = ImportSummary::default();
    let mut done = 0;
    let mut messages = messages.into_iter().peekable();
    while messages.peek().is_some() {
        let mut tx = switchboard_core::store::begin_write(store.pool()).await?;
        for raw in messages.by_ref().take(BATCH) {
            match parse_message(&raw.bytes) {
                Ok(message) => {
                    let mut savepoint = (&mut *tx).begin().await.map_err(switchboard_core::Error::from)?;
                    match ingest_in(&mut savepoint, store.blobs(), &message).await {
                        Ok(outcome) => {
                            savepoint.commit().await.map_err(switchboard_core::Error::from)?;
                            summary.count(outcome);
                        }
                        // A broken database is fatal; a message the store refuses is one problem among many.
                        Err(switchboard_core::Error::Invalid(reason)) => {
                            savepoint.rollback().await.map_err(switchboard_core::Error::from)?;
                            summary.failed += 1;
                            problem(MessageProblem {
                                label: raw.label,
                                error: reason,
                            });
                        }
                        Err(other) => return Err(other.into()),
                    }
                }
                Err(error) => {
                    summary.failed += 1;
                    problem(MessageProblem {
                        label: raw.label,
                        error: error.to_string(),
                    });
                }
            }
            done += 1;
            progress(done, total);
        }
        tx.commit().await.map_err(switchboard_core::Error::from)?;
    }
    Ok(summary)
}

/// Imports everything under `path`; see [`read_path`] and [`import_messages`].
pub async fn import_path(
    store: &Store,
    path: &Path,
    progress: impl FnMut(usize, usize),
    problem: impl FnMut(MessageProblem),
) -> Result<ImportSummary, ImportError> {
    let messages = read_path(path)?;
    if messages.is_empty() {
        return Err(ImportError::Empty(path.to_path_buf()));
    }
    import_messages(store, messages, progress, problem).await
}
