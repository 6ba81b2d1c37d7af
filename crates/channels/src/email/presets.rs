//! Server settings of the big mail providers, so adding an account is an address and a password.

use super::account::{Security, ServerSettings};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Preset {
    pub id: &'static str,
    pub label: &'static str,
    /// Address domains that select this preset automatically.
    pub domains: &'static [&'static str],
    pub imap: ServerSettings,
    pub smtp: ServerSettings,
    /// What the provider requires before a mail client may log in (app passwords, enabling IMAP).
    pub note: &'static str,
}

fn server(host: &str, port: u16, security: Security) -> ServerSettings {
    ServerSettings {
        host: host.to_string(),
        port,
        security,
    }
}

pub fn presets() -> Vec<Preset> {
    use Security::{StartTls, Tls};
    vec![
        Preset {
            id: "gmail",
            label: "Gmail / Google Workspace",
            domains: &["gmail.com", "googlemail.com"],
            imap: server("imap.gmail.com", 993, Tls),
            smtp: server("smtp.gmail.com", 465, Tls),
            note: "Turn on 2-step verification and create an app password (Google Account → Security → App passwords).",
        },
        Preset {
            id: "outlook",
            label: "Outlook.com / Office 365",
            domains: &["outlook.com", "hotmail.com", "live.com", "msn.com"],
            imap: server("outlook.office365.com", 993, Tls),
            smtp: server("smtp.office365.com", 587, StartTls),
            note: "Microsoft has turned password sign-in off for many accounts; it works only where your admin allows IMAP/SMTP basic authentication or app passwords.",
        },
        Preset {
            id: "icloud",
            label: "iCloud Mail",
            domains: &["icloud.com", "me.com", "mac.com"],
            imap: server("imap.mail.me.com", 993, Tls),
            smtp: server("smtp.mail.me.com", 587, StartTls),
            note: "Use an app-specific password (appleid.apple.com → Sign-In and Security). The user name is the part before @icloud.com.",
        },
        Preset {
            id: "yahoo",
            label: "Yahoo Mail",
            domains: &["yahoo.com", "ymail.com"],
            imap: server("imap.mail.yahoo.com", 993, Tls),
            smtp: server("smtp.mail.yahoo.com", 465, Tls),
            note: "Generate an app password (Account security → Generate app password).",
        },
        Preset {
            id: "fastmail",
            label: "Fastmail",
            domains: &["fastmail.com", "fastmail.fm"],
            imap: server("imap.fastmail.com", 993, Tls),
            smtp: server("smtp.fastmail.com", 465, Tls),
            note: "Create an app password with IMAP and SMTP access (Settings → Privacy & Security).",
        },
        Preset {
            id: "qq",
            label: "QQ Mail / QQ 邮箱",
            domains: &["qq.com", "foxmail.com"],
            imap: server("imap.qq.com", 993, Tls),
            smtp: server("smtp.qq.com", 465, Tls),
            note: "Enable IMAP/SMTP in QQ Mail settings and log in with the authorization code (授权码), not your QQ password.",
        },
        Preset {
            id: "163",
            label: "163 Mail / 网易邮箱",
            domains: &["163.com"],
            imap: server("imap.163.com", 993, Tls),
            smtp: server("smtp.163.com", 465, Tls),
            note: "Enable IMAP/SMTP and use the client authorization code (客户端授权码).",
        },
        Preset {
            id: "126",
            label: "126 Mail / 网易邮箱",
            domains: &["126.com"],
            imap: server("imap.126.com", 993, Tls),
            smtp: server("smtp.126.com", 465, Tls),
            note: "Enable IMAP/SMTP and use the client authorization code (客户端授权码).",
        },
        Preset {
            id: "aliyun",
            label: "Aliyun Mail / 阿里邮箱",
            domains: &["aliyun.com"],
            imap: server("imap.aliyun.com", 993, Tls),
            smtp: server("smtp.aliyun.com", 465, Tls),
            note: "Enable IMAP/SMTP in the mailbox settings.",
        },
        Preset {
            id: "aliyun-enterprise",
            label: "Alibaba Mail for business / 阿里企业邮箱",
            domains: &[],
            imap: server("imap.qiye.aliyun.com", 993, Tls),
            smtp: server("smtp.qiye.aliyun.com", 465, Tls),
            note: "Your administrator may need to allow IMAP/SMTP clients.",
        },
    ]
}

/// The preset for an address's domain, if one matches.
pub fn preset_for_address(address: &str) -> Option<Preset> {
    let domain = address.rsplit_once('@')?.1.trim().to_ascii_lowercase();
    presets().into_iter().find(|p| p.domains.contains(&domain.as_str()))
}
