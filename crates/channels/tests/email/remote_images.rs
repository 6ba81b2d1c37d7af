//! "Load remote images": a mail's remote images are kept inert at ingest and fetched by the backend only
//! on request, from a real HTTP server on loopback; only bounded, non-SVG images come back.

use switchboard_channels::email::parse_message;
use switchboard_channels::email::remote_images::{self, MAX_IMAGE_BYTES, remote_urls};
use switchboard_core::Store;
use switchboard_core::ingest::ingest;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n fake but typed as png";

/// Serves a few paths over plain HTTP and counts the requests.
async fn image_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            tokio::spawn(async move {
                let mut request = vec![0u8; 4096];
                let n = socket.read(&mut request).await.unwrap_or(0);
                let line = String::from_utf8_lossy(&request[..n])
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string();
                let (status, content_type, body): (&str, &str, Vec<u8>) = if line.contains("/logo.png") {
                    ("200 OK", "image/png", PNG.to_vec())
                } else if line.contains("/page.html") {
                    ("200 OK", "text/html", b"<script>alert(1)</script>".to_vec())
                } else if line.contains("/vector.svg") {
                    ("200 OK", "image/svg+xml", b"<svg onload='alert(1)'/>".to_vec())
                } else if line.contains("/huge.jpg") {
                    ("200 OK", "image/jpeg", vec![0u8; MAX_IMAGE_BYTES + 10])
                } else {
                    ("404 Not Found", "text/plain", b"no".to_vec())
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
            });
        }
    });
    (base, hits)
}

#[tokio::test]
async fn remote_images_load_only_on_request_and_only_as_bounded_images() {
    let (base, hits) = image_server().await;
    let html = format!(
        "<p>Our catalogue</p><img src=\"{base}/logo.png\"><img src=\"{base}/logo.png\"><img src=\"{base}/page.html\">\
         <img src=\"{base}/vector.svg\"><img src=\"{base}/huge.jpg\"><img src=\"{base}/gone.png?a=1&b=2\">"
    );
    let raw = format!(
        "From: Shop <news@shop.example>\r\nSubject: Catalogue\r\nMessage-ID: <cat@shop.example>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    ingest(&store, &parse_message(raw.as_bytes()).unwrap()).await.unwrap();
    let stored: String = sqlx::query_scalar("SELECT body_html FROM messages")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(
        !stored.contains(&format!("src=\"{base}")),
        "nothing loadable is stored: {stored}"
    );
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "ingest fetched nothing"
    );

    let urls = remote_urls(&stored);
    assert_eq!(urls.len(), 5, "the repeated logo once: {urls:?}");
    assert_eq!(urls[4], format!("{base}/gone.png?a=1&b=2"));

    let images = remote_images::load(&stored).await;
    let by_path = |path: &str| images.iter().find(|i| i.url.contains(path)).unwrap();
    let logo = by_path("/logo.png");
    assert!(
        logo.data_url
            .as_deref()
            .is_some_and(|d| d.starts_with("data:image/png;base64,")),
        "{logo:?}"
    );
    assert!(
        by_path("/page.html")
            .error
            .as_deref()
            .unwrap()
            .contains("not an image (text/html)")
    );
    assert!(
        by_path("/vector.svg")
            .error
            .as_deref()
            .unwrap()
            .contains("not an image")
    );
    assert!(
        by_path("/huge.jpg")
            .error
            .as_deref()
            .unwrap()
            .contains("larger than 5 MB")
    );
    assert!(by_path("/gone.png").error.as_deref().unwrap().contains("404"));
    assert!(images.iter().filter(|i| i.data_url.is_some()).count() == 1);
}
