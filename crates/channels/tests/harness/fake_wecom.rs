//! The loopback WeCom 微信客服 API (tests/servers/fake_wecom.py, written from WeCom's documentation) and
//! its test controls.

#![allow(dead_code)]

use base64::Engine;
use serde_json::{Value, json};

use super::loopback::FakeApi;

pub const CORP_ID: &str = "ww-test-corp";
pub const SECRET: &str = "test-secret";
pub const KFID: &str = "wk-test-kf";

pub struct FakeWecom {
    api: FakeApi,
}

/// The port, base address and control calls.
impl std::ops::Deref for FakeWecom {
    type Target = FakeApi;

    fn deref(&self) -> &FakeApi {
        &self.api
    }
}

pub fn start() -> FakeWecom {
    FakeWecom {
        api: FakeApi::start(
            "fake_wecom.py",
            &[
                ("FAKE_WECOM_CORPID", CORP_ID),
                ("FAKE_WECOM_SECRET", SECRET),
                ("FAKE_WECOM_KFID", KFID),
            ],
        ),
    }
}

impl FakeWecom {
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
