//! IMAP sync against a real dovecot on loopback: initial and incremental sync, read-only access, IDLE
//! push, UIDVALIDITY resets, one mail in two folders, noise, unreadable mail, and broken servers.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use switchboard_channels::email::account::EmailSettings;
use switchboard_channels::email::imap::{
    self, AccountReport, FolderOptions, InitialRange, PasswordSource, Step, SyncEvent, sync_account_once, sync_folder,
};
use switchboard_core::model::{ChannelKind, TicketView};
use switchboard_core::{Store, accounts, sync_state, tickets};
use tokio::sync::Notify;

use super::dovecot::{Dovecot, PASSWORD, mail};

fn password() -> PasswordSource {
    Arc::new(|| Ok(PASSWORD.to_string()))
}

async fn workspace(dir: &std::path::Path, settings: &EmailSettings) -> (Store, i64) {
    let store = Store::open(&dir.join("ws")).await.unwrap();
    let id = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Support",
        "support@aurora.example",
        &serde_json::to_string(settings).unwrap(),
    )
    .await
    .unwrap();
    (store, id)
}

async fn sync(store: &Store, account: i64, settings: &EmailSettings) -> AccountReport {
    sync_account_once(store, account, settings, password(), &mut |_| {})
        .await
        .unwrap()
}

async fn message_count(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM messages")
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn unseen_count(dovecot: &Dovecot, folder: &str) -> usize {
    let mut session = dovecot.session().await;
    session.examine(folder).await.unwrap();
    let unseen = session.uid_search("UNSEEN").await.unwrap().len();
    session.logout().await.unwrap();
    unseen
}

#[tokio::test]
async fn initial_then_incremental_sync_is_read_only_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let batch: Vec<_> = (0..600)
        .map(|n| mail(n, &format!("c{n}@shop.example"), &format!("Order {n}"), ""))
        .collect();
    dovecot.deliver("INBOX", &batch).await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;

    let mut seen_progress = Vec::new();
    let report = sync_account_once(&store, account, &settings, password(), &mut |p| {
        seen_progress.push((p.done, p.total))
    })
    .await
    .unwrap();
    assert_eq!(report.imported(), 600);
    assert_eq!(report.tickets_created(), 600);
    assert_eq!(seen_progress.first(), Some(&(0, 600)));
    assert_eq!(seen_progress.last(), Some(&(600, 600)));
    assert!(
        seen_progress.len() > 2,
        "progress is reported batch by batch: {seen_progress:?}"
    );
    // BODY.PEEK and EXAMINE: the agent's other mail client still sees every message as unread.
    assert_eq!(unseen_count(&dovecot, "INBOX").await, 600);

    // Nothing new: nothing fetched.
    assert_eq!(sync(&store, account, &settings).await.imported(), 0);

    // Mail already read elsewhere is imported too.
    let mut session = dovecot.session().await;
    session
        .append(
            "INBOX",
            Some("(\\Seen)"),
            None,
            mail(1000, "late@shop.example", "Read elsewhere", ""),
        )
        .await
        .unwrap();
    session.logout().await.unwrap();
    dovecot
        .deliver("INBOX", &[mail(1001, "new@shop.example", "Arrived later", "")])
        .await;
    let report = sync(&store, account, &settings).await;
    assert_eq!(report.imported(), 2);
    assert_eq!(message_count(&store).await, 602);
    let cursor = {
        let mut conn = store.pool().acquire().await.unwrap();
        sync_state::folder_cursor(&mut conn, account, "INBOX")
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(cursor.last_uid, 602);
    assert!(
        cursor.highest_modseq.is_some(),
        "dovecot offers CONDSTORE: HIGHESTMODSEQ is recorded"
    );
}

#[tokio::test]
async fn the_first_sync_can_reach_back_only_n_days() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let mut session = dovecot.session().await;
    // INTERNALDATE decides what "the last N days" means to the server.
    session
        .append(
            "INBOX",
            None,
            Some("\"01-Jan-2020 10:00:00 +0000\""),
            mail(1, "old@shop.example", "Ancient", ""),
        )
        .await
        .unwrap();
    session
        .append("INBOX", None, None, mail(2, "new@shop.example", "Recent", ""))
        .await
        .unwrap();
    session.logout().await.unwrap();
    let mut settings = dovecot.settings(&["INBOX"]);
    settings.initial_sync_days = Some(30);
    let (store, account) = workspace(dir.path(), &settings).await;
    assert_eq!(sync(&store, account, &settings).await.imported(), 1);
    // The older mail is behind the cursor now: later syncs do not pull it in either.
    assert_eq!(sync(&store, account, &settings).await.imported(), 0);
    let subjects: Vec<String> = sqlx::query_scalar("SELECT subject FROM messages")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(subjects, ["Recent"]);
}

