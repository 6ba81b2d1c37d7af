//! Chat accounts from the command line: add a Telegram bot or a WeChat customer-service account (the
//! token or secret read from standard input, kept in the OS keychain only), pull their messages once,
//! and send their queued replies once.

use crate::accounts::create_with_secret;
use switchboard_channels::channel::Channel;
use switchboard_channels::chat::{self, Delivered};
use switchboard_channels::chat_accounts;
use switchboard_channels::telegram::{self, api::DEFAULT_API_BASE as TELEGRAM_API};
use switchboard_channels::wecom::{self, WecomSettings, api::DEFAULT_API_BASE as WECOM_API};
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts, chat_sync};

pub async fn add_telegram(
    store: &Store,
    name: Option<String>,
    api_base: Option<String>,
    token: String,
) -> anyhow::Result<()> {
    let base = api_base.unwrap_or_else(|| TELEGRAM_API.to_string());
    let settings = telegram::check_token(&base, &token).await.map_err(anyhow::Error::msg)?;
    let address = format!("@{}", settings.bot_username);
    let name = name.unwrap_or_else(|| address.clone());
    let id = create_with_secret(
        store,
        ChannelKind::Telegram,
        &name,
        &address,
        &serde_json::to_string(&settings)?,
        token,
    )
    .await?;
    println!("added account {id}: Telegram bot {address}");
    Ok(())
}

pub async fn add_wechat(
    store: &Store,
    name: Option<String>,
    corp_id: String,
    open_kfid: String,
    api_base: Option<String>,
    secret: String,
) -> anyhow::Result<()> {
    let settings = WecomSettings {
        api_base: api_base.unwrap_or_else(|| WECOM_API.to_string()),
        corp_id,
        open_kfid,
    };
    wecom::check(&settings, &secret).await.map_err(anyhow::Error::msg)?;
    let name = name.unwrap_or_else(|| format!("WeChat {}", settings.open_kfid));
    let json = serde_json::to_string(&settings)?;
    let id = create_with_secret(store, ChannelKind::Wechat, &name, &settings.open_kfid, &json, secret).await?;
    println!("added account {id}: WeChat customer service {}", settings.open_kfid);
    Ok(())
}

/// Checks a chat account's stored secret with the platform and says what it answered.
pub async fn test(store: &Store, account: &accounts::Account) -> anyhow::Result<std::process::ExitCode> {
    let checked = match chat_accounts::with_secret(store, account.channel, Some(account.id)).await {
        Err(error) => Err(error),
        Ok((account, token)) if account.channel == ChannelKind::Telegram => {
            match telegram::TelegramSettings::from_json(&account.settings_json) {
                Ok(settings) => telegram::check_token(&settings.api_base, &token)
                    .await
                    .map(|bot| format!("bot @{}", bot.bot_username)),
                Err(error) => Err(error),
            }
        }
        Ok((account, secret)) => match WecomSettings::from_json(&account.settings_json) {
            Ok(settings) => wecom::check(&settings, &secret)
                .await
                .map(|()| format!("customer-service account {}", settings.open_kfid)),
            Err(error) => Err(error),
        },
    };
    let channel = account.channel.as_str();
    Ok(match checked {
        Ok(what) => {
            println!("{channel} ok: {what}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{channel} failed: {error}");
            std::process::ExitCode::FAILURE
        }
    })
}

/// Pulls until the platform has nothing newer than the stored cursor; what was stored stays stored if
/// the process dies half-way (the cursor is written with the messages).
async fn drain(store: &Store, account_id: i64, channel: &mut impl Channel) -> Result<chat::Pulled, String> {
    let mut total = chat::Pulled::default();
    loop {
        let before = chat_sync::cursor(store.pool(), account_id)
            .await
            .map_err(|e| e.to_string())?;
        let pulled = chat::pull(store, account_id, channel).await?;
        total.stored += pulled.stored;
        total.unreadable += pulled.unreadable;
        total.new_tickets.extend(pulled.new_tickets);
        let after = chat_sync::cursor(store.pool(), account_id)
            .await
            .map_err(|e| e.to_string())?;
        if pulled.stored == 0 && pulled.unreadable == 0 && after == before {
            return Ok(total);
        }
    }
}

/// One pass over every enabled chat account (or one); true when one failed.
pub async fn sync(store: &Store, only: Option<i64>) -> anyhow::Result<bool> {
    let mut failed = false;
    for account in accounts::list(store.pool()).await? {
        if !account.enabled || only.is_some_and(|id| id != account.id) {
            continue;
        }
        let result = match account.channel {
            ChannelKind::Telegram => match chat_accounts::telegram(store, Some(account.id)).await {
                Ok(mut channel) => {
                    // A one-off pass: never sit in a long poll waiting for news.
                    channel.long_poll = std::time::Duration::ZERO;
                    drain(store, account.id, &mut channel).await
                }
                Err(error) => Err(error),
            },
            ChannelKind::Wechat => match chat_accounts::wechat(store, Some(account.id)).await {
                Ok(mut channel) => drain(store, account.id, &mut channel).await,
                Err(error) => Err(error),
            },
            _ => continue,
        };
        match result {
            Ok(pulled) => println!(
                "{}: {} new messages ({} new tickets), {} unreadable kept aside",
                account.address,
                pulled.stored,
                pulled.new_tickets.len(),
                pulled.unreadable
            ),
            Err(error) => {
                failed = true;
                eprintln!("{}: sync failed: {error}", account.address);
            }
        }
    }
    Ok(failed)
}

/// Sends every due chat reply once, after putting back replies a killed run left half-sent (their parts
/// already sent are not sent again). Returns (sent, failed).
pub async fn send(store: &Store) -> anyhow::Result<(usize, usize)> {
    let (mut sent, mut failed) = (0, 0);
    for kind in [ChannelKind::Telegram, ChannelKind::Wechat] {
        let requeued = chat::requeue_interrupted(store, kind.as_str()).await?;
        if requeued > 0 {
            println!(
                "{requeued} {} replies were interrupted: sending the rest",
                kind.as_str()
            );
        }
        loop {
            let delivered = match kind {
                ChannelKind::Telegram => {
                    chat::deliver_next(store, kind.as_str(), async |a| chat_accounts::telegram(store, a).await).await?
                }
                _ => chat::deliver_next(store, kind.as_str(), async |a| chat_accounts::wechat(store, a).await).await?,
            };
            match delivered {
                None => break,
                Some(Delivered::Sent { .. }) => sent += 1,
                Some(Delivered::WillRetry { ticket_id, error }) => {
                    // Due later: it stays queued for the next pass.
                    eprintln!("reply on ticket {ticket_id} will be retried: {error}");
                }
                Some(Delivered::Failed { ticket_id, error }) => {
                    failed += 1;
                    eprintln!("reply on ticket {ticket_id} failed: {error}");
                }
            }
        }
    }
    Ok((sent, failed))
}
