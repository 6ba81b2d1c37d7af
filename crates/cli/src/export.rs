//! `export`: every ticket with its conversation as one JSON array, written as it is read so memory
//! stays flat on big workspaces.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use switchboard_core::{Store, tickets};

pub async fn run(store: &Store, output: Option<&Path>) -> anyhow::Result<()> {
    let mut out: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let ids = tickets::all_ids(store.pool()).await?;
    out.write_all(b"[\n")?;
    for (index, id) in ids.iter().enumerate() {
        if index > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut out, &tickets::detail(store.pool(), *id).await?)?;
    }
    out.write_all(b"\n]\n")?;
    out.flush()?;
    if let Some(path) = output {
        eprintln!("exported {} tickets to {}", ids.len(), path.display());
    }
    Ok(())
}