#[tokio::test]
async fn idle_brings_a_new_message_into_the_store_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    dovecot
        .deliver("INBOX", &[mail(1, "first@shop.example", "Before", "")])
        .await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    let (synced_tx, mut synced_rx) = tokio::sync::mpsc::unbounded_channel();
    let watcher = tokio::spawn(imap::watch_account(
        store.clone(),
        account,
        settings,
        password(),
        Arc::new(Notify::new()),
        move |event| {
            if let SyncEvent::Synced(report) = event {
                let _ = synced_tx.send(report.imported());
            }
        },
    ));
    assert_eq!(
        tokio::time::timeout(Duration::from_secs(10), synced_rx.recv())
            .await
            .unwrap(),
        Some(1)
    );
    // Let the watcher settle into IDLE, then deliver.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    dovecot
        .deliver("INBOX", &[mail(2, "second@shop.example", "Pushed", "")])
        .await;
    while message_count(&store).await < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "IDLE did not deliver the new message within 2 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let status = sync_state::status(store.pool(), account).await.unwrap().unwrap();
    assert_eq!(status.state, "ok");
    watcher.abort();
}

#[tokio::test]
async fn a_uidvalidity_reset_rematches_by_message_id_instead_of_downloading_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let batch: Vec<_> = (0..40)
        .map(|n| mail(n, "same@shop.example", &format!("Question {n}"), ""))
        .collect();
    dovecot.deliver("INBOX", &batch).await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    assert_eq!(sync(&store, account, &settings).await.imported(), 40);

    // What a server migration or a rebuilt index looks like: the same mail under new UIDs.
    dovecot.stop();
    std::thread::sleep(Duration::from_millis(1100)); // UIDVALIDITY is a timestamp in seconds
    for entry in std::fs::read_dir(dovecot.maildir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("dovecot") {
            std::fs::remove_file(&path).unwrap();
        }
    }
    dovecot.restart();
    dovecot
        .deliver("INBOX", &[mail(99, "other@shop.example", "After the reset", "")])
        .await;

    let report = sync(&store, account, &settings).await;
    let (_, folder) = &report.folders[0];
    assert_eq!(folder.rematched, 40, "{report:?}");
    assert_eq!(
        folder.summary.imported, 1,
        "only the new mail is downloaded: {report:?}"
    );
    assert_eq!(folder.summary.duplicates, 0, "{report:?}");
    assert_eq!(message_count(&store).await, 41);
    assert_eq!(sync(&store, account, &settings).await.imported(), 0);
}

