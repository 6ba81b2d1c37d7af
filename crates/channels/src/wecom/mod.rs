//! WeChat customer service (微信客服) through WeCom's API. A desktop app cannot receive WeCom's callback
//! behind an office router, so messages are pulled with `kf/sync_msg`, whose cursor is the durable
//! position; replies go out with `kf/send_msg` within WeChat's rules (48 hours after the customer's
//! last message, at most 5 replies to each). The secret lives in the OS keychain only.

pub mod api;

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use switchboard_core::ingest::{InboundAttachment, InboundMessage};
use switchboard_core::model::ChannelKind;
use switchboard_core::outbox::OutgoingReply;

use crate::channel::{Avatar, Batch, Channel, SendFailure};
use api::{ApiError, KfApi, MAX_TEXT_BYTES};

/// How long to wait between pulls when nothing is new (sync_msg does not wait for news).
const IDLE: Duration = Duration::from_secs(10);
/// Pages read in one pull before the cursor is stored.
const PAGES_PER_PULL: usize = 5;
/// Replies WeChat accepts per customer message.
pub const REPLIES_PER_MESSAGE: usize = 5;
/// How long after the customer's last message WeChat accepts replies.
pub const REPLY_WINDOW_MS: i64 = 48 * 3_600_000;

/// What a WeCom account remembers (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WecomSettings {
    pub api_base: String,
    pub corp_id: String,
    /// The customer-service account (客服账号) whose conversations are handled here.
    pub open_kfid: String,
}

impl WecomSettings {
    pub fn from_json(json: &str) -> Result<WecomSettings, String> {
        serde_json::from_str(json).map_err(|e| format!("the WeChat account's settings are unreadable: {e}"))
    }
}

