//! The dashboard's figures on a fixed, hand-built data set: every expected value below was worked out by
//! hand from the rows inserted here (see the comments), not read back from the code.

use switchboard_core::analytics::{self, AnalyticsQuery, BucketSize, insights, report};
use switchboard_core::sla::{self, BusinessHours};

use crate::fixtures::workspace;

const H: i64 = 3_600_000;
const DAY: i64 = 24 * H;
/// Monday 2 March 2026, 00:00 UTC.
const D: i64 = 1_772_409_600_000;

struct T {
    number: i64,
    customer: i64,
    channel: &'static str,
    category: Option<&'static str>,
    queue: Option<&'static str>,
    sentiment: Option<&'static str>,
    created: i64,
    first_response: Option<i64>,
    resolved: Option<i64>,
    sla: bool,
}

async fn insert(pool: &sqlx::SqlitePool, t: T) {
    sqlx::query(
        "INSERT INTO tickets (id, number, subject, status, channel, customer_id, category, queue, sentiment,
             created_at, updated_at, first_response_at, resolved_at, sla_policy)
         VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12)",
    )
    .bind(t.number)
    .bind(format!("Ticket {}", t.number))
    .bind(if t.resolved.is_some() { "resolved" } else { "open" })
    .bind(t.channel)
    .bind(t.customer)
    .bind(t.category)
    .bind(t.queue)
    .bind(t.sentiment)
    .bind(t.created)
    .bind(t.first_response)
    .bind(t.resolved)
    .bind(t.sla.then_some("Normal"))
    .execute(pool)
    .await
    .unwrap();
}

async fn exec(pool: &sqlx::SqlitePool, sql: &str) {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(pool)
        .await
        .unwrap();
}

