//! The workspace: one SQLite database (WAL), its search index in a second one, and content-addressed
//! files beside them.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::blobs::BlobStore;
use crate::search_index::SearchIndex;
use crate::{Error, Result};

/// File name of the workspace database inside the data directory.
pub const DATABASE_FILE: &str = "workspace.sqlite3";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How often the write-ahead log is copied into the database (and the copy made durable).
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// An open workspace. Cheap to clone: the pool is shared.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    data_dir: PathBuf,
    blobs: BlobStore,
    search: SearchIndex,
    /// This process as a job-queue runner (kept alive by a heartbeat task while the pool is open).
    runner_id: std::sync::Arc<str>,
}

impl Store {
    /// Opens (creating if needed) the workspace in `data_dir` and brings its schema up to date.
    pub async fn open(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::io(data_dir, e))?;
        let db_path = data_dir.join(DATABASE_FILE);
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(&db_path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("temp_store", "memory")
            // A workspace outgrows SQLite's 2 MB default page cache within a few thousand mails; reading
            // pages through mmap and a larger cache keeps big imports and searches off read() calls.
            .pragma("cache_size", "-32768")
            .pragma("mmap_size", "268435456")
            // Checkpoints run on their own connection (below), not inside whichever commit crosses
            // the WAL's size limit: that commit used to wait for the copy and two fsyncs, a sixth of an
            // initial mail sync.
            .pragma("wal_autocheckpoint", "0");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        let search = SearchIndex::open(data_dir, &pool).await?;
        let runner_id: std::sync::Arc<str> = crate::jobs::register_runner(&pool).await?.into();
        let beat_id = runner_id.clone();
        every(&pool, Duration::from_millis(crate::jobs::HEARTBEAT_MS), move |pool| {
            let id = beat_id.clone();
            async move { crate::jobs::heartbeat(&pool, &id).await.is_ok() }
        });
        every(&pool, CHECKPOINT_EVERY, |pool| async move {
            // PASSIVE: copies what no reader still needs, beside the writers, never waiting for them.
            if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await
                && !pool.is_closed()
            {
                tracing::warn!(%error, "WAL checkpoint failed; retried in a moment");
            }
            true
        });
        Ok(Store {
            pool,
            data_dir: data_dir.to_path_buf(),
            blobs: BlobStore::new(data_dir.join("attachments")),
            search,
            runner_id,
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// This process's id as a job-queue runner.
    pub fn runner_id(&self) -> &str {
        &self.runner_id
    }

    pub fn blobs(&self) -> &BlobStore {
        &self.blobs
    }

    /// The messages' full-text index (its own file, kept caught up in the background).
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }

    /// Reads a workspace setting (never a secret).
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// The name the agent of this workspace goes by: replies are signed with it, "Mine" is what is
    /// assigned to it.
    pub async fn agent_name(&self) -> Result<String> {
        let mut conn = self.pool.acquire().await?;
        agent_name_in(&mut conn).await
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// This workspace's random identity (keychain entries are filed under it).
    pub async fn workspace_id(&self) -> Result<String> {
        self.setting("workspace.id")
            .await?
            .ok_or_else(|| Error::Invalid("the workspace has no identity (was a migration skipped?)".into()))
    }

    pub async fn account_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM accounts")
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn ticket_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM tickets")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Closes the pool so every change is checkpointed before the process exits.
    pub async fn close(&self) {
        self.search.close().await;
        self.pool.close().await;
    }
}

/// Environment variable that overrides where the workspace lives (tests, portable installs).
pub const DATA_DIR_ENV: &str = "SWITCHBOARD_DATA_DIR";

/// Bundle identifier of the desktop app; its data directory is the default workspace of the CLI too.
pub const APP_IDENTIFIER: &str = "app.switchboard.desktop";

/// Where the workspace lives: an explicit path, else `$SWITCHBOARD_DATA_DIR`, else the OS data
/// directory (`~/.local/share/app.switchboard.desktop` on Linux).
pub fn resolve_data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    dirs::data_dir()
        .map(|dir| dir.join(APP_IDENTIFIER))
        .ok_or_else(|| Error::Invalid(format!("no data directory on this system: set {DATA_DIR_ENV}")))
}

/// Starts a transaction that will write. `BEGIN IMMEDIATE` takes the write lock up front: a deferred
/// transaction that reads first and writes later fails with SQLITE_BUSY_SNAPSHOT, not a wait, when
/// another connection (the import, the classifier, the sender) committed in between.
/// [`Store::agent_name`] inside a caller's connection or transaction (rules write in the agent's name).
pub async fn agent_name_in(conn: &mut sqlx::SqliteConnection) -> Result<String> {
    let name: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'agent.name'")
        .fetch_optional(conn)
        .await?;
    Ok(name.unwrap_or_else(|| crate::tickets::DEFAULT_AGENT_NAME.into()))
}

/// Runs `task` every `period` while the workspace is open (closing the pool ends it), until it returns
/// false.
fn every<Task, Done>(pool: &SqlitePool, period: Duration, task: Task)
where
    Task: Fn(SqlitePool) -> Done + Send + 'static,
    Done: std::future::Future<Output = bool> + Send,
{
    let pool = pool.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            if pool.is_closed() || !task(pool.clone()).await {
                break;
            }
        }
    });
}

pub async fn begin_write(pool: &SqlitePool) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}
