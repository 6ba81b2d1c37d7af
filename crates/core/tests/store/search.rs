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
    let pool = ws.store.pool();

    let subjects =
        |found: Vec<switchboard_core::model::TicketSummary>| found.into_iter().map(|t| t.subject).collect::<Vec<_>>();
    assert_eq!(
        subjects(search_tickets(pool, "headphones", 10).await.unwrap()),
        ["Refund please"]
    );
    // Words in a body match by their beginning, whatever their case and accents: what is typed so far
    // already finds them.
    assert_eq!(
        subjects(search_tickets(pool, "headph BROKE", 10).await.unwrap()),
        ["Refund please"]
    );
    assert_eq!(
        subjects(search_tickets(pool, "déjà", 10).await.unwrap()),
        ["Refund please"]
    );
    assert_eq!(
        subjects(search_tickets(pool, "尽快处理", 10).await.unwrap()),
        ["申请退款"]
    );
    // Chinese of any length inside a sentence, and Chinese next to Latin letters in one term.
    assert_eq!(
        subjects(search_tickets(pool, "收到时已经坏了", 10).await.unwrap()),
        ["申请退款"]
    );
    assert_eq!(
        subjects(search_tickets(pool, "qq.com耳机", 10).await.unwrap()),
        ["申请退款"]
    );
    // Two-character Chinese words are found through the per-character index.
    assert_eq!(subjects(search_tickets(pool, "退款", 10).await.unwrap()), ["申请退款"]);
    assert_eq!(subjects(search_tickets(pool, "发票", 10).await.unwrap()), ["发票"]);
    // Sender address, and all terms must match.
    assert_eq!(
        subjects(search_tickets(pool, "qq.com 耳机", 10).await.unwrap()),
        ["申请退款"]
    );
    assert!(search_tickets(pool, "headphones 发票", 10).await.unwrap().is_empty());
    // FTS syntax in user input is text, not an operator.
    assert!(search_tickets(pool, "\"NEAR(", 10).await.unwrap().is_empty());
    assert!(search_tickets(pool, "%", 10).await.unwrap().is_empty());
    // A ticket's number finds it, first.
    let second: i64 = sqlx::query_scalar("SELECT number FROM tickets WHERE subject = '申请退款'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(
        subjects(search_tickets(pool, &format!("#{second}"), 10).await.unwrap()).first(),
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
    assert!(
        search_tickets(ws.store.pool(), "original", 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        search_tickets(ws.store.pool(), "replacement", 10).await.unwrap().len(),
        1
    );
}

/// Short Chinese terms come from the per-character index: found in bodies, not across separate words,
/// and messages stored before the index existed are indexed when the workspace opens again.
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
    let pool = store.pool();
    let subjects =
        |found: Vec<switchboard_core::model::TicketSummary>| found.into_iter().map(|t| t.subject).collect::<Vec<_>>();
    assert_eq!(subjects(search_tickets(pool, "退款", 10).await.unwrap()), ["订单问题"]);
    // 退 and 款 are both in the second mail, but not next to each other.
    assert_eq!(subjects(search_tickets(pool, "款", 10).await.unwrap()).len(), 2);
    assert_eq!(
        subjects(search_tickets(pool, "发票 退款", 10).await.unwrap()),
        ["订单问题"]
    );
    assert_eq!(
        subjects(search_tickets(pool, "没收到 退款", 10).await.unwrap()),
        ["订单问题"]
    );
    // Forget the index, as in a workspace made before it existed: reopening rebuilds it.
    sqlx::raw_sql("DELETE FROM messages_cjk; DELETE FROM settings WHERE key = 'search.cjk_indexed_to';")
        .execute(pool)
        .await
        .unwrap();
    assert!(search_tickets(pool, "退款", 10).await.unwrap().is_empty());
    pool.close().await;
    let store = switchboard_core::Store::open(dir.path()).await.unwrap();
    assert_eq!(
        subjects(search_tickets(store.pool(), "退款", 10).await.unwrap()),
        ["订单问题"]
    );
}
