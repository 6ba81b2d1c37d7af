use switchboard_core::ingest::ingest;
use switchboard_core::search::search_tickets;

use crate::fixtures::{mail, workspace};

#[tokio::test]
async fn finds_english_and_chinese_text_of_any_length() {
    let ws = workspace().await;
    ingest(
        &ws.store,
        &mail(
            "ann@example.com",
            "a@x",
            "Refund please",
            "The headphones arrived broken, deja vu",
            1_000,
        ),
    )
    .await
    .unwrap();
    ingest(
        &ws.store,
        &mail(
            "li@qq.com",
            "b@x",
            "申请退款",
            "耳机收到时已经坏了，请尽快处理退款",
            2_000,
        ),
    )
    .await
    .unwrap();
    ingest(
        &ws.store,
        &mail("wang@163.com", "c@x", "发票", "请开具增值税发票", 3_000),
    )
    .await
    .unwrap();
    let store = &ws.store;
    let pool = store.pool();

    let subjects =
        |found: Vec<switchboard_core::model::TicketSummary>| found.into_iter().map(|t| t.subject).collect::<Vec<_>>();
    assert_eq!(
        subjects(search_tickets(store, "headphones", 10).await.unwrap()),
        ["Refund please"]
    );
    // Words in a body match by their beginning, whatever their case and accents: what is typed so far
    // already finds them.
    assert_eq!(
        subjects(search_tickets(store, "headph BROKE", 10).await.unwrap()),
        ["Refund please"]
    );
    assert_eq!(
        subjects(search_tickets(store, "déjà", 10).await.unwrap()),
        ["Refund please"]
    );
    assert_eq!(
        subjects(search_tickets(store, "尽快处理", 10).await.unwrap()),
        ["申请退款"]
    );
    // Chinese of any length inside a sentence, and Chinese next to Latin letters in one term.
    assert_eq!(
        subjects(search_tickets(store, "收到时已经坏了", 10).await.unwrap()),
        ["申请退款"]
    );
    assert_eq!(
        subjects(search_tickets(store, "qq.com耳机", 10).await.unwrap()),
        ["申请退款"]
    );
    // Two-character Chinese words are found through the per-character index.
    assert_eq!(subjects(search_tickets(store, "退款", 10).await.unwrap()), ["申请退款"]);
    assert_eq!(subjects(search_tickets(store, "发票", 10).await.unwrap()), ["发票"]);
    // Sender address, and all terms must match.
    assert_eq!(
        subjects(search_tickets(store, "qq.com 耳机", 10).await.unwrap()),
        ["申请退款"]
    );
    assert!(search_tickets(store, "headphones 发票", 10).await.unwrap().is_empty());
    // FTS syntax in user input is text, not an operator.
    assert!(search_tickets(store, "\"NEAR(", 10).await.unwrap().is_empty());
    assert!(search_tickets(store, "%", 10).await.unwrap().is_empty());
    // A ticket's number finds it, first.
    let second: i64 = sqlx::query_scalar("SELECT number FROM tickets WHERE subject = '申请退款'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(
        subjects(search_tickets(store, &format!("#{second}"), 10).await.unwrap()).first(),
        Some(&"申请退款".to_string())
    );
}

#[tokio::test]
async fn index_follows_updates() {
    let ws = workspace().await;
    ingest(
        &ws.store,
        &mail("ann@example.com", "a@x", "Hello", "original words", 1_000),
    )
    .await
    .unwrap();
    sqlx::query("UPDATE messages SET body_text = 'replacement text'")
        .execute(ws.store.pool())
        .await
        .unwrap();
    assert!(search_tickets(&ws.store, "original", 10).await.unwrap().is_empty());
    assert_eq!(search_tickets(&ws.store, "replacement", 10).await.unwrap().len(), 1);
}

/// Short Chinese terms come from the per-character index: found in bodies, not across separate words.
/// The index is derived data in its own file: lost, it is rebuilt when the workspace opens again.
#[tokio::test]
async fn short_chinese_terms_use_the_character_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = switchboard_core::Store::open(dir.path()).await.unwrap();
    ingest(
        &store,
        &mail("li@qq.com", "z1@x", "订单问题", "我要退款，发票也没收到", 1_000),
    )
    .await
    .unwrap();
    ingest(&store, &mail("wu@qq.com", "z2@x", "Hello", "退货 款式不对", 2_000))
        .await
        .unwrap();
    let subjects =
        |found: Vec<switchboard_core::model::TicketSummary>| found.into_iter().map(|t| t.subject).collect::<Vec<_>>();
    assert_eq!(
        subjects(search_tickets(&store, "退款", 10).await.unwrap()),
        ["订单问题"]
    );
    // 退 and 款 are both in the second mail, but not next to each other.
    assert_eq!(subjects(search_tickets(&store, "款", 10).await.unwrap()).len(), 2);
    assert_eq!(
        subjects(search_tickets(&store, "发票 退款", 10).await.unwrap()),
        ["订单问题"]
    );
    assert_eq!(
        subjects(search_tickets(&store, "没收到 退款", 10).await.unwrap()),
        ["订单问题"]
    );
    store.close().await;

    let index = dir.path().join(switchboard_core::search_index::INDEX_FILE);
    std::fs::remove_file(&index).unwrap();
    let store = switchboard_core::Store::open(dir.path()).await.unwrap();
    assert_eq!(
        subjects(search_tickets(&store, "退款", 10).await.unwrap()),
        ["订单问题"]
    );
    store.close().await;

    // An unreadable file is rebuilt too.
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", index.display()));
    }
    std::fs::write(
        &index,
        b"not a database at all, but long enough to be read as a header. ".repeat(64),
    )
    .unwrap();
    let store = switchboard_core::Store::open(dir.path()).await.unwrap();
    assert_eq!(subjects(search_tickets(&store, "款式", 10).await.unwrap()), ["Hello"]);
}

