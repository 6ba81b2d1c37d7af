//! `switchboard-cli` as a user runs it: the real binary on a temp workspace.

mod chat_crash;
mod crash;
#[path = "../../../channels/tests/harness/dovecot.rs"]
mod dovecot;
mod draft;
mod eval;
#[path = "../../../channels/tests/harness/fake_telegram.rs"]
mod fake_telegram;
#[path = "../../../channels/tests/harness/fake_wecom.rs"]
mod fake_wecom;
#[path = "../../../channels/tests/harness/loopback.rs"]
mod loopback;
#[path = "../../../channels/tests/harness/smtp_sink.rs"]
mod smtp_sink;

use std::path::Path;
use std::process::{Command, Output};

pub(crate) fn cli(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-cli"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()
        .expect("run switchboard-cli")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn imports_a_directory_with_a_broken_message_then_lists_searches_shows_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("mail");
    std::fs::create_dir_all(mail.join("nested")).unwrap();
    std::fs::write(
        mail.join("a.eml"),
        "From: Ann <ann@example.com>\nSubject: Refund for order AUR-1\nMessage-ID: <a@x>\nDate: Mon, 02 Nov 2026 10:00:00 +0000\n\nPlease refund my order.\n",
    )
    .unwrap();
    std::fs::write(mail.join("broken.eml"), "this is not an email at all").unwrap();
    std::fs::write(
        mail.join("nested/box.mbox"),
        "From x Mon Nov  2 10:00:00 2026\nFrom: 李雷 <li@qq.com>\nSubject: 发票\nMessage-ID: <b@x>\nDate: Tue, 03 Nov 2026 10:00:00 +0800\n\n请开具增值税发票\n\nFrom y Mon Nov  2 10:00:00 2026\nFrom: Ann <ann@example.com>\nSubject: Re: Refund for order AUR-1\nMessage-ID: <c@x>\nIn-Reply-To: <a@x>\nDate: Wed, 04 Nov 2026 10:00:00 +0000\n\nAny news?\n",
    )
    .unwrap();
    let ws = dir.path().join("ws");

    let import = cli(&ws, &["import", "--quiet", mail.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(
        stdout(&import).contains("imported 3 messages (2 new tickets), 0 duplicates skipped, 1 failed"),
        "{}",
        stdout(&import)
    );
    assert!(
        stderr(&import).contains("broken.eml"),
        "the broken file is named: {}",
        stderr(&import)
    );

    let again = cli(&ws, &["import", "--quiet", mail.to_str().unwrap()]);
    assert!(
        stdout(&again).contains("imported 0 messages (0 new tickets), 3 duplicates skipped"),
        "{}",
        stdout(&again)
    );

    let list = stdout(&cli(&ws, &["list"]));
    assert!(
        list.contains("#1001") && list.contains("#1002") && list.contains("发票"),
        "{list}"
    );

    let search = stdout(&cli(&ws, &["search", "发票"]));
    assert!(search.contains("李雷") && !search.contains("Ann"), "{search}");

    let show = cli(&ws, &["show", "1001", "--json"]);
    let detail: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        detail["messages"].as_array().unwrap().len(),
        2,
        "the reply threaded into #1001"
    );

    let export_path = dir.path().join("export.json");
    assert!(
        cli(&ws, &["export", "-o", export_path.to_str().unwrap()])
            .status
            .success()
    );
    let exported: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&export_path).unwrap()).unwrap();
    assert_eq!(exported.as_array().unwrap().len(), 2);

    let classify = cli(&ws, &["classify"]);
    assert!(
        stdout(&classify).contains("classified 2 tickets"),
        "{}",
        stdout(&classify)
    );
    let classified: serde_json::Value = serde_json::from_slice(&cli(&ws, &["show", "1002", "--json"]).stdout).unwrap();
    assert_eq!(classified["ticket"]["category"], "billing");
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let missing = cli(dir.path(), &["import", "/nonexistent/mailbox.mbox"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("cannot read /nonexistent/mailbox.mbox"),
        "{}",
        stderr(&missing)
    );
    assert!(!stderr(&missing).contains("panicked"));

    let unknown = cli(dir.path(), &["show", "4242"]);
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("there is no ticket #4242"),
        "{}",
        stderr(&unknown)
    );

    let garbage = dir.path().join("garbage.eml");
    std::fs::write(&garbage, [0u8, 159, 146, 150]).unwrap();
    let only_garbage = cli(dir.path(), &["import", "--quiet", garbage.to_str().unwrap()]);
    assert!(!only_garbage.status.success(), "nothing importable is a failure");
    assert!(stdout(&only_garbage).contains("1 failed"));
}
