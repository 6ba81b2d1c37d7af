//! `switchboard-cli sync` and `send`: one pass of the email channel without the desktop app.

use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use switchboard_channels::email::account::EmailSettings;
use switchboard_channels::email::imap;
use switchboard_channels::email::outbox_sender::{self, Delivery, Recovery};
use switchboard_channels::secrets;
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts};

/// Pulls new mail of every enabled email account (or one), with a progress bar.
pub async fn sync(store: &Store, only: Option<i64>, quiet: bool) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let workspace = store.workspace_id().await?;
    for account in accounts::list(store.pool()).await? {
        if account.channel != ChannelKind::Email || !account.enabled || only.is_some_and(|id| id != account.id) {
            continue;
        }
        let settings = EmailSettings::from_json(&account.settings_json).map_err(anyhow::Error::msg)?;
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        bar.set_style(ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}").context("progress style")?);
        let mut progress = |p: imap::SyncProgress| {
            bar.set_message(format!("{} {}", account.address, p.folder));
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
        };
        match imap::sync_account_once(
            store,
            account.id,
            &settings,
            imap::keychain_password(&workspace, account.id),
            &mut progress,
        )
        .await
        {
            Ok(report) => {
                bar.finish_and_clear();
                println!(
                    "{}: {} new messages ({} new tickets), {} unreadable kept aside",
                    account.address,
                    report.imported(),
                    report.tickets_created(),
                    report.unreadable()
                );
            }
            Err(error) => {
                bar.abandon();
                failed = true;
                eprintln!(
                    "{}: sync failed at {:?}: {}",
                    account.address, error.step, error.message
                );
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Settles replies a killed run left half-sent, then sends every due reply once.
pub async fn send(store: &Store) -> anyhow::Result<ExitCode> {
    let mut passwords = std::collections::HashMap::new();
    let workspace = store.workspace_id().await?;
    for account in accounts::list(store.pool()).await? {
        passwords.insert(
            account.id,
            secrets::read(secrets::account_key(&workspace, account.id)).await?,
        );
    }
    let password_for = |id: i64| Ok(passwords.get(&id).cloned().flatten());
    for outcome in outbox_sender::recover_interrupted(store, password_for).await? {
        match outcome {
            Recovery::AlreadySent { outbox_id } => println!("reply {outbox_id} was already in Sent: marked sent"),
            Recovery::Requeued { outbox_id } => println!("reply {outbox_id} was not in Sent: queued again"),
            Recovery::Unchecked { outbox_id, error } => {
                eprintln!("reply {outbox_id}: cannot check the Sent folder: {error}")
            }
        }
    }
    let (mut sent, mut failed) = (0, 0);
    while let Some(delivery) = outbox_sender::send_next(store, password_for).await? {
        match delivery {
            Delivery::Sent { .. } => sent += 1,
            Delivery::WillRetry { outbox_id, error, .. } => eprintln!("reply {outbox_id} will be retried: {error}"),
            Delivery::Failed { outbox_id, error, .. } => {
                failed += 1;
                eprintln!("reply {outbox_id} failed: {error}");
            }
        }
    }
    println!("sent {sent} replies, {failed} failed");
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
