//! `switchboard-cli draft NUMBER`: prints a reply draft for a ticket (by the configured LLM, else the
//! best saved reply). Nothing is sent: the draft is for a person to edit.

use std::process::ExitCode;

use switchboard_ai::drafts::draft_for_ticket;
use switchboard_ai::llm::settings;
use switchboard_channels::secrets;
use switchboard_core::{Store, tickets};

pub async fn run(store: &Store, number: i64) -> anyhow::Result<ExitCode> {
    let ticket_id = tickets::id_by_number(store.pool(), number).await?;
    let agent = store.agent_name().await?;
    let key = secrets::read(settings::api_key_name(&store.workspace_id().await?))
        .await
        .ok()
        .flatten();
    match draft_for_ticket(store, ticket_id, agent, key).await? {
        Some(outcome) => {
            let from = match &outcome.draft.saved_reply_title {
                Some(title) if outcome.draft.source == "saved_reply" => format!("saved reply \"{title}\""),
                _ => "the AI".to_string(),
            };
            eprintln!(
                "draft ({}) from {from}{}",
                outcome.draft.language,
                outcome.note.map(|n| format!(" — {n}")).unwrap_or_default()
            );
            println!("{}", outcome.draft.text);
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("no saved reply fits ticket {number} and no AI service is configured");
            Ok(ExitCode::FAILURE)
        }
    }
}
