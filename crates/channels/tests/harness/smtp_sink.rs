//! A real SMTP server on loopback for tests (aiosmtpd via tests/servers/smtp_sink.py), recording every
//! message it accepts as a file.

// Shared by several test crates; each uses a different part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub use super::loopback::free_port;
use super::loopback::{PythonFake, start_python};

pub const USER: &str = "support@aurora.example";
pub const PASSWORD: &str = "s3cret-smtp";

pub struct SmtpSink {
    _process: PythonFake,
    pub port: u16,
    pub dir: PathBuf,
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
    let mut args = vec![
        dir.display().to_string(),
        port.to_string(),
        user.to_string(),
        password.to_string(),
    ];
    if let Some((lmtp_port, recipient)) = sent {
        args.extend([lmtp_port.to_string(), recipient.to_string()]);
    }
    SmtpSink {
        _process: start_python("smtp_sink.py", &args, &[], "aiosmtpd (pip install aiosmtpd)"),
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