/// Three days (2–4 March 2026, UTC), five tickets in range plus older ones and a merged one.
async fn fixed_workspace() -> crate::fixtures::Workspace {
    let ws = workspace().await;
    let pool = ws.store.pool();
    sla::set_business_hours(pool, &BusinessHours::always("UTC"))
        .await
        .unwrap();
    exec(
        pool,
        "INSERT INTO customers (id, display_name, created_at, updated_at) VALUES
           (1, 'Ann <script>alert(1)</script>', 0, 0), (2, 'Bob', 0, 0), (3, 'Cai', 0, 0), (4, 'Dan', 0, 0);",
    )
    .await;
    let rows = [
        // In range, day 0.
        T {
            number: 1,
            customer: 1,
            channel: "email",
            category: Some("billing"),
            queue: Some("Billing"),
            sentiment: Some("negative"),
            created: D + H,
            first_response: Some(D + 2 * H),
            resolved: Some(D + 5 * H),
            sla: true,
        },
        T {
            number: 2,
            customer: 1,
            channel: "email",
            category: Some("billing"),
            queue: Some("Billing"),
            sentiment: Some("neutral"),
            created: D + 3 * H,
            first_response: Some(D + 3 * H + H / 2),
            resolved: Some(D + DAY + 3 * H),
            sla: true,
        },
        // Day 1.
        T {
            number: 3,
            customer: 2,
            channel: "telegram",
            category: Some("shipping"),
            queue: None,
            sentiment: Some("positive"),
            created: D + DAY + H,
            first_response: Some(D + DAY + 5 * H),
            resolved: None,
            sla: true,
        },
        // Day 2.
        T {
            number: 4,
            customer: 3,
            channel: "email",
            category: Some("shipping"),
            queue: Some("Technical"),
            sentiment: Some("negative"),
            created: D + 2 * DAY + 2 * H,
            first_response: None,
            resolved: None,
            sla: false,
        },
        T {
            number: 5,
            customer: 2,
            channel: "email",
            category: None,
            queue: None,
            sentiment: None,
            created: D + 2 * DAY + 3 * H,
            first_response: Some(D + 2 * DAY + 4 * H),
            resolved: Some(D + 2 * DAY + 6 * H),
            sla: true,
        },
        // Before the range: #6 resolved inside it, #7 before it, #8 still waiting on the customer.
        T {
            number: 6,
            customer: 1,
            channel: "email",
            category: Some("billing"),
            queue: None,
            sentiment: None,
            created: D - 2 * DAY,
            first_response: None,
            resolved: Some(D + 10 * H),
            sla: false,
        },
        T {
            number: 7,
            customer: 4,
            channel: "email",
            category: Some("complaint"),
            queue: None,
            sentiment: None,
            created: D - 3 * DAY,
            first_response: None,
            resolved: Some(D - DAY),
            sla: false,
        },
        T {
            number: 8,
            customer: 4,
            channel: "telegram",
            category: None,
            queue: None,
            sentiment: None,
            created: D - DAY,
            first_response: None,
            resolved: None,
            sla: false,
        },
        // Merged into #1: left out of every figure.
        T {
            number: 9,
            customer: 3,
            channel: "email",
            category: Some("billing"),
            queue: None,
            sentiment: None,
            created: D + 4 * H,
            first_response: None,
            resolved: Some(D + 4 * H),
            sla: true,
        },
    ];
    for row in rows {
        insert(pool, row).await;
    }
    let sql = format!(
        "UPDATE tickets SET status = 'pending' WHERE id = 8;
         UPDATE ticket_pauses SET started_at = {pause} WHERE ticket_id = 8;
         UPDATE tickets SET merged_into = 1, status = 'closed' WHERE id = 9;
         UPDATE tickets SET rules_fired = 1, reopen_count = 1 WHERE id = 5;
         INSERT INTO messages (id, ticket_id, direction, author_name, author_address, body_text, content_hash,
             sent_at, created_at) VALUES (1, 5, 'outbound', 'Rule', 'a@b', 'We got your mail', 'h1', 0, 0);
         INSERT INTO outbox (ticket_id, message_id, channel, state, auto_submitted, created_at, updated_at)
             VALUES (5, 1, 'email', 'sent', 1, 0, 0);
         INSERT INTO sla_breaches (ticket_id, target, due_at) VALUES (2, 'resolution', {due}), (9, 'resolution', {due});
         INSERT INTO classifications (ticket_id, source, category, priority, confidence, created_at) VALUES
           (1, 'llm', 'billing', 'normal', 0.95, 1),
           (2, 'llm', 'shipping', 'normal', 0.55, 1), (2, 'agent', 'billing', NULL, NULL, 2),
           (3, 'local_model', 'shipping', 'normal', 0.85, 1),
           (4, 'llm', 'billing', 'normal', 0.65, 1), (4, 'agent', 'shipping', 'high', NULL, 2),
           (5, 'local_model', NULL, 'normal', 0.35, 1), (5, 'agent', NULL, 'low', NULL, 2),
           (6, 'llm', 'complaint', 'normal', 0.9, 1), (9, 'llm', 'spam_other', 'low', 0.2, 1);
         INSERT INTO llm_usage (day, model, calls, prompt_tokens, completion_tokens, cost_usd) VALUES
           ('2026-03-02', 'a', 3, 100, 50, 0.01), ('2026-03-02', 'b', 1, 10, 5, 0.002),
           ('2026-03-04', 'a', 2, 200, 100, 0.03), ('2026-03-05', 'a', 9, 900, 900, 0.9);",
        pause = D - 12 * H,
        due = D + DAY,
    );
    exec(pool, &sql).await;
    ws
}

fn range() -> AnalyticsQuery {
    AnalyticsQuery {
        from: D,
        to: D + 3 * DAY,
        ..Default::default()
    }
}

