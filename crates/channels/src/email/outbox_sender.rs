//! Delivers the email outbox: claims a queued reply, sends it through its account's SMTP server and
//! records the outcome. Temporary failures back off and retry; permanent ones wait for the agent.

use switchboard_core::model::{ChannelKind, OutboxState};
use switchboard_core::{Store, accounts, outbox};

use super::account::EmailSettings;
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
    let result = async {
        let account = match reply.account_id {
            Some(id) => Some(
                accounts::get(store.pool(), id)
                    .await
                    .map_err(|e| SendError::Permanent(e.to_string()))?,
            ),
            None => accounts::default_for(store.pool(), ChannelKind::Email)
                .await
                .map_err(|e| SendError::Temporary(e.to_string()))?,
        };
        let account = account.ok_or_else(|| {
            SendError::Temporary("no email account is configured to send from; add one in Settings".into())
        })?;
        let settings = EmailSettings::from_json(&account.settings_json).map_err(SendError::Permanent)?;
        let password = password_for(account.id).map_err(SendError::Temporary)?;
        let mut reply = reply.clone();
        // Replies go out from the account, whatever the agent's display settings say.
        reply.from_address = account.address.clone();
        reply.from_name = settings.display_name.clone();
        let message = smtp::build_message(&reply, &settings.signature)?;
        smtp::send(&settings.smtp, &settings.username, password.as_deref(), message).await
    }
    .await;
    let delivery = match result {
        Ok(()) => {
            outbox::set_state(store.pool(), outbox_id, OutboxState::Sent, None).await?;
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
