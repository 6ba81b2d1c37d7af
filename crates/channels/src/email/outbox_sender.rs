//! Delivers the email outbox: claims a queued reply, sends it through its account's SMTP server and
//! records the outcome. Temporary failures back off and retry; permanent ones wait for the agent.

use switchboard_core::model::{ChannelKind, OutboxState};
use switchboard_core::{Store, accounts, outbox};

use super::account::EmailSettings;
use super::imap;
use super::smtp::{self, SendError};

/// Attempts before a temporarily failing reply is given up on (the agent can still retry it).
pub const MAX_ATTEMPTS: i64 = 6;

/// Back-off before the next attempt: 30 s, 1 min, 2 min, 4 min, …
pub fn backoff_ms(attempts: i64) -> i64 {
    30_000 * (1i64 << (attempts - 1).clamp(0, 10))
}

/// What happened to one reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent {
        outbox_id: i64,
        ticket_id: i64,
    },
    WillRetry {
        outbox_id: i64,
        ticket_id: i64,
        error: String,
    },
    Failed {
        outbox_id: i64,
        ticket_id: i64,
        error: String,
    },
}

/// Sends the next due email reply, if any. `password_for(account_id)` reads the account's secret (from
/// the OS keychain in the app).
pub async fn send_next(
    store: &Store,
    password_for: impl Fn(i64) -> Result<Option<String>, String>,
) -> switchboard_core::Result<Option<Delivery>> {
    let Some(reply) = outbox::claim_next(store.pool(), ChannelKind::Email.as_str()).await? else {
        return Ok(None);
    };
    let (outbox_id, ticket_id) = (reply.outbox_id, reply.ticket_id);
    let mut filing: Option<SentCopy> = None;
    let result = async {
        let account = sending_account(store, &reply).await.map_err(|e| match e {
            // The reply's account is gone: waiting will not bring it back.
            switchboard_core::Error::Invalid(m) => SendError::Permanent(m),
            other => SendError::Temporary(other.to_string()),
        })?;
        let account = account.ok_or_else(|| {
            SendError::Temporary("no email account is configured to send from; add one in Settings".into())
        })?;
        let settings = EmailSettings::from_json(&account.settings_json).map_err(SendError::Permanent)?;
        let password = password_for(account.id).map_err(SendError::Temporary)?;
        let mut reply = reply.clone();
        // Replies go out from the account, whatever the agent's display settings say.
        reply.from_address = account.address.clone();
        reply.from_name = settings.display_name.clone();
        let files = outbox::attachments_of(store, outbox_id)
            .await
            .map_err(|e| SendError::Permanent(format!("the reply's files cannot be read: {e}")))?;
        let message = smtp::build_message(&reply, &settings.signature, &files)?;
        let raw = message.formatted();
        smtp::send(&settings.smtp, &settings.username, password.as_deref(), message).await?;
        filing = Some(SentCopy {
            message_id: reply.message_id.clone(),
            settings,
            password,
            raw,
        });
        Ok(())
    }
    .await;
    let delivery = match result {
        Ok(()) => {
            // Recorded first: the window in which a crash could lead to a second send is this one write.
            outbox::set_state(store.pool(), outbox_id, OutboxState::Sent, None).await?;
            if let Some(copy) = filing {
                file_in_sent(&copy).await;
            }
            Delivery::Sent { outbox_id, ticket_id }
        }
        Err(SendError::Temporary(error)) if reply.attempts < MAX_ATTEMPTS => {
            outbox::retry_later(store.pool(), outbox_id, &error, backoff_ms(reply.attempts)).await?;
            Delivery::WillRetry {
                outbox_id,
                ticket_id,
                error,
            }
        }
        Err(SendError::Temporary(error) | SendError::Permanent(error)) => {
            outbox::set_state(store.pool(), outbox_id, OutboxState::Failed, Some(&error)).await?;
            Delivery::Failed {
                outbox_id,
                ticket_id,
                error,
            }
        }
    };
    Ok(Some(delivery))
}