#[tokio::test]
async fn volume_backlog_and_timings_match_the_hand_count() {
    let ws = fixed_workspace().await;
    let d = analytics::dashboard(ws.store.pool(), &range(), D + 10 * DAY)
        .await
        .unwrap();
    assert_eq!(d.time_zone, "UTC");
    assert_eq!(d.bucket_size, BucketSize::Day);
    assert_eq!(d.periods, vec![D, D + DAY, D + 2 * DAY]);
    // Created: #1 #2 | #3 | #4 #5. Resolved: #1 #6 | #2 | #5 (the merged #9 is not counted).
    assert_eq!(d.volume.created, vec![2, 1, 2]);
    assert_eq!(d.volume.resolved, vec![2, 1, 1]);
    assert_eq!((d.volume.total_created, d.volume.total_resolved), (5, 4));
    let keyed = |s: &[analytics::Series]| s.iter().map(|s| (s.key.clone(), s.values.clone())).collect::<Vec<_>>();
    assert_eq!(
        keyed(&d.volume.by_channel),
        vec![("email".into(), vec![2, 0, 2]), ("telegram".into(), vec![0, 1, 0])]
    );
    assert_eq!(
        keyed(&d.volume.by_category),
        vec![
            ("billing".into(), vec![2, 0, 0]),
            ("shipping".into(), vec![0, 1, 1]),
            (String::new(), vec![0, 0, 1])
        ]
    );
    // Unresolved at the start: #6 and #8 (#7 was resolved before). End of day 0: #2 and #8; day 1: #3 and
    // #8; day 2: #3, #4 and #8. #8 waits on the customer throughout.
    assert_eq!(d.backlog.open, vec![1, 1, 2]);
    assert_eq!(d.backlog.pending, vec![1, 1, 1]);
    // First responses: 1 h, 30 min, 4 h, 1 h → median (2nd of 4) 1 h, 90th (4th) 4 h.
    let t = &d.timings.first_response_total;
    assert_eq!((t.count, t.median_ms, t.p90_ms), (4, Some(H), Some(4 * H)));
    // Resolutions: 4 h, 24 h, 3 h → median 4 h, 90th 24 h.
    let r = &d.timings.resolution_total;
    assert_eq!((r.count, r.median_ms, r.p90_ms), (3, Some(4 * H), Some(24 * H)));
    // Day 0 alone: 1 h and 30 min → median 30 min (rank 1 of 2), 90th 1 h.
    assert_eq!(d.timings.first_response[0].median_ms, Some(H / 2));
    assert_eq!(d.timings.first_response[0].p90_ms, Some(H));
    assert_eq!(d.timings.first_response[2].median_ms, Some(H));
    let email = &d.timing_by_channel[0];
    assert_eq!((email.key.as_str(), email.tickets), ("email", 4));
    assert_eq!(
        (email.first_response.median_ms, email.first_response.p90_ms),
        (Some(H), Some(H))
    );
    assert_eq!(
        (email.resolution.median_ms, email.resolution.p90_ms),
        (Some(4 * H), Some(24 * H))
    );
    let queues: Vec<(String, i64)> = d.timing_by_queue.iter().map(|q| (q.key.clone(), q.tickets)).collect();
    assert_eq!(queues, vec![("Billing".into(), 2), ("Technical".into(), 1)]);
}

#[tokio::test]
async fn sla_ai_automation_and_customers_match_the_hand_count() {
    let ws = fixed_workspace().await;
    let d = analytics::dashboard(ws.store.pool(), &range(), D + 10 * DAY)
        .await
        .unwrap();
    // Covered: #1 #2 #3 #5; #2 missed its resolution target, due on day 1.
    let s = &d.service_levels;
    assert_eq!((s.covered, s.breached, s.compliance), (4, 1, Some(0.75)));
    assert_eq!(s.resolution_breaches, vec![0, 1, 0]);
    assert_eq!(s.first_response_breaches, vec![0, 0, 0]);

    let ai = &d.ai;
    // #2 and #4 had their category changed; #4 and #5 their priority.
    assert_eq!((ai.classified, ai.category_changed, ai.priority_changed), (5, 2, 2));
    assert_eq!(ai.category_change_rate, Some(0.4));
    let sources: Vec<(String, i64, i64, i64)> = ai
        .by_source
        .iter()
        .map(|s| (s.source.clone(), s.classified, s.category_changed, s.priority_changed))
        .collect();
    assert_eq!(sources, vec![("llm".into(), 3, 2, 1), ("local_model".into(), 2, 0, 1)]);
    let categories: Vec<(String, i64, i64)> = ai
        .by_category
        .iter()
        .map(|c| (c.category.clone(), c.classified, c.changed))
        .collect();
    assert_eq!(
        categories,
        vec![
            ("billing".into(), 2, 1),
            ("shipping".into(), 2, 1),
            (String::new(), 1, 0)
        ]
    );
    assert_eq!(
        ai.confusion.labels,
        vec!["billing".to_string(), "shipping".into(), String::new()]
    );
    assert_eq!(ai.confusion.counts, vec![vec![1, 1, 0], vec![1, 1, 0], vec![0, 0, 1]]);
    let bins: Vec<(usize, i64, i64)> = ai
        .calibration
        .iter()
        .enumerate()
        .filter(|(_, b)| b.count > 0)
        .map(|(i, b)| (i, b.count, b.correct))
        .collect();
    assert_eq!(bins, vec![(3, 1, 1), (5, 1, 0), (6, 1, 0), (8, 1, 1), (9, 1, 1)]);
    let cost: Vec<(String, i64, i64)> = ai
        .cost_by_day
        .iter()
        .map(|c| (c.day.clone(), c.calls, c.tokens))
        .collect();
    assert_eq!(cost, vec![("2026-03-02".into(), 4, 165), ("2026-03-04".into(), 2, 300)]);
    assert!((ai.cost_usd - 0.042).abs() < 1e-9);

    let a = &d.automation;
    assert_eq!((a.tickets, a.handled_by_rules, a.auto_replied), (5, 1, 1));
    assert_eq!(
        (a.rules_share, a.reopen_rate_rules, a.reopen_rate_all),
        (Some(0.2), Some(1.0), Some(0.2))
    );

    let c = &d.customers;
    let top: Vec<(i64, i64)> = c.top.iter().map(|t| (t.customer_id, t.tickets)).collect();
    assert_eq!(top, vec![(1, 2), (2, 2), (3, 1)]);
    // #1 (Ann's #6 two days before), #2 (Ann's #1), #5 (Bob's #3) came back within a week; #3 and #4 did not.
    assert_eq!((c.repeat_contacts, c.customers), (3, 3));
    assert_eq!(c.repeat_rate, Some(0.6));
    let sentiment: Vec<(String, i64)> = c.sentiment.iter().map(|s| (s.key.clone(), s.total)).collect();
    assert_eq!(
        sentiment,
        vec![
            ("negative".into(), 2),
            (String::new(), 1),
            ("neutral".into(), 1),
            ("positive".into(), 1)
        ]
    );
}

