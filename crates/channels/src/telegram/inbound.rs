//! Telegram updates as Switchboard messages: private chats only (a bot added to a group is not a
//! customer conversation), text or a caption, photos (the largest size) and documents as attachments,
//! edits recorded as a new message marked as an edit.

use switchboard_core::ingest::{InboundAttachment, InboundMessage};
use switchboard_core::model::ChannelKind;

use super::api::{ApiError, BotApi, MAX_DOWNLOAD, Message, Update};

/// The channel_message_id of a Telegram message: replies answer it, and dedup recognises it.
pub fn message_key(chat_id: i64, message_id: i64) -> String {
    format!("tg:{chat_id}:{message_id}")
}

/// The Telegram message id inside a channel_message_id made by `message_key`.
pub fn message_id_of(key: &str) -> Option<i64> {
    key.strip_prefix("tg:")?.rsplit_once(':')?.1.parse().ok()
}

/// Turns one update into a message (with files downloaded); `None` for what is not a customer's
/// private message.
pub async fn to_message(api: &BotApi, account_id: i64, update: &Update) -> Result<Option<InboundMessage>, ApiError> {
    let (message, edited) = match (&update.message, &update.edited_message) {
        (Some(m), _) => (m, false),
        (None, Some(m)) => (m, true),
        (None, None) => return Ok(None),
    };
    if message.chat.kind != "private" {
        return Ok(None);
    }
    let Some(from) = &message.from else { return Ok(None) };
    let mut name = from.first_name.clone();
    if let Some(last) = &from.last_name {
        name = format!("{name} {last}");
    }
    let text = message.text.clone().or(message.caption.clone()).unwrap_or_default();
    let (attachments, notes) = files(api, message).await?;
    let mut body = text.clone();
    for note in notes {
        body = if body.is_empty() {
            note
        } else {
            format!("{body}\n{note}")
        };
    }
    if edited {
        body = format!("(edited) {body}");
    }
    let key = message_key(message.chat.id, message.message_id);
    let at = message.edit_date.filter(|_| edited).unwrap_or(message.date) * 1000;
    Ok(Some(InboundMessage {
        channel: Some(ChannelKind::Telegram),
        account_id: Some(account_id),
        source_key: Some(if edited {
            format!("telegram:{account_id}:{key}:edit:{at}")
        } else {
            format!("telegram:{account_id}:{key}")
        }),
        message_id: Some(if edited { format!("{key}:edit:{at}") } else { key }),
        in_reply_to: None,
        references: Vec::new(),
        from_name: match &from.username {
            Some(username) => format!("{name} (@{username})"),
            None => name,
        },
        // A private chat's id is the user's id: where replies go.
        from_address: from.id.to_string(),
        subject: subject(&text, message),
        body_text: body,
        body_html: None,
        raw_headers: String::new(),
        sent_at: at,
        auto_generated: false,
        attachments,
    }))
}

fn subject(text: &str, message: &Message) -> String {
    crate::chat::subject_line(text).unwrap_or_else(|| match (&message.photo, &message.document) {
        (Some(_), _) => "Photo".into(),
        (_, Some(d)) => d.file_name.clone().unwrap_or_else(|| "Document".into()),
        _ => "Telegram message".into(),
    })
}

/// The message's files, and a line for each that could not be fetched (too large for a bot).
async fn files(api: &BotApi, message: &Message) -> Result<(Vec<InboundAttachment>, Vec<String>), ApiError> {
    let mut attachments = Vec::new();
    let mut notes = Vec::new();
    // Telegram sends each photo in several sizes, the largest last.
    if let Some(largest) = message.photo.as_ref().and_then(|sizes| sizes.last()) {
        let name = format!("photo-{}.jpg", message.message_id);
        if largest.file_size.unwrap_or(0) > MAX_DOWNLOAD {
            notes.push(format!("[{name} is larger than Telegram lets a bot download]"));
        } else {
            attachments.push(InboundAttachment {
                filename: name,
                content_type: "image/jpeg".into(),
                bytes: api.download(&largest.file_id).await?,
                inline: false,
                content_id: None,
            });
        }
    }
    if let Some(document) = &message.document {
        let name = document
            .file_name
            .clone()
            .unwrap_or_else(|| format!("file-{}", message.message_id));
        if document.file_size.unwrap_or(0) > MAX_DOWNLOAD {
            notes.push(format!("[{name} is larger than Telegram lets a bot download]"));
        } else {
            attachments.push(InboundAttachment {
                filename: name,
                content_type: document
                    .mime_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".into()),
                bytes: api.download(&document.file_id).await?,
                inline: false,
                content_id: None,
            });
        }
    }
    Ok((attachments, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_keys_round_trip() {
        assert_eq!(message_key(42, 7), "tg:42:7");
        assert_eq!(message_id_of("tg:42:7"), Some(7));
        assert_eq!(message_id_of("tg:-100:7"), Some(7));
        assert_eq!(message_id_of("sb-1-2@x"), None);
    }
}
