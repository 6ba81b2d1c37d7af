//! The messages' full-text indexes (words and Chinese characters, FTS5) live in their own database file
//! beside the workspace and are written by their own connection, after the messages are committed.
//!
//! Why a second file: SQLite lets one connection write a file at a time, and indexing was a quarter of the
//! time spent storing a mail. In its own file the index is built on another core while the next mails
//! are stored. It is derived data: it follows the messages table by id (`indexed_to`) and by a change
//! log the workspace's triggers fill on edits and deletions (`search_changes`), and the two advance
//! together in one transaction of the index, so a crash at any point only means some work is redone.
//! A missing or unreadable file, one from another workspace or in an older format is rebuilt.
//!
//! Searches catch up first ([`SearchIndex::catch_up`]), so they always see every committed message.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::cjk_index::message_tokens;
use crate::{Error, Result};

/// File name of the index inside the data directory.
pub const INDEX_FILE: &str = "search-index.sqlite3";

/// The index's format (`PRAGMA user_version`): a file in another format is rebuilt.
const FORMAT: i64 = 1;

/// Messages indexed per transaction of the index.
const BATCH: i64 = 500;

/// A backlog from which catching up reports its progress (about a second of work here): a rebuilt
/// index, a workspace opened after an upgrade.
const REPORT_FROM: i64 = 2_000;

/// How often the background task looks for messages to index while mail is arriving; it looks less and
/// less often, down to `IDLE_POLL`, while nothing arrives (a search catches up by itself anyway).
const BUSY_POLL: Duration = Duration::from_millis(100);
const IDLE_POLL: Duration = Duration::from_secs(2);

const SCHEMA: &str = "
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    subject, body_text, author_name, author_address,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
-- Only the CJK characters of each message, separated by spaces (see cjk_index).
CREATE VIRTUAL TABLE messages_cjk USING fts5 (chars, content = '', contentless_delete = 1, tokenize = 'ascii');
CREATE TABLE index_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    workspace   TEXT    NOT NULL,
    indexed_to  INTEGER NOT NULL,
    changes_to  INTEGER NOT NULL
);
";

/// How far a long catch-up has come, in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexProgress {
    pub indexed: i64,
    pub total: i64,
}

/// The search index of one workspace. Cheap to clone.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    index: SqlitePool,
    workspace: SqlitePool,
    /// One catch-up at a time in this process (other processes wait on the index's write lock).
    writing: tokio::sync::Mutex<()>,
    /// A long catch-up's progress; `None` when there is none.
    progress: tokio::sync::watch::Sender<Option<IndexProgress>>,
}

/// A message's indexed text, as read from the workspace.
#[derive(sqlx::FromRow)]
struct MessageText {
    id: i64,
    subject: String,
    body_text: String,
    author_name: String,
    author_address: String,
}

impl SearchIndex {
    /// Opens (creating or rebuilding if needed) the index of the workspace `workspace` in `data_dir`,
    /// and keeps it caught up in the background while the workspace's pool is open.
    pub(crate) async fn open(data_dir: &Path, workspace: &SqlitePool) -> Result<SearchIndex> {
        let path = data_dir.join(INDEX_FILE);
        let workspace_id: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'workspace.id'")
            .fetch_one(workspace)
            .await?;
        let newest: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM messages")
            .fetch_one(workspace)
            .await?;
        let index = match usable(&path, &workspace_id, newest).await {
            Ok(Some(pool)) => pool,
            outcome => {
                if let Err(error) = outcome {
                    tracing::warn!(%error, "the search index is unreadable; rebuilding it");
                }
                remove(&path)?;
                let pool = connect(&path).await?;
                create(&pool, &workspace_id).await?;
                pool
            }
        };
        let search = SearchIndex {
            inner: Arc::new(Inner {
                index,
                workspace: workspace.clone(),
                writing: tokio::sync::Mutex::new(()),
                progress: tokio::sync::watch::Sender::new(None),
            }),
        };
        let background = search.clone();
        tokio::spawn(async move {
            let mut poll = BUSY_POLL;
            loop {
                tokio::time::sleep(poll).await;
                if background.is_closed() {
                    break;
                }
                poll = match background.catch_up().await {
                    Ok(0) => (poll * 2).min(IDLE_POLL),
                    Ok(_) => BUSY_POLL,
                    Err(error) => {
                        if !background.is_closed() {
                            tracing::warn!(%error, "indexing messages for search failed; retried in a moment");
                        }
                        IDLE_POLL
                    }
                };
            }
        });
        Ok(search)
    }