#[tokio::test]
async fn filters_narrow_every_figure() {
    let ws = fixed_workspace().await;
    let email = AnalyticsQuery {
        channel: Some("email".into()),
        ..range()
    };
    let d = analytics::dashboard(ws.store.pool(), &email, D + 10 * DAY)
        .await
        .unwrap();
    assert_eq!(d.volume.created, vec![2, 0, 2]);
    // Email only: #6 unresolved at the start; then #2; then nothing; then #4.
    assert_eq!(d.backlog.open, vec![1, 0, 1]);
    assert_eq!(d.backlog.pending, vec![0, 0, 0]);
    assert_eq!(d.ai.classified, 4);
    let uncategorized = AnalyticsQuery {
        category: Some(String::new()),
        ..range()
    };
    let d = analytics::dashboard(ws.store.pool(), &uncategorized, D + 10 * DAY)
        .await
        .unwrap();
    assert_eq!(d.volume.created, vec![0, 0, 1]);
    assert_eq!(d.automation.handled_by_rules, 1);
    let backwards = AnalyticsQuery {
        from: D,
        to: D - 1,
        ..Default::default()
    };
    assert!(analytics::dashboard(ws.store.pool(), &backwards, D).await.is_err());
}

#[tokio::test]
async fn insights_name_corrected_categories_unused_and_rewritten_replies_and_silent_rules() {
    let ws = fixed_workspace().await;
    let pool = ws.store.pool();
    let mut sql = String::new();
    // Five more shipping tickets on day 1, the AI said shipping each time and agents changed two.
    for n in 20..25 {
        sql.push_str(&format!(
            "INSERT INTO tickets (id, number, subject, channel, customer_id, category, created_at, updated_at)
                 VALUES ({n}, {n}, 'Parcel', 'email', 2, 'shipping', {at}, {at});
             INSERT INTO classifications (ticket_id, source, category, confidence, created_at)
                 VALUES ({n}, 'llm', 'shipping', 0.7, 1);",
            at = D + DAY + n
        ));
    }
    sql.push_str(&format!(
        "INSERT INTO classifications (ticket_id, source, category, created_at) VALUES (20, 'agent', 'billing', 2),
             (21, 'agent', 'returns_refunds', 2);
         UPDATE saved_replies SET created_at = {old};
         INSERT INTO saved_reply_uses (saved_reply_id, ticket_id, filled_body, used_at, edit_ratio)
             SELECT min(id), 1, 'x', 0, 0.6 FROM saved_replies UNION ALL SELECT min(id), 2, 'x', 0, 0.8 FROM saved_replies
             UNION ALL SELECT min(id), 3, 'x', 0, 0.7 FROM saved_replies;
         INSERT INTO rules (id, position, enabled, definition_json, created_at, updated_at, fire_count) VALUES
             (1, 1, 1, '{{\"name\":\"Never\"}}', {old}, {old}, 0), (2, 2, 1, '{{\"name\":\"Busy\"}}', {old}, {old}, 4),
             (3, 3, 0, '{{\"name\":\"Off\"}}', {old}, {old}, 0);",
        old = D - 30 * DAY
    ));
    exec(pool, &sql).await;
    let found = insights::compute(pool, &range(), D + 10 * DAY).await.unwrap();
    // shipping: #2 #3 and #20–#24 → 7 classified, 3 changed (#2, #20, #21).
    let corrected: Vec<(String, i64, i64)> = found
        .corrected_categories
        .iter()
        .map(|c| (c.category.clone(), c.classified, c.changed))
        .collect();
    assert_eq!(corrected, vec![("shipping".into(), 7, 3)]);
    let first_reply: (i64, String) = sqlx::query_as("SELECT id, title FROM saved_replies ORDER BY id LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap();
    let heavy: Vec<(i64, i64, i64)> = found
        .heavily_edited_saved_replies
        .iter()
        .map(|r| (r.id, r.uses, r.sends))
        .collect();
    assert_eq!(heavy, vec![(first_reply.0, 3, 3)]);
    assert!((found.heavily_edited_saved_replies[0].mean_edit_ratio.unwrap() - 0.7).abs() < 1e-9);
    let replies: i64 = sqlx::query_scalar("SELECT count(*) FROM saved_replies")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(found.unused_saved_replies.len() as i64, replies - 1);
    assert!(found.unused_saved_replies.iter().all(|r| r.id != first_reply.0));
    let silent: Vec<&str> = found.silent_rules.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(silent, vec!["Never"]);
    // The five "Parcel" tickets of this week had no predecessors: a rising topic, newest examples first.
    let parcel = found
        .rising_topics
        .iter()
        .find(|t| t.terms == ["parcel"])
        .expect("parcel is rising");
    assert_eq!((parcel.recent, parcel.baseline), (5, 0));
    let examples: Vec<i64> = parcel.examples.iter().map(|e| e.number).collect();
    assert_eq!(examples, vec![24, 23, 22]);
}

#[tokio::test]
async fn rising_topics_come_with_their_newest_tickets() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let until = D + 35 * DAY;
    let mut sql =
        String::from("INSERT INTO customers (id, display_name, created_at, updated_at) VALUES (1, 'A', 0, 0);");
    let subjects = [
        (1, "Invoice copy", 10 * DAY),
        (2, "Invoice copy", 20 * DAY),
        (3, "Parcel damaged in transit", 30 * DAY),
        (4, "Damaged parcel again", 31 * DAY),
        (5, "My parcel arrived damaged", 32 * DAY),
        (6, "包裹破损", 33 * DAY),
        (7, "包裹破损了", 34 * DAY),
        (8, "收到的包裹破损", 34 * DAY + H),
        (9, "Old damaged parcel", 40 * DAY),
    ];
    for (n, subject, at) in subjects {
        sql.push_str(&format!(
            "INSERT INTO tickets (id, number, subject, channel, customer_id, created_at, updated_at)
                 VALUES ({n}, {n}, '{subject}', 'email', 1, {at}, {at});",
            at = D + at
        ));
    }
    exec(pool, &sql).await;
    let topics = analytics::rising_topics::rising(pool, &AnalyticsQuery::default(), until)
        .await
        .unwrap();
    let summary: Vec<(Vec<String>, i64, i64, Vec<i64>)> = topics
        .iter()
        .map(|t| {
            (
                t.terms.clone(),
                t.recent,
                t.baseline,
                t.examples.iter().map(|e| e.number).collect(),
            )
        })
        .collect();
    // #9 is after `until`; #1 and #2 are the baseline, with nothing in common with this week.
    assert_eq!(
        summary,
        vec![
            (vec!["damaged".to_string(), "parcel".into()], 3, 0, vec![5, 4, 3]),
            (
                vec!["包裹".to_string(), "破损".into(), "裹破".into()],
                3,
                0,
                vec![8, 7, 6]
            ),
        ]
    );
}

