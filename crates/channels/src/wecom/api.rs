//! The WeCom 微信客服 API (https://developer.work.weixin.qq.com/document/path/94670 and neighbours): an
//! access token from `gettoken` (refreshed before it expires, and at once when WeCom says it expired),
//! JSON bodies, and every answer's `errcode` / `errmsg`.

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub const DEFAULT_API_BASE: &str = "https://qyapi.weixin.qq.com";
/// Longest text one message may carry, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 2048;

/// A failed call: WeCom's error code, or no answer at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    Refused { code: i64, message: String },
    Unreachable(String),
}

impl ApiError {
    /// The access token is no longer good: fetch another and try once more.
    pub fn token_expired(&self) -> bool {
        matches!(
            self,
            ApiError::Refused {
                code: 40014 | 42001 | 41001,
                ..
            }
        )
    }
}

/// Error codes in the agent's words (全局错误码 and the 微信客服 pages); WeCom's own text as a fallback.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ApiError::Refused { code, message } = self else {
            let ApiError::Unreachable(e) = self else { unreachable!() };
            return write!(f, "WeCom cannot be reached: {e}");
        };
        let plain = match code {
            40001 => "WeCom does not accept this secret; copy the customer-service app's secret again",
            40013 => "WeCom does not know this corp ID; check it in the admin console (My company)",
            40014 | 42001 | 41001 => "the access token was refused; a new one is fetched",
            45009 => "WeCom's rate limit was reached; trying again shortly",
            95000 => "WeCom does not know this customer-service account (open_kfid)",
            95001 => "WeChat allows at most 5 replies to each customer message; the customer has to write again first",
            95002 => {
                "the 48-hour reply window has closed; WeChat lets you answer only within 48 hours of the customer's last message"
            }
            40004..=40006 => "WeChat does not accept this file (its type or size)",
            95018 => "this conversation is not being served by the API (its session state changed in WeCom)",
            40096 => "this WeChat customer is unknown to the customer-service account",
            _ => return write!(f, "WeCom refused ({code}): {message}"),
        };
        f.write_str(plain)
    }
}

#[derive(Deserialize)]
struct Status {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SyncPage {
    pub next_cursor: Option<String>,
    #[serde(default)]
    pub has_more: i64,
    #[serde(default)]
    pub msg_list: Vec<Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Customer {
    pub external_userid: String,
    #[serde(default)]
    pub nickname: String,
    #[serde(default)]
    pub avatar: String,
}

#[derive(Deserialize)]
struct Customers {
    #[serde(default)]
    customer_list: Vec<Customer>,
}

#[derive(Deserialize)]
struct Token {
    access_token: String,
    expires_in: u64,
}

/// One customer-service app of one corp, reached through `base`.
pub struct KfApi {
    client: reqwest::Client,
    base: String,
    corp_id: String,
    secret: String,
    token: Option<(String, Instant)>,
}

impl KfApi {
    pub fn new(base: &str, corp_id: &str, secret: &str) -> Result<KfApi, ApiError> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(15))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        Ok(KfApi {
            client,
            base: base.trim_end_matches('/').to_string(),
            corp_id: corp_id.trim().to_string(),
            secret: secret.trim().to_string(),
            token: None,
        })
    }