    fn is_closed(&self) -> bool {
        self.inner.index.is_closed() || self.inner.workspace.is_closed()
    }

    /// The index's connections (searches read the FTS tables through them).
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.inner.index
    }

    /// Indexes every message committed so far, and every edit and deletion; returns how many messages
    /// were (re)indexed.
    pub async fn catch_up(&self) -> Result<usize> {
        let _one_at_a_time = self.inner.writing.lock().await;
        let mut progress: Option<IndexProgress> = None;
        let outcome = async {
            let mut done = 0;
            while !self.is_caught_up().await? {
                if progress.is_none() {
                    let backlog = self.backlog().await?;
                    if backlog >= REPORT_FROM {
                        progress = Some(IndexProgress {
                            indexed: 0,
                            total: backlog,
                        });
                        self.inner.progress.send_replace(progress);
                    }
                }
                let indexed = self.index_batch().await?;
                done += indexed;
                if let Some(report) = &mut progress {
                    report.indexed = (report.indexed + indexed as i64).min(report.total);
                    self.inner.progress.send_replace(progress);
                }
            }
            Ok(done)
        }
        .await;
        if progress.is_some() {
            self.inner.progress.send_replace(None);
        }
        outcome
    }

    /// A long catch-up's progress as it happens (`None` between them): an index being rebuilt makes the
    /// next search wait, and the agent should see why.
    pub fn progress(&self) -> tokio::sync::watch::Receiver<Option<IndexProgress>> {
        self.inner.progress.subscribe()
    }

    /// Messages committed but not yet indexed.
    async fn backlog(&self) -> Result<i64> {
        let indexed_to: i64 = sqlx::query_scalar("SELECT indexed_to FROM index_state")
            .fetch_one(&self.inner.index)
            .await?;
        Ok(sqlx::query_scalar("SELECT count(*) FROM messages WHERE id > ?")
            .bind(indexed_to)
            .fetch_one(&self.inner.workspace)
            .await?)
    }

    /// How many messages the index holds.
    pub async fn indexed_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM messages_fts")
            .fetch_one(&self.inner.index)
            .await?)
    }

    /// Whether every committed message, edit and deletion is in the index (read only, no lock taken).
    pub async fn is_caught_up(&self) -> Result<bool> {
        let (indexed_to, changes_to): (i64, i64) = sqlx::query_as("SELECT indexed_to, changes_to FROM index_state")
            .fetch_one(&self.inner.index)
            .await?;
        let (newest, last_change): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT coalesce(max(id), 0) FROM messages), (SELECT coalesce(max(seq), 0) FROM search_changes)",
        )
        .fetch_one(&self.inner.workspace)
        .await?;
        Ok(newest <= indexed_to && last_change <= changes_to)
    }

    /// One transaction of the index: the next changes, then the next new messages.
    async fn index_batch(&self) -> Result<usize> {
        let mut tx = self.inner.index.begin_with("BEGIN IMMEDIATE").await?;
        let (indexed_to, changes_to): (i64, i64) = sqlx::query_as("SELECT indexed_to, changes_to FROM index_state")
            .fetch_one(&mut *tx)
            .await?;

        // Both reads in one snapshot of the workspace, so no change falls between them.
        let mut read = self.inner.workspace.begin().await?;
        let changes: Vec<(i64, i64)> =
            sqlx::query_as("SELECT seq, message_id FROM search_changes WHERE seq > ? ORDER BY seq LIMIT ?")
                .bind(changes_to)
                .bind(BATCH)
                .fetch_all(&mut *read)
                .await?;
        let mut changed: Vec<i64> = changes.iter().map(|(_, id)| *id).collect();
        changed.sort_unstable();
        changed.dedup();
        let changed = serde_json::to_string(&changed).map_err(|e| Error::Invalid(e.to_string()))?;
        // Changed messages still there are indexed again; those above `indexed_to` come with the new ones.
        let mut messages: Vec<MessageText> = sqlx::query_as(
            "SELECT id, subject, body_text, author_name, author_address FROM messages
             WHERE id IN (SELECT value FROM json_each(?)) AND id <= ?",
        )
        .bind(&changed)
        .bind(indexed_to)
        .fetch_all(&mut *read)
        .await?;
        let new: Vec<MessageText> = sqlx::query_as(
            "SELECT id, subject, body_text, author_name, author_address FROM messages
             WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(indexed_to)
        .bind(BATCH)
        .fetch_all(&mut *read)
        .await?;
        let newest: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM messages")
            .fetch_one(&mut *read)
            .await?;
        read.rollback().await?;

        // SQLite gives a new message the highest id plus one: when the newest messages were deleted, their
        // ids come back, and must be indexed again as new.
        let new_indexed_to = new.last().map_or(indexed_to.min(newest), |m| m.id);
        let new_changes_to = changes.last().map_or(changes_to, |(seq, _)| *seq);
        messages.extend(new);
        let count = messages.len();
        let (words, characters) = index_rows(&messages);
        sqlx::query(
            "DELETE FROM messages_fts WHERE rowid IN (SELECT value FROM json_each(?));
             DELETE FROM messages_cjk WHERE rowid IN (SELECT value FROM json_each(?));
             INSERT INTO messages_fts (rowid, subject, body_text, author_name, author_address)
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?);
             INSERT INTO messages_cjk (rowid, chars) SELECT value ->> 0, value ->> 1 FROM json_each(?);
             UPDATE index_state SET indexed_to = ?, changes_to = ?;",
        )
        .bind(&changed)
        .bind(&changed)
        .bind(words)
        .bind(characters)
        .bind(new_indexed_to)
        .bind(new_changes_to)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;

        if !changes.is_empty() {
            // The log is only read above `changes_to`: pruning it is tidying, retried with the next change.
            let pruned = async {
                let mut tx = crate::store::begin_write(&self.inner.workspace).await?;
                sqlx::query("DELETE FROM search_changes WHERE seq <= ?")
                    .bind(new_changes_to)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, Error>(())
            };
            if let Err(error) = pruned.await {
                tracing::warn!(%error, "could not prune the search change log");
            }
        }
        Ok(count)
    }

    /// Closes the index's connections (the workspace's pool is closed by the store).
    pub async fn close(&self) {
        self.inner.index.close().await;
    }
}

