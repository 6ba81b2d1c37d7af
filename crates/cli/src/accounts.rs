//! `switchboard-cli account …`: accounts from the command line. The password, token or secret is read
//! from standard input and goes to the OS keychain only.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand, ValueEnum};
use switchboard_channels::email::account::{EmailSettings, Security, ServerSettings};
use switchboard_channels::email::{imap, presets, smtp};
use switchboard_channels::secrets;
use switchboard_core::model::ChannelKind;
use switchboard_core::{Store, accounts, sync_state};

#[derive(Subcommand)]
pub enum AccountCommand {
    /// Add an email account (the password is read from standard input).
    Add(AccountArgs),
    /// Add a Telegram bot (the token from @BotFather is read from standard input), checked with getMe.
    AddTelegram {
        /// The account's label (default: the bot's @username).
        #[arg(long)]
        name: Option<String>,
        /// A self-hosted Bot API server (default: Telegram's).
        #[arg(long)]
        api_base: Option<String>,
    },
    /// Add a WeChat customer-service account (WeCom 微信客服; the app secret is read from standard input).
    AddWechat {
        #[arg(long)]
        name: Option<String>,
        /// 企业ID, from the WeCom admin console (My company).
        #[arg(long)]
        corp_id: String,
        /// The customer-service account's open_kfid.
        #[arg(long)]
        open_kfid: String,
        /// Another API address (default: WeCom's).
        #[arg(long)]
        api_base: Option<String>,
    },
    /// Change an account; options left out keep their value.
    Edit {
        id: i64,
        #[command(flatten)]
        args: AccountArgs,
    },
    /// Log in to IMAP (opening every watched folder) and SMTP, and say exactly what failed.
    Test { id: i64 },
    /// List the accounts with their sync status.
    List,
    /// Remove an account and its password (its tickets stay).
    Remove { id: i64 },
    /// The known providers' server settings.
    Presets,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SecurityArg {
    Tls,
    Starttls,
    Plain,
}

impl From<SecurityArg> for Security {
    fn from(value: SecurityArg) -> Security {
        match value {
            SecurityArg::Tls => Security::Tls,
            SecurityArg::Starttls => Security::StartTls,
            SecurityArg::Plain => Security::Plain,
        }
    }
}

#[derive(Args)]
pub struct AccountArgs {
    /// The address customers write to.
    #[arg(long)]
    address: Option<String>,
    /// The account's label (default: the address).
    #[arg(long)]
    name: Option<String>,
    /// The name in the From header of replies.
    #[arg(long)]
    display_name: Option<String>,
    /// Login name (default: the address).
    #[arg(long)]
    username: Option<String>,
    /// Provider preset (see `account presets`); picked from the address's domain when left out.
    #[arg(long)]
    preset: Option<String>,
    /// IMAP server as host:port.
    #[arg(long)]
    imap: Option<String>,
    #[arg(long, value_enum)]
    imap_security: Option<SecurityArg>,
    /// SMTP server as host:port.
    #[arg(long)]
    smtp: Option<String>,
    #[arg(long, value_enum)]
    smtp_security: Option<SecurityArg>,
    /// Folders to watch, comma-separated (default: INBOX).
    #[arg(long, value_delimiter = ',')]
    folders: Option<Vec<String>>,
    /// The first sync only reaches back this many days (default: all mail).
    #[arg(long)]
    initial_days: Option<u32>,
    /// Where sent replies are filed (default: the folder the server marks as Sent).
    #[arg(long)]
    sent_folder: Option<String>,
    #[arg(long)]
    signature: Option<String>,
    /// The address is a mailing list or group (e.g. a Google Group): list headers do not make mail noise.
    #[arg(long)]
    address_is_list: Option<bool>,
    /// Read a new password from standard input.
    #[arg(long)]
    password_stdin: bool,
}

fn server(spec: &str, security: Option<SecurityArg>, default_security: Security) -> anyhow::Result<ServerSettings> {
    let (host, port) = spec
        .rsplit_once(':')
        .with_context(|| format!("'{spec}' should be host:port"))?;
    Ok(ServerSettings {
        host: host.to_string(),
        port: port.parse().with_context(|| format!("'{port}' is not a port number"))?,
        security: security.map_or(default_security, Security::from),
    })
}

fn read_password() -> anyhow::Result<String> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .context("cannot read the password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        bail!("the password on standard input is empty");
    }
    Ok(password)
}

