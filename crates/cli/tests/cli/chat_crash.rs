//! Kill -9 mid-sync on the chat channels, with real processes: `switchboard-cli sync` pulling a Telegram
//! bot and a WeChat customer-service account from their loopback APIs is killed at random moments while
//! customers keep writing, and restarted; in the end every message is stored exactly once, in one
//! ticket per customer.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use switchboard_core::Store;

use super::crash::{Random, kill_after};
use super::{fake_telegram, fake_wecom};

fn cli(ws: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_switchboard-cli"));
    command.arg("--data-dir").arg(ws);
    command
}

/// Runs `account <args>` with `secret` on standard input.
fn add_account(ws: &Path, args: &[&str], secret: &str) {
    let mut child = cli(ws)
        .arg("account")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(secret.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "account {args:?} failed: {output:?}");
}

/// Syncs of `channel` killed at random moments, more customer messages arriving before each (`more`
/// returns how many were sent so far); then one run to the end.
fn sync_with_kills(ws: &Path, channel: &str, rounds: usize, mut more: impl FnMut(usize) -> i64) {
    let mut random = Random::new();
    // The kill window follows this machine's speed. It starts from half the time a sync with nothing new
    // takes (the process starting, the store opening, the secret from the keychain, one empty poll) to
    // four times it, then steers itself: a kill that came after the sync had finished brings the window's
    // end down to that moment, one that came before anything was stored moves its start up (and its end out if need be). A fixed
    // window either let most syncs finish (a fast machine) or killed them all before they stored anything.
    let started = std::time::Instant::now();
    let idle = cli(ws).args(["sync", "--quiet"]).output().unwrap();
    assert!(idle.status.success(), "{idle:?}");
    let startup = started.elapsed().as_millis() as u64;
    let (mut from, mut to) = (startup / 2, startup * 4);
    // Kills that left news unstored, and killed runs that had stored some first: both must happen.
    let (mut cut_short, mut progressed, mut before) = (0, 0, 0);
    for round in 0..rounds {
        let sent = more(round);
        let child = cli(ws)
            .args(["sync", "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = random.millis(from, to);
        kill_after(child, delay);
        let now = stored(ws, channel).0;
        let delay = delay.as_millis() as u64;
        if now >= sent {
            to = delay;
        } else {
            cut_short += 1;
        }
        if now > before {
            progressed += 1;
        } else {
            (from, to) = (delay, to.max(delay * 2));
        }
        if to < from + 20 {
            // Timing noise crossed the bounds: start over from the first window.
            (from, to) = (startup / 2, startup * 4);
        }
        before = now;
    }
    println!(
        "{channel}: a sync starts in {startup} ms; of {rounds} killed syncs {cut_short} were cut short, {progressed} stored some first"
    );
    assert!(
        cut_short >= 2 && progressed >= 2,
        "only {cut_short} kills cut a sync short and {progressed} syncs stored anything: the test proves little"
    );
    let finish = cli(ws).args(["sync", "--quiet"]).output().unwrap();
    assert!(finish.status.success(), "{finish:?}");
}

/// (messages, distinct platform message ids, tickets) on `channel`.
fn stored(ws: &Path, channel: &str) -> (i64, i64, i64) {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Store::open(ws).await.unwrap();
        let counts = sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT m.channel_message_id), COUNT(DISTINCT m.ticket_id)
             FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.channel = ?",
        )
        .bind(channel)
        .fetch_one(store.pool())
        .await
        .unwrap();
        store.close().await;
        counts
    })
}

#[test]
fn a_telegram_sync_killed_fifteen_times_stores_each_message_exactly_once() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = fake_telegram::start();
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let say = |from: i64, to: i64| {
        runtime.block_on(async {
            for n in from..to {
                let user = 9_000 + n % 40;
                fake.customer_says(
                    user,
                    &format!("Customer {user}"),
                    &format!("message {n}: where is my parcel?"),
                )
                .await;
            }
        });
        to
    };
    add_account(&ws, &["add-telegram", "--api-base", &fake.base()], fake_telegram::TOKEN);
    sync_with_kills(&ws, "telegram", 15, |round| {
        if round == 0 {
            say(0, 400);
        }
        say(400 + 150 * round as i64, 550 + 150 * round as i64)
    });
    assert_eq!(stored(&ws, "telegram"), (2_650, 2_650, 40));
}

#[test]
fn a_wechat_sync_killed_fifteen_times_stores_each_message_exactly_once() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = fake_wecom::start();
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let say = |from: usize, to: usize| {
        runtime.block_on(async {
            for n in from..to {
                fake.customer_says(
                    &format!("wm-customer-{}", n % 30),
                    &format!("第 {n} 条：我的包裹在哪里？"),
                    0,
                )
                .await;
            }
        });
        to as i64
    };
    add_account(
        &ws,
        &[
            "add-wechat",
            "--corp-id",
            fake_wecom::CORP_ID,
            "--open-kfid",
            fake_wecom::KFID,
            "--api-base",
            &fake.base(),
        ],
        fake_wecom::SECRET,
    );
    sync_with_kills(&ws, "wechat", 15, |round| say(150 * round, 150 + 150 * round));
    assert_eq!(stored(&ws, "wechat"), (2_250, 2_250, 30));
}
