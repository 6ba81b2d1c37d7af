//! A real SMTP server on loopback for tests (aiosmtpd via tests/servers/smtp_sink.py), recording every
//! message it accepts as a file.

// Shared by several test crates; each uses a different part.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const USER: &str = "support@aurora.example";
pub const PASSWORD: &str = "s3cret-smtp";

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start_sink(dir: &Path) -> SmtpSink {
    start_sink_with(dir, USER, PASSWORD, None)
}

/// A sink for `user`/`password` that, given `sent` = (LMTP port, recipient), also files each accepted
/// message into a mailbox before answering 250, as providers that keep SMTP-submitted mail in the
/// Sent folder do.
pub fn start_sink_with(dir: &Path, user: &str, password: &str, sent: Option<(u16, &str)>) -> SmtpSink {
    std::fs::create_dir_all(dir).unwrap();
    let port = free_port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../channels/tests/servers/smtp_sink.py");
    let mut command = Command::new("python3");
    command
        .arg(script)
        .arg(dir)
        .arg(port.to_string())
        .arg(user)
        .arg(password);
    if let Some((lmtp_port, recipient)) = sent {
        command.arg(lmtp_port.to_string()).arg(recipient);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with aiosmtpd (pip install aiosmtpd)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(
        line.trim(),
        "ready",
        "the SMTP sink did not start (is aiosmtpd installed?)"
    );
    SmtpSink {
        child,
        port,
        dir: dir.to_path_buf(),
    }
}

/// Every message the sink accepted, in arrival order.
pub fn received(sink: &SmtpSink) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&sink.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files.into_iter().map(|p| std::fs::read(p).unwrap()).collect()
}