#[tokio::test]
async fn one_mail_in_two_watched_folders_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    dovecot.create_folder("Billing").await;
    let raw = mail(7, "both@shop.example", "Refund please", "");
    dovecot.deliver("INBOX", std::slice::from_ref(&raw)).await;
    dovecot.deliver("Billing", &[raw]).await;
    let settings = dovecot.settings(&["INBOX", "Billing"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    let report = sync(&store, account, &settings).await;
    assert_eq!(report.imported(), 1);
    assert_eq!(report.folders[1].1.summary.duplicates, 1);
    assert_eq!(message_count(&store).await, 1);
}

#[tokio::test]
async fn replies_thread_by_headers_or_ticket_token_but_never_by_subject_alone() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    let first = b"From: Ann <ann@shop.example>\r\nSubject: Hinge broke\r\nMessage-ID: <a1@shop.example>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nMy hinge broke.\r\n".to_vec();
    dovecot.deliver("INBOX", &[first]).await;
    sync(&store, account, &settings).await;
    let ticket = tickets::list(store.pool(), TicketView::AllOpen, 10, 0)
        .await
        .unwrap()
        .remove(0);

    let outlook_reply = b"From: Ann <ann@shop.example>\r\nSubject: RE: Hinge broke\r\nMessage-ID: <a2@shop.example>\r\nIn-Reply-To: <a1@shop.example>\r\nThread-Index: AdgB1234==\r\nThread-Topic: Hinge broke\r\nDate: Mon, 02 Nov 2026 11:00:00 +0000\r\n\r\nAny news?\r\n".to_vec();
    let stripped = format!("From: Ann <ann@shop.example>\r\nSubject: Re: [#{}] Hinge broke\r\nMessage-ID: <a3@shop.example>\r\nDate: Mon, 02 Nov 2026 12:00:00 +0000\r\n\r\nStill waiting.\r\n", ticket.number).into_bytes();
    let other_customer_same_subject = b"From: Bob <bob@elsewhere.example>\r\nSubject: Re: Hinge broke\r\nMessage-ID: <b1@elsewhere.example>\r\nIn-Reply-To: <a1@shop.example>\r\nDate: Mon, 02 Nov 2026 13:00:00 +0000\r\n\r\nMine too.\r\n".to_vec();
    let forwarded_subject_only = b"From: Ann <ann@shop.example>\r\nSubject: Fwd: Hinge broke\r\nMessage-ID: <a4@shop.example>\r\nDate: Mon, 02 Nov 2026 14:00:00 +0000\r\n\r\nA different hinge.\r\n".to_vec();
    dovecot
        .deliver(
            "INBOX",
            &[
                outlook_reply,
                stripped,
                other_customer_same_subject,
                forwarded_subject_only,
            ],
        )
        .await;
    let report = sync(&store, account, &settings).await;
    assert_eq!(report.imported(), 4);
    assert_eq!(
        report.tickets_created(),
        2,
        "Bob's mail and the Fwd: open their own tickets"
    );
    let detail = tickets::detail(store.pool(), ticket.id).await.unwrap();
    let ids: Vec<_> = detail
        .messages
        .iter()
        .filter_map(|m| m.channel_message_id.clone())
        .collect();
    assert_eq!(ids, ["a1@shop.example", "a2@shop.example", "a3@shop.example"]);
}

fn encoded(charset: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = charset.encode(text);
    assert!(!unmappable, "{text} is not representable in {}", charset.name());
    bytes.into_owned()
}

#[tokio::test]
async fn every_common_charset_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "gbk",
            encoded(encoding_rs::GBK, "退款申请：耳机坏了"),
            "退款申请：耳机坏了",
        ),
        ("gb2312", encoded(encoding_rs::GBK, "发票抬头错误"), "发票抬头错误"),
        ("gb18030", encoded(encoding_rs::GB18030, "物流查询 𠮷"), "物流查询 𠮷"),
        ("big5", encoded(encoding_rs::BIG5, "請問何時出貨"), "請問何時出貨"),
        (
            "iso-2022-jp",
            encoded(encoding_rs::ISO_2022_JP, "返品について"),
            "返品について",
        ),
        (
            "shift_jis",
            encoded(encoding_rs::SHIFT_JIS, "注文番号の確認"),
            "注文番号の確認",
        ),
        // RFC 2152's own example: "Hi Mom -☺-!" and 日本語.
        ("utf-7", b"Hi Mom -+Jjo--! +ZeVnLIqe-".to_vec(), "Hi Mom -☺-! 日本語"),
    ];
    let raws: Vec<Vec<u8>> = cases
        .iter()
        .enumerate()
        .map(|(n, (charset, body, _))| {
            let mut raw = format!(
                "From: c{n}@intl.example\r\nSubject: charset {charset}\r\nMessage-ID: <cs{n}@intl.example>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            )
            .into_bytes();
            raw.extend_from_slice(body);
            raw.extend_from_slice(b"\r\n");
            raw
        })
        .collect();
    dovecot.deliver("INBOX", &raws).await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    assert_eq!(sync(&store, account, &settings).await.imported(), cases.len() as u32);
    for (charset, _, expected) in cases {
        let body: String = sqlx::query_scalar("SELECT body_text FROM messages WHERE subject = ?")
            .bind(format!("charset {charset}"))
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(body.trim(), expected, "{charset}");
    }
}

