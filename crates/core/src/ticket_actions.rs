//! The agent's changes to one or many tickets at once (bulk actions): assignment, tags, snoozing and
//! status. Each runs in one transaction and leaves an audit event per ticket it changed.

use serde_json::json;
use sqlx::SqlitePool;

use crate::model::{TicketStatus, TicketSummary};
use crate::time::now_ms;
use crate::{Error, Result, audit, tickets};

/// Longest tag name; tags are labels, not notes.
const MAX_TAG_CHARS: usize = 40;

/// Checks that every ticket exists before anything changes, so a bulk action is all or nothing.
async fn ensure_exist(conn: &mut sqlx::SqliteConnection, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::Invalid("no tickets were selected".into()));
    }
    for &id in ids {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or(Error::TicketNotFound(id))?;
    }
    Ok(())
}

/// Assigns the tickets to `assignee`, or leaves them unassigned with `None`.
pub async fn assign(pool: &SqlitePool, ids: &[i64], assignee: Option<&str>, actor: &str) -> Result<Vec<TicketSummary>> {
    let assignee = assignee.map(str::trim).filter(|a| !a.is_empty());
    let mut tx = crate::store::begin_write(pool).await?;
    ensure_exist(&mut tx, ids).await?;
    for &id in ids {
        let previous: Option<String> = sqlx::query_scalar("SELECT assignee FROM tickets WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if previous.as_deref() == assignee {
            continue;
        }
        sqlx::query("UPDATE tickets SET assignee = ? WHERE id = ?")
            .bind(assignee)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Some(id),
            "assigned",
            actor,
            json!({ "from": previous, "to": assignee }),
        )
        .await?;
    }
    tx.commit().await?;
    tickets::summaries(pool, ids).await
}

/// A tag as stored: trimmed, inner whitespace collapsed; an error names what is wrong.
pub fn normalise_tag(tag: &str) -> Result<String> {
    let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    if tag.is_empty() {
        return Err(Error::Invalid("a tag cannot be empty".into()));
    }
    if tag.chars().count() > MAX_TAG_CHARS {
        return Err(Error::Invalid(format!("a tag has at most {MAX_TAG_CHARS} characters")));
    }
    Ok(tag)
}

/// Adds and removes tags on the tickets (tags are matched without regard to case).
pub async fn tag(
    pool: &SqlitePool,
    ids: &[i64],
    add: &[String],
    remove: &[String],
    actor: &str,
) -> Result<Vec<TicketSummary>> {
    let add: Vec<String> = add.iter().map(|t| normalise_tag(t)).collect::<Result<_>>()?;
    let remove: Vec<String> = remove.iter().map(|t| normalise_tag(t)).collect::<Result<_>>()?;
    let mut tx = crate::store::begin_write(pool).await?;
    ensure_exist(&mut tx, ids).await?;
    for name in &add {
        ensure_tag(&mut tx, name).await?;
    }
    for &id in ids {
        let mut added = Vec::new();
        for name in &add {
            if attach_tag(&mut tx, id, name).await? {
                added.push(name);
            }
        }
        let mut removed = Vec::new();
        for name in &remove {
            let deleted = sqlx::query(
                "DELETE FROM ticket_tags WHERE ticket_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
            )
            .bind(id)
            .bind(name)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if deleted > 0 {
                removed.push(name);
            }
        }
        if !added.is_empty() || !removed.is_empty() {
            audit::record(
                &mut tx,
                Some(id),
                "tagged",
                actor,
                json!({ "added": added, "removed": removed }),
            )
            .await?;
        }
    }
    tx.commit().await?;
    tickets::summaries(pool, ids).await
}

/// Creates the tag (a normalised name) unless it exists.
pub(crate) async fn ensure_tag(conn: &mut sqlx::SqliteConnection, name: &str) -> Result<()> {
    sqlx::query("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .execute(conn)
        .await?;
    Ok(())
}

/// Puts an existing tag on a ticket; false when the ticket already carried it.
pub(crate) async fn attach_tag(conn: &mut sqlx::SqliteConnection, ticket_id: i64, name: &str) -> Result<bool> {
    let inserted =
        sqlx::query("INSERT OR IGNORE INTO ticket_tags (ticket_id, tag_id) SELECT ?, id FROM tags WHERE name = ?")
            .bind(ticket_id)
            .bind(name)
            .execute(conn)
            .await?
            .rows_affected();
    Ok(inserted > 0)
}

/// Every tag in use, with how many tickets carry it, most used first.
pub async fn tags_in_use(pool: &SqlitePool) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT g.name, count(*) AS n FROM tags g JOIN ticket_tags tt ON tt.tag_id = g.id
         GROUP BY g.id ORDER BY n DESC, g.name",
    )
    .fetch_all(pool)
    .await?)
}

/// Puts the tickets aside until `until` (ms since the epoch), or brings them back with `None`. They
/// come back by themselves at that time, or as soon as the customer writes again.
pub async fn snooze(pool: &SqlitePool, ids: &[i64], until: Option<i64>, actor: &str) -> Result<Vec<TicketSummary>> {
    if until.is_some_and(|t| t <= now_ms()) {
        return Err(Error::Invalid(
            "a ticket can only be snoozed until a time in the future".into(),
        ));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    ensure_exist(&mut tx, ids).await?;
    for &id in ids {
        sqlx::query("UPDATE tickets SET snoozed_until = ? WHERE id = ?")
            .bind(until)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let kind = if until.is_some() { "snoozed" } else { "unsnoozed" };
        audit::record(&mut tx, Some(id), kind, actor, json!({ "until": until })).await?;
    }
    tx.commit().await?;
    tickets::summaries(pool, ids).await
}

/// Snoozes that ran out between `since` and now (ms): the tickets that just came back.
pub async fn woken_since(pool: &SqlitePool, since: i64) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM tickets WHERE snoozed_until > ? AND snoozed_until <= ? ORDER BY id")
            .bind(since)
            .bind(now_ms())
            .fetch_all(pool)
            .await?,
    )
}

/// Sets the status of many tickets at once.
pub async fn set_status(
    pool: &SqlitePool,
    ids: &[i64],
    status: TicketStatus,
    actor: &str,
) -> Result<Vec<TicketSummary>> {
    {
        let mut tx = crate::store::begin_write(pool).await?;
        ensure_exist(&mut tx, ids).await?;
        tx.commit().await?;
    }
    for &id in ids {
        tickets::set_status(pool, id, status, actor).await?;
    }
    tickets::summaries(pool, ids).await
}
