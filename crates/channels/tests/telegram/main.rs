//! The Telegram channel against a loopback Bot API that follows the published documentation: token
//! check, long polling with a durable offset, photos and documents, edits, conversations, crashes mid-
//! sync, replies split at the limit, rate limits, files, and a token that never leaks.

#[path = "../harness/fake_telegram.rs"]
mod fake_telegram;
#[path = "../harness/loopback.rs"]
mod loopback;
#[path = "../harness/smtp_sink.rs"]
mod smtp_sink;

use std::time::Duration;

use switchboard_channels::channel::Channel;
use switchboard_channels::chat::{self, Delivered};
use switchboard_channels::telegram::{self, TelegramChannel, TelegramSettings};
use switchboard_core::model::{ChannelKind, Direction, TicketStatus};
use switchboard_core::outbox::{self, NewAttachment, ReplyAuthor};
use switchboard_core::{Store, accounts, tickets};

use fake_telegram::{FakeTelegram, TOKEN};

struct Setup {
    fake: FakeTelegram,
    store: Store,
    account: i64,
    settings: TelegramSettings,
    _dir: tempfile::TempDir,
}

async fn setup() -> Setup {
    let fake = fake_telegram::start();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let settings = telegram::check_token(&fake.base(), TOKEN).await.unwrap();
    let account = accounts::create(
        store.pool(),
        ChannelKind::Telegram,
        "Support bot",
        &settings.bot_username,
        &serde_json::to_string(&settings).unwrap(),
    )
    .await
    .unwrap();
    Setup {
        fake,
        store,
        account,
        settings,
        _dir: dir,
    }
}

impl Setup {
    fn channel(&self) -> TelegramChannel {
        let mut channel = TelegramChannel::new(&self.settings, TOKEN, self.account).unwrap();
        channel.long_poll = Duration::from_secs(1);
        channel
    }

    async fn deliver(&self) -> switchboard_core::Result<Option<Delivered>> {
        chat::deliver_next(&self.store, "telegram", async |_| Ok(self.channel())).await
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_one(self.store.pool())
            .await
            .unwrap()
    }

