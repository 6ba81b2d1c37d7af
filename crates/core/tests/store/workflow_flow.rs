//! 1,000 mixed tickets through ingest → classification → the day-one rules → SLA clocks: each ends in
//! the queue, priority, status and SLA state its kind calls for.

use switchboard_core::classification::{self, NewClassification, Source};
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::{Priority, TicketStatus};
use switchboard_core::{rules, sla, tickets};

use super::fixtures::{mail, workspace};

#[derive(Clone, Copy, Debug)]
enum Kind {
    AngryComplaint,
    CalmComplaint,
    ConfidentSpam,
    UnsureSpam,
    Billing,
    Technical,
    Shipping,
    LegalThreat,
    Question,
}

const KINDS: [Kind; 9] = [
    Kind::AngryComplaint,
    Kind::CalmComplaint,
    Kind::ConfidentSpam,
    Kind::UnsureSpam,
    Kind::Billing,
    Kind::Technical,
    Kind::Shipping,
    Kind::LegalThreat,
    Kind::Question,
];

/// (subject, body, category, sentiment, confidence) the classifier reports for a kind.
fn shape(kind: Kind) -> (&'static str, &'static str, &'static str, &'static str, f64) {
    match kind {
        Kind::AngryComplaint => (
            "Awful service",
            "This is the worst shop ever.",
            "complaint",
            "negative",
            0.9,
        ),
        Kind::CalmComplaint => ("Small issue", "The box was a bit dented.", "complaint", "neutral", 0.8),
        Kind::ConfidentSpam => ("WIN NOW", "Click here for prizes", "spam_other", "neutral", 0.95),
        Kind::UnsureSpam => ("Hello", "Partnership proposal?", "spam_other", "neutral", 0.55),
        Kind::Billing => ("Invoice", "Please correct the VAT number.", "billing", "neutral", 0.9),
        Kind::Technical => (
            "No sound",
            "The left earcup is silent.",
            "technical_support",
            "negative",
            0.85,
        ),
        Kind::Shipping => ("Where is it", "My parcel has not arrived.", "shipping", "neutral", 0.9),
        Kind::LegalThreat => (
            "Final warning",
            "My lawyer will contact you.",
            "product_inquiry",
            "negative",
            0.7,
        ),
        Kind::Question => ("Colours?", "Does it come in blue?", "product_inquiry", "positive", 0.9),
    }
}

/// (queue, priority, status, has a running SLA clock) expected after the rules ran.
fn expected(kind: Kind) -> (Option<&'static str>, Priority, TicketStatus, bool) {
    match kind {
        Kind::AngryComplaint => (Some("Complaints"), Priority::High, TicketStatus::New, true),
        Kind::CalmComplaint => (None, Priority::Normal, TicketStatus::New, true),
        Kind::ConfidentSpam => (None, Priority::Normal, TicketStatus::Closed, false),
        Kind::UnsureSpam => (None, Priority::Normal, TicketStatus::New, true),
        Kind::Billing => (Some("Billing"), Priority::Normal, TicketStatus::New, true),
        Kind::Technical => (Some("Technical"), Priority::Normal, TicketStatus::New, true),
        Kind::Shipping => (Some("After-sales"), Priority::Normal, TicketStatus::New, true),
        Kind::LegalThreat => (None, Priority::Urgent, TicketStatus::New, true),
        Kind::Question => (None, Priority::Normal, TicketStatus::New, true),
    }
}

#[tokio::test]
async fn a_thousand_mixed_tickets_end_where_the_rules_send_them() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    rules::library::install_defaults(pool).await.unwrap();
    sla::set_business_hours(pool, &sla::BusinessHours::always("UTC"))
        .await
        .unwrap();
    let now = switchboard_core::time::now_ms();
    let mut created = Vec::new();
    for i in 0..1000 {
        let kind = KINDS[i % KINDS.len()];
        let (subject, body, category, sentiment, confidence) = shape(kind);
        let msg = mail(
            &format!("c{i}@example.com"),
            &format!("m{i}@x"),
            subject,
            body,
            now - 1000 + i as i64,
        );
        let IngestOutcome::Created { ticket_id, .. } = ingest(&ws.store, &msg).await.unwrap() else {
            panic!("ticket {i} was not created")
        };
        let c = NewClassification {
            model: "test".into(),
            category: Some(category.into()),
            priority: Some(Priority::Normal),
            sentiment: Some(sentiment.into()),
            language: Some("en".into()),
            confidence: Some(confidence),
            ..Default::default()
        };
        classification::record(pool, ticket_id, Source::LocalModel, &c)
            .await
            .unwrap();
        created.push((ticket_id, kind));
    }
    sla::refresh_dirty(pool, now).await.unwrap();
    for (ticket_id, kind) in created {
        let t = tickets::summary(pool, ticket_id).await.unwrap();
        let (queue, priority, status, clock) = expected(kind);
        assert_eq!(
            (t.queue.as_deref(), t.priority, t.status, t.sla_due_at.is_some()),
            (queue, priority, status, clock),
            "{kind:?} ticket #{}",
            t.number
        );
        if let Some(due) = t.sla_due_at {
            let minutes = (due - t.created_at) / 60_000;
            let target = match priority {
                Priority::Urgent => 60,
                Priority::High => 240,
                _ => 480,
            };
            assert_eq!(
                minutes, target,
                "{kind:?}: first response due per its priority's policy"
            );
        }
        if matches!(kind, Kind::LegalThreat) {
            assert!(t.tags.contains(&"escalated".to_string()));
        }
    }
}
