//! `switchboard search`: a search waits while the index catches up on many messages (rebuilt, or after an
//! upgrade), and a progress bar on stderr says how far it has come.

use indicatif::{ProgressBar, ProgressStyle};
use switchboard_core::Store;
use switchboard_core::model::TicketSummary;

pub async fn run(store: &Store, query: &str, limit: i64) -> anyhow::Result<Vec<TicketSummary>> {
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template("indexing messages for search [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let shown = bar.clone();
    let mut progress = store.search_index().progress();
    let watcher = tokio::spawn(async move {
        while progress.changed().await.is_ok() {
            let now = *progress.borrow_and_update();
            match now {
                Some(p) => {
                    // Drawn only once there is something to say (stderr, and only on a terminal).
                    if shown.is_hidden() {
                        shown.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    }
                    shown.set_length(u64::try_from(p.total).unwrap_or(0));
                    shown.set_position(u64::try_from(p.indexed).unwrap_or(0));
                }
                None => shown.finish_and_clear(),
            }
        }
    });
    let found = switchboard_core::search::search_tickets(store, query, limit).await;
    watcher.abort();
    bar.finish_and_clear();
    Ok(found?)
}
