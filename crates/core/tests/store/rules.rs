//! The rules engine on a real workspace: events fire rules, actions change the ticket and land in its
//! timeline, broken rules are skipped, the dry run changes nothing, rules export and import.

use switchboard_core::classification::{self, NewClassification, Source};
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::{ChannelKind, Direction, Priority, TicketStatus};
use switchboard_core::rules::{self, Action, ActionKind, Condition, Field, Match, Op, RuleDefinition, Trigger};
use switchboard_core::{Store, accounts, audit, outbox, tickets, workflow};

use super::fixtures::{mail, reply_to, workspace};

pub fn definition(
    name: &str,
    trigger: Trigger,
    conditions: Vec<(Field, Op, &str)>,
    actions: Vec<(ActionKind, &str)>,
) -> RuleDefinition {
    RuleDefinition {
        name: name.into(),
        trigger,
        after_hours: None,
        match_mode: Match::All,
        conditions: conditions
            .into_iter()
            .map(|(field, op, value)| Condition {
                field,
                op,
                value: value.into(),
            })
            .collect(),
        actions: actions
            .into_iter()
            .map(|(kind, value)| Action {
                kind,
                value: value.into(),
            })
            .collect(),
        allow_auto_reply: false,
        auto_reply_every_hours: 24,
        stop_after: false,
    }
}

pub async fn add(store: &Store, rule: RuleDefinition) -> i64 {
    rules::library::save(store.pool(), None, true, &rule)
        .await
        .expect("rule saved")
        .id
}

async fn new_ticket(store: &Store, from: &str, subject: &str, body: &str) -> i64 {
    let msg = mail(from, &format!("{subject}-{from}@x"), subject, body, 1_700_000_000_000);
    match ingest(store, &msg).await.unwrap() {
        IngestOutcome::Created { ticket_id, .. } => ticket_id,
        other => panic!("{other:?}"),
    }
}

async fn classify(store: &Store, ticket: i64, category: &str, sentiment: &str, confidence: f64) {
    let c = NewClassification {
        model: "test-model".into(),
        category: Some(category.into()),
        priority: Some(Priority::Normal),
        sentiment: Some(sentiment.into()),
        language: Some("en".into()),
        confidence: Some(confidence),
        ..Default::default()
    };
    classification::record(store.pool(), ticket, Source::Llm, &c)
        .await
        .unwrap();
}

async fn timeline(store: &Store, ticket: i64) -> Vec<(String, String, String)> {
    audit::for_ticket(store.pool(), ticket)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.actor, e.data_json))
        .collect()
}

#[tokio::test]
async fn a_classified_ticket_is_routed_and_every_change_is_in_its_timeline() {
    let ws = workspace().await;
    let store = &ws.store;
    add(
        store,
        definition(
            "Angry complaints",
            Trigger::Classified,
            vec![
                (Field::Category, Op::Is, "complaint"),
                (Field::Sentiment, Op::Is, "negative"),
            ],
            vec![
                (ActionKind::SetPriority, "high"),
                (ActionKind::SetQueue, "Complaints"),
                (ActionKind::AddTag, "angry"),
                (ActionKind::AddNote, "Handle with care."),
                (ActionKind::Notify, "An angry complaint arrived"),
                (ActionKind::Assign, "Mei"),
            ],
        ),
    )
    .await;
    let angry = new_ticket(store, "ann@example.com", "Terrible", "Worst service ever").await;
    let calm = new_ticket(store, "bob@example.com", "Question", "How do I pair it?").await;
    classify(store, angry, "complaint", "negative", 0.9).await;
    classify(store, calm, "product_inquiry", "neutral", 0.9).await;

    let t = tickets::summary(store.pool(), angry).await.unwrap();
    assert_eq!(t.priority, Priority::High);
    assert_eq!(t.queue.as_deref(), Some("Complaints"));
    assert_eq!(t.tags, vec!["angry".to_string()]);
    assert_eq!(t.assignee.as_deref(), Some("Mei"));
    let detail = tickets::detail(store.pool(), angry).await.unwrap();
    let note = detail
        .messages
        .iter()
        .find(|m| m.direction == Direction::Note)
        .expect("a note");
    assert_eq!(note.body_text, "Handle with care.");
    assert_eq!(note.author_name, "Rule: Angry complaints");

    let events = timeline(store, angry).await;
    let by_rule: Vec<_> = events
        .iter()
        .filter(|(_, actor, _)| actor == "rule:Angry complaints")
        .collect();
    assert!(by_rule.len() >= 6, "every action is recorded as the rule's: {events:?}");
    assert!(
        by_rule
            .iter()
            .any(|(k, _, d)| k == "rule_changed" && d.contains("\"to\":\"high\""))
    );
    assert!(by_rule.iter().any(|(k, _, _)| k == rules::NOTIFICATION_EVENT));

    let untouched = tickets::summary(store.pool(), calm).await.unwrap();
    assert_eq!(untouched.priority, Priority::Normal);
    assert_eq!(untouched.queue, None);
    assert!(
        timeline(store, calm)
            .await
            .iter()
            .all(|(_, actor, _)| !actor.starts_with("rule:"))
    );

    // The notification is collected once by the workflow tick.
    let first = workflow::tick(store.pool(), switchboard_core::time::now_ms(), 0)
        .await
        .unwrap();
    assert_eq!(first.notifications.len(), 1);
    assert_eq!(first.notifications[0].ticket_id, angry);
    assert_eq!(first.notifications[0].text, "An angry complaint arrived");
    let again = workflow::tick(
        store.pool(),
        switchboard_core::time::now_ms(),
        first.notifications[0].event_id,
    )
    .await
    .unwrap();
    assert!(again.notifications.is_empty());
}

