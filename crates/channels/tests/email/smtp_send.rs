//! Replies leave through a real SMTP server on loopback (aiosmtpd, started by the test).

use mail_parser::{MessageParser, MimeHeaders};
use switchboard_channels::email::outbox_sender::{Delivery, send_next};
use switchboard_core::ingest::{InboundMessage, ingest};
use switchboard_core::model::{ChannelKind, Direction, OutboxState, TicketView};
use switchboard_core::outbox::{self, ReplyAuthor};
use switchboard_core::{Store, accounts, tickets};

use super::smtp_sink::{PASSWORD, USER, free_port, received, start_sink};

fn settings(port: u16, host: &str) -> String {
    serde_json::json!({
        "imap": { "host": host, "port": 1143, "security": "plain" },
        "smtp": { "host": host, "port": port, "security": "plain" },
        "username": USER,
        "display_name": "Aurora Support",
        "signature": "Aurora Audio — we answer within a day",
    })
    .to_string()
}

/// A workspace with one customer ticket and a queued reply to it.
async fn ticket_with_reply(store: &Store, customer: &str) -> (i64, i64) {
    let msg = InboundMessage {
        from_name: "Ann Lee".into(),
        from_address: customer.into(),
        message_id: Some(format!("q-{customer}@mail.example")),
        references: vec!["earlier@mail.example".into()],
        subject: "Broken hinge".into(),
        body_text: "My headphones' hinge snapped.".into(),
        sent_at: 1_000,
        ..Default::default()
    };
    ingest(store, &msg).await.unwrap();
    let ticket = tickets::list(store.pool(), TicketView::AllOpen, 100, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.customer_address == customer)
        .unwrap();
    let author = ReplyAuthor {
        name: "Agent".into(),
        address: "agent@elsewhere.example".into(),
    };
    let item = outbox::enqueue_reply(
        store.pool(),
        ticket.id,
        "We will send a replacement today.",
        Direction::Outbound,
        &author,
    )
    .await
    .unwrap()
    .unwrap();
    (ticket.id, item.id)
}

/// A workspace whose one email account sends to a fresh SMTP receiver on loopback.
async fn workspace_sending_to_a_sink() -> (tempfile::TempDir, super::smtp_sink::SmtpSink, Store) {
    let dir = tempfile::tempdir().unwrap();
    let sink = start_sink(&dir.path().join("sink"));
    let store = Store::open(&dir.path().join("ws")).await.unwrap();
    accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        USER,
        &settings(sink.port, "127.0.0.1"),
    )
    .await
    .unwrap();
    (dir, sink, store)
}

fn keychain(_account: i64) -> Result<Option<String>, String> {
    Ok(Some(PASSWORD.to_string()))
}

#[tokio::test]
async fn a_queued_reply_is_delivered_once_with_threading_headers() {
    let (_dir, sink, store) = workspace_sending_to_a_sink().await;
    let (ticket, outbox_id) = ticket_with_reply(&store, "ann@example.com").await;

    let delivery = send_next(&store, keychain).await.unwrap();
    assert_eq!(
        delivery,
        Some(Delivery::Sent {
            outbox_id,
            ticket_id: ticket
        })
    );
    assert_eq!(
        send_next(&store, keychain).await.unwrap(),
        None,
        "nothing is sent twice"
    );

    let mails = received(&sink);
    assert_eq!(mails.len(), 1);
    let mail = MessageParser::default().parse(&mails[0]).unwrap();
    assert_eq!(mail.from().unwrap().first().unwrap().address(), Some(USER));
    assert_eq!(mail.to().unwrap().first().unwrap().address(), Some("ann@example.com"));
    assert_eq!(mail.subject(), Some("Re: [#1001] Broken hinge"));
    assert_eq!(mail.in_reply_to().as_text(), Some("q-ann@example.com@mail.example"));
    let references = mail
        .references()
        .as_text_list()
        .map(|l| l.iter().map(|r| r.to_string()).collect::<Vec<_>>());
    assert_eq!(
        references,
        Some(vec![
            "earlier@mail.example".to_string(),
            "q-ann@example.com@mail.example".to_string()
        ])
    );
    let detail = tickets::detail(store.pool(), ticket).await.unwrap();
    let ours = detail.messages.last().unwrap().channel_message_id.clone().unwrap();
    assert_eq!(
        mail.message_id(),
        Some(ours.as_str()),
        "the Message-ID we stored is the one sent"
    );
    let body = mail.body_text(0).unwrap();
    assert!(
        body.contains("replacement today") && body.contains("Aurora Audio — we answer"),
        "{body}"
    );
    // An HTML alternative too, with the signature, the agent's text escaped.
    let html = mail.body_html(0).unwrap();
    assert!(
        html.contains("<p>We will send a replacement today.</p>") && html.contains("Aurora Audio"),
        "{html}"
    );
    assert_eq!(detail.outbox[0].state, OutboxState::Sent);
}

