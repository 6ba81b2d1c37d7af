//! The durable job queue. Work that may fail or outlive the process (classification, retraining) is a
//! row here first; a worker claims it, and a crash leaves it to be claimed again within seconds (the
//! dead process stops its heartbeat).

use serde_json::Value;
use sqlx::{SqliteConnection, SqlitePool};

use crate::Result;
use crate::time::now_ms;

pub const KIND_CLASSIFY: &str = "classify";
/// A reply draft a rule asked the AI for; the agent reviews it.
pub const KIND_DRAFT: &str = "draft";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload_json: String,
    pub attempts: i64,
}

impl Job {
    pub fn payload(&self) -> Value {
        serde_json::from_str(&self.payload_json).unwrap_or(Value::Null)
    }
}

/// Binds the kind, payload (JSON text), dedupe key, and the time three times (run after, created, updated).
pub(crate) const ENQUEUE_SQL: &str =
    "INSERT INTO jobs (kind, payload_json, dedupe_key, run_after, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dedupe_key) WHERE state = 'queued' DO NOTHING";

/// Enqueues a job unless one with the same `dedupe_key` is already waiting (a running one does not
/// count: it may be working on data older than the reason for this job).
/// Returns whether a new job was added.
pub async fn enqueue(
    conn: &mut SqliteConnection,
    kind: &str,
    payload: Value,
    dedupe_key: Option<&str>,
) -> Result<bool> {
    let now = now_ms();
    let added = sqlx::query(ENQUEUE_SQL)
        .bind(kind)
        .bind(payload.to_string())
        .bind(dedupe_key)
        .bind(now)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// A running job not heard of for this long may be claimed again, whoever runs it.
pub const LEASE_MS: i64 = 10 * 60 * 1000;

/// How often a live process says so ([`heartbeat`]).
pub const HEARTBEAT_MS: u64 = 1_000;

/// A process silent for this long has died: its running jobs are claimed again.
pub const STALE_MS: i64 = 5_000;

/// Registers this process as a queue runner; keep it alive with [`heartbeat`] every [`HEARTBEAT_MS`].
pub async fn register_runner(pool: &SqlitePool) -> Result<String> {
    let now = now_ms();
    // Runners gone for a day are history.
    sqlx::query("DELETE FROM runners WHERE heartbeat_at < ?")
        .bind(now - 24 * 60 * 60 * 1000)
        .execute(pool)
        .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO runners (id, pid, started_at, heartbeat_at) VALUES (lower(hex(randomblob(12))), ?, ?, ?)
         RETURNING id",
    )
    .bind(i64::from(std::process::id()))
    .bind(now)
    .bind(now)
    .fetch_one(pool)
    .await?)
}

pub async fn heartbeat(pool: &SqlitePool, runner: &str) -> Result<()> {
    sqlx::query("UPDATE runners SET heartbeat_at = ? WHERE id = ?")
        .bind(now_ms())
        .bind(runner)
        .execute(pool)
        .await?;
    Ok(())
}

/// Claims the oldest ready job of `kind` for `runner`, marking it running. A running job is ready again
/// when its runner stopped beating (the process died) or its lease ran out, so a crash never strands a
/// job, and a live process's work is left alone.
pub async fn claim(pool: &SqlitePool, kind: &str, runner: &str) -> Result<Option<Job>> {
    let now = now_ms();
    Ok(sqlx::query_as(
        "UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = ?1, runner_id = ?5
         WHERE id = coalesce(
             (SELECT id FROM jobs WHERE state = 'running' AND kind = ?2
                 AND (updated_at < ?1 - ?3 OR runner_id IS NULL
                      -- Never our own: this process is alive even when a busy machine delayed its heartbeat.
                      OR (runner_id <> ?5 AND NOT EXISTS (SELECT 1 FROM runners r
                                     WHERE r.id = jobs.runner_id AND r.heartbeat_at >= ?1 - ?4)))
              ORDER BY run_after, id LIMIT 1),
             -- Two lookups rather than one OR: each reads the (state, run_after) index in order and stops at
             -- the first row, where the OR sorted every due job (100,000 queued: 17 claims a second).
             (SELECT id FROM jobs WHERE state = 'queued' AND kind = ?2 AND run_after <= ?1
              ORDER BY run_after, id LIMIT 1))
         RETURNING id, kind, payload_json, attempts",
    )
    .bind(now)
    .bind(kind)
    .bind(LEASE_MS)
    .bind(STALE_MS)
    .bind(runner)
    .fetch_optional(pool)
    .await?)
}

pub async fn complete(pool: &SqlitePool, job_id: i64) -> Result<()> {
    sqlx::query("UPDATE jobs SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?")
        .bind(now_ms())
        .bind(job_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The longest a retry waits, whatever a server asks for.
pub const MAX_RETRY_DELAY_MS: i64 = 60 * 60 * 1000;

/// Records a failure: the job runs again after `retry_in_ms`, or is marked failed for good when `None`.
pub async fn fail(pool: &SqlitePool, job_id: i64, error: &str, retry_in_ms: Option<i64>) -> Result<()> {
    let now = now_ms();
    let (state, run_after) = match retry_in_ms {
        Some(delay) => ("queued", now.saturating_add(delay.clamp(0, MAX_RETRY_DELAY_MS))),
        None => ("failed", now),
    };
    // A newer job with the same key already waits: it supersedes this retry.
    sqlx::query(
        "UPDATE jobs SET state = CASE WHEN ?1 = 'queued' AND EXISTS (SELECT 1 FROM jobs twin WHERE twin.state = 'queued'
                 AND twin.dedupe_key = jobs.dedupe_key AND twin.id <> jobs.id) THEN 'done' ELSE ?1 END,
             run_after = ?2, last_error = ?3, updated_at = ?4
         WHERE id = ?5",
    )
    .bind(state)
    .bind(run_after)
        .bind(error)
        .bind(now)
        .bind(job_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn pending_count(pool: &SqlitePool, kind: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM jobs WHERE kind = ? AND state IN ('queued', 'running')")
            .bind(kind)
            .fetch_one(pool)
            .await?,
    )
}