/// The rows for the word index and for the character index (messages with CJK text only), as JSON
/// arrays of arrays: one statement inserts each.
fn index_rows(messages: &[MessageText]) -> (String, String) {
    let words: Vec<serde_json::Value> = messages
        .iter()
        .map(|m| serde_json::json!([m.id, m.subject, m.body_text, m.author_name, m.author_address]))
        .collect();
    let characters: Vec<serde_json::Value> = messages
        .iter()
        .filter_map(|m| {
            let chars = message_tokens(&m.subject, &m.body_text, &m.author_name);
            (!chars.is_empty()).then(|| serde_json::json!([m.id, chars]))
        })
        .collect();
    (
        serde_json::Value::from(words).to_string(),
        serde_json::Value::from(characters).to_string(),
    )
}

async fn connect(path: &Path) -> Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .pragma("cache_size", "-16384")
        .pragma("mmap_size", "268435456");
    Ok(SqlitePoolOptions::new()
        .max_connections(3)
        .connect_with(options)
        .await?)
}

/// The open index at `path` if it exists, is this workspace's, in this format, and not ahead of the
/// workspace (a workspace restored from a backup); `None` when it must be rebuilt.
async fn usable(path: &Path, workspace_id: &str, newest_message: i64) -> Result<Option<SqlitePool>> {
    if !path.exists() {
        return Ok(None);
    }
    let pool = connect(path).await?;
    let check = async {
        let format: i64 = sqlx::query_scalar("PRAGMA user_version").fetch_one(&pool).await?;
        if format != FORMAT {
            return Ok::<_, Error>(false);
        }
        let state: Option<(String, i64)> = sqlx::query_as("SELECT workspace, indexed_to FROM index_state")
            .fetch_optional(&pool)
            .await?;
        Ok(matches!(state, Some((workspace, indexed_to)) if workspace == workspace_id && indexed_to <= newest_message))
    };
    match check.await {
        Ok(true) => Ok(Some(pool)),
        // Closed before the file is deleted: Windows cannot delete an open file.
        outcome => {
            pool.close().await;
            outcome.map(|_| None)
        }
    }
}

async fn create(pool: &SqlitePool, workspace_id: &str) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::raw_sql(SCHEMA).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO index_state (id, workspace, indexed_to, changes_to) VALUES (1, ?, 0, 0)")
        .bind(workspace_id)
        .execute(&mut *tx)
        .await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("PRAGMA user_version = {FORMAT}")))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes the index file and its write-ahead log.
fn remove(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&file, e)),
        }
    }
    Ok(())
}
