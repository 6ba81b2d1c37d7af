//! The AI benchmarks of `switchboard-bench`: the offline classifier against scikit-learn's TF-IDF +
//! logistic regression on the CFPB complaint sample, and LLM-path throughput against a loopback
//! chat-completions server that adds latency to every answer.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use switchboard_ai::eval::{Example, evaluate};
use switchboard_ai::llm::{LlmClient, LlmConfig};
use switchboard_ai::local::LocalClassifier;
use switchboard_ai::taxonomy::default_taxonomy;
use switchboard_ai::worker;
use switchboard_core::ingest::{InboundMessage, ingest};
use switchboard_core::{Store, jobs};

const TEXT: &str = "Consumer complaint narrative";
const LABEL: &str = "Product";

fn read_csv(path: &Path) -> anyhow::Result<Vec<Example>> {
    let mut reader = csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let at = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("no column {name}"))
    };
    let (text, label) = (at(TEXT)?, at(LABEL)?);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        let (t, l) = (
            record.get(text).unwrap_or_default(),
            record.get(label).unwrap_or_default().trim(),
        );
        if !t.trim().is_empty() && !l.is_empty() {
            rows.push((t.to_string(), l.to_string()));
        }
    }
    Ok(rows)
}

/// Offline classifier vs scikit-learn on the same train/test split (`crates/ai/benches/fetch_cfpb.sh DIR`).
pub fn bench_classifier(data: &Path) -> anyhow::Result<()> {
    let (train, test) = (read_csv(&data.join("train.csv"))?, read_csv(&data.join("test.csv"))?);
    println!(
        "classifier: CFPB complaints, {} train / {} test, 8 products",
        train.len(),
        test.len()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ai/benches/baseline_tfidf_lr.py");
    let output = Command::new("taskset")
        .args(["-c", "0", "python3"])
        .arg(&script)
        .arg(data.join("train.csv"))
        .arg(data.join("test.csv"))
        .args([TEXT, LABEL])
        .output()
        .context("python3 with scikit-learn (pip install scikit-learn)")?;
    anyhow::ensure!(
        output.status.success(),
        "baseline failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let ours = evaluate(&train, &test);
    println!(
        "  {:<58} {:>8} {:>9} {:>9} {:>12}",
        "", "accuracy", "macro-F1", "train s", "tickets/s"
    );
    println!(
        "  {:<58} {:>8.4} {:>9.4} {:>9.2} {:>12.0}",
        "scikit-learn TF-IDF (1-2 grams) + LogisticRegression (ref)",
        reference["accuracy"].as_f64().unwrap_or_default(),
        reference["macro_f1"].as_f64().unwrap_or_default(),
        reference["train_seconds"].as_f64().unwrap_or_default(),
        reference["tickets_per_second"].as_f64().unwrap_or_default()
    );
    println!(
        "  {:<58} {:>8.4} {:>9.4} {:>9.2} {:>12.0}",
        "switchboard offline classifier", ours.accuracy, ours.macro_f1, ours.train_seconds, ours.tickets_per_second
    );
    Ok(())
}

/// `count` tickets through the LLM path (queue → HTTP → parse → store) against a loopback server that
/// answers after `latency_ms`; the reference is the same path one request at a time, on a slice.
pub async fn bench_llm(count: usize, latency_ms: u64, concurrency: usize) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ai/tests/servers/fake_openai.py");
    let mut server = Command::new("python3")
        .arg(&script)
        .arg(port.to_string())
        .arg("latency")
        .arg(scratch.path().join("requests.log"))
        .env("FAKE_LATENCY_MS", latency_ms.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .context("python3")?;
    let mut ready = String::new();
    BufReader::new(server.stdout.take().context("server stdout")?).read_line(&mut ready)?;
    let client = LlmClient::new(LlmConfig {
        base_url: format!("http://127.0.0.1:{port}/v1"),
        model: "bench-model".into(),
        api_key: None,
        key_header: None,
        extra_headers: Vec::new(),
        timeout: Duration::from_secs(30),
        price_per_million: (0.0, 0.0),
        mask_personal_data: false,
        runs_locally: true,
    })?;
    let local = LocalClassifier::train_with_seed(&[]);
    let taxonomy = default_taxonomy();
    let run = |n: usize, lanes: usize, dir: std::path::PathBuf| {
        let (client, local, taxonomy) = (&client, &local, &taxonomy);
        async move {
            let store = Store::open(&dir).await?;
            for i in 0..n {
                let msg = InboundMessage {
                    from_address: format!("c{i}@mail.example"),
                    message_id: Some(format!("llm-{i}@mail.example")),
                    subject: format!("Refund for order {i}"),
                    body_text: "My headphones broke after a week; I want a refund or a replacement.".into(),
                    sent_at: 1_000 + i as i64,
                    ..Default::default()
                };
                ingest(&store, &msg).await?;
            }
            let started = Instant::now();
            let done = worker::drain_llm(&store, client, taxonomy, local, lanes, usize::MAX).await?;
            let elapsed = started.elapsed();
            anyhow::ensure!(done.len() == n, "{} of {n} classified", done.len());
            anyhow::ensure!(
                jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await? == 0,
                "jobs left"
            );
            store.close().await;
            Ok::<_, anyhow::Error>(elapsed)
        }
    };
    println!("llm: {count} tickets, loopback chat-completions server adding {latency_ms} ms per answer");
    let slice = 40.min(count);
    let one_at_a_time = run(slice, 1, scratch.path().join("sequential")).await?;
    let per_ticket = one_at_a_time.as_secs_f64() / slice as f64;
    println!(
        "  one request at a time (reference, {slice} tickets): {:.2} s → {:.0} s for {count}",
        one_at_a_time.as_secs_f64(),
        per_ticket * count as f64
    );
    let elapsed = run(count, concurrency, scratch.path().join("concurrent")).await?;
    println!(
        "  switchboard queue, {concurrency} requests in flight: {:.1} s for {count} ({:.0} tickets/s)",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
    let _ = server.kill();
    let _ = server.wait();
    Ok(())
}
