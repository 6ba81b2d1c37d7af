//! Telegram: a bot the business creates with @BotFather. Messages are pulled with long polling
//! (`getUpdates`), so no public address or webhook is needed behind an office router; the update offset
//! is the durable cursor. Replies go out through the outbox with `sendMessage`, `sendPhoto` and
//! `sendDocument`. The bot token lives in the OS keychain only.

pub mod api;
pub mod inbound;
pub mod outbound;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use switchboard_core::outbox::OutgoingReply;

use crate::channel::{Batch, Channel, SendFailure};
use api::{ApiError, BotApi, Update};

/// What an account remembers about its bot (never the token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TelegramSettings {
    /// The Bot API's address; the public one unless a self-hosted Bot API server is used.
    pub api_base: String,
    pub bot_id: i64,
    pub bot_username: String,
}

impl TelegramSettings {
    pub fn from_json(json: &str) -> Result<TelegramSettings, String> {
        serde_json::from_str(json).map_err(|e| format!("the Telegram account's settings are unreadable: {e}"))
    }
}

/// Checks a token with `getMe`: the bot it belongs to, or why it does not work.
pub async fn check_token(api_base: &str, token: &str) -> Result<TelegramSettings, String> {
    if !looks_like_token(token) {
        return Err("a bot token looks like 123456789:AA… — copy it from @BotFather".into());
    }
    let api = BotApi::new(api_base, token).map_err(|e| e.to_string())?;
    let me = api.get_me().await.map_err(|e| e.to_string())?;
    Ok(TelegramSettings {
        api_base: api_base.trim_end_matches('/').to_string(),
        bot_id: me.id,
        bot_username: me.username.unwrap_or(me.first_name),
    })
}

fn looks_like_token(token: &str) -> bool {
    let token = token.trim();
    token
        .split_once(':')
        .is_some_and(|(id, secret)| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && secret.len() >= 8)
}

/// One bot account as a `Channel`.
pub struct TelegramChannel {
    api: BotApi,
    account_id: i64,
    /// How long one `getUpdates` waits for news.
    pub long_poll: Duration,
    /// The first poll returns at once: what waited while the app was closed comes in, and the account
    /// shows it is connected, without a long poll's wait.
    polled: bool,
}

impl TelegramChannel {
    pub fn new(settings: &TelegramSettings, token: &str, account_id: i64) -> Result<TelegramChannel, String> {
        Ok(TelegramChannel {
            api: BotApi::new(&settings.api_base, token).map_err(|e| e.to_string())?,
            account_id,
            long_poll: Duration::from_secs(25),
            polled: false,
        })
    }
}

impl Channel for TelegramChannel {
    async fn fetch(&mut self, cursor: Option<&str>) -> Result<Batch, String> {
        let offset = cursor.and_then(|c| c.parse::<i64>().ok());
        let wait = if self.polled { self.long_poll } else { Duration::ZERO };
        let updates = self.api.get_updates(offset, wait).await.map_err(|e| e.to_string())?;
        self.polled = true;
        let mut batch = Batch {
            next_cursor: cursor.unwrap_or_default().to_string(),
            ..Batch::default()
        };
        for raw in updates {
            let bytes = serde_json::to_vec(&raw).unwrap_or_default();
            let update: Update = match serde_json::from_value(raw) {
                Ok(update) => update,
                Err(error) => {
                    // An update we cannot read must not block the ones after it: skip past it, loudly.
                    tracing::warn!(%error, "an unreadable Telegram update was skipped");
                    if let Some(id) = serde_json::from_slice::<Value>(&bytes)
                        .ok()
                        .and_then(|v| v.get("update_id").and_then(Value::as_i64))
                    {
                        batch.next_cursor = (id + 1).to_string();
                    }
                    continue;
                }
            };
            batch.next_cursor = (update.update_id + 1).to_string();
            if let Some(message) = inbound::to_message(&self.api, self.account_id, &update)
                .await
                .map_err(|e| e.to_string())?
            {
                batch.messages.push((message, bytes));
            }
        }
        Ok(batch)
    }

    async fn send(
        &mut self,
        reply: &OutgoingReply,
        files: &[(String, String, Vec<u8>)],
        parts_done: usize,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> Result<(), SendFailure> {
        let chat_id: i64 = reply
            .to_address
            .parse()
            .map_err(|_| SendFailure::Never("this customer has no Telegram chat to answer".into()))?;
        let reply_to = reply.in_reply_to.as_deref().and_then(inbound::message_id_of);
        let texts = outbound::split_text(&reply.body_text);
        let mut done = parts_done;
        for (i, text) in texts.iter().enumerate().skip(parts_done) {
            // Only the first part answers the customer's message; the rest follow it.
            let answer = if i == 0 { reply_to } else { None };
            self.api.send_message(chat_id, text, answer).await.map_err(failure)?;
            done = i + 1;
            progress(done);
        }
        for (j, (name, content_type, bytes)) in files.iter().enumerate() {
            if texts.len() + j < done {
                continue;
            }
            self.api
                .send_file(chat_id, name, content_type, bytes.clone())
                .await
                .map_err(failure)?;
            done = texts.len() + j + 1;
            progress(done);
        }
        Ok(())
    }
}

/// Whether a refused or failed call is worth repeating, and when.
fn failure(error: ApiError) -> SendFailure {
    match &error {
        ApiError::Refused {
            code: 429, retry_after, ..
        } => SendFailure::Later {
            error: error.to_string(),
            retry_in_ms: retry_after.unwrap_or(1).max(1) * 1000,
        },
        ApiError::Refused { code, .. } if *code >= 500 => SendFailure::Later {
            error: error.to_string(),
            retry_in_ms: 30_000,
        },
        // The customer blocked the bot, the chat is gone, the token was revoked: waiting will not help.
        ApiError::Refused { .. } => SendFailure::Never(error.to_string()),
        ApiError::Unreachable(_) => SendFailure::Later {
            error: error.to_string(),
            retry_in_ms: 30_000,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_for_shape_before_any_call() {
        assert!(looks_like_token("123456789:AAHk-example-secret"));
        assert!(!looks_like_token("not a token"));
        assert!(!looks_like_token("abc:AAHk-example-secret"));
        assert!(!looks_like_token("123:short"));
    }

    #[test]
    fn rate_limits_wait_as_asked_and_refusals_stop() {
        let limited = ApiError::Refused {
            code: 429,
            description: "Too Many Requests: retry after 7".into(),
            retry_after: Some(7),
        };
        assert!(matches!(failure(limited), SendFailure::Later { retry_in_ms: 7000, .. }));
        let blocked = ApiError::Refused {
            code: 403,
            description: "Forbidden: bot was blocked by the user".into(),
            retry_after: None,
        };
        assert!(matches!(failure(blocked), SendFailure::Never(_)));
    }
}
