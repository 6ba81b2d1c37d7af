//! The loopback Telegram Bot API (tests/servers/fake_telegram.py, written from the Bot API documentation)
//! and its test controls.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use base64::Engine;
use serde_json::{Value, json};

pub const TOKEN: &str = "123456:TEST-token";

pub struct FakeTelegram {
    child: Child,
    pub port: u16,
    client: reqwest::Client,
    _log: tempfile::NamedTempFile,
}

impl Drop for FakeTelegram {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start() -> FakeTelegram {
    // The crate's reqwest has no default TLS provider (the app installs ring); the test client needs one too.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = super::smtp_sink::free_port();
    let log = tempfile::NamedTempFile::new().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../channels/tests/servers/fake_telegram.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg(port.to_string())
        .arg(log.path())
        .env("FAKE_TELEGRAM_TOKEN", TOKEN)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("ready"), "fake Telegram did not start: {line}");
    FakeTelegram {
        child,
        port,
        client: reqwest::Client::new(),
        _log: log,
    }
}

impl FakeTelegram {
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn control(&self, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/_control/{path}", self.base());
        let request = match body {
            Some(body) => self.client.post(url).json(&body),
            None => self.client.get(url),
        };
        let response = request.send().await.unwrap();
        assert!(response.status().is_success(), "control {path}: {}", response.status());
        response.json().await.unwrap()
    }

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
