//! `switchboard-bench`: measures the import and search paths at target scale and prints figures, each
//! next to a reference measured in the same run. Results and the command go in BENCHMARKS.md.
//!
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- import --messages 10000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- search --messages 100000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- imap --messages 10000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- imap-push --messages 100000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- store-realistic --messages 5000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- classifier --data DIR
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- llm --messages 1000 --latency-ms 300
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- rules --messages 100000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- analytics --tickets 1000000
//!     cargo run --release -p switchboard-cli --bin switchboard-bench -- seed --messages 100000 --dir DIR

mod bench_ai;
mod bench_analytics;
mod bench_imap;
mod bench_rules;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;
use switchboard_channels::demo::demo_messages;
use switchboard_channels::import::{RawMessage, import_messages};
use switchboard_core::{Store, search};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map(String::as_str).unwrap_or("import");
    let messages = args
        .iter()
        .position(|a| a == "--messages")
        .and_then(|i| args.get(i + 1))
        .map(|n| n.parse::<usize>())
        .transpose()
        .context("--messages takes a number")?
        .unwrap_or(10_000);
    let runtime = tokio::runtime::Runtime::new()?;
    match what {
        "import" => runtime.block_on(bench_import(messages)),
        "search" => runtime.block_on(bench_search(messages)),
        "imap" => runtime.block_on(bench_imap::bench_initial_sync(messages)),
        "store-realistic" => runtime.block_on(store_realistic(messages)),
        "classifier" => bench_ai::bench_classifier(std::path::Path::new(
            &flag(&args, "--data")
                .context("--data DIR with train.csv and test.csv (crates/ai/benches/fetch_cfpb.sh)")?,
        )),
        "llm" => runtime.block_on(bench_ai::bench_llm(
            messages.min(1_000_000),
            flag(&args, "--latency-ms")
                .map_or(Ok(300), |v| v.parse())
                .context("--latency-ms")?,
            flag(&args, "--concurrency")
                .map_or(Ok(8), |v| v.parse())
                .context("--concurrency")?,
        )),
        "imap-push" => runtime.block_on(bench_imap::bench_push(messages)),
        "rules" => runtime.block_on(bench_rules::bench_rules(messages)),
        "seed" => runtime.block_on(seed(
            messages,
            &flag(&args, "--dir").context("--dir DIR: where to create the workspace")?,
        )),
        "analytics" => runtime.block_on(bench_analytics::bench_analytics(
            flag(&args, "--tickets")
                .map_or(Ok(1_000_000), |v| v.parse())
                .context("--tickets")?,
            flag(&args, "--dir"),
        )),
        other => anyhow::bail!(
            "unknown benchmark '{other}': use import, search, imap, imap-push, store-realistic, classifier, llm, rules, analytics or seed"
        ),
    }
}

/// The value after `name` on the command line.
fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// `count` distinct messages made from the demo mailbox: each copy gets its own Message-ID and sender,
/// so nothing deduplicates away and customers spread like a real inbox.
fn synthetic_messages(count: usize) -> Vec<RawMessage> {
    let demo = demo_messages();
    (0..count)
        .map(|i| {
            let original = &demo[i % demo.len()].bytes;
            let mut bytes = format!("Message-ID: <bench-{i}@bench.example>\r\nX-Bench-Copy: {i}\r\n").into_bytes();
            // Later headers of the same name are ignored by the parser: drop the original Message-ID.
            let text = String::from_utf8_lossy(original);
            let mut in_headers = true;
            for line in text.split_inclusive('\n') {
                if in_headers && (line == "\n" || line == "\r\n") {
                    in_headers = false;
                }
                if in_headers && line.to_ascii_lowercase().starts_with("message-id:") {
                    continue;
                }
                if in_headers && line.starts_with("From:") && i >= demo.len() {
                    bytes.extend_from_slice(line.replacen('@', &format!("+{}@", i / demo.len()), 1).as_bytes());
                    continue;
                }
                bytes.extend_from_slice(line.as_bytes());
            }
            RawMessage {
                label: format!("bench #{i}"),
                bytes,
            }
        })
        .collect()
}

fn write_maildir(dir: &Path, messages: &[RawMessage]) -> anyhow::Result<()> {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    for (i, message) in messages.iter().enumerate() {
        std::fs::write(dir.join("cur").join(format!("{i}.bench:2,S")), &message.bytes)?;
    }
    Ok(())
}

async fn bench_import(count: usize) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let messages = synthetic_messages(count);
    let bytes: usize = messages.iter().map(|m| m.bytes.len()).sum();
    println!("import: {count} messages, {:.1} MB", bytes as f64 / 1e6);

    // Reference: notmuch (parse + Xapian full-text index) on the same messages as a Maildir.
    let maildir = scratch.path().join("maildir");
    write_maildir(&maildir, &messages)?;
    match notmuch_new(scratch.path(), &maildir) {
        Ok(elapsed) => report("notmuch new (reference)", count, elapsed),
        Err(error) => println!("  notmuch new (reference): not measured: {error:#}"),
    }

    let store = Store::open(&scratch.path().join("workspace")).await?;
    let start = Instant::now();
    let summary = import_messages(&store, messages, |_, _| {}, |_| {}).await?;
    // Timed until every message can be searched: the index is written beside the import.
    store.search_index().catch_up().await?;
    let elapsed = start.elapsed();
    report("switchboard import (parse + store + thread + FTS)", count, elapsed);
    println!(
        "  imported {} ({} tickets), {} duplicates, {} failed",
        summary.imported, summary.tickets_created, summary.duplicates, summary.failed
    );
    store.close().await;
    Ok(())
}

