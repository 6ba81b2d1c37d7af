//! Merging and splitting tickets; merging customers and undoing it.

use switchboard_core::customer_merging;
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::{ChannelKind, TicketStatus};
use switchboard_core::orders::{self, OrderFormat};
use switchboard_core::{audit, customers, ticket_merging, tickets};

use super::fixtures::{mail, reply_to, workspace};

async fn created(ws: &super::fixtures::Workspace, msg: switchboard_core::ingest::InboundMessage) -> i64 {
    match ingest(&ws.store, &msg).await.unwrap() {
        IngestOutcome::Created { ticket_id, .. } => ticket_id,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn merged_tickets_become_one_conversation_and_later_replies_follow() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let first = created(
        &ws,
        mail("ann@example.com", "a1@x", "Headphones broken", "Left side dead", 1_000),
    )
    .await;
    let second = created(
        &ws,
        mail("ann@example.com", "a2@x", "Also: invoice", "Need an invoice", 2_000),
    )
    .await;
    let merged = ticket_merging::merge(pool, first, &[second], "agent").await.unwrap();
    assert_eq!(merged.message_count, 2);
    let gone = tickets::summary(pool, second).await.unwrap();
    assert_eq!((gone.status, gone.message_count), (TicketStatus::Closed, 0));
    let kinds: Vec<String> = audit::for_ticket(pool, second)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(kinds.contains(&"merged_into".to_string()));
    assert!(
        audit::for_ticket(pool, first)
            .await
            .unwrap()
            .iter()
            .any(|e| e.kind == "merged_from")
    );

    // The customer answers the merged-away thread: it lands in the merged ticket, not a new one.
    let answer = reply_to(
        mail("ann@example.com", "a3@x", "Re: Also: invoice", "Thanks", 3_000),
        "a2@x",
    );
    assert_eq!(
        ingest(&ws.store, &answer).await.unwrap(),
        IngestOutcome::Threaded {
            ticket_id: first,
            message_id: 3
        }
    );
    let number = gone.number;
    let by_token = mail(
        "ann@example.com",
        "a4@x",
        &format!("[#{number}] one more"),
        "Token only",
        4_000,
    );
    assert!(
        matches!(ingest(&ws.store, &by_token).await.unwrap(), IngestOutcome::Threaded { ticket_id, .. } if ticket_id == first)
    );

    assert!(ticket_merging::merge(pool, first, &[first], "agent").await.is_err());
    assert!(ticket_merging::merge(pool, first, &[999], "agent").await.is_err());
}

#[tokio::test]
async fn a_second_question_is_split_into_its_own_ticket() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let ticket = created(
        &ws,
        mail("ann@example.com", "b1@x", "Order late", "Where is it?", 1_000),
    )
    .await;
    ingest(
        &ws.store,
        &reply_to(
            mail(
                "ann@example.com",
                "b2@x",
                "Re: Order late",
                "And can I change my address?",
                2_000,
            ),
            "b1@x",
        ),
    )
    .await
    .unwrap();
    let detail = tickets::detail(pool, ticket).await.unwrap();
    let second = detail.messages[1].id;
    let new = ticket_merging::split(pool, ticket, &[second], "agent").await.unwrap();
    assert_ne!(new.id, ticket);
    assert_eq!((new.message_count, new.status), (1, TicketStatus::Open));
    assert_eq!(new.customer_address, "ann@example.com");
    assert_eq!(new.subject, "Order late");
    assert_eq!(tickets::summary(pool, ticket).await.unwrap().message_count, 1);
    assert!(
        tickets::detail(pool, new.id).await.unwrap().messages[0]
            .body_text
            .contains("address")
    );
    let first = detail.messages[0].id;
    assert!(
        ticket_merging::split(pool, ticket, &[first], "agent").await.is_err(),
        "one message must stay"
    );
    assert!(
        ticket_merging::split(pool, ticket, &[second], "agent").await.is_err(),
        "not on this ticket any more"
    );
}

#[tokio::test]
async fn customers_merge_across_channels_and_the_merge_can_be_undone() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let by_mail = created(&ws, mail("ann@example.com", "c1@x", "Hi", "by mail", 1_000)).await;
    let mut phone = mail("+8613800138000", "c2@x", "Call", "by phone", 2_000);
    phone.channel = Some(ChannelKind::Phone);
    let by_phone = created(&ws, phone).await;
    let customer_of = |id| async move {
        sqlx::query_scalar::<_, i64>("SELECT customer_id FROM tickets WHERE id = ?")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    let (ann, caller) = (customer_of(by_mail).await, customer_of(by_phone).await);
    assert_ne!(ann, caller);
    orders::import_csv(
        pool,
        "Name,Phone,Created at,Total\n#9,+86 138 0013 8000,2026-01-01,10.00\n",
        &OrderFormat::Shopify,
    )
    .await
    .unwrap();
    customers::update(
        pool,
        caller,
        &customers::ProfileUpdate {
            display_name: "Caller".into(),
            notes: "Called twice.".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let merge = customer_merging::merge(pool, ann, caller, "agent").await.unwrap();
    let profile = customers::profile(pool, ann).await.unwrap();
    assert_eq!(profile.identities.len(), 2);
    assert_eq!((profile.ticket_count, profile.orders.len()), (2, 1));
    assert!(profile.notes.contains("Called twice."));
    assert_eq!(customer_of(by_phone).await, ann);
    let undoable = customer_merging::merges_into(pool, ann).await.unwrap();
    assert_eq!(undoable.len(), 1);
    assert_eq!(undoable[0].identities, vec!["+8613800138000".to_string()]);

    // A call logged after the merge goes to the merged customer, and back with the undo.
    let mut later = mail("+8613800138000", "c3@x", "Call again", "by phone", 3_000);
    later.channel = Some(ChannelKind::Phone);
    let later = created(&ws, later).await;
    assert_eq!(customer_of(later).await, ann);

    let restored = customer_merging::undo(pool, merge, "agent").await.unwrap();
    assert_eq!(restored.display_name, "Caller");
    assert_eq!(restored.identities.len(), 1);
    assert_eq!((restored.ticket_count, restored.orders.len()), (2, 1));
    assert_eq!(customer_of(by_phone).await, restored.id);
    assert_eq!(customer_of(later).await, restored.id);
    assert_eq!(customer_of(by_mail).await, ann);
    assert!(
        customer_merging::undo(pool, merge, "agent").await.is_err(),
        "undone once"
    );
    assert!(customer_merging::merges_into(pool, ann).await.unwrap().is_empty());
}
