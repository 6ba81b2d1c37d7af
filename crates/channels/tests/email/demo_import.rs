use switchboard_channels::demo::{demo_messages, import_demo};
use switchboard_core::Store;
use switchboard_core::model::{TicketStatus, TicketView};
use switchboard_core::tickets;

async fn demo_workspace() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let mut problems = Vec::new();
    let summary = import_demo(&store, |_, _| {}, |p| problems.push(p)).await.unwrap();
    assert!(
        problems.is_empty(),
        "demo messages failed: {:?}",
        problems.iter().map(|p| (&p.label, &p.error)).collect::<Vec<_>>()
    );
    assert_eq!(summary.failed, 0);
    assert_eq!(summary.imported as usize, demo_messages().len());
    (store, dir)
}

#[tokio::test]
async fn the_demo_mailbox_imports_completely_and_idempotently() {
    let (store, _dir) = demo_workspace().await;
    assert!(demo_messages().len() >= 300);
    let tickets = store.ticket_count().await.unwrap();
    assert!(
        tickets > 150 && (tickets as usize) < demo_messages().len(),
        "threads merge messages: {tickets} tickets"
    );
    let again = import_demo(&store, |_, _| {}, |_| {}).await.unwrap();
    assert_eq!(again.imported, 0);
    assert_eq!(again.duplicates as usize, demo_messages().len());
    assert_eq!(store.ticket_count().await.unwrap(), tickets);
}

#[tokio::test]
async fn demo_text_is_decoded_and_html_is_safe() {
    let (store, _dir) = demo_workspace().await;
    let pool = store.pool();
    let garbled: i64 = sqlx::query_scalar("SELECT count(*) FROM messages WHERE body_text LIKE '%' || char(65533) || '%' OR subject LIKE '%' || char(65533) || '%' OR author_name LIKE '%' || char(65533) || '%'")
        .fetch_one(pool).await.unwrap();
    assert_eq!(garbled, 0, "messages with undecodable text");
    let chinese: i64 = sqlx::query_scalar("SELECT count(*) FROM messages WHERE body_text GLOB '*[一-龥]*'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(chinese > 100, "{chinese} Chinese messages");
    let html: Vec<String> = sqlx::query_scalar("SELECT body_html FROM messages WHERE body_html IS NOT NULL")
        .fetch_all(pool)
        .await
        .unwrap();
    assert!(html.len() > 100);
    for body in &html {
        let lower = super::xss::without_inert_references(body).to_lowercase();
        for forbidden in [
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "<iframe",
            "tracker.example",
            "http://t",
            "<style",
        ] {
            assert!(!lower.contains(forbidden), "{forbidden} in {body}");
        }
    }
}

#[tokio::test]
async fn demo_threads_noise_and_same_subjects_behave() {
    let (store, _dir) = demo_workspace().await;
    let pool = store.pool();
    let threads: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE message_count >= 2")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(threads >= 40, "{threads} threaded tickets");
    // Auto-replies, newsletters and bounces are stored closed, never in the open queue.
    let noise = tickets::list(pool, TicketView::Resolved, 500, 0).await.unwrap();
    assert!(noise.iter().filter(|t| t.auto_generated).count() >= 5);
    assert!(noise.iter().all(|t| t.status == TicketStatus::Closed));
    let open = tickets::list(pool, TicketView::AllOpen, 1000, 0).await.unwrap();
    assert!(open.iter().all(|t| !t.auto_generated));
    // A subject shared by different customers never merges their mail.
    let mixed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id
         JOIN customer_identities i ON i.customer_id = t.customer_id
         WHERE m.direction = 'inbound' AND i.address <> m.author_address",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(mixed, 0, "messages filed under another customer's ticket");
    let attachments: i64 = sqlx::query_scalar("SELECT count(*) FROM attachments")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(attachments >= 10);
}
