//! Channel sync bookkeeping: per-folder cursors (moved in the same transaction as the messages they
//! cover), the account status the agent sees, and mail kept aside because it could not be read.

use sqlx::{SqliteConnection, SqlitePool};

use crate::Result;
use crate::time::now_ms;

/// How far a folder has been synced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct FolderCursor {
    pub uidvalidity: i64,
    pub last_uid: i64,
    pub highest_modseq: Option<i64>,
}

pub async fn folder_cursor(conn: &mut SqliteConnection, account_id: i64, folder: &str) -> Result<Option<FolderCursor>> {
    Ok(sqlx::query_as(
        "SELECT uidvalidity, last_uid, highest_modseq FROM sync_folders WHERE account_id = ? AND folder = ?",
    )
    .bind(account_id)
    .bind(folder)
    .fetch_optional(conn)
    .await?)
}

pub async fn save_folder_cursor(
    conn: &mut SqliteConnection,
    account_id: i64,
    folder: &str,
    cursor: FolderCursor,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_folders (account_id, folder, uidvalidity, last_uid, highest_modseq, synced_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity,
             last_uid = excluded.last_uid, highest_modseq = excluded.highest_modseq, synced_at = excluded.synced_at",
    )
    .bind(account_id)
    .bind(folder)
    .bind(cursor.uidvalidity)
    .bind(cursor.last_uid)
    .bind(cursor.highest_modseq)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether a message with this Message-ID already came in through `account_id` (to re-match a folder
/// whose UIDs were reset instead of downloading it again).
pub async fn account_has_message_id(conn: &mut SqliteConnection, account_id: i64, message_id: &str) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM messages WHERE channel_message_id = ? AND account_id = ? AND direction = 'inbound' LIMIT 1",
    )
    .bind(message_id)
    .bind(account_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Keeps mail that could not be turned into a message; its raw bytes are already in the blob store.
pub async fn record_unreadable(
    conn: &mut SqliteConnection,
    account_id: i64,
    source_key: &str,
    blob_sha256: &str,
    error: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO unreadable_messages (account_id, source_key, blob_sha256, error, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING",
    )
    .bind(account_id)
    .bind(source_key)
    .bind(blob_sha256)
    .bind(error)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn unreadable_count(pool: &SqlitePool, account_id: i64) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM unreadable_messages WHERE account_id = ?")
            .bind(account_id)
            .fetch_one(pool)
            .await?,
    )
}

/// What an account's sync is doing, as the agent sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AccountStatus {
    pub account_id: i64,
    /// `syncing`, `ok` or `error`.
    pub state: String,
    /// The error in plain words when `state` is `error`; progress otherwise.
    pub message: Option<String>,
    pub last_sync_at: Option<i64>,
    /// When a failing account tries again by itself.
    pub retry_at: Option<i64>,
}

pub async fn set_syncing(pool: &SqlitePool, account_id: i64, message: Option<&str>) -> Result<()> {
    upsert_status(pool, account_id, "syncing", message, None, None).await
}

pub async fn set_ok(pool: &SqlitePool, account_id: i64) -> Result<()> {
    upsert_status(pool, account_id, "ok", None, Some(now_ms()), None).await
}

pub async fn set_error(pool: &SqlitePool, account_id: i64, message: &str, retry_at: i64) -> Result<()> {
    upsert_status(pool, account_id, "error", Some(message), None, Some(retry_at)).await
}

async fn upsert_status(
    pool: &SqlitePool,
    account_id: i64,
    state: &str,
    message: Option<&str>,
    last_sync_at: Option<i64>,
    retry_at: Option<i64>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO account_status (account_id, state, message, last_sync_at, retry_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (account_id) DO UPDATE SET state = ?2, message = ?3,
             last_sync_at = COALESCE(?4, last_sync_at), retry_at = ?5, updated_at = ?6",
    )
    .bind(account_id)
    .bind(state)
    .bind(message)
    .bind(last_sync_at)
    .bind(retry_at)
    .bind(now_ms())
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn status(pool: &SqlitePool, account_id: i64) -> Result<Option<AccountStatus>> {
    Ok(sqlx::query_as(
        "SELECT account_id, state, message, last_sync_at, retry_at FROM account_status WHERE account_id = ?",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?)
}
