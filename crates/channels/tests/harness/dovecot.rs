//! A real dovecot on loopback for tests, started from the project's script (shared by the channel and
//! CLI tests).

// Shared by several test crates; each uses a different part.
#![allow(dead_code)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::loopback::free_port;
use switchboard_channels::email::account::{EmailSettings, Security, ServerSettings};
use switchboard_channels::email::imap::{ImapSession, connect};

pub const USER: &str = "alice";
pub const PASSWORD: &str = "imap-secret";

pub struct Dovecot {
    child: Option<Child>,
    pub dir: PathBuf,
    pub port: u16,
    pub lmtp_port: u16,
}

impl Dovecot {
    pub fn start(dir: &Path) -> Dovecot {
        let mut dovecot = Dovecot {
            child: None,
            dir: dir.to_path_buf(),
            port: free_port(),
            lmtp_port: free_port(),
        };
        dovecot.spawn();
        dovecot
    }

    fn spawn(&mut self) {
        // Both crates using this live in crates/, so the script is found the same way from either.
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../channels/tests/servers/dovecot.sh");
        // Its own process group, so stopping it takes dovecot's imap workers down too.
        let child = Command::new(script)
            .process_group(0)
            .arg(&self.dir)
            .arg(self.port.to_string())
            .arg(self.lmtp_port.to_string())
            .arg(format!("{USER}:{PASSWORD}"))
            .stdout(Stdio::null())
            .spawn()
            .expect("dovecot (apt install dovecot-imapd dovecot-lmtpd)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "dovecot did not start: see {}/dovecot.log",
                self.dir.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the server (as a crash or a network cut would look to the client).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-KILL", "--"])
                .arg(format!("-{}", child.id()))
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
        // The master's children (imap, imap-login) go when the master dies; wait for the port to close.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the running server's process group from anywhere (e.g. inside a progress callback).
    pub fn killer(&self) -> impl Fn() + Send + 'static {
        let pid = self.child.as_ref().map(Child::id).unwrap_or_default();
        move || {
            let _ = Command::new("kill")
                .args(["-KILL", "--"])
                .arg(format!("-{pid}"))
                .status();
        }
    }

    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    pub fn maildir(&self) -> PathBuf {
        self.dir.join("mail").join(USER)
    }

    pub fn settings(&self, folders: &[&str]) -> EmailSettings {
        EmailSettings {
            imap: ServerSettings {
                host: "127.0.0.1".into(),
                port: self.port,
                security: Security::Plain,
            },
            smtp: ServerSettings {
                host: "127.0.0.1".into(),
                port: 1,
                security: Security::Plain,
            },
            username: USER.into(),
            display_name: "Aurora Support".into(),
            signature: String::new(),
            folders: folders.iter().map(|f| (*f).to_string()).collect(),
            initial_sync_days: None,
            sent_folder: None,
            address_is_list: false,
        }
    }

    pub async fn session(&self) -> ImapSession {
        connect(&self.settings(&["INBOX"]).imap, USER, PASSWORD).await.unwrap()
    }

    /// Delivers messages into `folder` with APPEND (flags untouched: they arrive unread).
    pub async fn deliver(&self, folder: &str, messages: &[Vec<u8>]) {
        let mut session = self.session().await;
        for raw in messages {
            session.append(folder, None, None, raw).await.unwrap();
        }
        session.logout().await.unwrap();
    }

    pub async fn create_folder(&self, folder: &str) {
        let mut session = self.session().await;
        session.create(folder).await.unwrap();
        session.logout().await.unwrap();
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A plain customer mail.
pub fn mail(n: usize, from: &str, subject: &str, extra_headers: &str) -> Vec<u8> {
    format!(
        "From: Customer {n} <{from}>\r\nTo: support@aurora.example\r\nSubject: {subject}\r\nMessage-ID: <m{n}.{from}>\r\nDate: Mon, 02 Nov 2026 10:{:02}:00 +0000\r\n{extra_headers}Content-Type: text/plain; charset=utf-8\r\n\r\nHello, this is message {n} about {subject}.\r\n",
        n % 60
    )
    .into_bytes()
}