/// Deleted messages leave the index, and a message that takes a deleted one's id is found by its own
/// words (SQLite reuses the highest id).
#[tokio::test]
async fn deleted_messages_leave_the_index() {
    let ws = workspace().await;
    ingest(
        &ws.store,
        &mail("ann@example.com", "d1@x", "First", "kettle descaling", 1_000),
    )
    .await
    .unwrap();
    ingest(
        &ws.store,
        &mail("bob@example.com", "d2@x", "Second", "toaster crumbs", 2_000),
    )
    .await
    .unwrap();
    // Indexed before the deletion, so the index must hear of it.
    assert_eq!(search_tickets(&ws.store, "toaster", 10).await.unwrap().len(), 1);
    let deleted: i64 = sqlx::query_scalar("SELECT max(id) FROM messages")
        .fetch_one(ws.store.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM tickets WHERE subject = 'Second'")
        .execute(ws.store.pool())
        .await
        .unwrap();
    assert!(search_tickets(&ws.store, "toaster", 10).await.unwrap().is_empty());
    ingest(
        &ws.store,
        &mail("cy@example.com", "d3@x", "Third", "blender noise", 3_000),
    )
    .await
    .unwrap();
    let found = search_tickets(&ws.store, "blender", 10).await.unwrap();
    assert_eq!(found.iter().map(|t| t.subject.as_str()).collect::<Vec<_>>(), ["Third"]);
    assert!(search_tickets(&ws.store, "toaster", 10).await.unwrap().is_empty());
    let reused: i64 = sqlx::query_scalar("SELECT max(id) FROM messages")
        .fetch_one(ws.store.pool())
        .await
        .unwrap();
    assert_eq!(reused, deleted, "the new message took the deleted one's id");
    // The change log is tidied once the index has taken it in.
    let pending: i64 = sqlx::query_scalar("SELECT count(*) FROM search_changes")
        .fetch_one(ws.store.pool())
        .await
        .unwrap();
    assert_eq!(pending, 0);
    // A word and a short term: the short term filters what the index found.
    assert_eq!(search_tickets(&ws.store, "kettle ng", 10).await.unwrap().len(), 1);
    assert!(search_tickets(&ws.store, "kettle zq", 10).await.unwrap().is_empty());
    // An edit after the log was tidied is heard too: its entry is not numbered as an old one.
    sqlx::query("UPDATE messages SET body_text = 'percolator' WHERE subject = 'First'")
        .execute(ws.store.pool())
        .await
        .unwrap();
    assert_eq!(search_tickets(&ws.store, "percolator", 10).await.unwrap().len(), 1);
    assert!(search_tickets(&ws.store, "kettle", 10).await.unwrap().is_empty());
}

/// The index is written in the background, without waiting for a search.
#[tokio::test]
async fn new_messages_are_indexed_in_the_background() {
    let ws = workspace().await;
    ingest(
        &ws.store,
        &mail("ann@example.com", "b1@x", "Hello", "espresso machine", 1_000),
    )
    .await
    .unwrap();
    let index = ws.store.search_index();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !index.is_caught_up().await.unwrap() {
        assert!(
            std::time::Instant::now() < deadline,
            "the background indexer never caught up"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // Nothing was left for the search to do.
    assert_eq!(index.catch_up().await.unwrap(), 0);
    assert_eq!(search_tickets(&ws.store, "espresso", 10).await.unwrap().len(), 1);
}

/// A long catch-up (a rebuilt index, an upgraded workspace) reports how far it has come, then that it is
/// over: the search waiting for it can say why.
#[tokio::test]
async fn a_long_catch_up_reports_its_progress() {
    let ws = workspace().await;
    ingest(
        &ws.store,
        &mail("ann@example.com", "p1@x", "Hello", "first words", 1_000),
    )
    .await
    .unwrap();
    let index = ws.store.search_index();
    index.catch_up().await.unwrap();
    let mut progress = index.progress();
    let watcher = tokio::spawn(async move {
        let mut seen = Vec::new();
        while progress.changed().await.is_ok() {
            let now = *progress.borrow_and_update();
            seen.push(now);
            if now.is_none() {
                break;
            }
        }
        seen
    });
    // 5,000 notes in one statement: far more than a moment's indexing.
    sqlx::query(
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
         INSERT INTO messages (ticket_id, direction, author_name, author_address, body_text, content_hash, sent_at, created_at)
         SELECT (SELECT id FROM tickets), 'note', 'Dana', '', 'note number ' || i, 'h' || i, i, i FROM n",
    )
    .execute(ws.store.pool())
    .await
    .unwrap();
    index.catch_up().await.unwrap();
    let seen = tokio::time::timeout(std::time::Duration::from_secs(10), watcher)
        .await
        .expect("the catch-up said it was over")
        .unwrap();
    assert_eq!(seen.last(), Some(&None), "{seen:?}");
    let reports: Vec<_> = seen.iter().flatten().collect();
    assert!(!reports.is_empty(), "no progress was reported: {seen:?}");
    assert!(
        reports.iter().all(|p| p.total == 5000 && p.indexed <= p.total),
        "{reports:?}"
    );
    assert_eq!(index.indexed_count().await.unwrap(), 5001);
}
