//! The remote images of a customer's message, fetched by the backend only when the agent asks ("load
//! remote images"), and handed to the conversation view as `data:` URLs: the web view itself never
//! reaches the network, only images come back (no SVG, which can carry script), and each is bounded.

use std::time::Duration;

use base64::Engine;
use serde::Serialize;

use super::sanitize::REMOTE_SCHEME;

/// Most images fetched for one message; a mail with more is a newsletter, not a customer.
pub const MAX_IMAGES: usize = 40;
/// Largest image accepted.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
const TIMEOUT: Duration = Duration::from_secs(10);

/// One remote image: its address, and either the image as a `data:` URL or why it was not loaded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RemoteImage {
    pub url: String,
    pub data_url: Option<String>,
    pub error: Option<String>,
}

/// The remote image addresses a stored message refers to (its inert `sb-remote:` references), in
/// order, without repeats.
pub fn remote_urls(html: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let marker = format!("src=\"{REMOTE_SCHEME}");
    let mut rest = html;
    while let Some(start) = rest.find(&marker) {
        let after = &rest[start + marker.len()..];
        let end = after.find('"').unwrap_or(after.len());
        // The stored HTML is serialized: `&amp;` in an attribute is `&` in the address.
        let url = after[..end].replace("&amp;", "&");
        if !urls.contains(&url) {
            urls.push(url);
        }
        rest = &after[end..];
    }
    urls
}

fn client() -> Result<reqwest::Client, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(3))
        .user_agent("Mozilla/5.0 (compatible; mail client)")
        .build()
        .map_err(|e| e.to_string())
}

async fn fetch_one(client: &reqwest::Client, url: &str) -> Result<String, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("not an address: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only web addresses are loaded".into());
    }
    let mut response = client
        .get(parsed)
        .send()
        .await
        .map_err(|e| format!("could not be reached: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("the server answered {}", response.status()));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !content_type.starts_with("image/") || content_type.contains("svg") {
        return Err(format!(
            "not an image ({})",
            if content_type.is_empty() {
                "no type"
            } else {
                &content_type
            }
        ));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| format!("broke off: {e}"))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_IMAGE_BYTES {
            return Err(format!("larger than {} MB", MAX_IMAGE_BYTES / 1_048_576));
        }
    }
    Ok(format!(
        "data:{content_type};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    ))
}

/// Fetches the message's remote images (at most [`MAX_IMAGES`], a few at a time).
pub async fn load(html: &str) -> Vec<RemoteImage> {
    let urls = remote_urls(html);
    let client = match client() {
        Ok(client) => client,
        Err(error) => {
            return urls
                .into_iter()
                .map(|url| RemoteImage {
                    url,
                    data_url: None,
                    error: Some(error.clone()),
                })
                .collect();
        }
    };
    let mut images = Vec::new();
    for (index, url) in urls.into_iter().enumerate() {
        if index >= MAX_IMAGES {
            images.push(RemoteImage {
                url,
                data_url: None,
                error: Some(format!("only the first {MAX_IMAGES} images of a message are loaded")),
            });
            continue;
        }
        let result = fetch_one(&client, &url).await;
        images.push(match result {
            Ok(data_url) => RemoteImage {
                url,
                data_url: Some(data_url),
                error: None,
            },
            Err(error) => RemoteImage {
                url,
                data_url: None,
                error: Some(error),
            },
        });
    }
    images
}
