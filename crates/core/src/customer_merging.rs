//! Merging two customer records that are one person (the same buyer by email and by WeChat, say), and
//! undoing it: the merge remembers what moved.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqlitePool;

use crate::customers::{self, CustomerProfile};
use crate::time::now_ms;
use crate::{Error, Result, audit};

/// The merged-away customer's own fields, kept to recreate it on undo.
#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
struct Snapshot {
    display_name: String,
    tier: Option<String>,
    notes: String,
    company: Option<String>,
    language: Option<String>,
    tags_json: String,
    created_at: i64,
}

/// A merge that can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerMerge {
    pub id: i64,
    pub merged_name: String,
    pub identities: Vec<String>,
    pub created_at: i64,
}

/// Moves `from`'s identities, tickets and orders to `into` and removes `from`. Returns the merge's id.
pub async fn merge(pool: &SqlitePool, into: i64, from: i64, actor: &str) -> Result<i64> {
    if into == from {
        return Err(Error::Invalid("a customer cannot be merged with itself".into()));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    let snapshot: Option<Snapshot> = sqlx::query_as(
        "SELECT display_name, tier, notes, company, language, tags_json, created_at FROM customers WHERE id = ?",
    )
    .bind(from)
    .fetch_optional(&mut *tx)
    .await?;
    let snapshot = snapshot.ok_or_else(|| Error::Invalid(format!("customer {from} does not exist")))?;
    let target: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE id = ?")
        .bind(into)
        .fetch_optional(&mut *tx)
        .await?;
    target.ok_or_else(|| Error::Invalid(format!("customer {into} does not exist")))?;
    // The kept profile shows a picture if either had one (its own first).
    sqlx::query(
        "UPDATE customers SET (avatar, avatar_type) = (SELECT avatar, avatar_type FROM customers WHERE id = ?)
         WHERE id = ? AND avatar IS NULL",
    )
    .bind(from)
    .bind(into)
    .execute(&mut *tx)
    .await?;
    let identities: Vec<i64> = sqlx::query_scalar("SELECT id FROM customer_identities WHERE customer_id = ?")
        .bind(from)
        .fetch_all(&mut *tx)
        .await?;
    let tickets: Vec<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE customer_id = ?")
        .bind(from)
        .fetch_all(&mut *tx)
        .await?;
    let orders: Vec<i64> = sqlx::query_scalar("SELECT id FROM orders WHERE customer_id = ?")
        .bind(from)
        .fetch_all(&mut *tx)
        .await?;
    for (table, column) in [
        ("customer_identities", "customer_id"),
        ("tickets", "customer_id"),
        ("orders", "customer_id"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET {column} = ? WHERE {column} = ?"
        )))
        .bind(into)
        .bind(from)
        .execute(&mut *tx)
        .await?;
    }
    // Notes are kept on the surviving profile too, so nothing the team wrote disappears.
    if !snapshot.notes.trim().is_empty() {
        sqlx::query("UPDATE customers SET notes = trim(notes || char(10) || ?) WHERE id = ?")
            .bind(&snapshot.notes)
            .bind(into)
            .execute(&mut *tx)
            .await?;
    }
    let merge_id: i64 = sqlx::query_scalar(
        "INSERT INTO customer_merges (into_id, customer_json, identities_json, tickets_json, orders_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(into)
    .bind(serde_json::to_string(&snapshot).unwrap_or_default())
    .bind(json!(identities).to_string())
    .bind(json!(tickets).to_string())
    .bind(json!(orders).to_string())
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM customers WHERE id = ?")
        .bind(from)
        .execute(&mut *tx)
        .await?;
    for &ticket in &tickets {
        audit::record(
            &mut tx,
            Some(ticket),
            "customer_merged",
            actor,
            json!({ "from": snapshot.display_name, "merge": merge_id }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(merge_id)
}

/// Merges into `customer_id` that can still be undone, newest first.
pub async fn merges_into(pool: &SqlitePool, customer_id: i64) -> Result<Vec<CustomerMerge>> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, customer_json, identities_json, created_at FROM customer_merges
         WHERE into_id = ? AND undone_at IS NULL ORDER BY id DESC",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await?;
    let mut merges = Vec::new();
    for (id, customer_json, identities_json, created_at) in rows {
        let snapshot: Snapshot = serde_json::from_str(&customer_json)
            .map_err(|e| Error::Invalid(format!("merge {id} cannot be read: {e}")))?;
        let ids: Vec<i64> = serde_json::from_str(&identities_json).unwrap_or_default();
        let mut identities = Vec::new();
        for identity in ids {
            let address: Option<String> = sqlx::query_scalar("SELECT address FROM customer_identities WHERE id = ?")
                .bind(identity)
                .fetch_optional(pool)
                .await?;
            identities.extend(address);
        }
        merges.push(CustomerMerge {
            id,
            merged_name: snapshot.display_name,
            identities,
            created_at,
        });
    }
    Ok(merges)
}

/// Undoes a merge: the customer comes back with the identities, tickets and orders that came with it
/// (tickets opened since the merge from those identities go back too). Returns the restored profile.
pub async fn undo(pool: &SqlitePool, merge_id: i64, actor: &str) -> Result<CustomerProfile> {
    let mut tx = crate::store::begin_write(pool).await?;
    let row: Option<(i64, String, String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT into_id, customer_json, identities_json, tickets_json, orders_json, undone_at FROM customer_merges
         WHERE id = ?",
    )
    .bind(merge_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (into, customer_json, identities_json, tickets_json, orders_json, undone) =
        row.ok_or_else(|| Error::Invalid(format!("merge {merge_id} does not exist")))?;
    if undone.is_some() {
        return Err(Error::Invalid("this merge was already undone".into()));
    }
    let snapshot: Snapshot =
        serde_json::from_str(&customer_json).map_err(|e| Error::Invalid(format!("the merge cannot be read: {e}")))?;
    let ids = |json: &str| serde_json::from_str::<Vec<i64>>(json).unwrap_or_default();
    let restored: i64 = sqlx::query_scalar(
        "INSERT INTO customers (display_name, tier, notes, company, language, tags_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&snapshot.display_name)
    .bind(&snapshot.tier)
    .bind(&snapshot.notes)
    .bind(&snapshot.company)
    .bind(&snapshot.language)
    .bind(&snapshot.tags_json)
    .bind(snapshot.created_at)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    let identities = ids(&identities_json);
    for &identity in &identities {
        sqlx::query("UPDATE customer_identities SET customer_id = ? WHERE id = ? AND customer_id = ?")
            .bind(restored)
            .bind(identity)
            .bind(into)
            .execute(&mut *tx)
            .await?;
    }
    for &order in &ids(&orders_json) {
        sqlx::query("UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id = ?")
            .bind(restored)
            .bind(order)
            .bind(into)
            .execute(&mut *tx)
            .await?;
    }
    let mut moved = ids(&tickets_json);
    // Tickets that arrived after the merge from the restored identities belong to the restored customer.
    let later: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT m.ticket_id FROM messages m JOIN tickets t ON t.id = m.ticket_id
         JOIN customer_identities i ON i.address = m.author_address AND i.customer_id = ?
         WHERE t.customer_id = ? AND m.direction = 'inbound'
           AND NOT EXISTS (SELECT 1 FROM messages o JOIN customer_identities oi ON oi.address = o.author_address
                           WHERE o.ticket_id = t.id AND o.direction = 'inbound' AND oi.customer_id = ?)",
    )
    .bind(restored)
    .bind(into)
    .bind(into)
    .fetch_all(&mut *tx)
    .await?;
    moved.extend(later);
    moved.sort_unstable();
    moved.dedup();
    for &ticket in &moved {
        sqlx::query("UPDATE tickets SET customer_id = ? WHERE id = ? AND customer_id = ?")
            .bind(restored)
            .bind(ticket)
            .bind(into)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Some(ticket),
            "customer_unmerged",
            actor,
            json!({ "merge": merge_id }),
        )
        .await?;
    }
    sqlx::query("UPDATE customer_merges SET undone_at = ? WHERE id = ?")
        .bind(now_ms())
        .bind(merge_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    customers::profile(pool, restored).await
}
