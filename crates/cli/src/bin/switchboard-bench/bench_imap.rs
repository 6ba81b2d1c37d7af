//! The IMAP benchmarks of `switchboard-bench`: initial sync against `mbsync` on the same dovecot
//! mailbox, and how fast a new message in a large mailbox reaches the store (IDLE push) against how
//! fast dovecot itself announces it to a bare IMAP client.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use switchboard_channels::email::account::{EmailSettings, Security, ServerSettings};
use switchboard_channels::email::imap::{self, PasswordSource};
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts};
use tokio::sync::Notify;

const USER: &str = "bench";
const PASSWORD: &str = "bench-secret";

/// A dovecot on loopback run from the test script, killed (with its workers) on drop.
pub struct Dovecot {
    child: Child,
    pub port: u16,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--"])
            .arg(format!("-{}", self.child.id()))
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

pub fn start_dovecot(dir: &Path) -> anyhow::Result<Dovecot> {
    use std::os::unix::process::CommandExt;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../channels/tests/servers/dovecot.sh");
    let port = free_port()?;
    let child = Command::new(&script)
        .arg(dir)
        .arg(port.to_string())
        .arg(free_port()?.to_string())
        .arg(format!("{USER}:{PASSWORD}"))
        .process_group(0)
        .stdout(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot run {}", script.display()))?;
    let dovecot = Dovecot { child, port };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        anyhow::ensure!(
            Instant::now() < deadline,
            "dovecot did not start (apt install dovecot-imapd)"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(dovecot)
}

/// A realistic support message of 5–50 KB: text and HTML alternatives, English or Chinese, one in five
/// with a PDF-like attachment.
pub fn realistic_message(i: usize) -> Vec<u8> {
    let chinese = i.is_multiple_of(4);
    let sentence = if chinese {
        "您好，我上周购买的耳机左声道没有声音，订单号已附上，请尽快处理退换货。"
    } else {
        "Hello, the headphones I bought last week have no sound on the left side; the order number is attached, please arrange a replacement. "
    };
    let target = 5_000 + (i * 7919) % 45_000;
    let attachment = if i.is_multiple_of(5) { target / 2 } else { 0 };
    let text_len = (target - attachment) / 3;
    let text = sentence.repeat(text_len / sentence.len() + 1);
    let html = format!(
        "<html><body><p>{}</p><p><img src=\"https://track.example/{i}.gif\"></p></body></html>",
        text.replace("。", "。</p><p>")
    );
    let mut raw = format!(
        "From: Customer {c} <customer{c}@mail.example>\r\nTo: support@aurora.example\r\nSubject: {subject} #{i}\r\nMessage-ID: <bench-imap-{i}@mail.example>\r\nDate: Mon, 02 Nov 2026 {h:02}:{m:02}:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mixed-{i}\"\r\n\r\n--mixed-{i}\r\nContent-Type: multipart/alternative; boundary=\"alt-{i}\"\r\n\r\n--alt-{i}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n--alt-{i}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{html}\r\n--alt-{i}--\r\n",
        c = i % 2_000,
        subject = if chinese { "退货申请" } else { "Replacement request" },
        h = (i / 60) % 24,
        m = i % 60,
    )
    .into_bytes();
    if attachment > 0 {
        let bytes: Vec<u8> = (0..attachment * 3 / 4).map(|b| (b * 31 + i) as u8).collect();
        let encoded = base64_lines(&bytes);
        raw.extend_from_slice(
            format!("--mixed-{i}\r\nContent-Type: application/pdf; name=\"invoice-{i}.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice-{i}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n").as_bytes(),
        );
    }
    raw.extend_from_slice(format!("--mixed-{i}--\r\n").as_bytes());
    raw
}

fn base64_lines(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 57 * 2 + 4);
    for (n, chunk) in bytes.chunks(3).enumerate() {
        if n > 0 && n.is_multiple_of(19) {
            out.push_str("\r\n");
        }
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((v >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Seeds the dovecot user's INBOX as Maildir files (before dovecot starts, which takes ownership).
pub fn seed(dovecot_dir: &Path, count: usize, message: impl Fn(usize) -> Vec<u8>) -> anyhow::Result<u64> {
    let maildir = dovecot_dir.join("mail").join(USER);
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub))?;
    }
    let mut bytes = 0;
    for i in 0..count {
        let raw = message(i);
        bytes += raw.len() as u64;
        std::fs::write(maildir.join("cur").join(format!("1790000000.M{i}P1.bench:2,")), raw)?;
    }
    Ok(bytes)
}

/// Writes every dirty page out (`sync`), so the next timed run starts from a quiet disk.
fn flush_disk() -> anyhow::Result<()> {
    let status = Command::new("sync").status().context("cannot run sync")?;
    anyhow::ensure!(status.success(), "sync failed: {status}");
    Ok(())
}

/// CPU seconds this process has used so far: in all, and on SQLite's threads (from /proc: the disk's
/// moods move wall time by a third between runs, CPU time hardly).
fn cpu_seconds() -> (f64, f64) {
    // utime and stime are the 14th and 15th fields, in clock ticks (100 a second on Linux).
    let ticks = |stat: String| -> f64 {
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        let field = |n: usize| fields.get(n).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
        (field(11) + field(12)) / 100.0
    };
    let all = std::fs::read_to_string("/proc/self/stat").map(ticks).unwrap_or(0.0);
    let sqlite = std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|task| {
            std::fs::read_to_string(task.path().join("comm")).is_ok_and(|name| name.starts_with("sqlx-sqlite"))
        })
        .map(|task| {
            std::fs::read_to_string(task.path().join("stat"))
                .map(ticks)
                .unwrap_or(0.0)
        })
        .sum();
    (all, sqlite)
}

fn settings(port: u16) -> EmailSettings {
    let server = |port| ServerSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
    };
    EmailSettings {
        imap: server(port),
        smtp: server(1),
        username: USER.into(),
        display_name: "Bench".into(),
        signature: String::new(),
        folders: vec!["INBOX".into()],
        initial_sync_days: None,
        sent_folder: None,
        address_is_list: false,
    }
}

fn password() -> PasswordSource {
    Arc::new(|| Ok(PASSWORD.to_string()))
}

/// mbsync into a new Maildir at `target`; `fsync` as by default (each message made durable on its own),
/// or not at all.
fn mbsync(scratch: &Path, port: u16, target: &Path, fsync: bool) -> anyhow::Result<Duration> {
    std::fs::create_dir_all(target)?;
    let config = scratch.join("mbsyncrc");
    std::fs::write(
        &config,
        format!(
            "FSync {}\n\nIMAPAccount bench\nHost 127.0.0.1\nPort {port}\nUser {USER}\nPass {PASSWORD}\nSSLType None\nAuthMechs LOGIN\n\n\
             IMAPStore remote\nAccount bench\n\nMaildirStore local\nPath {t}/\nInbox {t}/INBOX\n\n\
             Channel bench\nFar :remote:\nNear :local:\nPatterns INBOX\nCreate Near\nSync Pull\nSyncState *\n",
            if fsync { "yes" } else { "no" },
            t = target.display()
        ),
    )?;
    let start = Instant::now();
    let status = Command::new("mbsync")
        .arg("-q")
        .arg("-c")
        .arg(&config)
        .arg("bench")
        .status()
        .context("mbsync is not installed (apt-get install isync)")?;
    anyhow::ensure!(status.success(), "mbsync failed: {status}");
    Ok(start.elapsed())
}

async fn workspace(dir: &Path, port: u16) -> anyhow::Result<(Store, i64)> {
    let store = Store::open(dir).await?;
    let id = accounts::create(
        store.pool(),
        ChannelKind::Email,
        "Bench",
        "support@aurora.example",
        &serde_json::to_string(&settings(port))?,
    )
    .await?;
    Ok((store, id))
}

fn report(label: &str, count: usize, elapsed: Duration) -> f64 {
    let rate = count as f64 / elapsed.as_secs_f64();
    println!("  {label}: {:.2} s, {rate:.0} msg/s", elapsed.as_secs_f64());
    rate
}

/// Initial sync of `count` realistic messages: Switchboard (fetch + parse + thread + index into the
/// store) against mbsync (fetch into a Maildir), both on a warm dovecot. Both run `ROUNDS` times, taking
/// turns, each after the disk has written out what the run before left (`sync`), and the medians are
/// compared: otherwise one side pays for the other's writes. Nothing is deleted before the end: ext4 is
/// slow to create files right after thousands were deleted, and mbsync's time doubled.
///
/// mbsync's default time is mostly its fsync of each message (on a RAM disk it takes a sixth of it), so
/// each round also times mbsync with `FSync no`: what it costs when the disk is not the limit.
pub async fn bench_initial_sync(count: usize) -> anyhow::Result<()> {
    const ROUNDS: usize = 3;
    let scratch = tempfile::tempdir()?;
    let dovecot_dir: PathBuf = scratch.path().join("dovecot");
    let bytes = seed(&dovecot_dir, count, realistic_message)?;
    println!(
        "imap: {count} messages, {:.0} MB, in dovecot on loopback; {ROUNDS} rounds, medians compared",
        bytes as f64 / 1e6
    );
    let dovecot = start_dovecot(&dovecot_dir)?;
    // Warm dovecot's index and the page cache once, so neither side pays for the first read.
    mbsync(scratch.path(), dovecot.port, &scratch.path().join("warm-up"), true)?;

    let (mut theirs, mut theirs_unsynced, mut ours) = (Vec::new(), Vec::new(), Vec::new());
    let mut stored = (0, 0);
    for round in 0..ROUNDS {
        let maildir = scratch.path().join(format!("maildir-{round}"));
        flush_disk()?;
        theirs.push(mbsync(scratch.path(), dovecot.port, &maildir, true)?);
        let maildir = scratch.path().join(format!("maildir-unsynced-{round}"));
        flush_disk()?;
        theirs_unsynced.push(mbsync(scratch.path(), dovecot.port, &maildir, false)?);

        let dir = scratch.path().join(format!("workspace-{round}"));
        let (store, account) = workspace(&dir, dovecot.port).await?;
        flush_disk()?;
        let (cpu, sqlite_cpu) = cpu_seconds();
        let start = Instant::now();
        let report = imap::sync_account_once(&store, account, &settings(dovecot.port), password(), &mut |_| {})
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        // Timed until every message can be searched: the index is written beside the sync.
        store.search_index().catch_up().await?;
        ours.push(start.elapsed());
        let used = (cpu_seconds().0 - cpu, cpu_seconds().1 - sqlite_cpu);
        stored = (report.imported(), report.tickets_created());
        store.close().await;
        println!(
            "  round {}: mbsync {:.2} s (without fsync {:.2} s), switchboard {:.2} s (CPU {:.1} s, of which SQLite's threads {:.1} s)",
            round + 1,
            theirs[round].as_secs_f64(),
            theirs_unsynced[round].as_secs_f64(),
            ours[round].as_secs_f64(),
            used.0,
            used.1
        );
    }
    let reference_rate = report(
        "mbsync to a Maildir (reference), median",
        count,
        crate::median(&mut theirs),
    );
    let unsynced_rate = report(
        "mbsync to a Maildir with FSync no, median",
        count,
        crate::median(&mut theirs_unsynced),
    );
    let rate = report(
        "switchboard initial sync (fetch + parse + sanitize + thread + FTS + attachments), median",
        count,
        crate::median(&mut ours),
    );
    println!(
        "  stored {} messages ({} tickets); ratio {:.2}x mbsync ({:.2}x mbsync without fsync)",
        stored.0,
        stored.1,
        rate / reference_rate,
        rate / unsynced_rate
    );
    Ok(())
}

/// A new message in a mailbox of `count`: time from APPEND until it is in the store, with the app's
/// IDLE watcher running; the reference is dovecot announcing it (EXISTS) to a bare IDLE client.
pub async fn bench_push(count: usize) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let dovecot_dir = scratch.path().join("dovecot");
    seed(&dovecot_dir, count, |i| {
        format!("From: c{i}@mail.example\r\nSubject: old {i}\r\nMessage-ID: <old-{i}@mail.example>\r\n\r\nOld message {i}.\r\n").into_bytes()
    })?;
    let dovecot = start_dovecot(&dovecot_dir)?;
    let settings = settings(dovecot.port);
    let (store, account) = workspace(&scratch.path().join("workspace"), dovecot.port).await?;
    println!("push: a new message in a {count}-message mailbox");
    let start = Instant::now();
    imap::sync_account_once(&store, account, &settings, password(), &mut |_| {})
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "  (initial sync of the {count} messages: {:.1} s)",
        start.elapsed().as_secs_f64()
    );

    let watcher = tokio::spawn(imap::watch_account(
        store.clone(),
        account,
        settings.clone(),
        password(),
        Arc::new(Notify::new()),
        |_| {},
    ));
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut ours = Vec::new();
    let mut reference = Vec::new();
    for round in 0..5 {
        // Reference: a bare IDLE client on the same server.
        let mut session = imap::connect(&settings.imap, USER, PASSWORD)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        session.examine("INBOX").await?;
        let mut idle = session.idle();
        idle.init().await?;
        let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
            .fetch_one(store.pool())
            .await?;
        let mut sender = imap::connect(&settings.imap, USER, PASSWORD)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let raw = format!(
            "From: new{round}@mail.example\r\nSubject: new {round}\r\nMessage-ID: <new-{round}-{count}@mail.example>\r\n\r\nJust arrived.\r\n"
        );
        let appended = Instant::now();
        sender.append("INBOX", None, None, raw.as_bytes()).await?;
        let (wait, _stop) = idle.wait_with_timeout(Duration::from_secs(10));
        wait.await?;
        reference.push(appended.elapsed());
        loop {
            let now: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
                .fetch_one(store.pool())
                .await?;
            if now > before {
                break;
            }
            anyhow::ensure!(
                appended.elapsed() < Duration::from_secs(30),
                "the new message never reached the store"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        ours.push(appended.elapsed());
        idle.done().await?.logout().await?;
        sender.logout().await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    watcher.abort();
    ours.sort();
    reference.sort();
    println!(
        "  dovecot announces it to a bare IDLE client (reference): median {:.0} ms",
        reference[2].as_secs_f64() * 1000.0
    );
    println!(
        "  switchboard has it stored (IDLE + fetch + parse + thread + index): median {:.0} ms, worst {:.0} ms",
        ours[2].as_secs_f64() * 1000.0,
        ours[4].as_secs_f64() * 1000.0
    );
    store.close().await;
    Ok(())
}
