//! WeChat customer service through the loopback WeCom API: credentials, the sync cursor across pages,
//! media, nicknames, token expiry mid-sync, crashes, the reply window and quota, and files in replies.

#[path = "../harness/fake_wecom.rs"]
mod fake_wecom;
#[path = "../harness/loopback.rs"]
mod loopback;
#[path = "../harness/smtp_sink.rs"]
mod smtp_sink;

use serde_json::json;
use switchboard_channels::channel::Channel;
use switchboard_channels::chat::{self, Delivered};
use switchboard_channels::wecom::{self, WecomChannel, WecomSettings};
use switchboard_core::model::{ChannelKind, Direction};
use switchboard_core::outbox::{self, NewAttachment, ReplyAuthor};
use switchboard_core::{Store, accounts, tickets};

use fake_wecom::{CORP_ID, FakeWecom, KFID, SECRET};

struct Setup {
    fake: FakeWecom,
    store: Store,
    account: i64,
    settings: WecomSettings,
    _dir: tempfile::TempDir,
}

async fn setup() -> Setup {
    let fake = fake_wecom::start();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let settings = WecomSettings {
        api_base: fake.base(),
        corp_id: CORP_ID.into(),
        open_kfid: KFID.into(),
    };
    let account = accounts::create(
        store.pool(),
        ChannelKind::Wechat,
        "WeChat service",
        KFID,
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
    fn channel(&self) -> WecomChannel {
        WecomChannel::new(&self.settings, SECRET, self.account).unwrap()
    }

    async fn pull(&self) -> chat::Pulled {
        chat::pull(&self.store, self.account, &mut self.channel())
            .await
            .unwrap()
    }

    async fn deliver(&self) -> Option<Delivered> {
        chat::deliver_next(&self.store, "wechat", async |_| Ok(self.channel()))
            .await
            .unwrap()
    }

    async fn reply(&self, ticket_id: i64, body: &str) {
        self.reply_with(ticket_id, body, &[]).await
    }

    async fn reply_with(&self, ticket_id: i64, body: &str, files: &[NewAttachment]) {
        let author = ReplyAuthor {
            name: "Agent".into(),
            address: "kf".into(),
        };
        outbox::enqueue_reply_with_attachments(&self.store, ticket_id, body, Direction::Outbound, &author, files)
            .await
            .unwrap();
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_one(self.store.pool())
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn credentials_are_checked_with_plain_refusals() {
    let s = setup().await;
    wecom::check(&s.settings, SECRET).await.unwrap();
    let secret = wecom::check(&s.settings, "wrong").await.unwrap_err();
    assert!(secret.contains("secret"), "{secret}");
    let corp = WecomSettings {
        corp_id: "ww-other".into(),
        ..s.settings.clone()
    };
    assert!(wecom::check(&corp, SECRET).await.unwrap_err().contains("corp ID"));
    let kf = WecomSettings {
        open_kfid: "wk-other".into(),
        ..s.settings.clone()
    };
    assert!(wecom::check(&kf, SECRET).await.unwrap_err().contains("open_kfid"));
}

#[tokio::test]
async fn messages_media_and_nicknames_become_tickets_across_pages() {
    use base64::Engine;
    let s = setup().await;
    let picture = b"\x89PNG\r\n\x1a\n-ann-picture".to_vec();
    s.fake
        .control(
            "customer",
            Some(json!({ "external_userid": "wm-ann", "nickname": "安娜",
                "avatar_b64": base64::engine::general_purpose::STANDARD.encode(&picture), "avatar_type": "image/png" })),
        )
        .await;
    s.fake.customer_says("wm-ann", "我的订单还没到\n订单号 4411", 60).await;
    s.fake
        .customer_sends("wm-ann", "image", b"\xFF\xD8\xFFjpeg", None)
        .await;
    s.fake
        .customer_sends("wm-bo", "file", b"%PDF-1.4", Some("发票.pdf"))
        .await;
    s.fake
        .control(
            "message",
            Some(json!({ "external_userid": "wm-bo", "msgtype": "event",
                "event": { "event_type": "enter_session", "scene": "qrcode", "scene_param": "shop-7" } })),
        )
        .await;
    s.fake
        .control(
            "message",
            Some(json!({ "external_userid": "wm-bo", "msgtype": "event",
                "event": { "event_type": "user_recall_msg", "recall_msgid": "any" } })),
        )
        .await;
    // An event about a servicer alone is not the customer's business.
    s.fake
        .control(
            "message",
            Some(json!({ "external_userid": "wm-bo", "msgtype": "event",
                "event": { "event_type": "servicer_status_change", "servicer_userid": "s1", "status": 2 } })),
        )
        .await;
    s.fake
        .control(
            "message",
            Some(json!({ "external_userid": "wm-bo", "msgtype": "text", "text": "typed in WeCom", "origin": 5 })),
        )
        .await;
    let pulled = s.pull().await;
    assert_eq!((pulled.stored, pulled.new_tickets.len()), (5, 2));
    let ann = tickets::detail(s.store.pool(), pulled.new_tickets[0]).await.unwrap();
    assert_eq!(ann.ticket.subject, "我的订单还没到");
    assert_eq!(ann.customer.display_name, "安娜");
    // The picture from the customer lookup is kept on the profile, shown without loading anything remote.
    let profile = switchboard_core::customers::profile(s.store.pool(), ann.customer.id)
        .await
        .unwrap();
    assert_eq!(
        profile.avatar.as_deref(),
        Some(
            format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&picture)
            )
            .as_str()
        )
    );
    assert_eq!(ann.ticket.channel, ChannelKind::Wechat);
    assert_eq!(ann.messages[1].attachments.len(), 1);
    let bo = tickets::detail(s.store.pool(), pulled.new_tickets[1]).await.unwrap();
    assert_eq!(bo.messages[0].attachments[0].filename, "发票.pdf");
    // Customer events are marked messages in the customer's conversation: seen, but no ticket of their own.
    let events: Vec<(&str, bool)> = bo.messages[1..]
        .iter()
        .map(|m| (m.body_text.as_str(), m.auto_generated))
        .collect();
    assert_eq!(
        events,
        [
            ("The customer opened the WeChat chat (from qrcode / shop-7).", true),
            (
                "The customer recalled a message in WeChat; it stays here as it was received.",
                true
            ),
        ]
    );
    // Without a registered profile the API answers WeChat's default nickname.
    assert_eq!(bo.customer.display_name, "微信用户");

    // 1,100 more messages: more than one page of 1,000; all stored once, nothing twice.
    for i in 0..1100 {
        s.fake.customer_says("wm-many", &format!("message {i}"), 30).await;
    }
    let pulled = s.pull().await;
    assert_eq!(pulled.stored, 1100);
    assert_eq!(s.pull().await.stored, 0);
    assert_eq!(s.count("SELECT count(*) FROM messages").await, 1105);
}

#[tokio::test]
async fn an_expired_token_mid_sync_is_renewed_and_a_crash_loses_nothing() {
    let s = setup().await;
    let mut channel = s.channel();
    s.fake.customer_says("wm-ann", "first", 10).await;
    chat::pull(&s.store, s.account, &mut channel).await.unwrap();
    // The token expires while the app runs: the next call gets a new one by itself.
    s.fake.control("expire_token", Some(json!({}))).await;
    s.fake.customer_says("wm-ann", "second", 5).await;
    assert_eq!(chat::pull(&s.store, s.account, &mut channel).await.unwrap().stored, 1);
    // Killed after fetching, before storing; then a cursor lost entirely: nothing lost, nothing twice.
    s.fake.customer_says("wm-ann", "third", 1).await;
    let fetched = s.channel().fetch(channel_cursor(&s).await.as_deref()).await.unwrap();
    assert_eq!(fetched.messages.len(), 1);
    assert_eq!(s.pull().await.stored, 1);
    sqlx::query("DELETE FROM channel_cursors")
        .execute(s.store.pool())
        .await
        .unwrap();
    assert_eq!(s.pull().await.stored, 0);
    assert_eq!(s.count("SELECT count(*) FROM messages").await, 3);
}

async fn channel_cursor(s: &Setup) -> Option<String> {
    switchboard_core::chat_sync::cursor(s.store.pool(), s.account)
        .await
        .unwrap()
}

#[tokio::test]
async fn replies_respect_the_48_hour_window_and_the_5_reply_quota() {
    let s = setup().await;
    s.fake.customer_says("wm-ann", "你好", 60).await;
    s.fake.customer_says("wm-old", "an old question", 49 * 3600).await;
    let pulled = s.pull().await;
    let (ann, old) = (pulled.new_tickets[0], pulled.new_tickets[1]);
    // A reply longer than one WeChat message goes in parts, each counting towards the 5.
    s.reply(ann, &format!("{}\n\n{}", "好".repeat(600), "谢谢".repeat(100)))
        .await;
    assert_eq!(s.deliver().await, Some(Delivered::Sent { ticket_id: ann }));
    assert_eq!(s.fake.sent().await.len(), 2);
    // What the agent is shown: the window closes 48 hours after the customer wrote; 3 replies are left.
    let window = switchboard_core::chat_sync::reply_window(
        s.store.pool(),
        ann,
        ChannelKind::Wechat,
        wecom::REPLY_WINDOW_MS,
        wecom::REPLIES_PER_MESSAGE as i64,
    )
    .await
    .unwrap()
    .unwrap();
    let asked = tickets::summary(s.store.pool(), ann).await.unwrap();
    assert_eq!(window.1, 3);
    assert!(window.0 > asked.created_at + 47 * 3_600_000);
    for _ in 0..3 {
        s.reply(ann, "更多信息").await;
        assert_eq!(s.deliver().await, Some(Delivered::Sent { ticket_id: ann }));
    }
    s.reply(ann, "one too many").await;
    let Some(Delivered::Failed { error, .. }) = s.deliver().await else {
        panic!("the sixth reply went out")
    };
    assert!(error.contains("at most 5 replies"), "{error}");
    s.reply(old, "sorry for the wait").await;
    let Some(Delivered::Failed { error, .. }) = s.deliver().await else {
        panic!("a reply outside the window went out")
    };
    assert!(error.contains("48-hour"), "{error}");
    // WeCom's rate limit: tried again later, not given up.
    s.fake.customer_says("wm-ann", "still there?", 0).await;
    s.pull().await;
    s.fake
        .control(
            "fail",
            Some(json!({ "path": "/cgi-bin/kf/send_msg", "count": 1, "errcode": 45009 })),
        )
        .await;
    s.reply(ann, "yes").await;
    assert!(matches!(s.deliver().await, Some(Delivered::WillRetry { .. })));
    assert_eq!(s.fake.sent().await.len(), 5);
}

#[tokio::test]
async fn files_in_a_reply_are_uploaded_and_sent_after_its_text() {
    use base64::Engine;
    let s = setup().await;
    s.fake.customer_says("wm-cat", "能把发票和照片发给我吗？", 30).await;
    let ticket = s.pull().await.new_tickets[0];
    let png = NewAttachment {
        filename: "parcel.png".into(),
        content_type: "image/png".into(),
        bytes: b"\x89PNG\r\n\x1a\n-parcel-photo".to_vec(),
    };
    let pdf = NewAttachment {
        filename: "发票.pdf".into(),
        content_type: "application/pdf".into(),
        bytes: b"%PDF-1.4 invoice 2026-1031".to_vec(),
    };
    s.reply_with(ticket, "发票和照片在这里。", &[png.clone(), pdf.clone()])
        .await;
    assert_eq!(s.deliver().await, Some(Delivered::Sent { ticket_id: ticket }));
    let sent = s.fake.sent().await;
    let kinds: Vec<&str> = sent.iter().map(|m| m["msgtype"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["text", "image", "file"]);
    assert_eq!(sent[0]["content"], "发票和照片在这里。");
    for (message, file) in sent[1..].iter().zip([&png, &pdf]) {
        assert_eq!(message["file_name"], file.filename.as_str());
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(message["bytes_b64"].as_str().unwrap())
            .unwrap();
        assert_eq!(bytes, file.bytes);
    }
    // Text and files together count towards the 5 messages: this one would need 6 and is refused whole.
    let many: Vec<NewAttachment> = (0..5)
        .map(|n| NewAttachment {
            filename: format!("page-{n}.pdf"),
            ..pdf.clone()
        })
        .collect();
    s.reply_with(ticket, "all pages", &many).await;
    let Some(Delivered::Failed { error, .. }) = s.deliver().await else {
        panic!("a reply needing 6 messages went out")
    };
    assert!(error.contains("6 WeChat messages"), "{error}");
    assert_eq!(s.fake.sent().await.len(), 3, "nothing of the refused reply was sent");
    // WeChat refuses a file of 5 bytes or less; the reply fails with the reason before anything is sent.
    let tiny = NewAttachment {
        filename: "a.txt".into(),
        content_type: "text/plain".into(),
        bytes: b"hi".to_vec(),
    };
    s.reply_with(ticket, "see file", &[tiny]).await;
    let Some(Delivered::Failed { error, .. }) = s.deliver().await else {
        panic!("a 2-byte file went out")
    };
    assert!(error.contains("5 bytes"), "{error}");
    assert_eq!(s.fake.sent().await.len(), 3);
}