fn notmuch_new(home: &Path, maildir: &Path) -> anyhow::Result<Duration> {
    let config = home.join("notmuch-config");
    std::fs::write(
        &config,
        format!(
            "[database]\npath={}\n[new]\ntags=inbox\n[maildir]\nsynchronize_flags=false\n",
            maildir.display()
        ),
    )?;
    let start = Instant::now();
    let status = Command::new("notmuch")
        .arg("new")
        .arg("--quiet")
        .env("NOTMUCH_CONFIG", &config)
        .status()
        .context("notmuch is not installed (apt-get install notmuch)")?;
    anyhow::ensure!(status.success(), "notmuch new failed: {status}");
    Ok(start.elapsed())
}

fn report(label: &str, count: usize, elapsed: Duration) {
    println!(
        "  {label}: {:.2} s, {:.0} msg/s",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
}

/// Creates a workspace of `count` synthetic messages in `dir`, for benchmarks of the app itself.
async fn seed(count: usize, dir: &str) -> anyhow::Result<()> {
    let store = Store::open(Path::new(dir)).await?;
    let start = Instant::now();
    import_messages(&store, synthetic_messages(count), |_, _| {}, |_| {}).await?;
    store.search_index().catch_up().await?;
    let tickets: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets")
        .fetch_one(store.pool())
        .await?;
    println!(
        "seeded {dir}: {count} messages, {tickets} tickets in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    store.close().await;
    Ok(())
}

async fn bench_search(count: usize) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let store = Store::open(scratch.path()).await?;
    let start = Instant::now();
    import_messages(&store, synthetic_messages(count), |_, _| {}, |_| {}).await?;
    store.search_index().catch_up().await?;
    println!(
        "search: {count} messages imported and indexed in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    println!(
        "  {:<26} {:>12} {:>10} {:>16}",
        "query", "switchboard", "tickets", "LIKE scan (ref)"
    );
    for query in [
        "refund",
        "headphones broken",
        "退款进度",
        "发票",
        "锅炉",
        "款",
        "AUR-2026-10",
        "zzzznotthere",
    ] {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..7 {
            let start = Instant::now();
            found = search::search_tickets(&store, query, 50).await?.len();
            times.push(start.elapsed());
        }
        let reference = like_scan(&store, query).await?;
        println!(
            "  {:<26} {:>9.2} ms {:>10} {:>13.2} ms",
            query,
            median(&mut times).as_secs_f64() * 1e3,
            found,
            reference.as_secs_f64() * 1e3
        );
    }
    store.close().await;
    Ok(())
}

/// Reference: what a search costs without the index — every message's text scanned with LIKE.
async fn like_scan(store: &Store, query: &str) -> anyhow::Result<Duration> {
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let mut sql = String::from("SELECT DISTINCT ticket_id FROM messages WHERE 1 = 1");
        let terms: Vec<String> = query.split_whitespace().map(|t| format!("%{t}%")).collect();
        for _ in &terms {
            sql.push_str(" AND (subject LIKE ? OR body_text LIKE ?)");
        }
        sql.push_str(" ORDER BY ticket_id DESC LIMIT 50");
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for term in &terms {
            q = q.bind(term.clone()).bind(term.clone());
        }
        q.fetch_all(store.pool()).await?;
        times.push(start.elapsed());
    }
    Ok(median(&mut times))
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Where the time of storing the IMAP benchmark's large messages goes: parsing alone, the whole
/// import, and the import without the message full-text index.
async fn store_realistic(count: usize) -> anyhow::Result<()> {
    let realistic = || -> Vec<RawMessage> {
        (0..count)
            .map(|i| RawMessage {
                label: format!("#{i}"),
                bytes: bench_imap::realistic_message(i),
            })
            .collect()
    };
    let messages = realistic();
    let start = Instant::now();
    for m in &messages {
        let _ = switchboard_channels::email::parse_message(&m.bytes);
    }
    report("parse + sanitize only", count, start.elapsed());
    let scratch = tempfile::tempdir()?;
    let store = Store::open(scratch.path()).await?;
    let start = Instant::now();
    import_messages(&store, messages, |_, _| {}, |_| {}).await?;
    let stored = start.elapsed();
    // The search index is written beside the import, by its own connection: what is left when the
    // import ends is the wait before every message can be searched.
    store.search_index().catch_up().await?;
    report("import (parse + store)", count, stored);
    report("import (parse + store + index)", count, start.elapsed());
    Ok(())
}