#[tokio::test]
async fn the_weekly_report_escapes_customer_text_and_speaks_both_languages() {
    let ws = fixed_workspace().await;
    let pool = ws.store.pool();
    let d = analytics::dashboard(pool, &range(), D + 10 * DAY).await.unwrap();
    let found = insights::compute(pool, &range(), D + 10 * DAY).await.unwrap();
    let mut labels = report::ReportLabels {
        chinese: false,
        category_names: [("billing".to_string(), "Billing & invoices".to_string())].into(),
    };
    let html = report::weekly_html(&d, &found, &labels);
    assert!(html.contains("Switchboard service report 2026-03-02 – 2026-03-04"));
    assert!(html.contains("<b>5</b><span>New tickets</span>"));
    assert!(html.contains("<b>75%</b><span>SLA compliance</span>"));
    assert!(html.contains("<td>Billing &amp; invoices</td>"));
    assert!(html.contains("Ann &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    labels.chinese = true;
    let html = report::weekly_html(&d, &found, &labels);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("<b>60 分钟</b><span>首次响应中位数</span>"));
}

/// The columns the dashboard counts are kept by the app's own paths: a late reply is a breach, a
/// customer writing after resolution reopens, a rule acting is counted, an edited saved reply is measured.
#[tokio::test]
async fn the_app_keeps_what_the_dashboard_counts() {
    use switchboard_core::ingest::{IngestOutcome, ingest};
    use switchboard_core::model::{Direction, TicketStatus};
    use switchboard_core::outbox::{self, ReplyAuthor};
    use switchboard_core::rules::{ActionKind, Trigger};
    use switchboard_core::{saved_reply_usage, tickets};

    use crate::fixtures::{mail, reply_to};

    let ws = workspace().await;
    let pool = ws.store.pool();
    sla::set_business_hours(pool, &BusinessHours::always("UTC"))
        .await
        .unwrap();
    let rule = crate::rules::add(
        &ws.store,
        crate::rules::definition(
            "Tag all",
            Trigger::TicketCreated,
            vec![],
            vec![(ActionKind::AddTag, "seen")],
        ),
    )
    .await;
    let now = switchboard_core::time::now_ms();
    let asked = now - 10 * H;
    let IngestOutcome::Created { ticket_id, .. } =
        ingest(&ws.store, &mail("ann@example.com", "a1@x", "Broken", "It broke", asked))
            .await
            .unwrap()
    else {
        panic!()
    };
    let counted: (i64, i64) =
        sqlx::query_as("SELECT t.rules_fired, r.fire_count FROM tickets t, rules r WHERE t.id = ? AND r.id = ?")
            .bind(ticket_id)
            .bind(rule)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(counted, (1, 1));

    // The ticket is dated by its mail; its first-response clock (8 h, normal priority) runs from then.
    sqlx::query("UPDATE tickets SET created_at = ? WHERE id = ?")
        .bind(asked)
        .bind(ticket_id)
        .execute(pool)
        .await
        .unwrap();
    sla::refresh_dirty(pool, asked).await.unwrap();
    // A saved reply offered, then sent with one word in four changed; the reply comes 10 h after the mail.
    let reply_id: i64 = sqlx::query_scalar("SELECT min(id) FROM saved_replies")
        .fetch_one(pool)
        .await
        .unwrap();
    {
        let mut conn = pool.acquire().await.unwrap();
        saved_reply_usage::record_use(&mut conn, reply_id, ticket_id, "your order has shipped")
            .await
            .unwrap();
    }
    let author = ReplyAuthor {
        name: "Agent".into(),
        address: "support@shop.example".into(),
    };
    outbox::enqueue_reply(pool, ticket_id, "your parcel has shipped", Direction::Outbound, &author)
        .await
        .unwrap();
    sla::refresh_dirty(pool, now).await.unwrap();
    let breaches: Vec<(String, i64)> = sqlx::query_as("SELECT target, due_at FROM sla_breaches WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(breaches, vec![("first_response".to_string(), asked + 8 * H)]);
    let ratio: Option<f64> = sqlx::query_scalar("SELECT edit_ratio FROM saved_reply_uses WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(ratio, Some(0.25));

    tickets::set_status(pool, ticket_id, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    ingest(
        &ws.store,
        &reply_to(
            mail("ann@example.com", "a2@x", "Re: Broken", "Still broken", now + 1000),
            "a1@x",
        ),
    )
    .await
    .unwrap();
    let reopened: (String, i64) = sqlx::query_as("SELECT status, reopen_count FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(reopened, ("open".to_string(), 1));
}
