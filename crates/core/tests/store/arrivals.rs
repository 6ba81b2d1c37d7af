use switchboard_core::arrivals::{self, Decision, GROUP_ABOVE, Notice, NotificationSettings, decide, group};
use switchboard_core::ingest::ingest;
use switchboard_core::model::{ChannelKind, Priority};
use switchboard_core::time::now_ms;
use switchboard_core::{accounts, jobs, ticket_actions};

use crate::fixtures::{mail, reply_to, workspace};

#[tokio::test]
async fn only_mail_from_a_channel_account_arrives_after_the_watermark() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    // An import (no account) is the agent's own doing: not announced.
    ingest(
        &ws.store,
        &mail("old@example.com", "imported@x", "Imported", "x", 1_000),
    )
    .await
    .unwrap();
    let watermark = arrivals::latest_message_id(pool).await.unwrap();
    let account = accounts::create(pool, ChannelKind::Email, "Support", "support@aurora.example", "{}")
        .await
        .unwrap();
    let synced = |m: switchboard_core::ingest::InboundMessage| switchboard_core::ingest::InboundMessage {
        account_id: Some(account),
        ..m
    };
    ingest(
        &ws.store,
        &synced(mail(
            "ana@example.com",
            "a1@x",
            "Broken zip",
            "The zip broke.",
            now_ms(),
        )),
    )
    .await
    .unwrap();
    let mut auto = synced(mail("bot@example.com", "auto@x", "Out of office", "away", now_ms()));
    auto.auto_generated = true;
    ingest(&ws.store, &auto).await.unwrap();
    ingest(
        &ws.store,
        &synced(reply_to(
            mail("ana@example.com", "a2@x", "Re: Broken zip", "Any news?", now_ms()),
            "a1@x",
        )),
    )
    .await
    .unwrap();

    let arrived = arrivals::since(pool, watermark, 100).await.unwrap();
    assert_eq!(arrived.len(), 2, "{arrived:?}");
    assert!(arrived[0].new_ticket && !arrived[1].new_ticket);
    assert_eq!(arrived[0].ticket_id, arrived[1].ticket_id);
    assert_eq!(arrived[0].customer_name, "ana");
    assert!(arrived[0].classifying, "its classification is queued");
    assert!(arrived[1].preview.starts_with("Any news?"));
    // Past the watermark of the first, only the second is left.
    assert_eq!(
        arrivals::since(pool, arrived[0].message_id, 100).await.unwrap().len(),
        1
    );

    // Once classified, it no longer waits.
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM jobs").fetch_all(pool).await.unwrap();
    for id in ids {
        jobs::complete(pool, id).await.unwrap();
    }
    assert!(!arrivals::since(pool, watermark, 1).await.unwrap()[0].classifying);

    // A reply on a ticket assigned to me.
    ticket_actions::assign(pool, &[arrived[0].ticket_id], Some("Li Wei"), "agent")
        .await
        .unwrap();
    assert_eq!(
        arrivals::since(pool, watermark, 100).await.unwrap()[1]
            .assignee
            .as_deref(),
        Some("Li Wei")
    );
}

fn arrival(new_ticket: bool, priority: Priority, assignee: Option<&str>, classifying: bool) -> arrivals::Arrival {
    arrivals::Arrival {
        message_id: 1,
        ticket_id: 1,
        ticket_number: 1001,
        subject: "Broken zip".into(),
        customer_name: "Ana".into(),
        preview: "The zip broke.".into(),
        priority,
        assignee: assignee.map(Into::into),
        new_ticket,
        classifying,
        sent_at: now_ms() - 60_000,
        created_at: now_ms(),
    }
}

#[test]
fn the_settings_decide_what_is_announced() {
    let all = NotificationSettings::default();
    let new = arrival(true, Priority::Normal, None, false);
    assert_eq!(decide(&all, &new, "Li Wei", 10), Decision::Announce);
    assert_eq!(
        decide(
            &NotificationSettings {
                enabled: false,
                ..all.clone()
            },
            &new,
            "Li Wei",
            10
        ),
        Decision::Skip
    );
    assert_eq!(
        decide(
            &NotificationSettings {
                new_tickets: false,
                ..all.clone()
            },
            &new,
            "Li Wei",
            10
        ),
        Decision::Skip
    );

    // Replies: only on tickets of mine.
    assert_eq!(
        decide(
            &all,
            &arrival(false, Priority::Normal, Some("Li Wei"), false),
            "Li Wei",
            10
        ),
        Decision::Announce
    );
    assert_eq!(
        decide(
            &all,
            &arrival(false, Priority::Normal, Some("Sam"), false),
            "Li Wei",
            10
        ),
        Decision::Skip
    );
    assert_eq!(
        decide(&all, &arrival(false, Priority::Normal, None, false), "Li Wei", 10),
        Decision::Skip
    );

    // Urgent only: waits for the classifier, then decides by priority.
    let urgent_only = NotificationSettings {
        min_priority: Priority::High,
        ..all.clone()
    };
    assert_eq!(
        decide(&urgent_only, &arrival(true, Priority::Normal, None, true), "me", 10),
        Decision::Wait
    );
    assert_eq!(
        decide(&urgent_only, &arrival(true, Priority::Normal, None, false), "me", 10),
        Decision::Skip
    );
    assert_eq!(
        decide(&urgent_only, &arrival(true, Priority::Urgent, None, false), "me", 10),
        Decision::Announce
    );
    let mut stale = arrival(true, Priority::Normal, None, true);
    stale.created_at -= arrivals::WAIT_FOR_CLASSIFICATION_MS + 1;
    assert_eq!(
        decide(&urgent_only, &stale, "me", 10),
        Decision::Skip,
        "waits no longer than the limit"
    );

    // Old mail arriving now (a first sync of a mailbox) is history, not news.
    let mut old = arrival(true, Priority::Urgent, None, false);
    old.sent_at = old.created_at - arrivals::STALE_AFTER_MS - 1;
    assert_eq!(decide(&all, &old, "me", 10), Decision::Skip);

    // Quiet hours, also across midnight.
    let night = NotificationSettings {
        quiet_from: Some(22),
        quiet_until: Some(7),
        ..all.clone()
    };
    assert_eq!(decide(&night, &new, "me", 23), Decision::Skip);
    assert_eq!(decide(&night, &new, "me", 3), Decision::Skip);
    assert_eq!(decide(&night, &new, "me", 7), Decision::Announce);
    let lunch = NotificationSettings {
        quiet_from: Some(12),
        quiet_until: Some(13),
        ..all.clone()
    };
    assert!(lunch.is_quiet(12) && !lunch.is_quiet(13) && !lunch.is_quiet(11));
    assert!(
        NotificationSettings {
            quiet_from: Some(24),
            quiet_until: Some(2),
            ..all.clone()
        }
        .validate()
        .is_err()
    );
    assert!(
        NotificationSettings {
            quiet_from: Some(2),
            quiet_until: None,
            ..all
        }
        .validate()
        .is_err()
    );
}

#[test]
fn a_burst_is_one_notification() {
    let few: Vec<_> = (0..GROUP_ABOVE)
        .map(|_| arrival(true, Priority::Normal, None, false))
        .collect();
    assert_eq!(group(few).len(), GROUP_ABOVE);
    let mut many: Vec<_> = (0..12).map(|_| arrival(true, Priority::Normal, None, false)).collect();
    many[11].subject = "The newest".into();
    match group(many).as_slice() {
        [Notice::Many { count: 12, newest }] => assert_eq!(newest.subject, "The newest"),
        other => panic!("{other:?}"),
    }
}
