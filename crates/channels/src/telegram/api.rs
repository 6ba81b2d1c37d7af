//! The Telegram Bot API over HTTPS (https://core.telegram.org/bots/api): JSON requests, the
//! `{ok, result | error_code, description, parameters}` envelope, uploads as multipart/form-data.

use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub const DEFAULT_API_BASE: &str = "https://api.telegram.org";
/// Longest a text message may be ("1-4096 characters after entities parsing").
pub const MAX_TEXT: usize = 4096;
/// Largest file a bot may download with getFile.
pub const MAX_DOWNLOAD: i64 = 20 * 1024 * 1024;

/// A failed call, as the API or the network reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The API refused: its error code, its description, and for 429 how long to wait.
    Refused {
        code: i64,
        description: String,
        retry_after: Option<i64>,
    },
    /// No answer (no network, timeout, a proxy's HTML page).
    Unreachable(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Refused { code: 401, .. } | ApiError::Refused { code: 404, .. } => {
                write!(
                    f,
                    "Telegram does not accept this bot token; copy it again from @BotFather"
                )
            }
            ApiError::Refused {
                code: 409, description, ..
            } => write!(
                f,
                "another program is reading this bot's messages (webhook or a second copy): {description}"
            ),
            ApiError::Refused {
                code: 429, retry_after, ..
            } => write!(
                f,
                "Telegram asks to slow down; trying again in {} s",
                retry_after.unwrap_or(1)
            ),
            ApiError::Refused { code, description, .. } => write!(f, "Telegram refused ({code}): {description}"),
            ApiError::Unreachable(e) => write!(f, "Telegram cannot be reached: {e}"),
        }
    }
}

#[derive(Deserialize)]
struct Envelope {
    ok: bool,
    result: Option<Value>,
    error_code: Option<i64>,
    description: Option<String>,
    parameters: Option<ResponseParameters>,
}

#[derive(Deserialize)]
struct ResponseParameters {
    retry_after: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub id: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Update {
    pub update_id: i64,
    pub message: Option<Message>,
    pub edited_message: Option<Message>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Chat {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    pub message_id: i64,
    pub date: i64,
    pub chat: Chat,
    pub from: Option<User>,
    pub text: Option<String>,
    pub caption: Option<String>,
    pub photo: Option<Vec<PhotoSize>>,
    pub document: Option<Document>,
    pub edit_date: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PhotoSize {
    pub file_id: String,
    pub width: i64,
    pub height: i64,
    pub file_size: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Document {
    pub file_id: String,
    pub file_name: Option<String>,
    pub mime_type: Option<String>,
    pub file_size: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
struct File {
    file_path: Option<String>,
}

/// A bot, reached through `base` (the public API, or a loopback fake in tests).
#[derive(Clone)]
pub struct BotApi {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl BotApi {
    pub fn new(base: &str, token: &str) -> Result<BotApi, ApiError> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        Ok(BotApi {
            client,
            base: base.trim_end_matches('/').to_string(),
            token: token.trim().to_string(),
        })
    }

    async fn call<T: DeserializeOwned>(&self, method: &str, params: Value, wait: Duration) -> Result<T, ApiError> {
        let url = format!("{}/bot{}/{method}", self.base, self.token);
        let response = self
            .client
            .post(url)
            .json(&params)
            .timeout(wait + Duration::from_secs(15))
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(without_token(&e.to_string(), &self.token)))?;
        decode(response).await
    }

    pub async fn get_me(&self) -> Result<User, ApiError> {
        self.call("getMe", json!({}), Duration::ZERO).await
    }

    /// Updates from `offset` on, waiting up to `timeout` for one to arrive (long polling). Calling with
    /// a higher offset confirms, and makes Telegram forget, every update below it.
    pub async fn get_updates(&self, offset: Option<i64>, timeout: Duration) -> Result<Vec<Value>, ApiError> {
        let mut params = json!({
            "timeout": timeout.as_secs(),
            "limit": 100,
            "allowed_updates": ["message", "edited_message"],
        });
        if let Some(offset) = offset {
            params["offset"] = json!(offset);
        }
        self.call("getUpdates", params, timeout).await
    }

    /// A file's bytes, by its file_id (getFile, then the file URL).
    pub async fn download(&self, file_id: &str) -> Result<Vec<u8>, ApiError> {
        let file: File = self
            .call("getFile", json!({ "file_id": file_id }), Duration::ZERO)
            .await?;
        let path = file.file_path.ok_or_else(|| ApiError::Refused {
            code: 400,
            description: "the file is not available for download".into(),
            retry_after: None,
        })?;
        let url = format!("{}/file/bot{}/{path}", self.base, self.token);
        let response = self
            .client
            .get(url)
            .timeout(Duration::from_secs(120))
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(without_token(&e.to_string(), &self.token)))?;
        if !response.status().is_success() {
            return Err(ApiError::Refused {
                code: i64::from(response.status().as_u16()),
                description: "the file could not be downloaded".into(),
                retry_after: None,
            });
        }
        Ok(response
            .bytes()
            .await
            .map_err(|e| ApiError::Unreachable(e.to_string()))?
            .to_vec())
    }

    /// Sends text, as an answer to the customer's message when `reply_to` is given.
    pub async fn send_message(&self, chat_id: i64, text: &str, reply_to: Option<i64>) -> Result<Value, ApiError> {
        let mut params = json!({ "chat_id": chat_id, "text": text });
        if let Some(message_id) = reply_to {
            // The customer may have deleted their message: answer anyway.
            params["reply_parameters"] = json!({ "message_id": message_id, "allow_sending_without_reply": true });
        }
        self.call("sendMessage", params, Duration::ZERO).await
    }

    /// Uploads a file: a photo (shown inline) or any document.
    pub async fn send_file(
        &self,
        chat_id: i64,
        name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Value, ApiError> {
        let photo = matches!(content_type, "image/jpeg" | "image/png") && bytes.len() <= 10 * 1024 * 1024;
        let (method, field) = if photo {
            ("sendPhoto", "photo")
        } else {
            ("sendDocument", "document")
        };
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(content_type)
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        let form = reqwest::multipart::Form::new()
            .text("chat_id", chat_id.to_string())
            .part(field, part);
        let url = format!("{}/bot{}/{method}", self.base, self.token);
        let response = self
            .client
            .post(url)
            .multipart(form)
            .timeout(Duration::from_secs(120))
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(without_token(&e.to_string(), &self.token)))?;
        decode(response).await
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ApiError> {
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|e| ApiError::Unreachable(e.to_string()))?;
    let envelope: Envelope = serde_json::from_slice(&body)
        .map_err(|_| ApiError::Unreachable(format!("an answer that is not the Bot API's (HTTP {status})")))?;
    if !envelope.ok {
        return Err(ApiError::Refused {
            code: envelope.error_code.unwrap_or(i64::from(status.as_u16())),
            description: envelope.description.unwrap_or_default(),
            retry_after: envelope.parameters.and_then(|p| p.retry_after),
        });
    }
    serde_json::from_value(envelope.result.unwrap_or(Value::Null))
        .map_err(|e| ApiError::Unreachable(format!("an answer of an unexpected shape: {e}")))
}

/// Network errors quote the URL, which holds the token: never let it reach a log or the UI.
fn without_token(text: &str, token: &str) -> String {
    if token.is_empty() {
        text.to_string()
    } else {
        text.replace(token, "<token>")
    }
}
