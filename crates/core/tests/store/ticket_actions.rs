use switchboard_core::ingest::ingest;
use switchboard_core::manual_tickets::{ManualTicket, log_ticket, normalise_contact};
use switchboard_core::model::{ChannelKind, Direction, Priority, TicketSort, TicketStatus, TicketView};
use switchboard_core::outbox::ReplyAuthor;
use switchboard_core::time::now_ms;
use switchboard_core::{Error, classification, ticket_actions, tickets};

use crate::fixtures::{mail, reply_to, workspace};

async fn five_tickets(ws: &crate::fixtures::Workspace) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..5 {
        ingest(
            &ws.store,
            &mail(&format!("c{i}@example.com"), &format!("m{i}@x"), "Hi", "x", 1_000 + i),
        )
        .await
        .unwrap();
    }
    for t in tickets::list(ws.store.pool(), TicketView::AllOpen, 100, 0)
        .await
        .unwrap()
    {
        ids.push(t.id);
    }
    ids
}

fn count_of(counts: &[switchboard_core::model::ViewCount], view: &TicketView) -> i64 {
    counts.iter().find(|c| &c.view == view).map_or(-1, |c| c.count)
}

#[tokio::test]
async fn assigning_to_me_fills_mine_and_empties_unassigned() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    ws.store.set_setting("agent.name", "Li Wei").await.unwrap();
    let changed = ticket_actions::assign(pool, &ids[..2], Some("Li Wei"), "agent")
        .await
        .unwrap();
    assert!(changed.iter().all(|t| t.assignee.as_deref() == Some("Li Wei")));
    let counts = tickets::view_counts(pool).await.unwrap();
    assert_eq!(count_of(&counts, &TicketView::Mine), 2);
    assert_eq!(count_of(&counts, &TicketView::Unassigned), 3);
    let mine = tickets::list(pool, TicketView::Mine, 10, 0).await.unwrap();
    assert_eq!(mine.iter().map(|t| t.id).collect::<Vec<_>>(), ids[..2].to_vec());

    ticket_actions::assign(pool, &ids[..1], None, "agent").await.unwrap();
    assert_eq!(tickets::count(pool, TicketView::Mine).await.unwrap(), 1);
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE kind = 'assigned'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(events, 3);
}

#[tokio::test]
async fn a_bulk_action_on_a_missing_ticket_changes_nothing() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let err = ticket_actions::assign(pool, &[ids[0], 999_999], Some("me"), "agent")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::TicketNotFound(999_999)), "{err}");
    assert_eq!(tickets::count(pool, TicketView::Unassigned).await.unwrap(), 5);
    let err = ticket_actions::snooze(pool, &[], Some(now_ms() + 1000), "agent")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no tickets"), "{err}");
}

#[tokio::test]
async fn tags_are_added_removed_and_shown_on_the_row() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let rows = ticket_actions::tag(pool, &ids[..3], &["  VIP ".into(), "wholesale".into()], &[], "agent")
        .await
        .unwrap();
    assert!(
        rows.iter()
            .all(|t| t.tags == vec!["VIP".to_string(), "wholesale".to_string()])
    );
    // Case-insensitive: "vip" is the same tag.
    let rows = ticket_actions::tag(pool, &ids[..1], &[], &["vip".into()], "agent")
        .await
        .unwrap();
    assert_eq!(rows[0].tags, vec!["wholesale".to_string()]);
    assert_eq!(
        ticket_actions::tags_in_use(pool).await.unwrap(),
        vec![("wholesale".to_string(), 3), ("VIP".to_string(), 2)]
    );
    assert!(
        ticket_actions::tag(pool, &ids[..1], &["   ".into()], &[], "agent")
            .await
            .is_err()
    );
    assert!(
        ticket_actions::tag(pool, &ids[..1], &["x".repeat(41)], &[], "agent")
            .await
            .is_err()
    );
    // A tag with no change leaves no event.
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE kind = 'tagged'")
        .fetch_one(pool)
        .await
        .unwrap();
    ticket_actions::tag(pool, &ids[1..2], &["vip".into()], &[], "agent")
        .await
        .unwrap();
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE kind = 'tagged'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_snoozed_ticket_leaves_the_open_views_until_the_customer_writes() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let until = now_ms() + 3_600_000;
    assert!(
        ticket_actions::snooze(pool, &ids[..1], Some(now_ms() - 1), "agent")
            .await
            .is_err(),
        "the past is refused"
    );
    let rows = ticket_actions::snooze(pool, &ids[..2], Some(until), "agent")
        .await
        .unwrap();
    assert!(rows.iter().all(|t| t.snoozed_until == Some(until)));
    let counts = tickets::view_counts(pool).await.unwrap();
    assert_eq!(count_of(&counts, &TicketView::AllOpen), 3);
    assert_eq!(count_of(&counts, &TicketView::Snoozed), 2);
    assert_eq!(count_of(&counts, &TicketView::Unassigned), 3);

    // The customer of the first writes again: it is back at once.
    let first = tickets::summary(pool, ids[0]).await.unwrap();
    let customer = first.customer_address.clone();
    ingest(
        &ws.store,
        &reply_to(mail(&customer, "again@x", "Re: Hi", "still there?", now_ms()), "m4@x"),
    )
    .await
    .unwrap();
    let back = tickets::summary(pool, ids[0]).await.unwrap();
    assert_eq!(back.snoozed_until, None, "{customer}");
    assert_eq!(tickets::count(pool, TicketView::Snoozed).await.unwrap(), 1);

    // Unsnoozing by hand.
    ticket_actions::snooze(pool, &ids[1..2], None, "agent").await.unwrap();
    assert_eq!(tickets::count(pool, TicketView::AllOpen).await.unwrap(), 5);
}