/// Settings from the options, on top of `base` (an existing account's) or a preset.
fn settings(args: &AccountArgs, address: &str, base: Option<EmailSettings>) -> anyhow::Result<EmailSettings> {
    let preset = match &args.preset {
        Some(id) => Some(
            presets::presets()
                .into_iter()
                .find(|p| p.id == id)
                .with_context(|| format!("no preset '{id}' (see `switchboard-cli account presets`)"))?,
        ),
        None => presets::preset_for_address(address),
    };
    let (imap_base, smtp_base) = match (&base, &preset) {
        (Some(b), None) => (Some(b.imap.clone()), Some(b.smtp.clone())),
        (_, Some(p)) => (Some(p.imap.clone()), Some(p.smtp.clone())),
        (None, None) => (None, None),
    };
    let imap = match (&args.imap, imap_base) {
        (Some(spec), _) => server(spec, args.imap_security, Security::Tls)?,
        (None, Some(mut s)) => {
            s.security = args.imap_security.map_or(s.security, Security::from);
            s
        }
        (None, None) => bail!("give --imap host:port (or --preset)"),
    };
    let smtp = match (&args.smtp, smtp_base) {
        (Some(spec), _) => server(spec, args.smtp_security, Security::Tls)?,
        (None, Some(mut s)) => {
            s.security = args.smtp_security.map_or(s.security, Security::from);
            s
        }
        (None, None) => bail!("give --smtp host:port (or --preset)"),
    };
    let base = base.as_ref();
    let settings = EmailSettings {
        imap,
        smtp,
        username: args
            .username
            .clone()
            .or_else(|| base.map(|b| b.username.clone()))
            .unwrap_or_else(|| address.to_string()),
        display_name: args
            .display_name
            .clone()
            .or_else(|| base.map(|b| b.display_name.clone()))
            .unwrap_or_default(),
        signature: args
            .signature
            .clone()
            .or_else(|| base.map(|b| b.signature.clone()))
            .unwrap_or_default(),
        folders: args
            .folders
            .clone()
            .or_else(|| base.map(|b| b.folders.clone()))
            .unwrap_or_else(|| vec!["INBOX".into()]),
        initial_sync_days: args.initial_days.or_else(|| base.and_then(|b| b.initial_sync_days)),
        sent_folder: args
            .sent_folder
            .clone()
            .or_else(|| base.and_then(|b| b.sent_folder.clone())),
        address_is_list: args
            .address_is_list
            .unwrap_or_else(|| base.is_some_and(|b| b.address_is_list)),
    };
    for server in [&settings.imap, &settings.smtp] {
        server.check_security().map_err(anyhow::Error::msg)?;
    }
    Ok(settings)
}

/// Creates the account and files its secret; without a keychain, no half-made account is left behind.
pub async fn create_with_secret(
    store: &Store,
    kind: ChannelKind,
    name: &str,
    address: &str,
    json: &str,
    secret: String,
) -> anyhow::Result<i64> {
    let id = accounts::create(store.pool(), kind, name, address, json).await?;
    if let Err(error) = secrets::store(secrets::account_key(&store.workspace_id().await?, id), secret).await {
        accounts::delete(store.pool(), id).await?;
        bail!(error);
    }
    Ok(id)
}

