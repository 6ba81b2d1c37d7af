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

    let job = jobs::claim(pool, "classify").await.unwrap().expect("a job");
    assert_eq!(job.payload()["ticket_id"], 1);
    assert!(
        jobs::claim(pool, "classify").await.unwrap().is_none(),
        "a running job is not claimed twice"
    );

    // The process dies while the job runs: on restart it is queued again.
    assert_eq!(jobs::requeue_interrupted(pool).await.unwrap(), 1);
    let job = jobs::claim(pool, "classify").await.unwrap().expect("requeued");
    assert_eq!(job.attempts, 2);
    jobs::fail(pool, job.id, "HTTP 500", Some(60_000)).await.unwrap();
    assert!(
        jobs::claim(pool, "classify").await.unwrap().is_none(),
        "backoff delays the retry"
    );
    assert_eq!(jobs::pending_count(pool, "classify").await.unwrap(), 1);
}