#[tokio::test]
async fn rules_run_in_order_see_each_others_changes_and_can_stop_the_rest() {
    let ws = workspace().await;
    let store = &ws.store;
    add(
        store,
        definition(
            "Billing queue",
            Trigger::TicketCreated,
            vec![(Field::Subject, Op::ContainsAny, "invoice")],
            vec![(ActionKind::SetQueue, "Billing")],
        ),
    )
    .await;
    let mut stop = definition(
        "Billing is urgent",
        Trigger::TicketCreated,
        vec![(Field::Queue, Op::Is, "Billing")],
        vec![(ActionKind::SetPriority, "urgent")],
    );
    stop.stop_after = true;
    add(store, stop).await;
    add(
        store,
        definition(
            "Never reached",
            Trigger::TicketCreated,
            vec![],
            vec![(ActionKind::AddTag, "late")],
        ),
    )
    .await;
    let id = new_ticket(store, "ann@example.com", "Invoice wrong", "Please fix").await;
    let t = tickets::summary(store.pool(), id).await.unwrap();
    assert_eq!((t.queue.as_deref(), t.priority), (Some("Billing"), Priority::Urgent));
    assert!(t.tags.is_empty(), "the stopping rule ended the run: {:?}", t.tags);
    let other = new_ticket(store, "bob@example.com", "Hello", "Just saying hi").await;
    assert_eq!(
        tickets::summary(store.pool(), other).await.unwrap().tags,
        vec!["late".to_string()]
    );
}

#[tokio::test]
async fn a_broken_rule_is_reported_and_skipped_without_stopping_ingest_or_other_rules() {
    let ws = workspace().await;
    let store = &ws.store;
    let broken = add(
        store,
        definition(
            "Uses a missing saved reply",
            Trigger::TicketCreated,
            vec![],
            vec![
                (ActionKind::SetPriority, "urgent"),
                (ActionKind::DraftSavedReply, "No such reply"),
            ],
        ),
    )
    .await;
    // A rule whose stored JSON no longer reads (written by a newer version, say) is skipped too.
    sqlx::query("INSERT INTO rules (position, enabled, definition_json, created_at, updated_at) VALUES (5, 1, '{\"name\":1}', 0, 0)")
        .execute(store.pool())
        .await
        .unwrap();
    add(
        store,
        definition(
            "Tag everything",
            Trigger::TicketCreated,
            vec![],
            vec![(ActionKind::AddTag, "seen")],
        ),
    )
    .await;

    let id = new_ticket(store, "ann@example.com", "Hi", "Body").await;
    let t = tickets::summary(store.pool(), id).await.unwrap();
    assert_eq!(
        t.priority,
        Priority::Normal,
        "the failing rule's other actions were undone"
    );
    assert_eq!(t.tags, vec!["seen".to_string()], "later rules still ran");
    let listed = rules::library::list(store.pool()).await;
    assert!(listed.is_err(), "an unreadable rule is reported when listing");
    let error: Option<String> = sqlx::query_scalar("SELECT last_error FROM rules WHERE id = ?")
        .bind(broken)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(error.unwrap().contains("no saved reply called 'No such reply'"));
    assert!(timeline(store, id).await.iter().any(|(k, _, _)| k == "rule_failed"));
}

