//! The loopback WeCom 微信客服 API (tests/servers/fake_wecom.py, written from WeCom's documentation) and
//! its test controls.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use base64::Engine;
use serde_json::{Value, json};

pub const CORP_ID: &str = "ww-test-corp";
pub const SECRET: &str = "test-secret";
pub const KFID: &str = "wk-test-kf";

pub struct FakeWecom {
    child: Child,
    pub port: u16,
    client: reqwest::Client,
    _log: tempfile::NamedTempFile,
}

impl Drop for FakeWecom {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start() -> FakeWecom {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = super::smtp_sink::free_port();
    let log = tempfile::NamedTempFile::new().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../channels/tests/servers/fake_wecom.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg(port.to_string())
        .arg(log.path())
        .env("FAKE_WECOM_CORPID", CORP_ID)
        .env("FAKE_WECOM_SECRET", SECRET)
        .env("FAKE_WECOM_KFID", KFID)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("ready"), "fake WeCom did not start: {line}");
    FakeWecom {
        child,
        port,
        client: reqwest::Client::new(),
        _log: log,
    }
}

impl FakeWecom {
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub async fn control(&self, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/_control/{path}", self.base());
        let request = match body {
            Some(body) => self.client.post(url).json(&body),
            None => self.client.get(url),
        };
        let response = request.send().await.unwrap();
        assert!(response.status().is_success(), "control {path}: {}", response.status());
        response.json().await.unwrap()
    }

    /// A customer writes text; `ago_s` seconds in the past.
    pub async fn customer_says(&self, user: &str, text: &str, ago_s: i64) {
        let now = chrono::Utc::now().timestamp();
        self.control(
            "message",
            Some(json!({ "external_userid": user, "msgtype": "text", "text": text, "send_time": now - ago_s })),
        )
        .await;
    }

    pub async fn customer_sends(&self, user: &str, msgtype: &str, bytes: &[u8], file_name: Option<&str>) {
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        let mut body = json!({ "external_userid": user, "msgtype": msgtype, "bytes_b64": b64 });
        if let Some(name) = file_name {
            body["file_name"] = json!(name);
        }
        self.control("message", Some(body)).await;
    }

    pub async fn sent(&self) -> Vec<Value> {
        self.control("sent", None).await.as_array().cloned().unwrap_or_default()
    }
}