pub async fn run(store: &Store, command: AccountCommand) -> anyhow::Result<ExitCode> {
    match command {
        AccountCommand::Add(args) => {
            let address = args.address.clone().context("give --address")?;
            if !args.password_stdin {
                bail!("give --password-stdin and the password on standard input (it goes to the OS keychain)");
            }
            let settings = settings(&args, &address, None)?;
            let password = read_password()?;
            let name = args.name.clone().unwrap_or_else(|| address.clone());
            let json = serde_json::to_string(&settings)?;
            let id = create_with_secret(store, ChannelKind::Email, &name, &address, &json, password).await?;
            println!(
                "added account {id}: {address} (IMAP {}:{}, SMTP {}:{})",
                settings.imap.host, settings.imap.port, settings.smtp.host, settings.smtp.port
            );
        }
        AccountCommand::AddTelegram { name, api_base } => {
            crate::chat::add_telegram(store, name, api_base, read_password()?).await?
        }
        AccountCommand::AddWechat {
            name,
            corp_id,
            open_kfid,
            api_base,
        } => crate::chat::add_wechat(store, name, corp_id, open_kfid, api_base, read_password()?).await?,
        AccountCommand::Edit { id, args } => {
            let account = accounts::get(store.pool(), id).await?;
            if account.channel != ChannelKind::Email {
                bail!(
                    "account {id} is a {} account; edit it in the app's settings",
                    account.channel.as_str()
                );
            }
            let base = EmailSettings::from_json(&account.settings_json).map_err(anyhow::Error::msg)?;
            let address = args.address.clone().unwrap_or(account.address.clone());
            let settings = settings(&args, &address, Some(base))?;
            if args.password_stdin {
                secrets::store(secrets::account_key(&store.workspace_id().await?, id), read_password()?).await?;
            }
            let name = args.name.clone().unwrap_or(account.name);
            accounts::update(store.pool(), id, &name, &address, &serde_json::to_string(&settings)?).await?;
            println!("updated account {id}");
        }
        AccountCommand::Test { id } => {
            let account = accounts::get(store.pool(), id).await?;
            if account.channel != ChannelKind::Email {
                return crate::chat::test(store, &account).await;
            }
            let settings = EmailSettings::from_json(&account.settings_json).map_err(anyhow::Error::msg)?;
            let password = secrets::read(secrets::account_key(&store.workspace_id().await?, id))
                .await?
                .context("no password is stored for this account: `account edit --password-stdin`")?;
            let mut ok = true;
            match imap::test_connection(&settings, &password).await {
                Ok(()) => println!(
                    "IMAP ok: logged in to {} and opened {}",
                    settings.imap.host,
                    settings.folders.join(", ")
                ),
                Err(e) => {
                    ok = false;
                    println!("IMAP failed at {:?}: {}", e.step, e.message);
                }
            }
            match smtp::test_login(&settings.smtp, &settings.username, &password).await {
                Ok(()) => println!("SMTP ok: logged in to {}", settings.smtp.host),
                Err(e) => {
                    ok = false;
                    println!("SMTP failed: {e}");
                }
            }
            return Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE });
        }
        AccountCommand::List => {
            for account in accounts::list(store.pool()).await? {
                let status = sync_state::status(store.pool(), account.id).await?;
                let state = status.map_or_else(
                    || "never synced".to_string(),
                    |s| match s.message {
                        Some(message) => format!("{}: {message}", s.state),
                        None => s.state,
                    },
                );
                println!(
                    "{}\t{}\t{}\t{}\t{state}",
                    account.id,
                    account.channel.as_str(),
                    account.name,
                    account.address
                );
            }
        }
        AccountCommand::Remove { id } => {
            accounts::delete(store.pool(), id).await?;
            secrets::delete(secrets::account_key(&store.workspace_id().await?, id)).await?;
            println!("removed account {id}; its tickets are kept");
        }
        AccountCommand::Presets => {
            for p in presets::presets() {
                println!(
                    "{}\t{}\tIMAP {}:{} {:?}\tSMTP {}:{} {:?}",
                    p.id, p.label, p.imap.host, p.imap.port, p.imap.security, p.smtp.host, p.smtp.port, p.smtp.security
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