#[tokio::test]
async fn the_dry_run_shows_matches_and_planned_changes_and_changes_nothing() {
    let ws = workspace().await;
    let store = &ws.store;
    let refund = new_ticket(store, "ann@example.com", "Refund please", "I want my money back").await;
    let other = new_ticket(store, "bob@example.com", "Pairing", "How do I pair?").await;
    let rule = definition(
        "Refunds",
        Trigger::TicketCreated,
        vec![(Field::Text, Op::Matches, r"refund|money back")],
        vec![
            (ActionKind::SetPriority, "high"),
            (ActionKind::SetPriority, "normal"),
            (ActionKind::SetQueue, "After-sales"),
        ],
    );
    let before = tickets::summary(store.pool(), refund).await.unwrap();
    let matches = rules::library::dry_run(store.pool(), &rule).await.unwrap();
    assert_eq!(matches.len(), 1);
    assert_eq!(matches[0].ticket_id, refund);
    let descriptions: Vec<_> = matches[0]
        .actions
        .iter()
        .map(|a| (a.description.as_str(), a.effective))
        .collect();
    assert_eq!(
        descriptions,
        vec![
            ("priority: normal → high", true),
            ("priority: normal → normal", false),
            ("queue: — → After-sales", true)
        ]
    );
    let after = tickets::summary(store.pool(), refund).await.unwrap();
    assert_eq!((after.priority, after.queue.clone()), (before.priority, before.queue));
    assert!(timeline(store, other).await.iter().all(|(k, _, _)| k != "rule_changed"));

    let mut invalid = rule.clone();
    invalid.conditions[0].value = "(".into();
    assert!(rules::library::dry_run(store.pool(), &invalid).await.is_err());
}

#[tokio::test]
async fn rules_export_and_import_as_json_all_or_nothing() {
    let source = workspace().await;
    rules::library::install_defaults(source.store.pool()).await.unwrap();
    let exported = rules::library::export_json(source.store.pool()).await.unwrap();

    let target = workspace().await;
    let count = rules::library::import_json(target.store.pool(), &exported)
        .await
        .unwrap();
    let original = rules::library::list(source.store.pool()).await.unwrap();
    assert_eq!(count, original.len());
    let imported = rules::library::list(target.store.pool()).await.unwrap();
    let strip = |rules: Vec<rules::Rule>| rules.into_iter().map(|r| (r.enabled, r.definition)).collect::<Vec<_>>();
    assert_eq!(strip(imported), strip(original));

    let mut broken: serde_json::Value = serde_json::from_str(&exported).unwrap();
    broken["rules"][1]["conditions"] = serde_json::json!([{ "field": "body", "op": "matches", "value": "(" }]);
    let empty = workspace().await;
    assert!(
        rules::library::import_json(empty.store.pool(), &broken.to_string())
            .await
            .is_err()
    );
    assert!(
        rules::library::list(empty.store.pool()).await.unwrap().is_empty(),
        "none imported"
    );
    assert!(
        rules::library::import_json(empty.store.pool(), "{\"rules\": 3}")
            .await
            .is_err()
    );

    // Defaults are installed once: deleting them does not bring them back.
    for rule in rules::library::list(source.store.pool()).await.unwrap() {
        rules::library::delete(source.store.pool(), rule.id).await.unwrap();
    }
    rules::library::install_defaults(source.store.pool()).await.unwrap();
    assert!(rules::library::list(source.store.pool()).await.unwrap().is_empty());
}

#[tokio::test]
async fn reorder_needs_every_rule_once() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let a = add(
        &ws.store,
        definition("A", Trigger::TicketCreated, vec![], vec![(ActionKind::AddTag, "a")]),
    )
    .await;
    let b = add(
        &ws.store,
        definition("B", Trigger::TicketCreated, vec![], vec![(ActionKind::AddTag, "b")]),
    )
    .await;
    rules::library::reorder(pool, &[b, a]).await.unwrap();
    let names: Vec<_> = rules::library::list(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.definition.name)
        .collect();
    assert_eq!(names, vec!["B", "A"]);
    assert!(rules::library::reorder(pool, &[b]).await.is_err());
    rules::library::set_enabled(pool, a, false).await.unwrap();
    let id = new_ticket(&ws.store, "c@example.com", "Hi", "there").await;
    assert_eq!(
        tickets::summary(pool, id).await.unwrap().tags,
        vec!["b".to_string()],
        "a disabled rule does not run"
    );
}

