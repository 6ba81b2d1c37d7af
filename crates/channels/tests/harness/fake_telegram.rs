//! The loopback Telegram Bot API (tests/servers/fake_telegram.py, written from the Bot API documentation)
//! and its test controls.

#![allow(dead_code)]

use base64::Engine;
use serde_json::{Value, json};

use super::loopback::FakeApi;

pub const TOKEN: &str = "123456:TEST-token";

pub struct FakeTelegram {
    api: FakeApi,
}

/// The port, base address and control calls.
impl std::ops::Deref for FakeTelegram {
    type Target = FakeApi;

    fn deref(&self) -> &FakeApi {
        &self.api
    }
}

pub fn start() -> FakeTelegram {
    FakeTelegram {
        api: FakeApi::start("fake_telegram.py", &[("FAKE_TELEGRAM_TOKEN", TOKEN)]),
    }
}

impl FakeTelegram {
    /// A customer writes to the bot in a private chat; returns the message id.
    pub async fn customer_says(&self, user_id: i64, first_name: &str, text: &str) -> i64 {
        let sent = self
            .control(
                "message",
                Some(json!({ "chat_id": user_id, "user": { "id": user_id, "first_name": first_name }, "text": text })),
            )
            .await;
        sent["message_id"].as_i64().unwrap()
    }

    pub async fn customer_sends_photo(&self, user_id: i64, first_name: &str, bytes: &[u8], caption: &str) -> i64 {
        let photo = json!({ "width": 640, "height": 480 });
        self.customer_sends(
            user_id,
            first_name,
            "photo",
            photo,
            bytes,
            json!({ "caption": caption }),
        )
        .await
    }

    pub async fn customer_sends_document(&self, user_id: i64, first_name: &str, bytes: &[u8], name: &str) -> i64 {
        let document = json!({ "file_name": name, "mime_type": "application/pdf" });
        self.customer_sends(user_id, first_name, "document", document, bytes, json!({}))
            .await
    }

    /// A photo or document (`kind`), with its bytes, and any other message fields in `extra`.
    async fn customer_sends(
        &self,
        user_id: i64,
        name: &str,
        kind: &str,
        mut file: Value,
        bytes: &[u8],
        mut extra: Value,
    ) -> i64 {
        file["bytes_b64"] = json!(base64::engine::general_purpose::STANDARD.encode(bytes));
        extra["chat_id"] = json!(user_id);
        extra["user"] = json!({ "id": user_id, "first_name": name });
        extra[kind] = file;
        self.control("message", Some(extra)).await["message_id"]
            .as_i64()
            .unwrap()
    }

    pub async fn customer_edits(&self, user_id: i64, message_id: i64, text: &str) {
        self.control(
            "edit",
            Some(json!({ "chat_id": user_id, "message_id": message_id, "text": text })),
        )
        .await;
    }

    /// Everything the bot sent.
    pub async fn sent(&self) -> Vec<Value> {
        self.control("sent", None).await.as_array().cloned().unwrap_or_default()
    }

    /// The next `count` calls of `method` fail with `error_code` (429 with `retry_after`).
    pub async fn fail(&self, method: &str, count: u32, error_code: u16, description: &str, retry_after: Option<u32>) {
        let mut body =
            json!({ "method": method, "count": count, "error_code": error_code, "description": description });
        if let Some(after) = retry_after {
            body["retry_after"] = json!(after);
        }
        self.control("fail", Some(body)).await;
    }

    pub async fn state(&self) -> Value {
        self.control("state", None).await
    }
}