    async fn reply(&self, ticket_id: i64, body: &str, files: &[NewAttachment]) {
        let author = ReplyAuthor {
            name: "Agent".into(),
            address: "bot".into(),
        };
        outbox::enqueue_reply_with_attachments(&self.store, ticket_id, body, Direction::Outbound, &author, files)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_token_is_checked_with_get_me_and_never_leaks() {
    let s = setup().await;
    assert!(s.settings.bot_username.len() > 1);
    let wrong = telegram::check_token(&s.fake.base(), "123456:WRONG-token-value")
        .await
        .unwrap_err();
    assert!(wrong.contains("BotFather"), "{wrong}");
    let shape = telegram::check_token(&s.fake.base(), "hello").await.unwrap_err();
    assert!(shape.contains("123456789:AA"), "{shape}");
    // Nothing listens here: the error names the problem, never the token.
    let port = smtp_sink::free_port();
    let down = telegram::check_token(&format!("http://127.0.0.1:{port}"), TOKEN)
        .await
        .unwrap_err();
    assert!(
        down.contains("cannot be reached") && !down.contains("TEST-token"),
        "{down}"
    );
}

#[tokio::test]
async fn messages_photos_documents_and_edits_become_tickets_once() {
    let s = setup().await;
    let mut channel = s.channel();
    let first = s
        .fake
        .customer_says(1001, "Ann", "Where is my order 4411?\nIt is late.")
        .await;
    s.fake
        .customer_sends_photo(1001, "Ann", b"\xFF\xD8\xFFfake-jpeg", "the box")
        .await;
    s.fake
        .customer_sends_document(2002, "Bo", b"%PDF-1.4 invoice", "invoice.pdf")
        .await;
    let pulled = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!((pulled.stored, pulled.new_tickets.len()), (3, 2));
    let ann = tickets::detail(s.store.pool(), pulled.new_tickets[0]).await.unwrap();
    assert_eq!(ann.ticket.subject, "Where is my order 4411?");
    assert_eq!(ann.ticket.channel, ChannelKind::Telegram);
    assert_eq!(ann.messages.len(), 2);
    assert_eq!(ann.messages[1].attachments.len(), 1);
    assert_eq!(
        ann.messages[1].attachments[0].filename,
        format!("photo-{}.jpg", first + 1)
    );
    let bo = tickets::detail(s.store.pool(), pulled.new_tickets[1]).await.unwrap();
    assert_eq!(bo.ticket.subject, "invoice.pdf");
    assert_eq!(bo.messages[0].attachments[0].content_type, "application/pdf");

    // Nothing new: the long poll waits, then returns nothing; the offset is confirmed to Telegram.
    let started = std::time::Instant::now();
    let again = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!(again.stored, 0);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "getUpdates did not wait"
    );
    assert_eq!(s.fake.state().await["pending_updates"].as_i64(), Some(0));

    // An edit is recorded as what the customer now says, in the same ticket.
    s.fake.customer_edits(1001, first, "Where is my order 4412?").await;
    let edited = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!(edited.touched, vec![ann.ticket.id]);
    let ann = tickets::detail(s.store.pool(), ann.ticket.id).await.unwrap();
    assert!(
        ann.messages
            .last()
            .unwrap()
            .body_text
            .starts_with("(edited) Where is my order 4412?")
    );
}

#[tokio::test]
async fn a_resolved_chat_reopens_within_the_quiet_period_and_starts_anew_after() {
    let s = setup().await;
    let mut channel = s.channel();
    s.fake.customer_says(1001, "Ann", "Hi").await;
    let first = chat::pull(&s.store, s.account, &mut channel).await.unwrap().new_tickets[0];
    tickets::set_status(s.store.pool(), first, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    s.fake.customer_says(1001, "Ann", "One more thing").await;
    let pulled = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!((pulled.new_tickets.len(), pulled.touched.clone()), (0, vec![first]));
    assert_eq!(
        tickets::summary(s.store.pool(), first).await.unwrap().status,
        TicketStatus::Open
    );
    // A quiet period of zero hours: the next message after resolving is a new conversation.
    sqlx::query("INSERT INTO settings (key, value) VALUES ('workflow.chat_quiet_hours', '0')")
        .execute(s.store.pool())
        .await
        .unwrap();
    tickets::set_status(s.store.pool(), first, TicketStatus::Resolved, "agent")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    s.fake.customer_says(1001, "Ann", "New question").await;
    let pulled = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!(pulled.new_tickets.len(), 1);
    assert_ne!(pulled.new_tickets[0], first);
}

#[tokio::test]
async fn a_crash_before_or_after_storing_loses_and_duplicates_nothing() {
    let s = setup().await;
    for i in 0..5 {
        s.fake.customer_says(3000 + i, "Cu", &format!("Message {i}")).await;
    }
    // Killed after fetching, before storing: the batch is fetched again (Telegram keeps unconfirmed updates).
    let mut channel = s.channel();
    let fetched = channel.fetch(None).await.unwrap();
    assert_eq!(fetched.messages.len(), 5);
    drop(channel);
    let mut channel = s.channel();
    let pulled = chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    assert_eq!(pulled.stored, 5);
    // Killed after storing, before confirming: the next getUpdates starts at the stored offset, so the
    // same updates come back only if the offset were lost — and dedup would store them once anyway.
    sqlx::query("UPDATE channel_cursors SET cursor = '0'")
        .execute(s.store.pool())
        .await
        .unwrap();
    let replay = chat::pull(&s.store, s.account, &mut s.channel()).await.unwrap();
    assert_eq!(replay.stored, 0);
    assert_eq!(s.count("SELECT count(*) FROM messages").await, 5);
    assert_eq!(s.count("SELECT count(*) FROM tickets").await, 5);
}

#[tokio::test]
async fn replies_answer_the_customer_split_at_the_limit_through_rate_limits() {
    let s = setup().await;
    let mut channel = s.channel();
    let asked = s.fake.customer_says(1001, "Ann", "Tell me everything").await;
    let ticket = chat::pull(&s.store, s.account, &mut channel).await.unwrap().new_tickets[0];
    let long = format!("{}\n\n{}\n\n{}", "a".repeat(4000), "b".repeat(4000), "c".repeat(100));
    s.reply(ticket, &long, &[]).await;
    // The second part is rate limited: the first is not sent again, the rest go after retry_after.
    s.fake
        .fail("sendMessage", 1, 429, "Too Many Requests: retry after 1", Some(1))
        .await;
    let first_try = s.deliver().await.unwrap().unwrap();
    assert!(matches!(first_try, Delivered::WillRetry { .. }), "{first_try:?}");
    assert!(s.deliver().await.unwrap().is_none(), "not due yet");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = s.deliver().await.unwrap().unwrap();
    assert_eq!(second, Delivered::Sent { ticket_id: ticket });
    let sent = s.fake.sent().await;
    let texts: Vec<usize> = sent.iter().map(|m| m["text"].as_str().unwrap_or("").len()).collect();
    assert_eq!(texts, vec![4000, 4000, 100]);
    assert_eq!(sent[0]["reply_to_message_id"].as_i64(), Some(asked));
    assert!(sent[1]["reply_to_message_id"].is_null());

    // Files follow the text; a blocked bot fails for the agent to see, without retrying forever.
    let pdf = NewAttachment {
        filename: "label.pdf".into(),
        content_type: "application/pdf".into(),
        bytes: b"%PDF-1.4 label".to_vec(),
    };
    s.reply(ticket, "Here is the label", &[pdf]).await;
    assert!(matches!(s.deliver().await.unwrap(), Some(Delivered::Sent { .. })));
    let sent = s.fake.sent().await;
    let upload = sent.last().unwrap();
    assert_eq!(upload["file"]["name"].as_str(), Some("label.pdf"));
    assert_eq!(upload["method"].as_str(), Some("sendDocument"));
    s.reply(ticket, "Are you there?", &[]).await;
    s.fake
        .fail("sendMessage", 1, 403, "Forbidden: bot was blocked by the user", None)
        .await;
    let blocked = s.deliver().await.unwrap().unwrap();
    assert!(
        matches!(&blocked, Delivered::Failed { error, .. } if error.contains("blocked")),
        "{blocked:?}"
    );
}
