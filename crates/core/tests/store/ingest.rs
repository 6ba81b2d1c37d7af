use switchboard_core::ingest::{InboundAttachment, IngestOutcome, ingest};
use switchboard_core::model::TicketStatus;
use switchboard_core::{audit, jobs, tickets};

use crate::fixtures::{mail, reply_to, workspace};

fn ticket_of(outcome: IngestOutcome) -> i64 {
    match outcome {
        IngestOutcome::Created { ticket_id, .. } | IngestOutcome::Threaded { ticket_id, .. } => ticket_id,
        IngestOutcome::Duplicate { .. } => panic!("unexpected duplicate"),
    }
}

#[tokio::test]
async fn first_message_opens_a_ticket_with_customer_audit_and_job() {
    let ws = workspace().await;
    let outcome = ingest(
        &ws.store,
        &mail("Ann@Example.com", "a1@x", "Where is my order?", "Order AUR-1", 1_000),
    )
    .await
    .unwrap();
    let IngestOutcome::Created { ticket_id, .. } = outcome else {
        panic!("expected a new ticket, got {outcome:?}")
    };
    let detail = tickets::detail(ws.store.pool(), ticket_id).await.unwrap();
    assert_eq!(detail.ticket.status, TicketStatus::New);
    assert_eq!(detail.ticket.number, 1001);
    assert_eq!(detail.ticket.customer_address, "ann@example.com");
    assert_eq!(detail.messages.len(), 1);
    assert_eq!(detail.customer.identities.len(), 1);
    let events = audit::for_ticket(ws.store.pool(), ticket_id).await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        ["ticket_created"]
    );
    assert_eq!(
        jobs::pending_count(ws.store.pool(), jobs::KIND_CLASSIFY).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn the_same_message_twice_is_stored_once() {
    let ws = workspace().await;
    let msg = mail("ann@example.com", "a1@x", "Hello", "Body", 1_000);
    ticket_of(ingest(&ws.store, &msg).await.unwrap());
    assert!(matches!(
        ingest(&ws.store, &msg).await.unwrap(),
        IngestOutcome::Duplicate { .. }
    ));
    // Same source (e.g. the same IMAP UID) with different content is still a duplicate of that source.
    let mut same_source = mail("ann@example.com", "other@x", "Hello", "Changed", 2_000);
    same_source.source_key = Some("imap:1:INBOX:7:1".into());
    ticket_of(ingest(&ws.store, &same_source).await.unwrap());
    assert!(matches!(
        ingest(&ws.store, &same_source).await.unwrap(),
        IngestOutcome::Duplicate { .. }
    ));
    assert_eq!(ws.store.ticket_count().await.unwrap(), 2);
}

#[tokio::test]
async fn a_reused_message_id_with_other_content_is_a_new_message() {
    let ws = workspace().await;
    ticket_of(
        ingest(&ws.store, &mail("ann@example.com", "dup@x", "One", "first", 1_000))
            .await
            .unwrap(),
    );
    let second = ingest(&ws.store, &mail("ann@example.com", "dup@x", "Two", "second", 2_000))
        .await
        .unwrap();
    assert!(!matches!(second, IngestOutcome::Duplicate { .. }));
}

#[tokio::test]
async fn replies_thread_by_headers_and_reopen_resolved_tickets() {
    let ws = workspace().await;
    let first = ticket_of(
        ingest(
            &ws.store,
            &mail("ann@example.com", "a1@x", "Refund", "Please refund", 1_000),
        )
        .await
        .unwrap(),
    );
    tickets::set_status(ws.store.pool(), first, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    let follow_up = reply_to(
        mail("ann@example.com", "a2@x", "Re: Refund", "Any news?", 2_000),
        "a1@x",
    );
    let outcome = ingest(&ws.store, &follow_up).await.unwrap();
    assert_eq!(
        outcome,
        IngestOutcome::Threaded {
            ticket_id: first,
            message_id: match outcome {
                IngestOutcome::Threaded { message_id, .. } => message_id,
                _ => unreachable!(),
            }
        }
    );
    let summary = tickets::summary(ws.store.pool(), first).await.unwrap();
    assert_eq!(summary.status, TicketStatus::Open);
    assert_eq!(summary.message_count, 2);
    assert_eq!(summary.preview, "Any news?");
}

#[tokio::test]
async fn threading_is_scoped_by_customer_and_never_by_subject_alone() {
    let ws = workspace().await;
    let ann = ticket_of(
        ingest(&ws.store, &mail("ann@example.com", "a1@x", "Question", "hi", 1_000))
            .await
            .unwrap(),
    );
    // Bob quotes Ann's Message-ID (forwarded thread): still his own ticket.
    let bob = reply_to(mail("bob@example.com", "b1@x", "Re: Question", "me too", 2_000), "a1@x");
    let bob = ticket_of(ingest(&ws.store, &bob).await.unwrap());
    assert_ne!(ann, bob);
    // Ann writes again with the same subject but no headers: a new ticket.
    let again = ticket_of(
        ingest(
            &ws.store,
            &mail("ann@example.com", "a2@x", "Re: Question", "again", 3_000),
        )
        .await
        .unwrap(),
    );
    assert_ne!(again, ann);
}

#[tokio::test]
async fn a_ticket_token_in_the_subject_threads_stripped_replies() {
    let ws = workspace().await;
    let first = ticket_of(
        ingest(&ws.store, &mail("ann@example.com", "a1@x", "Broken", "hinge", 1_000))
            .await
            .unwrap(),
    );
    let number = tickets::summary(ws.store.pool(), first).await.unwrap().number;
    let stripped = mail(
        "ann@example.com",
        "a2@x",
        &format!("Re: [#{number}] Broken"),
        "still broken",
        2_000,
    );
    assert_eq!(ticket_of(ingest(&ws.store, &stripped).await.unwrap()), first);
    // Another customer cannot post into Ann's ticket with the token.
    let intruder = mail("eve@example.com", "e1@x", &format!("[#{number}] hi"), "x", 3_000);
    assert_ne!(ticket_of(ingest(&ws.store, &intruder).await.unwrap()), first);
}

#[tokio::test]
async fn auto_replies_are_stored_but_open_nothing_and_queue_no_job() {
    let ws = workspace().await;
    let mut ooo = mail("ann@example.com", "ooo@x", "Out of office", "I am away", 1_000);
    ooo.auto_generated = true;
    let ticket = ticket_of(ingest(&ws.store, &ooo).await.unwrap());
    let summary = tickets::summary(ws.store.pool(), ticket).await.unwrap();
    assert_eq!(summary.status, TicketStatus::Closed);
    assert!(summary.auto_generated);
    assert_eq!(
        jobs::pending_count(ws.store.pool(), jobs::KIND_CLASSIFY).await.unwrap(),
        0
    );
    assert_eq!(
        tickets::count(ws.store.pool(), switchboard_core::model::TicketView::AllOpen)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn attachments_are_content_addressed_files() {
    let ws = workspace().await;
    let mut msg = mail("ann@example.com", "a1@x", "Photo", "see photo", 1_000);
    let bytes = b"\x89PNG fake image".to_vec();
    msg.attachments = vec![InboundAttachment {
        filename: "box.png".into(),
        content_type: "image/png".into(),
        bytes: bytes.clone(),
        ..Default::default()
    }];
    let ticket = ticket_of(ingest(&ws.store, &msg).await.unwrap());
    let detail = tickets::detail(ws.store.pool(), ticket).await.unwrap();
    let attachment = &detail.messages[0].attachments[0];
    assert_eq!(attachment.filename, "box.png");
    assert_eq!(attachment.size, bytes.len() as i64);
    assert_eq!(ws.store.blobs().get(&attachment.sha256).unwrap(), bytes);
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let ws = workspace().await;
    ticket_of(
        ingest(&ws.store, &mail("ann@example.com", "a1@x", "Hi", "x", 1_000))
            .await
            .unwrap(),
    );
    let err = sqlx::query("DELETE FROM events")
        .execute(ws.store.pool())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = sqlx::query("UPDATE events SET actor = 'x'")
        .execute(ws.store.pool())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[tokio::test]
async fn store_uses_wal_and_foreign_keys() {
    let ws = workspace().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(ws.store.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(ws.store.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn sender_dates_cannot_pin_tickets_or_reopen_them_with_old_mail() {
    let ws = workspace().await;
    let now = switchboard_core::time::now_ms();
    let first = ticket_of(
        ingest(
            &ws.store,
            &mail("ann@example.com", "a1@x", "Refund", "please", now - 10_000),
        )
        .await
        .unwrap(),
    );
    // A mail dated 2099 does not float its ticket above everything else forever.
    let future = ticket_of(
        ingest(
            &ws.store,
            &mail("bob@example.com", "b1@x", "Hi", "from the future", 4_070_908_800_000),
        )
        .await
        .unwrap(),
    );
    assert!(tickets::summary(ws.store.pool(), future).await.unwrap().updated_at <= switchboard_core::time::now_ms());
    // An older message of Ann's, imported after the ticket was resolved, neither reopens it nor replaces the preview.
    tickets::set_status(ws.store.pool(), first, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    let old = reply_to(
        mail("ann@example.com", "a0@x", "Re: Refund", "an old note", now - 20_000),
        "a1@x",
    );
    assert_eq!(ticket_of(ingest(&ws.store, &old).await.unwrap()), first);
    let summary = tickets::summary(ws.store.pool(), first).await.unwrap();
    assert_eq!(summary.status, TicketStatus::Resolved);
    assert_eq!(summary.preview, "please");
    assert_eq!(summary.message_count, 2);
}
