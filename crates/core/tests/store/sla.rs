//! SLA arithmetic (business hours, holidays, DST, time zones) and the clocks of real tickets (policies,
//! replies, pauses while pending, warnings and breaches announced once).

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::{Direction, Priority, TicketStatus};
use switchboard_core::outbox::{self, ReplyAuthor};
use switchboard_core::sla::clocks::SlaEventKind;
use switchboard_core::sla::{self, BusinessHours, OpenHours, SlaPolicy};
use switchboard_core::tickets;

use super::fixtures::{mail, reply_to, workspace};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;

/// A wall-clock time in a zone as UTC milliseconds.
fn at(tz: &str, y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    let tz: Tz = tz.parse().unwrap();
    tz.from_local_datetime(
        &NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap(),
    )
    .earliest()
    .unwrap()
    .timestamp_millis()
}

#[test]
fn business_minutes_skip_nights_weekends_and_holidays() {
    let mut hours = BusinessHours::office("Asia/Shanghai");
    hours.holidays = vec!["2026-10-01".into()];
    let cal = hours.calendar().unwrap();
    let tz = "Asia/Shanghai";
    // Wednesday 2026-09-30 17:00, 2 business hours later: 1 hour today, 1 hour after the holiday.
    assert_eq!(
        cal.add_business_minutes(at(tz, 2026, 9, 30, 17, 0), 120),
        at(tz, 2026, 10, 2, 10, 0)
    );
    // Friday 17:30 + 60 minutes: Monday 09:30.
    assert_eq!(
        cal.add_business_minutes(at(tz, 2026, 10, 9, 17, 30), 60),
        at(tz, 2026, 10, 12, 9, 30)
    );
    // Saturday at noon starts counting on Monday morning.
    assert_eq!(
        cal.add_business_minutes(at(tz, 2026, 10, 10, 12, 0), 30),
        at(tz, 2026, 10, 12, 9, 30)
    );
    // Before opening: counts from 09:00.
    assert_eq!(
        cal.add_business_minutes(at(tz, 2026, 10, 12, 6, 0), 0),
        at(tz, 2026, 10, 12, 9, 0)
    );
    assert!(cal.is_open(at(tz, 2026, 10, 12, 9, 0)));
    assert!(!cal.is_open(at(tz, 2026, 10, 12, 18, 0)));
    assert!(!cal.is_open(at(tz, 2026, 10, 1, 11, 0)), "holiday");
    // Between Friday 17:00 and Monday 10:00 there are two business hours.
    assert_eq!(
        cal.business_ms_between(at(tz, 2026, 10, 9, 17, 0), at(tz, 2026, 10, 12, 10, 0)),
        2 * HOUR
    );
    assert_eq!(
        cal.business_ms_between(at(tz, 2026, 10, 12, 10, 0), at(tz, 2026, 10, 9, 17, 0)),
        0
    );
}

#[test]
fn dst_changes_move_the_windows_like_a_wall_clock() {
    // Berlin springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25.
    let cal = BusinessHours::office("Europe/Berlin").calendar().unwrap();
    let tz = "Europe/Berlin";
    // Friday 17:00 CET + 2 h: Monday 10:00 CEST — 65 hours on the wall clock, 64 real hours.
    let friday = at(tz, 2026, 3, 27, 17, 0);
    let monday = cal.add_business_minutes(friday, 120);
    assert_eq!(monday, at(tz, 2026, 3, 30, 10, 0));
    assert_eq!(monday - friday, 64 * HOUR);
    // Autumn: the weekend is an hour longer.
    let friday = at(tz, 2026, 10, 23, 17, 0);
    let monday = cal.add_business_minutes(friday, 120);
    assert_eq!(monday, at(tz, 2026, 10, 26, 10, 0));
    assert_eq!(monday - friday, 66 * HOUR);

    // A 24-hour business crossing the spring-forward night counts 23 real hours for that day.
    let always = BusinessHours::always(tz).calendar().unwrap();
    let start = at(tz, 2026, 3, 28, 12, 0);
    let end = at(tz, 2026, 3, 29, 12, 0);
    assert_eq!(always.business_ms_between(start, end), 23 * HOUR);
    assert_eq!(always.add_business_ms(start, 23 * HOUR), end);

    // Opening at 02:30 on the night that skips 02:00–03:00 opens at 03:30 CEST.
    let mut night = BusinessHours::always(tz);
    night.days = vec![
        Some(OpenHours {
            start_minute: 150,
            end_minute: 300
        });
        7
    ];
    let cal = night.calendar().unwrap();
    assert_eq!(
        cal.add_business_minutes(at(tz, 2026, 3, 29, 0, 0), 0),
        at(tz, 2026, 3, 29, 3, 30)
    );
}

