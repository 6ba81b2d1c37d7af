use serde_json::json;
use switchboard_core::jobs;

use crate::fixtures::workspace;

#[tokio::test]
async fn jobs_dedupe_claim_retry_and_survive_a_crash() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let mut conn = pool.acquire().await.unwrap();
    assert!(
        jobs::enqueue(&mut conn, "classify", json!({"ticket_id": 1}), Some("classify:1"))
            .await
            .unwrap()
    );
    assert!(
        !jobs::enqueue(&mut conn, "classify", json!({"ticket_id": 1}), Some("classify:1"))
            .await
            .unwrap()
    );
    drop(conn);

    // Another process claims the job, then dies: it stops beating.
    let other = jobs::register_runner(pool).await.unwrap();
    let job = jobs::claim(pool, "classify", &other).await.unwrap().expect("a job");
    assert_eq!(job.payload()["ticket_id"], 1);
    let live = ws.store.runner_id();
    assert!(
        jobs::claim(pool, "classify", live).await.unwrap().is_none(),
        "a running job of a live process is not claimed twice"
    );
    sqlx::query("UPDATE runners SET heartbeat_at = heartbeat_at - ? WHERE id = ?")
        .bind(jobs::STALE_MS + 1)
        .bind(&other)
        .execute(pool)
        .await
        .unwrap();
    let job = jobs::claim(pool, "classify", live)
        .await
        .unwrap()
        .expect("claimed again");
    assert_eq!(job.attempts, 2);
    jobs::fail(pool, job.id, "HTTP 500", Some(60_000)).await.unwrap();
    assert!(
        jobs::claim(pool, "classify", ws.store.runner_id())
            .await
            .unwrap()
            .is_none(),
        "backoff delays the retry"
    );
    assert_eq!(jobs::pending_count(pool, "classify").await.unwrap(), 1);
}

#[tokio::test]
async fn news_during_a_running_job_queues_another_and_supersedes_its_retry() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let mut conn = pool.acquire().await.unwrap();
    jobs::enqueue(&mut conn, "classify", json!({"ticket_id": 1}), Some("classify:1"))
        .await
        .unwrap();
    let running = jobs::claim(pool, "classify", ws.store.runner_id())
        .await
        .unwrap()
        .unwrap();
    // The customer writes while the ticket is being classified from older text.
    assert!(
        jobs::enqueue(&mut conn, "classify", json!({"ticket_id": 1}), Some("classify:1"))
            .await
            .unwrap()
    );
    drop(conn);
    // The running job fails temporarily: the newer job already covers it.
    jobs::fail(pool, running.id, "HTTP 500", Some(1_000)).await.unwrap();
    let state: String = sqlx::query_scalar("SELECT state FROM jobs WHERE id = ?")
        .bind(running.id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(state, "done");
    let next = jobs::claim(pool, "classify", ws.store.runner_id())
        .await
        .unwrap()
        .expect("the newer job");
    assert_ne!(next.id, running.id);
    // A job whose process died is claimed again once its lease runs out, not before.
    assert!(
        jobs::claim(pool, "classify", ws.store.runner_id())
            .await
            .unwrap()
            .is_none()
    );
    sqlx::query("UPDATE jobs SET updated_at = updated_at - ? WHERE id = ?")
        .bind(jobs::LEASE_MS + 1)
        .bind(next.id)
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(
        jobs::claim(pool, "classify", ws.store.runner_id())
            .await
            .unwrap()
            .unwrap()
            .id,
        next.id
    );
}
