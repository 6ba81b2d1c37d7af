//! The settings of an email account (stored as the account's JSON settings; the password is not here).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// TLS from the first byte (IMAPS 993, SMTPS 465).
    Tls,
    /// Plain connection upgraded with STARTTLS (IMAP 143, submission 587).
    StartTls,
    /// No encryption: only allowed to this machine (tests, local relays).
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
}

impl ServerSettings {
    /// Plain text is refused unless the server is on this machine.
    pub fn check_security(&self) -> Result<(), String> {
        let loopback = matches!(self.host.as_str(), "localhost" | "127.0.0.1" | "::1")
            || self.host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        if self.security == Security::Plain && !loopback {
            return Err(format!(
                "{} would be contacted without encryption; plain connections are only allowed to this machine",
                self.host
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSettings {
    pub imap: ServerSettings,
    pub smtp: ServerSettings,
    pub username: String,
    pub display_name: String,
    #[serde(default)]
    pub signature: String,
    #[serde(default = "default_folders")]
    pub folders: Vec<String>,
    /// How far back the first sync reaches; `None` for all mail.
    #[serde(default)]
    pub initial_sync_days: Option<u32>,
    /// Where sent replies are filed; `None` finds the folder the server marks `\Sent`.
    #[serde(default)]
    pub sent_folder: Option<String>,
    /// The account's address is a mailing list or group (e.g. a Google Group): its mail carries list
    /// headers, which then do not mark it as noise.
    #[serde(default)]
    pub address_is_list: bool,
}

fn default_folders() -> Vec<String> {
    vec!["INBOX".into()]
}

impl EmailSettings {
    pub fn initial_range(&self) -> crate::email::imap::InitialRange {
        match self.initial_sync_days {
            Some(days) if days > 0 => crate::email::imap::InitialRange::LastDays(days),
            _ => crate::email::imap::InitialRange::All,
        }
    }

    pub fn from_json(json: &str) -> Result<EmailSettings, String> {
        serde_json::from_str(json).map_err(|e| format!("the account's email settings are unreadable: {e}"))
    }
}
