use switchboard_core::ingest::ingest;
use switchboard_core::model::{ChannelKind, Direction, OutboxState, TicketStatus, TicketView};
use switchboard_core::outbox::{self, ReplyAuthor};
use switchboard_core::{Error, tickets};

use crate::fixtures::{mail, workspace};

fn agent() -> ReplyAuthor {
    ReplyAuthor {
        name: "Support".into(),
        address: "support@aurora.example".into(),
    }
}

#[tokio::test]
async fn views_filter_and_count() {
    let ws = workspace().await;
    for i in 0..5 {
        ingest(
            &ws.store,
            &mail(&format!("c{i}@example.com"), &format!("m{i}@x"), "Hi", "x", 1_000 + i),
        )
        .await
        .unwrap();
    }
    let pool = ws.store.pool();
    let list = tickets::list(pool, TicketView::AllOpen, 100, 0).await.unwrap();
    assert_eq!(list.len(), 5);
    assert!(
        list.windows(2).all(|w| w[0].updated_at >= w[1].updated_at),
        "newest first"
    );
    tickets::set_status(pool, list[0].id, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    tickets::set_status(pool, list[1].id, TicketStatus::Pending, "agent")
        .await
        .unwrap();
    let counts: Vec<(TicketView, i64)> = tickets::view_counts(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.view, c.count))
        .collect();
    assert!(counts.contains(&(TicketView::AllOpen, 3)));
    assert!(counts.contains(&(TicketView::Resolved, 1)));
    assert!(counts.contains(&(TicketView::Pending, 1)));
    assert!(counts.contains(&(
        TicketView::Channel {
            channel: ChannelKind::Email
        },
        3
    )));
    assert!(counts.contains(&(
        TicketView::Channel {
            channel: ChannelKind::Phone
        },
        0
    )));
    assert_eq!(tickets::list(pool, TicketView::AllOpen, 2, 2).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_reply_is_queued_in_the_outbox_and_threads_to_the_customer() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    ingest(&ws.store, &mail("ann@example.com", "a1@x", "Refund", "please", 1_000))
        .await
        .unwrap();
    let ticket = tickets::list(pool, TicketView::AllOpen, 1, 0).await.unwrap().remove(0);
    let item = outbox::enqueue_reply(pool, ticket.id, "We are on it.", Direction::Outbound, &agent())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(item.state, OutboxState::Queued);
    assert_eq!(item.body_text, "We are on it.");
    let detail = tickets::detail(pool, ticket.id).await.unwrap();
    assert_eq!(detail.ticket.status, TicketStatus::Open);
    assert_eq!(detail.outbox.len(), 1);
    let reply = detail.messages.last().unwrap();
    assert_eq!(reply.direction, Direction::Outbound);
    let in_reply_to: Option<String> = sqlx::query_scalar("SELECT in_reply_to FROM messages WHERE id = ?")
        .bind(reply.id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(in_reply_to.as_deref(), Some("a1@x"));
    // The customer's answer to our reply threads into the same ticket.
    let answer = crate::fixtures::reply_to(
        mail("ann@example.com", "a2@x", "Re: Refund", "thanks", 5_000),
        reply.channel_message_id.as_deref().unwrap(),
    );
    let outcome = ingest(&ws.store, &answer).await.unwrap();
    assert!(
        matches!(outcome, switchboard_core::ingest::IngestOutcome::Threaded { ticket_id, .. } if ticket_id == ticket.id)
    );

    outbox::set_state(pool, item.id, OutboxState::Sending, None)
        .await
        .unwrap();
    outbox::set_state(pool, item.id, OutboxState::Sent, None).await.unwrap();
    assert!(outbox::queued(pool, 10).await.unwrap().is_empty());
    let first_response: Option<i64> = sqlx::query_scalar("SELECT first_response_at FROM tickets WHERE id = ?")
        .bind(ticket.id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(first_response.is_some());
}

#[tokio::test]
async fn notes_are_not_sent_and_empty_replies_are_refused() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    ingest(&ws.store, &mail("ann@example.com", "a1@x", "Hi", "x", 1_000))
        .await
        .unwrap();
    let ticket = tickets::list(pool, TicketView::AllOpen, 1, 0).await.unwrap().remove(0);
    assert!(
        outbox::enqueue_reply(pool, ticket.id, "internal", Direction::Note, &agent())
            .await
            .unwrap()
            .is_none()
    );
    assert!(outbox::queued(pool, 10).await.unwrap().is_empty());
    assert!(matches!(
        outbox::enqueue_reply(pool, ticket.id, "  \n", Direction::Outbound, &agent()).await,
        Err(Error::Invalid(_))
    ));
    assert!(matches!(
        outbox::enqueue_reply(pool, 999, "x", Direction::Outbound, &agent()).await,
        Err(Error::TicketNotFound(999))
    ));
}
