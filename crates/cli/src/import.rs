//! `import` and `demo`: files into the workspace, with a progress bar; broken messages are listed and
//! skipped.

use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use switchboard_channels::demo;
use switchboard_channels::import::{MessageProblem, RawMessage, import_messages, read_path};
use switchboard_core::Store;
use switchboard_core::ingest::ImportSummary;

pub async fn run(store: &Store, paths: &[PathBuf], quiet: bool) -> anyhow::Result<ExitCode> {
    let mut messages = Vec::new();
    for path in paths {
        let found = read_path(path)?;
        if found.is_empty() {
            eprintln!("warning: {} contains no email messages", path.display());
        }
        messages.extend(found);
    }
    import_with_progress(store, messages, quiet).await
}

pub async fn run_demo(store: &Store) -> anyhow::Result<ExitCode> {
    let code = import_with_progress(store, demo::demo_messages(), false).await?;
    store.set_setting(demo::DEMO_SETTING, "1").await?;
    Ok(code)
}

async fn import_with_progress(store: &Store, messages: Vec<RawMessage>, quiet: bool) -> anyhow::Result<ExitCode> {
    let bar = if quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(messages.len() as u64)
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} importing [{bar:40}] {pos}/{len} messages ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut problems: Vec<MessageProblem> = Vec::new();
    let summary = import_messages(
        store,
        messages,
        |done, _| bar.set_position(done as u64),
        |problem| {
            bar.suspend(|| eprintln!("skipped {}: {}", problem.label, problem.error));
            problems.push(problem);
        },
    )
    .await?;
    bar.finish_and_clear();
    print_summary(&summary);
    // Partial success is still success; only "nothing could be read" fails the command.
    Ok(
        if summary.failed > 0 && summary.imported == 0 && summary.duplicates == 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn print_summary(summary: &ImportSummary) {
    println!(
        "imported {} messages ({} new tickets), {} duplicates skipped, {} failed",
        summary.imported, summary.tickets_created, summary.duplicates, summary.failed
    );
}