#[tokio::test]
async fn a_dead_server_means_retry_later_and_bad_credentials_or_recipients_fail() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ws")).await.unwrap();
    let dead_port = free_port();
    let account = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        USER,
        &settings(dead_port, "127.0.0.1"),
    )
    .await
    .unwrap();
    let (ticket, outbox_id) = ticket_with_reply(&store, "ann@example.com").await;

    let Some(Delivery::WillRetry { error, .. }) = send_next(&store, keychain).await.unwrap() else {
        panic!("expected a retry")
    };
    assert!(error.contains("127.0.0.1"), "{error}");
    let item = outbox::item(store.pool(), outbox_id).await.unwrap();
    assert_eq!(item.state, OutboxState::Queued);
    assert_eq!(item.error.as_deref(), Some(error.as_str()));
    assert_eq!(
        send_next(&store, keychain).await.unwrap(),
        None,
        "the retry waits for its back-off"
    );

    // The server comes up; a wrong password is permanent.
    let sink = start_sink(&dir.path().join("sink"));
    sqlx::query("UPDATE accounts SET settings_json = ? WHERE id = ?")
        .bind(settings(sink.port, "127.0.0.1"))
        .bind(account)
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE outbox SET next_attempt_at = 0")
        .execute(store.pool())
        .await
        .unwrap();
    let wrong = |_| Ok(Some("wrong".to_string()));
    let Some(Delivery::Failed { error, .. }) = send_next(&store, wrong).await.unwrap() else {
        panic!("expected failure")
    };
    assert!(
        error.contains("535") || error.to_lowercase().contains("auth"),
        "{error}"
    );
    assert!(received(&sink).is_empty());

    // The agent retries with the right password: delivered.
    outbox::retry_now(store.pool(), outbox_id).await.unwrap();
    assert_eq!(
        send_next(&store, keychain).await.unwrap(),
        Some(Delivery::Sent {
            outbox_id,
            ticket_id: ticket
        })
    );

    // A recipient the server refuses fails for good, with the server's words.
    let (_, refused) = ticket_with_reply(&store, "reject-me@example.com").await;
    let Some(Delivery::Failed {
        outbox_id: failed,
        error,
        ..
    }) = send_next(&store, keychain).await.unwrap()
    else {
        panic!("expected failure")
    };
    assert_eq!(failed, refused);
    assert!(error.contains("550"), "{error}");
    assert_eq!(received(&sink).len(), 1);
}

#[tokio::test]
async fn no_account_plain_text_to_remote_hosts_and_interrupted_sends_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ws")).await.unwrap();
    let (_, outbox_id) = ticket_with_reply(&store, "ann@example.com").await;
    let Some(Delivery::WillRetry { error, .. }) = send_next(&store, keychain).await.unwrap() else {
        panic!()
    };
    assert!(error.contains("no email account"), "{error}");

    accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        USER,
        &settings(25, "smtp.example.com"),
    )
    .await
    .unwrap();
    sqlx::query("UPDATE outbox SET next_attempt_at = 0")
        .execute(store.pool())
        .await
        .unwrap();
    let Some(Delivery::Failed { error, .. }) = send_next(&store, keychain).await.unwrap() else {
        panic!()
    };
    assert!(error.contains("without encryption"), "{error}");

    // A crash while sending, and the Sent folder cannot be checked: the reply is left alone (never
    // sent again blindly) until it can be.
    outbox::retry_now(store.pool(), outbox_id).await.unwrap();
    sqlx::query("UPDATE outbox SET state = 'sending'")
        .execute(store.pool())
        .await
        .unwrap();
    let outcomes = switchboard_channels::email::outbox_sender::recover_interrupted(&store, keychain)
        .await
        .unwrap();
    assert!(
        matches!(&outcomes[..], [switchboard_channels::email::outbox_sender::Recovery::Unchecked { error, .. }] if error.contains("without encryption")),
        "{outcomes:?}"
    );
    assert_eq!(
        outbox::item(store.pool(), outbox_id).await.unwrap().state,
        OutboxState::Sending
    );
    assert!(
        send_next(&store, keychain).await.unwrap().is_none(),
        "nothing is sent while it is unsettled"
    );
}

