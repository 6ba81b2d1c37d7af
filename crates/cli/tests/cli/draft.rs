//! `switchboard-cli draft`: an offline draft from the best saved reply, variables filled, nothing sent.

use super::{cli, stderr, stdout};

#[test]
fn an_offline_draft_is_the_best_saved_reply_with_variables_filled() {
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("refund.eml");
    std::fs::write(
        &mail,
        "From: =?UTF-8?B?546L6Iqz?= <wang@qq.com>\nSubject: =?UTF-8?B?6YCA5qy+55Sz6K+3?=\nMessage-ID: <r1@qq.com>\nDate: Mon, 02 Nov 2026 10:00:00 +0800\nContent-Type: text/plain; charset=utf-8\n\n订单 AUR-2026-104233 的耳机坏了，我要退款。\n",
    )
    .unwrap();
    let ws = dir.path().join("ws");
    assert!(
        cli(&ws, &["import", "--quiet", mail.to_str().unwrap()])
            .status
            .success()
    );
    assert!(cli(&ws, &["classify"]).status.success());
    let listed = stdout(&cli(&ws, &["list", "--json"]));
    let tickets: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    let number = tickets[0]["number"].as_i64().unwrap().to_string();

    let draft = cli(&ws, &["draft", &number]);
    assert!(draft.status.success(), "{}", stderr(&draft));
    let text = stdout(&draft);
    assert!(
        text.contains("王芳") && text.contains("AUR-2026-104233") && text.contains("退款"),
        "{text}"
    );
    assert!(!text.contains("{{"), "{text}");
    assert!(stderr(&draft).contains("saved reply"), "{}", stderr(&draft));
    let shown: serde_json::Value = serde_json::from_str(&stdout(&cli(&ws, &["show", &number, "--json"]))).unwrap();
    assert_eq!(shown["outbox"].as_array().unwrap().len(), 0, "a draft sends nothing");
}
