//! Two Switchboard workspaces whose rules acknowledge every new ticket, writing to each other through
//! real SMTP: each sends exactly one automatic reply, because each reply carries
//! `Auto-Submitted: auto-replied` and mail so marked never triggers a rule.

use switchboard_channels::email::outbox_sender::send_next;
use switchboard_channels::email::parse::parse_message;
use switchboard_core::ingest::ingest;
use switchboard_core::model::ChannelKind;
use switchboard_core::rules::{Action, ActionKind, Match, RuleDefinition, Trigger};
use switchboard_core::{Store, accounts, rules};

use super::smtp_sink::{PASSWORD, SmtpSink, USER, received, start_sink};

async fn workspace(dir: &std::path::Path, address: &str) -> (Store, SmtpSink, i64) {
    let sink = start_sink(&dir.join("sink"));
    let store = Store::open(&dir.join("ws")).await.unwrap();
    let settings = serde_json::json!({
        "imap": { "host": "127.0.0.1", "port": 1143, "security": "plain" },
        "smtp": { "host": "127.0.0.1", "port": sink.port, "security": "plain" },
        "username": USER,
        "display_name": "Support",
    });
    let account = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        address,
        &settings.to_string(),
    )
    .await
    .unwrap();
    let acknowledge = RuleDefinition {
        name: "Acknowledge".into(),
        trigger: Trigger::TicketCreated,
        after_hours: None,
        match_mode: Match::All,
        conditions: vec![],
        actions: vec![Action {
            kind: ActionKind::AutoReply,
            value: "Thanks, we are on it".into(),
        }],
        allow_auto_reply: true,
        auto_reply_every_hours: 1,
        stop_after: false,
    };
    let mut customer_replied = acknowledge.clone();
    customer_replied.trigger = Trigger::CustomerReplied;
    rules::library::save(store.pool(), None, true, &acknowledge)
        .await
        .unwrap();
    rules::library::save(store.pool(), None, true, &customer_replied)
        .await
        .unwrap();
    (store, sink, account)
}

fn keychain(_account: i64) -> Result<Option<String>, String> {
    Ok(Some(PASSWORD.to_string()))
}

/// Sends everything queued in `from` and delivers what its SMTP server received into `to`; returns how
/// many mails went across.
async fn exchange(from: &Store, sink: &SmtpSink, seen: &mut usize, to: &Store, to_account: i64) -> usize {
    while send_next(from, keychain).await.unwrap().is_some() {}
    let mails = received(sink);
    let fresh = mails.len() - *seen;
    for raw in &mails[*seen..] {
        let mut msg = parse_message(raw).unwrap();
        msg.account_id = Some(to_account);
        ingest(to, &msg).await.unwrap();
    }
    *seen = mails.len();
    fresh
}

#[tokio::test]
async fn two_auto_replying_workspaces_stop_after_one_reply_each() {
    let dir = tempfile::tempdir().unwrap();
    let (a, a_sink, a_account) = workspace(&dir.path().join("a"), "help@a.example").await;
    let (b, b_sink, b_account) = workspace(&dir.path().join("b"), "care@b.example").await;

    // Each workspace gets one ordinary mail from the other's address: both acknowledge it.
    for (store, account, from) in [(&a, a_account, "care@b.example"), (&b, b_account, "help@a.example")] {
        let first = switchboard_core::ingest::InboundMessage {
            account_id: Some(account),
            from_name: "Other support".into(),
            from_address: from.into(),
            message_id: Some(format!("start-{from}")),
            subject: "Question about our shared order".into(),
            body_text: "Hello, can you check order 1234?".into(),
            sent_at: switchboard_core::time::now_ms(),
            ..Default::default()
        };
        ingest(store, &first).await.unwrap();
    }
    let (mut a_seen, mut b_seen) = (0, 0);
    let mut rounds = 0;
    loop {
        let moved = exchange(&a, &a_sink, &mut a_seen, &b, b_account).await
            + exchange(&b, &b_sink, &mut b_seen, &a, a_account).await;
        rounds += 1;
        if moved == 0 || rounds > 10 {
            break;
        }
    }
    assert_eq!(received(&a_sink).len(), 1, "A sent one automatic reply");
    assert_eq!(received(&b_sink).len(), 1, "B sent one automatic reply");
    assert!(rounds <= 3, "the exchange settled in {rounds} rounds");
    let raw = String::from_utf8_lossy(&received(&a_sink)[0]).to_string();
    assert!(raw.contains("Auto-Submitted: auto-replied"), "{raw}");
    // The other side stored the automatic reply, marked, without a rule acting on it.
    let marked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM messages WHERE direction = 'inbound' AND auto_generated = 1")
            .fetch_one(b.pool())
            .await
            .unwrap();
    assert_eq!(marked, 1);
}
