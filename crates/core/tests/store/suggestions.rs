//! Personalized suggestions: each rests on the customer's orders and history, does nothing until
//! accepted, and stays away once settled.

use switchboard_core::classification::{self, NewClassification, Source};
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::Priority;
use switchboard_core::orders::{self, OrderFormat};
use switchboard_core::suggestions::{self, SuggestionAction, SuggestionKind};
use switchboard_core::tickets;

use super::fixtures::{mail, workspace};

const ORDERS: &str = "Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price
#2001,ann@example.com,paid,unfulfilled,USD,899.00,2026-11-25 10:00:00 +0000,1,Studio Monitor,899.00
#2000,ann@example.com,paid,fulfilled,USD,450.00,2026-10-01 10:00:00 +0000,1,Headphones,450.00
";

async fn ticket(
    ws: &super::fixtures::Workspace,
    from: &str,
    id: &str,
    subject: &str,
    category: &str,
    sentiment: &str,
) -> i64 {
    let IngestOutcome::Created { ticket_id, .. } = ingest(
        &ws.store,
        &mail(
            from,
            id,
            subject,
            "Where is my package?",
            switchboard_core::time::now_ms(),
        ),
    )
    .await
    .unwrap() else {
        panic!()
    };
    let c = NewClassification {
        model: "test".into(),
        category: Some(category.into()),
        priority: Some(Priority::Normal),
        sentiment: Some(sentiment.into()),
        language: Some("en".into()),
        confidence: Some(0.9),
        ..Default::default()
    };
    classification::record(ws.store.pool(), ticket_id, Source::Llm, &c)
        .await
        .unwrap();
    ticket_id
}

#[tokio::test]
async fn a_repeat_buyer_with_a_late_delivery_gets_order_status_and_an_apology() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let earlier = ticket(&ws, "ann@example.com", "s0@x", "Late again", "shipping", "neutral").await;
    let now = ticket(&ws, "ann@example.com", "s1@x", "Still waiting", "shipping", "negative").await;
    let stranger = ticket(
        &ws,
        "bob@example.com",
        "s2@x",
        "Pairing",
        "technical_support",
        "neutral",
    )
    .await;
    assert!(
        suggestions::for_ticket(pool, stranger).await.unwrap().is_empty(),
        "no facts, no suggestions"
    );
    assert!(
        suggestions::for_ticket(pool, now)
            .await
            .unwrap()
            .iter()
            .all(|s| s.kind == SuggestionKind::RepeatIssue),
        "without orders only the repeat issue shows"
    );

    orders::import_csv(pool, ORDERS, &OrderFormat::Shopify).await.unwrap();
    let found = suggestions::for_ticket(pool, now).await.unwrap();
    let kinds: Vec<_> = found.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SuggestionKind::OpenOrderStatus,
            SuggestionKind::ApologyWithCoupon,
            SuggestionKind::RaisePriority,
            SuggestionKind::RepeatIssue
        ]
    );
    let status = &found[0];
    assert_eq!(status.order.as_ref().unwrap().number, "#2001");
    let SuggestionAction::InsertText { text } = &status.action else {
        panic!()
    };
    assert!(text.contains("#2001") && text.contains("unfulfilled"), "{text}");
    assert_eq!((found[1].order_count, found[1].lifetime_value_cents), (2, 134_900));
    let earlier_number = tickets::summary(pool, earlier).await.unwrap().number;
    assert_eq!(found[3].related_ticket_number, Some(earlier_number));
    assert_eq!(found[3].action, SuggestionAction::OpenTicket { ticket_id: earlier });

    // Nothing happened by itself; accepting the priority suggestion applies it, dismissing hides one.
    assert_eq!(tickets::summary(pool, now).await.unwrap().priority, Priority::Normal);
    suggestions::settle(pool, now, "raise_priority", true, "agent")
        .await
        .unwrap();
    assert_eq!(tickets::summary(pool, now).await.unwrap().priority, Priority::High);
    suggestions::settle(pool, now, "apology_coupon", false, "agent")
        .await
        .unwrap();
    let left: Vec<_> = suggestions::for_ticket(pool, now)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(left, vec![SuggestionKind::OpenOrderStatus, SuggestionKind::RepeatIssue]);
    assert!(
        suggestions::settle(pool, now, "apology_coupon", true, "agent")
            .await
            .is_err(),
        "settled once"
    );
}
