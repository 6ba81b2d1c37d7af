//! `switchboard-cli eval` on small files: scores, JSON output, and clear errors for bad files.

use super::{cli, stderr, stdout};

fn write_csv(dir: &std::path::Path, name: &str, rows: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = String::from("text,label\n");
    for (t, l) in rows {
        text.push_str(&format!("\"{}\",{l}\n", t.replace('"', "\"\"")));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn tickets(n: usize) -> Vec<(String, &'static str)> {
    (0..n)
        .flat_map(|i| {
            [
                (format!("I want a refund for order {i}, the item was broken"), "refund"),
                (format!("Where is my parcel {i}? Tracking has not moved"), "shipping"),
                (format!("请开具发票，订单 {i}，抬头写错了"), "billing"),
            ]
        })
        .collect()
}

#[test]
fn eval_trains_scores_and_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    let train: Vec<(String, &str)> = tickets(30);
    let test: Vec<(String, &str)> = tickets(5);
    let train_rows: Vec<(&str, &str)> = train.iter().map(|(t, l)| (t.as_str(), *l)).collect();
    let train_path = write_csv(dir.path(), "train.csv", &train_rows);
    // The test set as JSON Lines, to read both formats.
    let test_path = dir.path().join("test.jsonl");
    let lines: Vec<String> = test
        .iter()
        .map(|(t, l)| serde_json::json!({ "text": t, "label": l }).to_string())
        .collect();
    std::fs::write(&test_path, lines.join("\n")).unwrap();

    let ws = dir.path().join("ws");
    let out = cli(
        &ws,
        &[
            "eval",
            "--train",
            train_path.to_str().unwrap(),
            "--test",
            test_path.to_str().unwrap(),
            "--text-col",
            "text",
            "--label-col",
            "label",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let last = stdout(&out).lines().last().unwrap().to_string();
    let result: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(result["accuracy"], 1.0, "{last}");
    assert_eq!(result["macro_f1"], 1.0);
    assert!(result["train_seconds"].as_f64().unwrap() >= 0.0);
    assert!(result["tickets_per_second"].as_f64().unwrap() > 0.0);
    assert_eq!(result["labels"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let good = write_csv(dir.path(), "good.csv", &[("a refund please", "refund")]);
    let run = |train: &std::path::Path, text_col: &str| {
        cli(
            &ws,
            &[
                "eval",
                "--train",
                train.to_str().unwrap(),
                "--test",
                good.to_str().unwrap(),
                "--text-col",
                text_col,
                "--label-col",
                "label",
            ],
        )
    };

    let missing = run(&good, "body");
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no column 'body' (columns: text, label)"),
        "{}",
        stderr(&missing)
    );

    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    assert!(stderr(&run(&empty, "text")).contains("is empty"));

    let gbk = dir.path().join("gbk.csv");
    std::fs::write(&gbk, b"text,label\n\xcd\xcb\xbf\xee,refund\n").unwrap();
    let out = run(&gbk, "text");
    assert!(
        stderr(&out).contains("unknown encoding") && stderr(&out).contains("UTF-8"),
        "{}",
        stderr(&out)
    );

    let no_rows = dir.path().join("blank.csv");
    std::fs::write(&no_rows, "text,label\n,refund\n").unwrap();
    assert!(stderr(&run(&no_rows, "text")).contains("has no rows"));
}

#[test]
fn the_taxonomy_can_be_shown_edited_refused_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let shown = cli(&ws, &["taxonomy", "show"]);
    let mut categories: Vec<serde_json::Value> = serde_json::from_str(&stdout(&shown)).unwrap();
    assert_eq!(categories.len(), 10);
    categories.push(serde_json::json!({ "id": "wholesale", "name_en": "Wholesale", "name_zh": "批发" }));
    let file = dir.path().join("taxonomy.json");
    std::fs::write(&file, serde_json::to_string(&categories).unwrap()).unwrap();
    let set = cli(&ws, &["taxonomy", "set", file.to_str().unwrap()]);
    assert!(set.status.success(), "{}", stderr(&set));
    assert!(stdout(&cli(&ws, &["taxonomy", "show"])).contains("批发"));

    categories.push(serde_json::json!({ "id": "wholesale", "name_en": "Again", "name_zh": "重复" }));
    std::fs::write(&file, serde_json::to_string(&categories).unwrap()).unwrap();
    let refused = cli(&ws, &["taxonomy", "set", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("used twice"), "{}", stderr(&refused));

    assert!(cli(&ws, &["taxonomy", "reset"]).status.success());
    assert!(!stdout(&cli(&ws, &["taxonomy", "show"])).contains("批发"));
}