#[tokio::test]
async fn a_snooze_that_runs_out_brings_the_ticket_back_by_itself() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let before = now_ms();
    ticket_actions::snooze(pool, &ids[..1], Some(before + 150), "agent")
        .await
        .unwrap();
    assert_eq!(tickets::count(pool, TicketView::AllOpen).await.unwrap(), 4);
    assert!(ticket_actions::woken_since(pool, before).await.unwrap().is_empty());
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    assert_eq!(tickets::count(pool, TicketView::AllOpen).await.unwrap(), 5);
    assert_eq!(ticket_actions::woken_since(pool, before).await.unwrap(), vec![ids[0]]);
}

#[tokio::test]
async fn urgent_category_and_sort_orders() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    for (id, priority, category) in [
        (ids[3], Priority::Urgent, "billing"),
        (ids[1], Priority::High, "billing"),
        (ids[4], Priority::Low, "shipping"),
    ] {
        classification::record(
            pool,
            id,
            classification::Source::Agent,
            &classification::NewClassification {
                model: "agent".into(),
                category: Some(category.into()),
                priority: Some(priority),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    let counts = tickets::view_counts(pool).await.unwrap();
    assert_eq!(count_of(&counts, &TicketView::Urgent), 1);
    assert_eq!(
        count_of(
            &counts,
            &TicketView::Category {
                category: "billing".into()
            }
        ),
        2
    );
    assert_eq!(
        count_of(
            &counts,
            &TicketView::Category {
                category: "shipping".into()
            }
        ),
        1
    );
    let billing = tickets::list(
        pool,
        TicketView::Category {
            category: "billing".into(),
        },
        10,
        0,
    )
    .await
    .unwrap();
    assert!(billing.iter().all(|t| t.category.as_deref() == Some("billing")));

    let by_priority = tickets::list_sorted(pool, &TicketView::AllOpen, TicketSort::Priority, 10, 0)
        .await
        .unwrap();
    let order: Vec<Priority> = by_priority.iter().map(|t| t.priority).collect();
    assert_eq!(
        order,
        vec![
            Priority::Urgent,
            Priority::High,
            Priority::Normal,
            Priority::Normal,
            Priority::Low
        ]
    );
    let newest = tickets::list_sorted(pool, &TicketView::AllOpen, TicketSort::Newest, 10, 0)
        .await
        .unwrap();
    let mut oldest = tickets::list_sorted(pool, &TicketView::AllOpen, TicketSort::Oldest, 10, 0)
        .await
        .unwrap();
    oldest.reverse();
    assert_eq!(
        newest.iter().map(|t| t.id).collect::<Vec<_>>(),
        oldest.iter().map(|t| t.id).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn bulk_status_changes_every_ticket_and_audits_each() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let rows = ticket_actions::set_status(pool, &ids[..3], TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    assert!(rows.iter().all(|t| t.status == TicketStatus::Resolved));
    assert_eq!(tickets::count(pool, TicketView::Resolved).await.unwrap(), 3);
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE kind = 'status_changed'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(events, 3);
}

fn agent() -> ReplyAuthor {
    ReplyAuthor {
        name: "Li Wei".into(),
        address: "support@aurora.example".into(),
    }
}

#[tokio::test]
async fn a_phone_call_is_logged_as_a_ticket_with_notes_on_the_phone_channel() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let call = ManualTicket {
        customer_name: "王芳".into(),
        customer_contact: "+86 138-0013-8000".into(),
        subject: "电话：退货地址".into(),
        request: "客户询问退货寄到哪里，订单 AUR-2026-0612。".into(),
        notes: "Called from her office; prefers a call back after 14:00.".into(),
    };
    let ticket = log_ticket(&ws.store, &call, &agent()).await.unwrap();
    assert_eq!(ticket.channel, ChannelKind::Phone);
    assert_eq!(ticket.customer_name, "王芳");
    assert_eq!(ticket.customer_address, "+8613800138000");
    let detail = tickets::detail(pool, ticket.id).await.unwrap();
    let kinds: Vec<Direction> = detail.messages.iter().map(|m| m.direction).collect();
    assert_eq!(kinds, vec![Direction::Inbound, Direction::Note]);
    assert!(detail.outbox.is_empty(), "notes are never sent");
    assert_eq!(
        tickets::count(
            pool,
            TicketView::Channel {
                channel: ChannelKind::Phone
            }
        )
        .await
        .unwrap(),
        1
    );
    let queued: i64 = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE kind = 'classify'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(queued, 1, "the call is classified like any message");

    // The same customer calling again, written differently, is the same customer; a second call is a
    // second ticket.
    let again = ManualTicket {
        customer_contact: "+8613800138000".into(),
        notes: String::new(),
        ..call.clone()
    };
    let second = log_ticket(&ws.store, &again, &agent()).await.unwrap();
    assert_ne!(second.id, ticket.id);
    assert_eq!(
        tickets::detail(pool, second.id).await.unwrap().customer.id,
        detail.customer.id
    );
}

#[tokio::test]
async fn a_manual_ticket_with_missing_or_bad_fields_is_refused_with_the_reason() {
    let ws = workspace().await;
    let good = ManualTicket {
        customer_name: "Sam".into(),
        customer_contact: "sam@example.com".into(),
        subject: "Walk-in".into(),
        request: "Wants to exchange a size.".into(),
        notes: String::new(),
    };
    for (bad, reason) in [
        (
            ManualTicket {
                customer_name: " ".into(),
                ..good.clone()
            },
            "name",
        ),
        (
            ManualTicket {
                subject: "".into(),
                ..good.clone()
            },
            "subject",
        ),
        (
            ManualTicket {
                request: "".into(),
                ..good.clone()
            },
            "asked",
        ),
        (
            ManualTicket {
                customer_contact: "call me".into(),
                ..good.clone()
            },
            "neither",
        ),
        (
            ManualTicket {
                customer_contact: "sam@localhost".into(),
                ..good.clone()
            },
            "email",
        ),
    ] {
        let err = log_ticket(&ws.store, &bad, &agent()).await.unwrap_err();
        assert!(err.to_string().contains(reason), "{err}");
    }
    assert_eq!(tickets::count(ws.store.pool(), TicketView::AllOpen).await.unwrap(), 0);
    assert_eq!(normalise_contact("(010) 6552-9988").unwrap(), "01065529988");
    assert_eq!(normalise_contact(" Sam@Example.COM ").unwrap(), "sam@example.com");
}

#[tokio::test]
async fn a_correction_for_many_tickets_is_all_or_nothing() {
    let ws = workspace().await;
    let ids = five_tickets(&ws).await;
    let pool = ws.store.pool();
    let label = classification::NewClassification {
        model: "agent".into(),
        category: Some("billing".into()),
        priority: Some(Priority::High),
        ..Default::default()
    };
    let err = classification::record_many(pool, &[ids[0], 999_999], classification::Source::Agent, &label)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::TicketNotFound(999_999)), "{err}");
    assert!(
        tickets::summary(pool, ids[0]).await.unwrap().category.is_none(),
        "nothing changed"
    );
    classification::record_many(pool, &ids[..3], classification::Source::Agent, &label)
        .await
        .unwrap();
    for id in &ids[..3] {
        let t = tickets::summary(pool, *id).await.unwrap();
        assert_eq!((t.category.as_deref(), t.priority), (Some("billing"), Priority::High));
        assert_eq!(
            classification::agent_field_names(pool, *id).await.unwrap(),
            vec!["category".to_string(), "priority".to_string()]
        );
    }
}