/// Checks the corp ID, secret and account by fetching a token and reading the message stream once.
pub async fn check(settings: &WecomSettings, secret: &str) -> Result<(), String> {
    if settings.corp_id.trim().is_empty() || settings.open_kfid.trim().is_empty() || secret.trim().is_empty() {
        return Err("enter the corp ID, the customer-service app's secret and the account's open_kfid".into());
    }
    let mut api = KfApi::new(&settings.api_base, &settings.corp_id, secret).map_err(|e| e.to_string())?;
    api.check().await.map_err(|e| e.to_string())?;
    api.sync_msg(&settings.open_kfid, None)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

pub struct WecomChannel {
    api: KfApi,
    settings: WecomSettings,
    account_id: i64,
    /// Customers whose picture this run already fetched.
    pictured: std::collections::HashSet<String>,
}

impl WecomChannel {
    pub fn new(settings: &WecomSettings, secret: &str, account_id: i64) -> Result<WecomChannel, String> {
        Ok(WecomChannel {
            api: KfApi::new(&settings.api_base, &settings.corp_id, secret).map_err(|e| e.to_string())?,
            settings: settings.clone(),
            account_id,
            pictured: Default::default(),
        })
    }

    /// One synced message as a Switchboard message: only what customers sent (origin 3); media downloaded.
    async fn message_from(
        &mut self,
        raw: &Value,
        names: &HashMap<String, String>,
    ) -> Result<Option<InboundMessage>, String> {
        match raw.get("origin").and_then(Value::as_i64) {
            Some(3) => {}
            Some(4) => return Ok(self.event_from(raw, names)),
            // What servicers typed in the WeCom client (5) is not a customer message.
            _ => return Ok(None),
        }
        let (Some(msgid), Some(user)) = (
            raw.get("msgid").and_then(Value::as_str),
            raw.get("external_userid").and_then(Value::as_str),
        ) else {
            return Ok(None);
        };
        let kind = raw.get("msgtype").and_then(Value::as_str).unwrap_or("");
        let mut body = String::new();
        let mut attachments = Vec::new();
        match kind {
            "text" => {
                body = raw
                    .pointer("/text/content")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            }
            "image" | "voice" | "video" | "file" => {
                let media_id = raw
                    .pointer(&format!("/{kind}/media_id"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                match self.api.media(media_id).await {
                    Ok((bytes, name, content_type)) => {
                        let extension = match kind {
                            "image" => "jpg",
                            "voice" => "amr",
                            "video" => "mp4",
                            _ => "bin",
                        };
                        attachments.push(InboundAttachment {
                            filename: name.unwrap_or_else(|| format!("{kind}-{msgid}.{extension}")),
                            content_type,
                            bytes,
                            inline: false,
                            content_id: None,
                        });
                    }
                    // Media expire after 3 days: say so rather than lose the message.
                    Err(ApiError::Refused { code: 40007, .. }) => {
                        body = format!("[{kind} no longer available from WeChat]");
                    }
                    Err(error) => return Err(error.to_string()),
                }
            }
            other => body = format!("[{other} message]"),
        }
        let name = names
            .get(user)
            .filter(|n| !n.is_empty())
            .cloned()
            .unwrap_or_else(|| "WeChat customer".into());
        let subject = match kind {
            "text" => crate::chat::subject_line(&body).unwrap_or_else(|| "WeChat message".into()),
            "image" => "Image".into(),
            "voice" => "Voice message".into(),
            "video" => "Video".into(),
            "file" => attachments
                .first()
                .map_or_else(|| "File".into(), |a| a.filename.clone()),
            other => format!("WeChat {other}"),
        };
        let sent_at = raw.get("send_time").and_then(Value::as_i64).unwrap_or(0) * 1000;
        Ok(Some(InboundMessage {
            channel: Some(ChannelKind::Wechat),
            account_id: Some(self.account_id),
            source_key: Some(format!("wecom:{}:{msgid}", self.account_id)),
            message_id: Some(format!("wx:{msgid}")),
            in_reply_to: None,
            references: Vec::new(),
            from_name: name,
            from_address: user.to_string(),
            subject,
            body_text: body,
            body_html: None,
            raw_headers: String::new(),
            sent_at,
            auto_generated: false,
            attachments,
        }))
    }
}

impl WecomChannel {
    /// A system event about a customer's conversation, kept as a marked (automatic) message in it so the
    /// agent sees it in the timeline: it never opens a ticket of its own, runs no rules and costs no
    /// model call. Events about servicers only are left out.
    fn event_from(&self, raw: &Value, names: &HashMap<String, String>) -> Option<InboundMessage> {
        let msgid = raw.get("msgid").and_then(Value::as_str)?;
        let event = raw.get("event")?;
        let field = |name: &str| event.get(name).and_then(Value::as_str).unwrap_or("");
        let user = event.get("external_userid").and_then(Value::as_str)?;
        let (subject, body) = match field("event_type") {
            "enter_session" => {
                let from = [field("scene"), field("scene_param")]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" / ");
                let body = if from.is_empty() {
                    "The customer opened the WeChat chat.".to_string()
                } else {
                    format!("The customer opened the WeChat chat (from {from}).")
                };
                ("Opened the chat", body)
            }
            "user_recall_msg" => (
                "Message recalled",
                "The customer recalled a message in WeChat; it stays here as it was received.".to_string(),
            ),
            // The reason codes of these two events are not in the pages we could read: shown as numbers.
            "msg_send_fail" => (
                "A reply was not delivered",
                format!(
                    "WeChat reports that a reply could not be delivered to the customer (fail_type {}). Check the conversation in WeCom and send it again once possible.",
                    event.get("fail_type").map_or_else(|| "?".into(), Value::to_string)
                ),
            ),
            "session_status_change" => (
                "Conversation changed in WeCom",
                format!(
                    "The conversation's state was changed in WeCom (change_type {}): it may have been taken, transferred or ended by a servicer there.",
                    event.get("change_type").map_or_else(|| "?".into(), Value::to_string)
                ),
            ),
            _ => return None,
        };
        Some(InboundMessage {
            channel: Some(ChannelKind::Wechat),
            account_id: Some(self.account_id),
            source_key: Some(format!("wecom:{}:{msgid}", self.account_id)),
            message_id: Some(format!("wx:{msgid}")),
            in_reply_to: None,
            references: Vec::new(),
            from_name: names
                .get(user)
                .filter(|n| !n.is_empty())
                .cloned()
                .unwrap_or_else(|| "WeChat customer".into()),
            from_address: user.to_string(),
            subject: subject.to_string(),
            body_text: body,
            body_html: None,
            raw_headers: String::new(),
            sent_at: raw.get("send_time").and_then(Value::as_i64).unwrap_or(0) * 1000,
            auto_generated: true,
            attachments: Vec::new(),
        })
    }
}

/// Text in parts of at most 2,048 bytes, cut at a line or space break when there is one.
pub fn split_text(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if rest.len() <= MAX_TEXT_BYTES {
            parts.push(rest.to_string());
            break;
        }
        let mut fit = MAX_TEXT_BYTES;
        while !rest.is_char_boundary(fit) {
            fit -= 1;
        }
        let head = &rest[..fit];
        let cut = ["\n\n", "\n", " ", "。"]
            .iter()
            .filter_map(|sep| head.rfind(sep).map(|at| at + if *sep == "。" { sep.len() } else { 0 }))
            .find(|&at| at > fit / 2)
            .unwrap_or(fit);
        parts.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    parts
}

impl Channel for WecomChannel {
    async fn fetch(&mut self, cursor: Option<&str>) -> Result<Batch, String> {
        let mut next = cursor.unwrap_or_default().to_string();
        let mut raws = Vec::new();
        for _ in 0..PAGES_PER_PULL {
            let page = self
                .api
                .sync_msg(&self.settings.open_kfid, Some(&next))
                .await
                .map_err(|e| e.to_string())?;
            if let Some(cursor) = page.next_cursor.filter(|c| !c.is_empty()) {
                next = cursor;
            }
            raws.extend(page.msg_list);
            if page.has_more == 0 {
                break;
            }
        }
        // Nicknames of the customers in this batch, in one lookup (allowed for 48 hours after they wrote).
        let mut users: Vec<String> = raws
            .iter()
            .filter_map(|m| {
                m.get("external_userid")
                    .or_else(|| m.pointer("/event/external_userid"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .collect();
        users.sort();
        users.dedup();
        let customers = match self.api.customers(&users).await {
            Ok(found) => found,
            Err(error) => {
                tracing::warn!(%error, "WeChat nicknames could not be looked up");
                Vec::new()
            }
        };
        let mut batch = Batch {
            next_cursor: next,
            ..Batch::default()
        };
        // Each customer's picture once per run: WeChat serves it from its own image server.
        for customer in &customers {
            if customer.avatar.is_empty() || !self.pictured.insert(customer.external_userid.clone()) {
                continue;
            }
            match self.api.picture(&customer.avatar).await {
                Ok((bytes, content_type)) => batch.avatars.push(Avatar {
                    channel: ChannelKind::Wechat,
                    address: customer.external_userid.clone(),
                    bytes,
                    content_type,
                }),
                Err(error) => tracing::warn!(%error, "a WeChat customer's picture could not be fetched"),
            }
        }
        let names: HashMap<String, String> = customers.into_iter().map(|c| (c.external_userid, c.nickname)).collect();
        for raw in &raws {
            if let Some(message) = self.message_from(raw, &names).await? {
                batch
                    .messages
                    .push((message, serde_json::to_vec(raw).unwrap_or_default()));
            }
        }
        Ok(batch)
    }

    fn idle_wait(&self) -> Duration {
        IDLE
    }

    async fn send(
        &mut self,
        reply: &OutgoingReply,
        files: &[(String, String, Vec<u8>)],
        parts_done: usize,
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> Result<(), SendFailure> {
        let parts = split_text(&reply.body_text);
        let mut uploads = Vec::new();
        for (name, content_type, bytes) in files {
            uploads.push((
                media_kind(name, content_type, bytes.len()).map_err(SendFailure::Never)?,
                name,
                content_type,
                bytes,
            ));
        }
        let messages = parts.len() + uploads.len();
        if messages > REPLIES_PER_MESSAGE {
            return Err(SendFailure::Never(format!(
                "this reply needs {messages} WeChat messages (text and files); WeChat allows {REPLIES_PER_MESSAGE} per customer message — shorten it or send fewer files"
            )));
        }
        // The text first, then each file as its own message; `parts_done` counts both.
        for (i, text) in parts.iter().enumerate().skip(parts_done) {
            self.api
                .send_text(&self.settings.open_kfid, &reply.to_address, text)
                .await
                .map_err(failure)?;
            progress(i + 1);
        }
        for (i, (kind, name, content_type, bytes)) in uploads.into_iter().enumerate() {
            let done = parts.len() + i;
            if done < parts_done {
                continue;
            }
            let media_id = self
                .api
                .upload(kind, name, content_type, bytes)
                .await
                .map_err(failure)?;
            self.api
                .send_media(&self.settings.open_kfid, &reply.to_address, kind, &media_id)
                .await
                .map_err(failure)?;
            progress(done + 1);
        }
        Ok(())
    }
}

/// How WeChat takes a file: JPEG and PNG up to 10 MB as a picture, anything else up to 20 MB as a file
/// (media/upload's limits; every file must be over 5 bytes).
pub fn media_kind(name: &str, content_type: &str, size: usize) -> Result<&'static str, String> {
    const MB: usize = 1 << 20;
    let picture = matches!(content_type, "image/jpeg" | "image/png")
        && [".jpg", ".jpeg", ".png"]
            .iter()
            .any(|ext| name.to_lowercase().ends_with(ext));
    match size {
        0..=5 => Err(format!("WeChat does not take files of 5 bytes or less: {name}")),
        _ if picture && size <= 10 * MB => Ok("image"),
        _ if size <= 20 * MB => Ok("file"),
        _ => Err(format!(
            "{name} is over WeChat's 20 MB limit for files; share it another way"
        )),
    }
}

fn failure(error: ApiError) -> SendFailure {
    match &error {
        ApiError::Refused { code: 45009, .. } => SendFailure::Later {
            error: error.to_string(),
            retry_in_ms: 60_000,
        },
        ApiError::Refused { code, .. } if *code == -1 => SendFailure::Later {
            error: error.to_string(),
            retry_in_ms: 30_000,
        },
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
    fn text_splits_within_2048_bytes() {
        let chinese = "您好，".repeat(400); // 3,600 bytes
        let parts = split_text(&chinese);
        assert!(parts.len() == 2 && parts.iter().all(|p| p.len() <= MAX_TEXT_BYTES));
        assert_eq!(parts.concat(), chinese.trim());
        assert_eq!(split_text("short"), vec!["short".to_string()]);
    }

    #[test]
    fn pictures_go_as_images_and_the_rest_as_files_within_the_limits() {
        assert_eq!(media_kind("photo.JPG", "image/jpeg", 50_000), Ok("image"));
        assert_eq!(media_kind("scan.png", "image/png", 11 << 20), Ok("file"));
        assert_eq!(media_kind("drawing.svg", "image/svg+xml", 900), Ok("file"));
        assert_eq!(media_kind("invoice.pdf", "application/pdf", 20 << 20), Ok("file"));
        assert!(
            media_kind("huge.zip", "application/zip", (20 << 20) + 1)
                .unwrap_err()
                .contains("20 MB")
        );
        assert!(media_kind("tiny.txt", "text/plain", 5).is_err());
    }
}