    /// A valid access token: the cached one until five minutes before it expires.
    async fn token(&mut self) -> Result<String, ApiError> {
        if let Some((token, until)) = &self.token
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let url = format!("{}/cgi-bin/gettoken", self.base);
        let response = self
            .client
            .get(url)
            .query(&[("corpid", self.corp_id.as_str()), ("corpsecret", self.secret.as_str())])
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(without_secret(&e.to_string(), &self.secret)))?;
        let token: Token = decode(response).await?;
        let lifetime = Duration::from_secs(token.expires_in.saturating_sub(300).max(60));
        self.token = Some((token.access_token.clone(), Instant::now() + lifetime));
        Ok(token.access_token)
    }

    /// Calls `path` with a JSON body; an expired token is replaced and the call made once more.
    async fn post<T: DeserializeOwned>(&mut self, path: &str, body: &Value) -> Result<T, ApiError> {
        for attempt in 0..2 {
            let token = self.token().await?;
            let url = format!("{}{path}", self.base);
            let response = self
                .client
                .post(url)
                .query(&[("access_token", token.as_str())])
                .json(body)
                .send()
                .await
                .map_err(|e| ApiError::Unreachable(without_secret(&e.to_string(), &token)))?;
            match decode(response).await {
                Err(error) if error.token_expired() && attempt == 0 => self.token = None,
                other => return other,
            }
        }
        unreachable!("the loop returns on its second pass")
    }

    /// Checks the corp ID and secret by fetching a token.
    pub async fn check(&mut self) -> Result<(), ApiError> {
        self.token = None;
        self.token().await.map(|_| ())
    }

    /// Messages after `cursor` (all of the last 3 days without one), up to 1,000.
    pub async fn sync_msg(&mut self, open_kfid: &str, cursor: Option<&str>) -> Result<SyncPage, ApiError> {
        let mut body = json!({ "open_kfid": open_kfid, "limit": 1000 });
        if let Some(cursor) = cursor.filter(|c| !c.is_empty()) {
            body["cursor"] = json!(cursor);
        }
        self.post("/cgi-bin/kf/sync_msg", &body).await
    }

    /// Nicknames (and avatars) of customers who wrote in the last 48 hours.
    pub async fn customers(&mut self, ids: &[String]) -> Result<Vec<Customer>, ApiError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let found: Customers = self
            .post(
                "/cgi-bin/kf/customer/batchget",
                &json!({ "external_userid_list": ids.iter().take(100).collect::<Vec<_>>() }),
            )
            .await?;
        Ok(found.customer_list)
    }

    /// A temporary media file's bytes and its name (from Content-disposition).
    pub async fn media(&mut self, media_id: &str) -> Result<(Vec<u8>, Option<String>, String), ApiError> {
        for attempt in 0..2 {
            let token = self.token().await?;
            let url = format!("{}/cgi-bin/media/get", self.base);
            let response = self
                .client
                .get(url)
                .query(&[("access_token", token.as_str()), ("media_id", media_id)])
                .send()
                .await
                .map_err(|e| ApiError::Unreachable(without_secret(&e.to_string(), &token)))?;
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("application/octet-stream")
                .to_string();
            // An error is JSON; a file is anything else.
            if content_type.starts_with("application/json") || content_type.starts_with("text/plain") {
                match decode::<Value>(response).await {
                    Err(error) if error.token_expired() && attempt == 0 => {
                        self.token = None;
                        continue;
                    }
                    Err(error) => return Err(error),
                    Ok(_) => return Err(ApiError::Unreachable("media/get answered without the file".into())),
                }
            }
            let name = response
                .headers()
                .get("content-disposition")
                .and_then(|v| v.to_str().ok())
                .and_then(file_name);
            let bytes = response
                .bytes()
                .await
                .map_err(|e| ApiError::Unreachable(e.to_string()))?;
            return Ok((bytes.to_vec(), name, content_type));
        }
        unreachable!("the loop returns on its second pass")
    }

    /// A customer's picture from the address `kf/customer/batchget` gave (WeChat's image server, no
    /// token): at most 256 KB, and only a JPEG, PNG, GIF or WebP.
    pub async fn picture(&self, url: &str) -> Result<(Vec<u8>, String), ApiError> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(ApiError::Unreachable(
                "the picture's address is not a web address".into(),
            ));
        }
        let mut response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        if !response.status().is_success() {
            return Err(ApiError::Unreachable(format!(
                "the picture answered HTTP {}",
                response.status()
            )));
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| ApiError::Unreachable(e.to_string()))?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > switchboard_core::customers::MAX_AVATAR_BYTES {
                return Err(ApiError::Unreachable(format!(
                    "the picture is over {} KB",
                    switchboard_core::customers::MAX_AVATAR_BYTES / 1024
                )));
            }
        }
        Ok((bytes, content_type))
    }

    /// Sends one text message to a customer; returns its msgid.
    pub async fn send_text(&mut self, open_kfid: &str, to: &str, text: &str) -> Result<String, ApiError> {
        self.send_msg(json!({ "touser": to, "open_kfid": open_kfid, "msgtype": "text", "text": { "content": text } }))
            .await
    }

    /// Sends an uploaded file (`kind` image or file) to a customer; returns its msgid.
    pub async fn send_media(
        &mut self,
        open_kfid: &str,
        to: &str,
        kind: &str,
        media_id: &str,
    ) -> Result<String, ApiError> {
        self.send_msg(json!({ "touser": to, "open_kfid": open_kfid, "msgtype": kind, kind: { "media_id": media_id } }))
            .await
    }

    async fn send_msg(&mut self, body: Value) -> Result<String, ApiError> {
        #[derive(Deserialize)]
        struct Sent {
            #[serde(default)]
            msgid: String,
        }
        let sent: Sent = self.post("/cgi-bin/kf/send_msg", &body).await?;
        Ok(sent.msgid)
    }

    /// Uploads a temporary file (media/upload, kept 3 days) for a message; returns its media_id. `file_name`
    /// is what the customer sees.
    pub async fn upload(
        &mut self,
        kind: &str,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<String, ApiError> {
        #[derive(Deserialize)]
        struct Uploaded {
            media_id: String,
        }
        for attempt in 0..2 {
            let token = self.token().await?;
            let part = reqwest::multipart::Part::bytes(bytes.to_vec())
                .file_name(file_name.to_string())
                .mime_str(content_type)
                .or_else(|_| {
                    reqwest::multipart::Part::bytes(bytes.to_vec())
                        .file_name(file_name.to_string())
                        .mime_str("application/octet-stream")
                })
                .map_err(|e| ApiError::Unreachable(e.to_string()))?;
            let response = self
                .client
                .post(format!("{}/cgi-bin/media/upload", self.base))
                .query(&[("access_token", token.as_str()), ("type", kind)])
                .multipart(reqwest::multipart::Form::new().part("media", part))
                .send()
                .await
                .map_err(|e| ApiError::Unreachable(without_secret(&e.to_string(), &token)))?;
            match decode::<Uploaded>(response).await {
                Err(error) if error.token_expired() && attempt == 0 => self.token = None,
                other => return other.map(|u| u.media_id),
            }
        }
        unreachable!("the loop returns on its second pass")
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ApiError> {
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|e| ApiError::Unreachable(e.to_string()))?;
    let head: Status = serde_json::from_slice(&body)
        .map_err(|_| ApiError::Unreachable(format!("an answer that is not WeCom's (HTTP {status})")))?;
    if head.errcode != 0 {
        return Err(ApiError::Refused {
            code: head.errcode,
            message: head.errmsg,
        });
    }
    serde_json::from_slice(&body).map_err(|e| ApiError::Unreachable(format!("an answer of an unexpected shape: {e}")))
}

/// The file name of a Content-disposition header: `filename*=UTF-8''…` when given, else `filename="…"`.
pub fn file_name(disposition: &str) -> Option<String> {
    let mut plain = None;
    for part in disposition.split(';').map(str::trim) {
        if let Some(encoded) = part.strip_prefix("filename*=UTF-8''") {
            return Some(percent_decode(encoded));
        }
        if let Some(name) = part.strip_prefix("filename=") {
            plain = Some(name.trim_matches('"').to_string());
        }
    }
    plain
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// URLs in network errors carry the secret or the token: never let them reach a log or the UI.
fn without_secret(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        text.to_string()
    } else {
        text.replace(secret, "<secret>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_prefer_the_utf8_form() {
        assert_eq!(
            file_name("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E5%8F%91%E7%A5%A8.pdf").as_deref(),
            Some("发票.pdf")
        );
        assert_eq!(file_name("attachment; filename=\"a.jpg\"").as_deref(), Some("a.jpg"));
        assert_eq!(file_name("inline"), None);
    }

    #[test]
    fn window_and_quota_errors_are_explained() {
        let closed = ApiError::Refused {
            code: 95002,
            message: "send msg time limit".into(),
        };
        assert!(closed.to_string().contains("48-hour"));
        let quota = ApiError::Refused {
            code: 95001,
            message: String::new(),
        };
        assert!(quota.to_string().contains("at most 5 replies"));
        assert!(
            ApiError::Refused {
                code: 42001,
                message: String::new()
            }
            .token_expired()
        );
    }
}
