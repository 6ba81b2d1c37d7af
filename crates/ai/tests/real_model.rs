//! Optional: the LLM path against a real model on this machine (llama-cpp-python's server with
//! SmolLM2-135M, started by tests/servers/real_model.sh). Proves the real protocol and JSON-schema
//! structured output end to end; the model is tiny, so accuracy is not what is tested.
//!
//!     cargo test -p switchboard-ai --test real_model -- --ignored --nocapture

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use switchboard_ai::llm::{LlmClient, LlmConfig};
use switchboard_ai::taxonomy::default_taxonomy;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
#[ignore = "needs llama-cpp-python (compiles llama.cpp, ~8 min): run with --ignored"]
async fn a_real_local_model_classifies_through_json_schema_output() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/real_model.sh");
    let _server = Server(
        Command::new(script)
            .arg(port.to_string())
            .spawn()
            .expect("real_model.sh"),
    );
    // The server opens its port once the model is loaded.
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the model server did not start"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let client = LlmClient::new(LlmConfig {
        base_url: format!("http://127.0.0.1:{port}/v1"),
        model: "smollm2".into(),
        api_key: None,
        key_header: None,
        extra_headers: Vec::new(),
        timeout: Duration::from_secs(300),
        price_per_million: (0.0, 0.0),
        mask_personal_data: false,
        runs_locally: true,
    })
    .unwrap();
    let taxonomy = default_taxonomy();
    let (classification, usage) = client
        .classify(
            &taxonomy,
            "Refund for broken headphones",
            "My headphones arrived broken (order AUR-2026-104233). I want my money back.",
        )
        .await
        .expect("the real model answered with schema-valid JSON");
    let category = classification.category.expect("a category");
    assert!(
        taxonomy.iter().any(|c| c.id == category),
        "{category} is in the taxonomy"
    );
    assert!(usage.prompt_tokens > 0 && usage.completion_tokens > 0, "{usage:?}");
    println!("real model: {category}, {usage:?}");
}