#[tokio::test]
async fn noise_is_stored_closed_and_unreadable_mail_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let auto_reply = mail(
        1,
        "ooo@shop.example",
        "Out of office",
        "Auto-Submitted: auto-replied\r\n",
    );
    let bounce = b"From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce1@mx.example>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--b--\r\n".to_vec();
    let no_sender = b"Subject: who sent this?\r\nMessage-ID: <nosender@x>\r\n\r\nNo From header at all.\r\n".to_vec();
    let broken_mime = b"From: Broken <broken@shop.example>\r\nSubject: broken\r\nMessage-ID: <broken@shop.example>\r\nContent-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n--never-closed\r\nContent-Type: text/html\r\n\r\n<div><p>Unclosed <b>markup\r\n".to_vec();
    dovecot
        .deliver("INBOX", &[auto_reply, bounce, no_sender.clone(), broken_mime])
        .await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    let report = sync(&store, account, &settings).await;
    assert_eq!(report.imported(), 3);
    assert_eq!(report.unreadable(), 1);
    assert_eq!(
        tickets::count(store.pool(), TicketView::AllOpen).await.unwrap(),
        1,
        "only the human mail opens a ticket"
    );
    let auto: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE auto_generated = 1")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(auto, 2);
    let broken: String = sqlx::query_scalar("SELECT body_text FROM messages WHERE subject = 'broken'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(
        broken.contains("Unclosed"),
        "mail with broken markup still shows: {broken:?}"
    );
    // Nothing is lost: the unreadable mail's bytes are kept and counted on the account.
    assert_eq!(sync_state::unreadable_count(store.pool(), account).await.unwrap(), 1);
    let blob: String = sqlx::query_scalar("SELECT blob_sha256 FROM unreadable_messages")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(store.blobs().get(&blob).unwrap(), no_sender);
}

#[tokio::test]
async fn an_attachment_over_the_cap_is_left_out_and_the_mail_kept() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let big = "A".repeat(switchboard_channels::email::parse::MAX_ATTACHMENT_BYTES + 1024);
    let raw = format!("From: Big <big@shop.example>\r\nSubject: huge log\r\nMessage-ID: <big@shop.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nSee the log.\r\n--x\r\nContent-Type: text/plain; name=\"huge.log\"\r\nContent-Disposition: attachment; filename=\"huge.log\"\r\n\r\n{big}\r\n--x--\r\n").into_bytes();
    dovecot.deliver("INBOX", &[raw]).await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    assert_eq!(sync(&store, account, &settings).await.imported(), 1);
    let attachments: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachments")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(attachments, 0);
    let body: String = sqlx::query_scalar("SELECT body_text FROM messages")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(body.contains("See the log.") && body.contains("huge.log"), "{body}");
}

#[tokio::test]
async fn connection_problems_say_which_step_failed() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let settings = dovecot.settings(&["INBOX"]);
    let err = imap::test_connection(&settings, "wrong-password").await.unwrap_err();
    assert_eq!(err.step, Step::Auth, "{err}");
    assert!(err.message.contains("user name or password"), "{err}");

    let mut missing_folder = settings.clone();
    missing_folder.folders = vec!["Nope".into()];
    let err = imap::test_connection(&missing_folder, PASSWORD).await.unwrap_err();
    assert_eq!(err.step, Step::Folder, "{err}");
    assert!(err.message.contains("Nope"), "{err}");

    let mut closed_port = settings.clone();
    closed_port.imap.port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    assert_eq!(
        imap::test_connection(&closed_port, PASSWORD).await.unwrap_err().step,
        Step::Tcp
    );

    let mut no_such_host = settings.clone();
    no_such_host.imap.host = "imap.does-not-exist.invalid".into();
    no_such_host.imap.security = switchboard_channels::email::account::Security::Tls;
    assert_eq!(
        imap::test_connection(&no_such_host, PASSWORD).await.unwrap_err().step,
        Step::Dns
    );

    // TLS spoken to a plain-text IMAP port.
    let mut tls_on_plain = settings.clone();
    tls_on_plain.imap.host = "localhost".into();
    tls_on_plain.imap.security = switchboard_channels::email::account::Security::Tls;
    assert_eq!(
        imap::test_connection(&tls_on_plain, PASSWORD).await.unwrap_err().step,
        Step::Tls
    );

    let mut plain_remote = settings.clone();
    plain_remote.imap.host = "imap.example.com".into();
    assert_eq!(
        imap::test_connection(&plain_remote, PASSWORD).await.unwrap_err().step,
        Step::Settings
    );

    imap::test_connection(&settings, PASSWORD).await.unwrap();
}

