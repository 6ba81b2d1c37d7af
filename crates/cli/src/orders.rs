//! `switchboard-cli orders import`: a shop's order export into the workspace, linked to customers.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;
use switchboard_core::Store;
use switchboard_core::orders::{self, OrderFormat};

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Shopify,
    Woocommerce,
}

pub async fn import(store: &Store, path: &Path, format: FormatArg) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let format = match format {
        FormatArg::Shopify => OrderFormat::Shopify,
        FormatArg::Woocommerce => OrderFormat::Woocommerce,
    };
    let summary = orders::import_csv(store.pool(), &text, &format).await?;
    println!(
        "imported {} orders ({} new customers), skipped {} rows",
        summary.orders, summary.customers_created, summary.skipped_rows
    );
    for problem in &summary.problems {
        eprintln!("  {problem}");
    }
    Ok(ExitCode::SUCCESS)
}