async fn email_account(store: &Store) -> i64 {
    accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        "support@shop.example",
        "{}",
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn automatic_replies_are_opt_in_marked_rate_limited_and_never_answer_auto_mail() {
    let ws = workspace().await;
    let store = &ws.store;
    let account = email_account(store).await;
    let mut ack = definition(
        "Acknowledge",
        Trigger::TicketCreated,
        vec![],
        vec![(ActionKind::AutoReply, "Thanks, we are on it")],
    );
    ack.allow_auto_reply = true;
    ack.trigger = Trigger::CustomerReplied;
    let mut on_created = ack.clone();
    on_created.trigger = Trigger::TicketCreated;
    add(store, on_created).await;
    add(store, ack).await;

    let mut first = mail("ann@example.com", "m1@x", "Broken", "It broke", 1_700_000_000_000);
    first.account_id = Some(account);
    let IngestOutcome::Created { ticket_id, .. } = ingest(store, &first).await.unwrap() else {
        panic!()
    };
    let mut again = reply_to(
        mail("ann@example.com", "m2@x", "Re: Broken", "Any news?", 1_700_000_100_000),
        "m1@x",
    );
    again.account_id = Some(account);
    ingest(store, &again).await.unwrap();

    let sent: Vec<(i64, bool)> = sqlx::query_as("SELECT ticket_id, auto_submitted FROM outbox")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(
        sent,
        vec![(ticket_id, true)],
        "one automatic reply per ticket per 24 hours"
    );
    let queued = outbox::claim_next(store.pool(), "email").await.unwrap().unwrap();
    assert!(queued.auto_submitted);
    assert!(
        queued.body_text.contains("We are looking into it"),
        "{}",
        queued.body_text
    );
    assert!(queued.body_text.contains(&format!(
        "#{}",
        tickets::summary(store.pool(), ticket_id).await.unwrap().number
    )));
    let t = tickets::summary(store.pool(), ticket_id).await.unwrap();
    assert!(
        t.unread && t.status != TicketStatus::Open,
        "an automatic reply is not the agent answering"
    );

    // An auto-reply from the customer's side never gets one back.
    let mut bounce = mail(
        "noreply@other.example",
        "m3@x",
        "Out of office",
        "Away",
        1_700_000_200_000,
    );
    bounce.account_id = Some(account);
    bounce.auto_generated = true;
    ingest(store, &bounce).await.unwrap();
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_time_based_rule_fires_once_per_stay_in_a_status() {
    let ws = workspace().await;
    let store = &ws.store;
    let mut stale = definition(
        "Resolve stale pending",
        Trigger::TimeInStatus,
        vec![(Field::Status, Op::Is, "pending")],
        vec![
            (ActionKind::AddNote, "No answer for 3 days."),
            (ActionKind::SetStatus, "resolved"),
        ],
    );
    stale.after_hours = Some(72);
    add(store, stale).await;
    let waiting = new_ticket(store, "ann@example.com", "Waiting", "on me").await;
    let fresh = new_ticket(store, "bob@example.com", "Fresh", "just now").await;
    for id in [waiting, fresh] {
        tickets::set_status(store.pool(), id, TicketStatus::Pending, "agent")
            .await
            .unwrap();
    }
    let now = switchboard_core::time::now_ms();
    sqlx::query("UPDATE tickets SET status_changed_at = ? WHERE id = ?")
        .bind(now - 73 * 3_600_000)
        .bind(waiting)
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(rules::sweep_time_based(store.pool(), now).await.unwrap(), 1);
    assert_eq!(
        tickets::summary(store.pool(), waiting).await.unwrap().status,
        TicketStatus::Resolved
    );
    assert_eq!(
        tickets::summary(store.pool(), fresh).await.unwrap().status,
        TicketStatus::Pending
    );
    assert_eq!(
        rules::sweep_time_based(store.pool(), now).await.unwrap(),
        0,
        "once per stay"
    );
}

#[tokio::test]
async fn a_customer_reply_reopens_within_the_grace_period_and_opens_a_new_ticket_after_it() {
    let ws = workspace().await;
    let store = &ws.store;
    let day = 86_400_000;
    let now = switchboard_core::time::now_ms();
    let first = mail("ann@example.com", "g1@x", "Order", "Where is it?", now - 40 * day);
    let IngestOutcome::Created { ticket_id, .. } = ingest(store, &first).await.unwrap() else {
        panic!()
    };
    tickets::set_status(store.pool(), ticket_id, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    sqlx::query("UPDATE tickets SET resolved_at = ? WHERE id = ?")
        .bind(now - 2 * day)
        .bind(ticket_id)
        .execute(store.pool())
        .await
        .unwrap();
    let soon = reply_to(
        mail("ann@example.com", "g2@x", "Re: Order", "Still nothing", now - day),
        "g1@x",
    );
    assert!(matches!(
        ingest(store, &soon).await.unwrap(),
        IngestOutcome::Threaded { .. }
    ));
    assert_eq!(
        tickets::summary(store.pool(), ticket_id).await.unwrap().status,
        TicketStatus::Open
    );

    tickets::set_status(store.pool(), ticket_id, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    sqlx::query("UPDATE tickets SET resolved_at = ? WHERE id = ?")
        .bind(now - 20 * day)
        .bind(ticket_id)
        .execute(store.pool())
        .await
        .unwrap();
    let late = reply_to(mail("ann@example.com", "g3@x", "Re: Order", "Again", now), "g2@x");
    assert!(
        matches!(ingest(store, &late).await.unwrap(), IngestOutcome::Created { .. }),
        "past the 14-day grace"
    );
    assert_eq!(
        tickets::summary(store.pool(), ticket_id).await.unwrap().status,
        TicketStatus::Resolved
    );
}

#[tokio::test]
async fn category_and_status_actions_and_a_prepared_draft_the_agent_reply_spends() {
    let ws = workspace().await;
    let store = &ws.store;
    add(
        store,
        definition(
            "Warranty",
            Trigger::TicketCreated,
            vec![(Field::Text, Op::ContainsAny, "warranty, 保修")],
            vec![
                (ActionKind::SetCategory, "technical_support"),
                (ActionKind::SetStatus, "open"),
                (ActionKind::DraftSavedReply, "Thanks, we are on it"),
            ],
        ),
    )
    .await;
    let id = new_ticket(
        store,
        "ann@example.com",
        "Warranty claim",
        "My speaker died after 3 months",
    )
    .await;
    let t = tickets::summary(store.pool(), id).await.unwrap();
    assert_eq!(
        (t.category.as_deref(), t.status),
        (Some("technical_support"), TicketStatus::Open)
    );
    let draft = workflow::prepared_draft(store.pool(), id)
        .await
        .unwrap()
        .expect("a draft");
    assert!(
        draft.contains(&format!("#{}", t.number)) && draft.contains("Warranty claim"),
        "{draft}"
    );
    assert!(!draft.contains("{{"), "{draft}");
    // The AI's later category does not overwrite the rule's decision.
    classify(store, id, "product_inquiry", "neutral", 0.9).await;
    assert_eq!(
        tickets::summary(store.pool(), id).await.unwrap().category.as_deref(),
        Some("technical_support")
    );
    // The agent's reply spends the draft; nothing was sent before it.
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(count, 0, "a prepared draft is never sent by itself");
    let author = outbox::ReplyAuthor {
        name: "Agent".into(),
        address: "support@shop.example".into(),
    };
    outbox::enqueue_reply(store.pool(), id, &draft, Direction::Outbound, &author)
        .await
        .unwrap();
    assert_eq!(workflow::prepared_draft(store.pool(), id).await.unwrap(), None);
}

#[tokio::test]
async fn an_agent_reply_and_a_status_change_fire_their_rules() {
    let ws = workspace().await;
    let store = &ws.store;
    add(
        store,
        definition(
            "Answered",
            Trigger::AgentReplied,
            vec![],
            vec![(ActionKind::AddTag, "answered")],
        ),
    )
    .await;
    add(
        store,
        definition(
            "Pending needs a follow-up",
            Trigger::StatusChanged,
            vec![(Field::Status, Op::Is, "pending")],
            vec![(ActionKind::AddTag, "follow-up")],
        ),
    )
    .await;
    let id = new_ticket(store, "ann@example.com", "Hi", "Question").await;
    let author = outbox::ReplyAuthor {
        name: "Agent".into(),
        address: "support@shop.example".into(),
    };
    outbox::enqueue_reply(store.pool(), id, "Answer", Direction::Outbound, &author)
        .await
        .unwrap();
    tickets::set_status(store.pool(), id, TicketStatus::Pending, "agent")
        .await
        .unwrap();
    let tags = tickets::summary(store.pool(), id).await.unwrap().tags;
    assert_eq!(tags, vec!["answered".to_string(), "follow-up".to_string()]);
}