#[tokio::test]
async fn a_server_dying_mid_sync_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut dovecot = Dovecot::start(&dir.path().join("dovecot"));
    // More batches (of 250) than the fetch, parse and store pipeline holds at once, so the plug is pulled
    // while mail is still on the server.
    let batch: Vec<_> = (0..2500)
        .map(|n| mail(n, &format!("c{}@shop.example", n % 50), &format!("Case {n}"), ""))
        .collect();
    dovecot.deliver("INBOX", &batch).await;
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;

    // Pull the plug once some, but not all, mail is in.
    let kill = dovecot.killer();
    let err = sync_account_once(&store, account, &settings, password(), &mut |p| {
        if p.done >= 500 && p.done < p.total {
            kill();
        }
    })
    .await
    .expect_err("the sync notices the server is gone");
    assert!(matches!(err.step, Step::Session | Step::Tcp), "{err:?}");
    let partial = message_count(&store).await;
    assert!((500..2500).contains(&partial), "{partial}");

    dovecot.restart();
    let report = sync(&store, account, &settings).await;
    assert_eq!(report.imported() as i64, 2500 - partial, "{report:?}");
    assert_eq!(
        report.folders[0].1.summary.duplicates, 0,
        "the cursor resumed exactly after the last stored batch"
    );
    assert_eq!(message_count(&store).await, 2500);
}

#[tokio::test]
async fn replies_are_filed_in_sent_and_found_there_by_message_id() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let mut session = dovecot.session().await;
    let sent = imap::sent_folder(&mut session, None).await.unwrap();
    assert_eq!(sent, "Sent", "found by its \\Sent mark");
    assert!(
        !imap::find_in_sent(&mut session, &sent, "r1@aurora.example")
            .await
            .unwrap()
    );
    imap::append_to_sent(&mut session, &sent, &mail(1, "support@aurora.example", "Re: yours", ""))
        .await
        .unwrap();
    assert!(
        imap::find_in_sent(&mut session, &sent, "m1.support@aurora.example")
            .await
            .unwrap()
    );
    let flags: Vec<String> = {
        session.examine(&sent).await.unwrap();
        session
            .uid_fetch("1:*", "FLAGS")
            .await
            .unwrap()
            .map_ok(|f| format!("{:?}", f.flags().collect::<Vec<_>>()))
            .try_collect()
            .await
            .unwrap()
    };
    assert!(flags[0].contains("Seen"), "{flags:?}");
    session.logout().await.unwrap();
}

#[tokio::test]
async fn a_folder_sync_reports_a_missing_folder_without_touching_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    let settings = dovecot.settings(&["INBOX"]);
    let (store, account) = workspace(dir.path(), &settings).await;
    let mut session = dovecot.session().await;
    let err = sync_folder(
        &mut session,
        &store,
        account,
        "Archive/2019",
        FolderOptions {
            initial: InitialRange::All,
            address_is_list: false,
        },
        &mut |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(err.step, Step::Folder);
    let mut conn = store.pool().acquire().await.unwrap();
    assert!(
        sync_state::folder_cursor(&mut conn, account, "Archive/2019")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_broken_account_never_blocks_a_working_one_and_shows_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    dovecot
        .deliver("INBOX", &[mail(1, "ok@shop.example", "Works", "")])
        .await;
    let good = dovecot.settings(&["INBOX"]);
    let (store, good_id) = workspace(dir.path(), &good).await;
    let mut broken = good.clone();
    // A server that accepts the connection and never says a word: the slowest kind of broken.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    broken.imap.port = silent.local_addr().unwrap().port();
    let broken_id = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Broken",
        "b@x.example",
        &serde_json::to_string(&broken).unwrap(),
    )
    .await
    .unwrap();
    let wrong_password = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Wrong",
        "w@x.example",
        &serde_json::to_string(&good).unwrap(),
    )
    .await
    .unwrap();

    let spawn = |id: i64, settings: EmailSettings, password: PasswordSource| {
        tokio::spawn(imap::watch_account(
            store.clone(),
            id,
            settings,
            password,
            Arc::new(Notify::new()),
            |_| {},
        ))
    };
    let watchers = [
        spawn(broken_id, broken, password()),
        spawn(wrong_password, good.clone(), Arc::new(|| Ok("nope".to_string()))),
        spawn(good_id, good, password()),
    ];
    let started = Instant::now();
    while message_count(&store).await < 1 {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the working account was held up"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    loop {
        let status = sync_state::status(store.pool(), wrong_password).await.unwrap();
        if let Some(status) = status.filter(|s| s.state == "error") {
            assert!(status.message.unwrap().contains("user name or password"));
            assert!(status.retry_at.is_some(), "the account says when it tries again");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the wrong password never showed on the account"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        sync_state::status(store.pool(), broken_id)
            .await
            .unwrap()
            .unwrap()
            .state,
        "syncing"
    );
    for watcher in watchers {
        watcher.abort();
    }
}
