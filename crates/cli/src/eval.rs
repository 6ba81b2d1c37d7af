//! `switchboard-cli eval`: trains the offline classifier on one labelled file and scores it on another.
//! Files are CSV (with a header row) or JSON Lines; bad files get a clear error.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use switchboard_ai::eval::{Example, evaluate};

/// Reads `(text, label)` pairs from a CSV or JSON Lines file. Rows with an empty text or label are
/// skipped (and counted in the error if nothing is left).
pub fn read_examples(path: &Path, text_col: &str, label_col: &str) -> anyhow::Result<Vec<Example>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = decode(&bytes).with_context(|| format!("{} is not readable text", path.display()))?;
    if text.trim().is_empty() {
        bail!("{} is empty", path.display());
    }
    let jsonl = path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson") || text.trim_start().starts_with('{');
    let examples = if jsonl {
        read_jsonl(&text, text_col, label_col, path)?
    } else {
        read_csv(&text, text_col, label_col, path)?
    };
    if examples.is_empty() {
        bail!(
            "{} has no rows with both a '{text_col}' and a '{label_col}' value",
            path.display()
        );
    }
    Ok(examples)
}

/// UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with a hint.
fn decode(bytes: &[u8]) -> anyhow::Result<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8(rest.to_vec())?);
    }
    for (bom, little) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| {
                    if little {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                })
                .collect();
            return Ok(String::from_utf16(&units)?);
        }
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        anyhow::anyhow!(
            "unknown encoding: byte {} is not UTF-8 (save the file as UTF-8, e.g. `iconv -f GBK -t UTF-8`)",
            e.utf8_error().valid_up_to()
        )
    })
}

fn read_csv(text: &str, text_col: &str, label_col: &str, path: &Path) -> anyhow::Result<Vec<Example>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .with_context(|| format!("{}: no CSV header row", path.display()))?
        .clone();
    let column = |name: &str| {
        headers.iter().position(|h| h.trim() == name).with_context(|| {
            format!(
                "{} has no column '{name}' (columns: {})",
                path.display(),
                headers.iter().collect::<Vec<_>>().join(", ")
            )
        })
    };
    let (text_at, label_at) = (column(text_col)?, column(label_col)?);
    let mut examples = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {} is not valid CSV", path.display(), row + 2))?;
        let (Some(text), Some(label)) = (record.get(text_at), record.get(label_at)) else {
            continue;
        };
        if !text.trim().is_empty() && !label.trim().is_empty() {
            examples.push((text.to_string(), label.trim().to_string()));
        }
    }
    Ok(examples)
}

fn read_jsonl(text: &str, text_col: &str, label_col: &str, path: &Path) -> anyhow::Result<Vec<Example>> {
    let mut examples = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: line {} is not JSON", path.display(), n + 1))?;
        let field = |name: &str| {
            value
                .get(name)
                .with_context(|| format!("{}: line {} has no field '{name}'", path.display(), n + 1))
        };
        let as_text = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
        let (text, label) = (as_text(field(text_col)?), as_text(field(label_col)?));
        if !text.trim().is_empty() && !label.trim().is_empty() {
            examples.push((text, label.trim().to_string()));
        }
    }
    Ok(examples)
}

pub fn run(train: &Path, test: &Path, text_col: &str, label_col: &str, json: bool) -> anyhow::Result<ExitCode> {
    let train = read_examples(train, text_col, label_col)?;
    let test = read_examples(test, text_col, label_col)?;
    let result = evaluate(&train, &test);
    println!(
        "trained on {} examples in {:.2} s; classified {} at {:.0} tickets/s",
        result.train_examples, result.train_seconds, result.test_examples, result.tickets_per_second
    );
    println!(
        "accuracy {:.4}  macro-F1 {:.4}  calibration error {:.4}",
        result.accuracy, result.macro_f1, result.calibration_error
    );
    println!(
        "{:<50} {:>9} {:>9} {:>9} {:>8}",
        "label", "precision", "recall", "F1", "support"
    );
    for label in &result.labels {
        println!(
            "{:<50} {:>9.3} {:>9.3} {:>9.3} {:>8}",
            label.label, label.precision, label.recall, label.f1, label.support
        );
    }
    if json {
        println!("{}", serde_json::to_string(&result)?);
    }
    Ok(ExitCode::SUCCESS)
}
