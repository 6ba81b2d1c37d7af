//! Channel accounts: their settings only. Secrets (passwords, tokens) live in the OS keychain, keyed
//! by the account id, never here.

use sqlx::SqlitePool;

use crate::model::ChannelKind;
use crate::time::now_ms;
use crate::{Error, Result};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub channel: ChannelKind,
    pub name: String,
    pub address: String,
    /// Channel-specific settings (hosts, ports, folders…) as JSON; parsed by the channel.
    pub settings_json: String,
    pub enabled: bool,
}

pub async fn create(
    pool: &SqlitePool,
    channel: ChannelKind,
    name: &str,
    address: &str,
    settings_json: &str,
) -> Result<i64> {
    let now = now_ms();
    Ok(sqlx::query_scalar(
        "INSERT INTO accounts (channel, name, address, settings_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(channel)
    .bind(name)
    .bind(address)
    .bind(settings_json)
    .bind(now)
    .bind(now)
    .fetch_one(pool)
    .await?)
}

pub async fn get(pool: &SqlitePool, id: i64) -> Result<Account> {
    sqlx::query_as("SELECT id, channel, name, address, settings_json, enabled FROM accounts WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::Invalid(format!("account {id} does not exist")))
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<Account>> {
    Ok(
        sqlx::query_as("SELECT id, channel, name, address, settings_json, enabled FROM accounts ORDER BY id")
            .fetch_all(pool)
            .await?,
    )
}

/// The first enabled account of a channel: where replies to tickets without an account go.
pub async fn default_for(pool: &SqlitePool, channel: ChannelKind) -> Result<Option<Account>> {
    Ok(sqlx::query_as(
        "SELECT id, channel, name, address, settings_json, enabled FROM accounts
         WHERE channel = ? AND enabled = 1 ORDER BY id LIMIT 1",
    )
    .bind(channel)
    .fetch_optional(pool)
    .await?)
}

/// Replaces an account's name, address and settings.
pub async fn update(pool: &SqlitePool, id: i64, name: &str, address: &str, settings_json: &str) -> Result<()> {
    let changed =
        sqlx::query("UPDATE accounts SET name = ?, address = ?, settings_json = ?, updated_at = ? WHERE id = ?")
            .bind(name)
            .bind(address)
            .bind(settings_json)
            .bind(now_ms())
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected();
    if changed == 0 {
        return Err(Error::Invalid(format!("account {id} does not exist")));
    }
    Ok(())
}

pub async fn set_enabled(pool: &SqlitePool, id: i64, enabled: bool) -> Result<()> {
    sqlx::query("UPDATE accounts SET enabled = ?, updated_at = ? WHERE id = ?")
        .bind(enabled)
        .bind(now_ms())
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Removes an account. Its tickets and messages stay (they belong to the customers); the messages
/// just no longer point at it, and its sync cursors go with it.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let removed = sqlx::query("DELETE FROM accounts WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(Error::Invalid(format!("account {id} does not exist")));
    }
    Ok(())
}

/// The account a ticket's replies leave from: the one its mail came in through, else the first enabled
/// account of its channel.
pub async fn for_ticket(pool: &SqlitePool, ticket_id: i64) -> Result<Option<Account>> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.channel, a.name, a.address, a.settings_json, a.enabled
         FROM tickets t JOIN accounts a ON a.id = t.account_id OR (t.account_id IS NULL AND a.channel = t.channel AND a.enabled = 1)
         WHERE t.id = ? ORDER BY (a.id = t.account_id) DESC, a.id LIMIT 1",
    )
    .bind(ticket_id)
    .fetch_optional(pool)
    .await?)
}

/// Whether the account's customer text must never go to a cloud model.
pub async fn local_ai_only(pool: &SqlitePool, id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT local_ai_only FROM accounts WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .unwrap_or(false))
}

pub async fn set_local_ai_only(pool: &SqlitePool, id: i64, local_only: bool) -> Result<()> {
    sqlx::query("UPDATE accounts SET local_ai_only = ?, updated_at = ? WHERE id = ?")
        .bind(local_only)
        .bind(now_ms())
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Whether a ticket came in through an account whose text must stay on this machine.
pub async fn ticket_requires_local_ai(pool: &SqlitePool, ticket_id: i64) -> Result<bool> {
    let local: Option<bool> = sqlx::query_scalar(
        "SELECT a.local_ai_only FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?",
    )
    .bind(ticket_id)
    .fetch_optional(pool)
    .await?;
    Ok(local.unwrap_or(false))
}