#[tokio::test]
async fn files_attached_to_a_reply_arrive_with_it_byte_for_byte() {
    let (_dir, sink, store) = workspace_sending_to_a_sink().await;
    let (ticket, first) = ticket_with_reply(&store, "ann@example.com").await;
    send_next(&store, keychain).await.unwrap();
    let author = ReplyAuthor {
        name: "Agent".into(),
        address: "agent@elsewhere.example".into(),
    };
    // Binary content with every byte value, a Chinese file name, a path the agent's OS put in front.
    let label: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let files = vec![
        outbox::NewAttachment {
            filename: "C:\\Users\\agent\\退货标签.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: label.clone(),
        },
        outbox::NewAttachment {
            filename: "steps.txt".into(),
            content_type: "not a type".into(),
            bytes: b"1. Unplug\n2. Hold the button\n".to_vec(),
        },
    ];
    let item = outbox::enqueue_reply_with_attachments(
        &store,
        ticket,
        "The return label is attached.",
        Direction::Outbound,
        &author,
        &files,
    )
    .await
    .unwrap()
    .unwrap();
    assert_ne!(item.id, first);
    let detail = tickets::detail(store.pool(), ticket).await.unwrap();
    let listed: Vec<(String, String, i64)> = detail
        .messages
        .last()
        .unwrap()
        .attachments
        .iter()
        .map(|a| (a.filename.clone(), a.content_type.clone(), a.size))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("退货标签.pdf".to_string(), "application/pdf".to_string(), 70_000),
            ("steps.txt".to_string(), "application/octet-stream".to_string(), 29),
        ]
    );

    assert!(matches!(
        send_next(&store, keychain).await.unwrap(),
        Some(Delivery::Sent { .. })
    ));
    let mails = received(&sink);
    let raw = mails
        .iter()
        .find(|m| String::from_utf8_lossy(m).contains("return label"))
        .expect("the reply with files arrived");
    let mail = MessageParser::default().parse(raw).unwrap();
    assert!(mail.body_text(0).unwrap().contains("The return label is attached."));
    let got: Vec<(String, Vec<u8>)> = mail
        .attachments()
        .map(|a| {
            (
                a.attachment_name().unwrap_or_default().to_string(),
                a.contents().to_vec(),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "退货标签.pdf");
    assert_eq!(got[0].1, label, "the PDF arrives byte for byte");
    assert_eq!(
        got[1],
        ("steps.txt".to_string(), b"1. Unplug\n2. Hold the button\n".to_vec())
    );
}

#[tokio::test]
async fn files_over_the_cap_or_without_a_name_are_refused_and_nothing_is_queued() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ws")).await.unwrap();
    let (ticket, _) = ticket_with_reply(&store, "ann@example.com").await;
    let author = ReplyAuthor {
        name: "Agent".into(),
        address: "agent@elsewhere.example".into(),
    };
    let before = tickets::detail(store.pool(), ticket).await.unwrap().outbox.len();
    let huge = outbox::NewAttachment {
        filename: "video.mp4".into(),
        content_type: "video/mp4".into(),
        bytes: vec![0; outbox::MAX_ATTACHMENT_BYTES + 1],
    };
    let err =
        outbox::enqueue_reply_with_attachments(&store, ticket, "See video", Direction::Outbound, &author, &[huge])
            .await
            .unwrap_err();
    assert!(err.to_string().contains("at most 18 MB"), "{err}");
    let nameless = outbox::NewAttachment {
        filename: "../".into(),
        content_type: "text/plain".into(),
        bytes: b"x".to_vec(),
    };
    let err = outbox::enqueue_reply_with_attachments(&store, ticket, "x", Direction::Outbound, &author, &[nameless])
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not a file name"), "{err}");
    assert_eq!(
        tickets::detail(store.pool(), ticket).await.unwrap().outbox.len(),
        before
    );
}