#[test]
fn the_same_instant_is_open_in_one_zone_and_closed_in_another() {
    let shanghai = BusinessHours::office("Asia/Shanghai").calendar().unwrap();
    let new_york = BusinessHours::office("America/New_York").calendar().unwrap();
    let noon_in_shanghai = at("Asia/Shanghai", 2026, 11, 30, 12, 0);
    assert!(shanghai.is_open(noon_in_shanghai));
    assert!(
        !new_york.is_open(noon_in_shanghai),
        "23:00 the evening before in New York"
    );
}

#[test]
fn bad_business_hours_are_refused_with_the_reason() {
    let mut hours = BusinessHours::office("Mars/Olympus");
    assert!(hours.calendar().unwrap_err().to_string().contains("not a time zone"));
    hours.time_zone = "UTC".into();
    hours.days[0] = Some(OpenHours {
        start_minute: 600,
        end_minute: 540,
    });
    assert!(hours.calendar().unwrap_err().to_string().contains("not a time range"));
    hours.days = vec![None; 7];
    assert!(
        hours
            .calendar()
            .unwrap_err()
            .to_string()
            .contains("at least one open day")
    );
    hours = BusinessHours::office("UTC");
    hours.holidays = vec!["31/12/2026".into()];
    assert!(hours.calendar().unwrap_err().to_string().contains("not a date"));
}

fn around_the_clock() -> BusinessHours {
    BusinessHours::always("UTC")
}

