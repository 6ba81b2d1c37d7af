//! Kill -9 at random moments: a sync of 5,000 messages and a send of 200 replies, killed 20 times each
//! and resumed, store every message exactly once and deliver every reply exactly once.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use switchboard_core::ingest::{InboundMessage, ingest};
use switchboard_core::model::Direction;
use switchboard_core::outbox::{self, ReplyAuthor};
use switchboard_core::{Store, tickets};

use super::dovecot::{Dovecot, PASSWORD, USER};
use super::smtp_sink::{received, start_sink_with};

/// A small xorshift: random kill moments without a dependency; the seed is printed to replay a run.
pub(crate) struct Random(pub u64);

impl Random {
    pub(crate) fn new() -> Random {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        println!("random seed {seed}");
        Random(seed)
    }

    pub(crate) fn millis(&mut self, from: u64, to: u64) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_millis(from + self.0 % (to - from))
    }
}

fn cli(ws: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_switchboard-cli"));
    command.arg("--data-dir").arg(ws);
    command
}

fn add_account(ws: &Path, imap_port: u16, smtp_port: u16) {
    let mut child = cli(ws)
        .args([
            "account",
            "add",
            "--address",
            "support@aurora.example",
            "--username",
            USER,
        ])
        .args([
            "--display-name",
            "Aurora Support",
            "--imap-security",
            "plain",
            "--smtp-security",
            "plain",
        ])
        .arg("--imap")
        .arg(format!("127.0.0.1:{imap_port}"))
        .arg("--smtp")
        .arg(format!("127.0.0.1:{smtp_port}"))
        .arg("--password-stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(PASSWORD.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "account add failed: {output:?}");
}

pub(crate) fn kill_after(mut child: Child, delay: Duration) {
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL: no cleanup of any kind
    child.wait().unwrap();
}

/// Writes `count` messages straight into the Maildir before dovecot starts (fast seeding).
fn seed_maildir(maildir: &Path, count: usize) {
    let cur = maildir.join("cur");
    std::fs::create_dir_all(&cur).unwrap();
    std::fs::create_dir_all(maildir.join("new")).unwrap();
    std::fs::create_dir_all(maildir.join("tmp")).unwrap();
    for n in 0..count {
        let html = if n % 3 == 0 {
            format!(
                "<html><body><p>Order <b>{n}</b> has a problem.</p><img src=\"https://tracker.example/{n}.gif\"></body></html>"
            )
        } else {
            String::new()
        };
        let raw = format!(
            "From: Customer {c} <c{c}@shop.example>\r\nTo: support@aurora.example\r\nSubject: Order {n} question\r\nMessage-ID: <crash-{n}@shop.example>\r\nDate: Mon, 02 Nov 2026 10:{m:02}:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, about order {n}: {body}\r\n{html}\r\n",
            c = n % 400,
            m = n % 60,
            body = "the parcel arrived damaged and I would like a replacement. ".repeat(1 + n % 20),
        );
        std::fs::write(cur.join(format!("1790000000.M{n}P1.seed:2,")), raw).unwrap();
    }
}

#[test]
fn a_sync_killed_twenty_times_stores_each_of_5000_messages_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot_dir = dir.path().join("dovecot");
    seed_maildir(&dovecot_dir.join("mail").join(USER), 5000);
    let dovecot = Dovecot::start(&dovecot_dir);
    let ws = dir.path().join("ws");
    add_account(&ws, dovecot.port, 1);

    let mut random = Random::new();
    for _ in 0..20 {
        let child = cli(&ws)
            .args(["sync", "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        kill_after(child, random.millis(50, 1500));
    }
    let finish = cli(&ws).args(["sync", "--quiet"]).output().unwrap();
    assert!(finish.status.success(), "{finish:?}");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = Store::open(&ws).await.unwrap();
        let (total, distinct): (i64, i64) =
            sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT channel_message_id) FROM messages")
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!((total, distinct), (5000, 5000));
        // The search index was written beside the sync and killed with it: each message is in it once.
        store.search_index().catch_up().await.unwrap();
        assert_eq!(store.search_index().indexed_count().await.unwrap(), 5000);
        let found = switchboard_core::search::search_tickets(&store, "order 4321", 10)
            .await
            .unwrap();
        let subjects: Vec<&str> = found.iter().map(|t| t.subject.as_str()).collect();
        assert_eq!(subjects, ["Order 4321 question"]);
        store.close().await;
    });
}

