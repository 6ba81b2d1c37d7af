//! Peers on loopback for tests: free ports, and the Python fakes of tests/servers (SMTP sink, Telegram
//! and WeCom APIs). Each fake listens on the port it is given, prints "ready" once it does, and is killed
//! when its handle drops.

// Shared by several test crates; each uses a different part.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running fake, killed on drop.
pub struct PythonFake(Child);

impl Drop for PythonFake {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs tests/servers/`script` with `args` and `envs` and waits for its "ready" line; `missing` says what
/// to install when it never comes.
pub fn start_python(script: &str, args: &[String], envs: &[(&str, &str)], missing: &str) -> PythonFake {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../channels/tests/servers")
        .join(script);
    let mut child = Command::new("python3")
        .arg(&script)
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run python3 ({missing}): {e}"));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let fake = PythonFake(child);
    assert_eq!(
        line.trim(),
        "ready",
        "{} did not start (is {missing} installed?)",
        script.display()
    );
    fake
}

/// A fake HTTP API (Telegram's, WeCom's) and the `/_control/…` side through which tests script it.
pub struct FakeApi {
    _process: PythonFake,
    pub port: u16,
    client: reqwest::Client,
    _log: tempfile::NamedTempFile,
}

impl FakeApi {
    /// Starts tests/servers/`script` on a free port, logging requests to a temporary file.
    pub fn start(script: &str, envs: &[(&str, &str)]) -> FakeApi {
        // The crate's reqwest has no default TLS provider (the app installs ring); the test client needs one too.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let port = free_port();
        let log = tempfile::NamedTempFile::new().unwrap();
        let args = [port.to_string(), log.path().display().to_string()];
        FakeApi {
            _process: start_python(script, &args, envs, "python3"),
            port,
            client: reqwest::Client::new(),
            _log: log,
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A control call: GET without a body, POST with one; the fake's JSON answer.
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
}