#[tokio::test]
async fn clocks_follow_the_policy_replies_and_pauses() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    sla::set_business_hours(pool, &around_the_clock()).await.unwrap();
    let now = switchboard_core::time::now_ms();
    let msg = mail("ann@example.com", "s1@x", "Broken", "It broke", now);
    let IngestOutcome::Created { ticket_id, .. } = ingest(&ws.store, &msg).await.unwrap() else {
        panic!()
    };
    sla::refresh_dirty(pool, now).await.unwrap();
    let created = tickets::summary(pool, ticket_id).await.unwrap().created_at;
    // Default policy for normal priority: first response in 8 h, resolution in 80 h.
    assert_eq!(
        tickets::summary(pool, ticket_id).await.unwrap().sla_due_at,
        Some(created + 8 * HOUR)
    );

    // Raising the priority tightens the clocks (the change marks the ticket for recomputing).
    sqlx::query("UPDATE tickets SET priority = 'urgent' WHERE id = ?")
        .bind(ticket_id)
        .execute(pool)
        .await
        .unwrap();
    sla::refresh_dirty(pool, now).await.unwrap();
    assert_eq!(
        tickets::summary(pool, ticket_id).await.unwrap().sla_due_at,
        Some(created + HOUR)
    );

    // The agent answers: the first-response clock stops; resolution (8 h for urgent) remains.
    let author = ReplyAuthor {
        name: "Agent".into(),
        address: "support@shop.example".into(),
    };
    outbox::enqueue_reply(pool, ticket_id, "On it", Direction::Outbound, &author)
        .await
        .unwrap();
    sla::refresh_dirty(pool, now).await.unwrap();
    assert_eq!(
        tickets::summary(pool, ticket_id).await.unwrap().sla_due_at,
        Some(created + 8 * HOUR)
    );

    // The customer writes again: the next response is due in 2 h from their message.
    let later = switchboard_core::time::now_ms() + 1000;
    let again = reply_to(
        mail("ann@example.com", "s2@x", "Re: Broken", "Any news?", later),
        "s1@x",
    );
    ingest(&ws.store, &again).await.unwrap();
    sla::refresh_dirty(pool, later).await.unwrap();
    let asked = tickets::summary(pool, ticket_id).await.unwrap();
    let last_customer: i64 = sqlx::query_scalar("SELECT last_customer_message_at FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(asked.sla_due_at, Some(last_customer + 2 * HOUR));

    // Pending stops every clock; the time spent pending is added back to resolution.
    tickets::set_status(pool, ticket_id, TicketStatus::Pending, "agent")
        .await
        .unwrap();
    sla::refresh_dirty(pool, later).await.unwrap();
    let paused = tickets::summary(pool, ticket_id).await.unwrap();
    assert!(paused.sla_paused);
    assert_eq!(paused.sla_due_at, None);
    sqlx::query("UPDATE ticket_pauses SET started_at = started_at - ? WHERE ticket_id = ?")
        .bind(3 * HOUR)
        .bind(ticket_id)
        .execute(pool)
        .await
        .unwrap();
    tickets::set_status(pool, ticket_id, TicketStatus::Open, "agent")
        .await
        .unwrap();
    let (start, end): (i64, i64) = sqlx::query_as("SELECT started_at, ended_at FROM ticket_pauses WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await
        .unwrap();
    sla::refresh_dirty(pool, end).await.unwrap();
    let resumed = tickets::summary(pool, ticket_id).await.unwrap();
    assert!(!resumed.sla_paused);
    let resolution: i64 = sqlx::query_scalar("SELECT resolution_due_at FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(resolution, created + 8 * HOUR + (end - start));

    // Resolved: no clock runs.
    tickets::set_status(pool, ticket_id, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    sla::refresh_dirty(pool, end).await.unwrap();
    assert_eq!(tickets::summary(pool, ticket_id).await.unwrap().sla_due_at, None);
}

#[tokio::test]
async fn policies_pick_by_priority_queue_and_tier_in_order() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    sla::set_business_hours(pool, &around_the_clock()).await.unwrap();
    let policy = |name: &str, priority: Option<Priority>, tier: Option<&str>, first: i64| SlaPolicy {
        name: name.into(),
        priority,
        queue: None,
        tier: tier.map(Into::into),
        first_response_minutes: Some(first),
        next_response_minutes: None,
        resolution_minutes: None,
    };
    sla::policies::replace_all(
        pool,
        &[
            policy("Gold", None, Some("gold"), 15),
            policy("Normal", Some(Priority::Normal), None, 240),
        ],
    )
    .await
    .unwrap();
    let now = switchboard_core::time::now_ms();
    let IngestOutcome::Created { ticket_id: gold, .. } = created(&ws.store, "vip@example.com", now).await else {
        panic!()
    };
    let IngestOutcome::Created { ticket_id: plain, .. } = created(&ws.store, "ann@example.com", now).await else {
        panic!()
    };
    sqlx::query("UPDATE customers SET tier = 'gold' WHERE id = (SELECT customer_id FROM tickets WHERE id = ?)")
        .bind(gold)
        .execute(pool)
        .await
        .unwrap();
    sla::refresh_dirty(pool, now).await.unwrap();
    let due = |id| async move {
        let t = tickets::summary(pool, id).await.unwrap();
        t.sla_due_at.map(|d| (d - t.created_at) / MIN)
    };
    assert_eq!(due(gold).await, Some(15));
    assert_eq!(due(plain).await, Some(240));
    sqlx::query("UPDATE tickets SET priority = 'low' WHERE id = ?")
        .bind(plain)
        .execute(pool)
        .await
        .unwrap();
    sla::refresh_dirty(pool, now).await.unwrap();
    assert_eq!(
        due(plain).await,
        None,
        "no policy fits a low-priority ticket of a normal customer"
    );

    let bad = policy("Too long", None, None, 10_000_000);
    assert!(sla::policies::replace_all(pool, &[bad]).await.is_err());
}

async fn created(store: &switchboard_core::Store, from: &str, now: i64) -> IngestOutcome {
    ingest(store, &mail(from, &format!("{from}-p@x"), "Hello", "Help", now))
        .await
        .unwrap()
}

#[tokio::test]
async fn warnings_and_breaches_are_announced_once_per_due_time() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    sla::set_business_hours(pool, &around_the_clock()).await.unwrap();
    let now = switchboard_core::time::now_ms();
    let IngestOutcome::Created { ticket_id, .. } = created(&ws.store, "ann@example.com", now).await else {
        panic!()
    };
    sla::refresh_dirty(pool, now).await.unwrap();
    let due = tickets::summary(pool, ticket_id).await.unwrap().sla_due_at.unwrap();
    let warn = 30 * MIN;
    assert!(sla::due_events(pool, due - warn - 1, warn).await.unwrap().is_empty());
    let warned = sla::due_events(pool, due - warn + 1, warn).await.unwrap();
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].kind, SlaEventKind::Warning);
    assert!(
        sla::due_events(pool, due - 1, warn).await.unwrap().is_empty(),
        "warned once"
    );
    let breached = sla::due_events(pool, due, warn).await.unwrap();
    assert_eq!((breached.len(), breached[0].kind), (1, SlaEventKind::Breached));
    assert!(
        sla::due_events(pool, due + HOUR, warn).await.unwrap().is_empty(),
        "breached once"
    );
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM events WHERE ticket_id = ? AND actor = 'sla'")
        .bind(ticket_id)
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(kinds, vec!["sla_warning", "sla_breached"]);
}
