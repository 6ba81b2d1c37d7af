//! `switchboard-cli taxonomy …`: the workspace's categories (ids on tickets, names in English and
//! Chinese).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use switchboard_ai::taxonomy::{Category, default_taxonomy, save_taxonomy, workspace_taxonomy};
use switchboard_core::Store;

#[derive(Subcommand)]
pub enum TaxonomyCommand {
    /// Print the categories as JSON (edit this and `set` it back).
    Show,
    /// Replace the categories with a JSON array of {id, name_en, name_zh}.
    Set { file: PathBuf },
    /// Go back to the default categories.
    Reset,
}

pub async fn run(store: &Store, command: TaxonomyCommand) -> anyhow::Result<ExitCode> {
    match command {
        TaxonomyCommand::Show => {
            println!("{}", serde_json::to_string_pretty(&workspace_taxonomy(store).await?)?);
        }
        TaxonomyCommand::Set { file } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let categories: Vec<Category> = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a JSON array of {{id, name_en, name_zh}}", file.display()))?;
            save_taxonomy(store, &categories).await?;
            println!("the workspace has {} categories", categories.len());
        }
        TaxonomyCommand::Reset => {
            save_taxonomy(store, &default_taxonomy()).await?;
            println!("back to the default categories");
        }
    }
    Ok(ExitCode::SUCCESS)
}