#[test]
fn a_send_killed_twenty_times_delivers_each_of_200_replies_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let dovecot = Dovecot::start(&dir.path().join("dovecot"));
    // Like Gmail or Office 365, the SMTP server files what it accepts into the sender's Sent folder.
    let sink = start_sink_with(
        &dir.path().join("sink"),
        USER,
        PASSWORD,
        Some((dovecot.lmtp_port, &format!("{USER}+Sent"))),
    );
    let ws = dir.path().join("ws");
    add_account(&ws, dovecot.port, sink.port);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let reply_ids: Vec<String> = runtime.block_on(async {
        let store = Store::open(&ws).await.unwrap();
        let author = ReplyAuthor {
            name: "Agent".into(),
            address: "support@aurora.example".into(),
        };
        let mut ids = Vec::new();
        for n in 0..200 {
            let outcome = ingest(
                &store,
                &InboundMessage {
                    from_name: format!("Customer {n}"),
                    from_address: format!("c{n}@shop.example"),
                    message_id: Some(format!("q{n}@shop.example")),
                    subject: format!("Question {n}"),
                    body_text: format!("Question number {n}"),
                    sent_at: 1_000 + n,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
            let ticket_id = match outcome {
                switchboard_core::ingest::IngestOutcome::Created { ticket_id, .. } => ticket_id,
                other => panic!("{other:?}"),
            };
            outbox::enqueue_reply(
                store.pool(),
                ticket_id,
                &format!("Answer {n}"),
                Direction::Outbound,
                &author,
            )
            .await
            .unwrap()
            .unwrap();
            let detail = tickets::detail(store.pool(), ticket_id).await.unwrap();
            ids.push(detail.messages.last().unwrap().channel_message_id.clone().unwrap());
        }
        store.close().await;
        ids
    });

    let mut random = Random::new();
    for _ in 0..20 {
        let child = cli(&ws)
            .arg("send")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        kill_after(child, random.millis(30, 700));
    }
    assert!(received(&sink).len() < 200, "the kills interrupted the sending");
    let finish = cli(&ws).arg("send").output().unwrap();
    assert!(finish.status.success(), "{finish:?}");

    let mut delivered = std::collections::HashMap::<String, usize>::new();
    for raw in received(&sink) {
        let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
        *delivered.entry(message.message_id().unwrap().to_string()).or_default() += 1;
    }
    let twice: Vec<_> = delivered.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "replies delivered more than once: {twice:?}");
    let missing: Vec<_> = reply_ids.iter().filter(|id| !delivered.contains_key(*id)).collect();
    assert!(missing.is_empty(), "replies never delivered: {missing:?}");
    assert_eq!(delivered.len(), 200);
}

#[test]
fn a_classification_queue_killed_five_times_classifies_every_ticket() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    // A chat-completions server on loopback taking 300 ms per answer, so kills land mid-request.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ai/tests/servers/fake_openai.py");
    let mut server = Command::new("python3")
        .arg(script)
        .arg(port.to_string())
        .arg("latency")
        .arg(dir.path().join("requests.log"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();

    let ws = dir.path().join("ws");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = Store::open(&ws).await.unwrap();
        for n in 0..150 {
            let msg = InboundMessage {
                from_address: format!("c{n}@shop.example"),
                message_id: Some(format!("k{n}@shop.example")),
                subject: format!("Refund request {n}"),
                body_text: "My order arrived broken, I want my money back.".into(),
                sent_at: 1_000 + n,
                ..Default::default()
            };
            ingest(&store, &msg).await.unwrap();
        }
        store.close().await;
    });
    let configure = cli(&ws)
        .args([
            "llm",
            "configure",
            "--preset",
            "vllm",
            "--model",
            "fake-model",
            "--base-url",
        ])
        .arg(format!("http://127.0.0.1:{port}/v1"))
        .output()
        .unwrap();
    assert!(configure.status.success(), "{configure:?}");

    let mut random = Random::new();
    for _ in 0..5 {
        let child = cli(&ws)
            .arg("classify")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        kill_after(child, random.millis(400, 2500));
    }
    // The killed runs' in-flight jobs are claimed again once their heartbeats go stale (seconds).
    let finish = cli(&ws).arg("classify").output().unwrap();
    assert!(finish.status.success(), "{finish:?}");
    let _ = server.kill();
    let _ = server.wait();

    runtime.block_on(async {
        let store = Store::open(&ws).await.unwrap();
        let unclassified: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS
                 (SELECT 1 FROM classifications c WHERE c.ticket_id = t.id AND c.source = 'llm')",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(unclassified, 0, "every ticket got its LLM classification");
        let (pending, failed): (i64, i64) =
            sqlx::query_as("SELECT SUM(state IN ('queued', 'running')), SUM(state = 'failed') FROM jobs")
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!((pending, failed), (0, 0));
        store.close().await;
    });
}