/// A sent reply, to be filed in the account's Sent folder.
struct SentCopy {
    settings: EmailSettings,
    password: Option<String>,
    raw: Vec<u8>,
    message_id: Option<String>,
}

/// Files a sent reply in the account's Sent folder, as a mail client would. The reply is already out:
/// a failure here is logged, not retried, and never sends anything again.
async fn file_in_sent(copy: &SentCopy) {
    let SentCopy {
        settings,
        password,
        raw,
        message_id,
    } = copy;
    let result = async {
        let mut session = imap::connect(
            &settings.imap,
            &settings.username,
            password.as_deref().unwrap_or_default(),
        )
        .await?;
        let folder = imap::sent_folder(&mut session, settings.sent_folder.as_deref()).await?;
        // Gmail and Office 365 file SMTP mail into Sent themselves: never file it twice.
        let already = match message_id {
            Some(id) => imap::find_in_sent(&mut session, &folder, id).await?,
            None => false,
        };
        if !already {
            imap::append_to_sent(&mut session, &folder, raw).await?;
        }
        let _ = session.logout().await;
        Ok::<_, imap::ImapError>(())
    }
    .await;
    if let Err(error) = result {
        tracing::warn!(%error, "the reply was sent but could not be filed in the Sent folder");
    }
}

/// What became of a reply a previous run left in `sending`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// Its Message-ID is in the Sent folder: it went out; marked sent.
    AlreadySent { outbox_id: i64 },
    /// Not in the Sent folder: queued to be sent again.
    Requeued { outbox_id: i64 },
    /// The Sent folder could not be checked: left as it is, to be checked again later.
    Unchecked { outbox_id: i64, error: String },
}

/// Settles replies a killed process left `sending`: before anything is sent again, the account's Sent
/// folder is searched for the reply's Message-ID (providers such as Gmail file SMTP mail there
/// themselves, and we file ours right after sending).
pub async fn recover_interrupted(
    store: &Store,
    password_for: impl Fn(i64) -> Result<Option<String>, String>,
) -> switchboard_core::Result<Vec<Recovery>> {
    let mut outcomes = Vec::new();
    for reply in outbox::interrupted(store.pool(), ChannelKind::Email.as_str()).await? {
        let outbox_id = reply.outbox_id;
        let checked = async {
            let account = sending_account(store, &reply)
                .await
                .map_err(|e| e.to_string())?
                .ok_or("no email account to check the Sent folder of")?;
            let settings = EmailSettings::from_json(&account.settings_json)?;
            let password = password_for(account.id)?.unwrap_or_default();
            let message_id = reply.message_id.clone().ok_or("the reply has no Message-ID")?;
            let mut session = imap::connect(&settings.imap, &settings.username, &password)
                .await
                .map_err(|e| e.to_string())?;
            let folder = imap::sent_folder(&mut session, settings.sent_folder.as_deref())
                .await
                .map_err(|e| e.to_string())?;
            let found = imap::find_in_sent(&mut session, &folder, &message_id)
                .await
                .map_err(|e| e.to_string())?;
            let _ = session.logout().await;
            Ok::<_, String>(found)
        }
        .await;
        outcomes.push(match checked {
            Ok(true) => {
                outbox::set_state(store.pool(), outbox_id, OutboxState::Sent, None).await?;
                Recovery::AlreadySent { outbox_id }
            }
            Ok(false) => {
                outbox::retry_later(
                    store.pool(),
                    outbox_id,
                    "sending was interrupted; the reply is not in the Sent folder, so it is sent again",
                    0,
                )
                .await?;
                Recovery::Requeued { outbox_id }
            }
            Err(error) => Recovery::Unchecked { outbox_id, error },
        });
    }
    Ok(outcomes)
}

/// The account a reply leaves from: its own, else the first enabled email account.
async fn sending_account(
    store: &Store,
    reply: &outbox::OutgoingReply,
) -> switchboard_core::Result<Option<accounts::Account>> {
    match reply.account_id {
        Some(id) => accounts::get(store.pool(), id).await.map(Some),
        None => accounts::default_for(store.pool(), ChannelKind::Email).await,
    }
}
