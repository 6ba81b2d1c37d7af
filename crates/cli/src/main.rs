//! `switchboard-cli`: the headless side of Switchboard. Imports and syncs mail, sends replies, manages
//! accounts, lists, shows, searches and exports tickets — no window, no webview.

mod accounts;
mod chat;
mod classify;
mod draft;
mod eval;
mod export;
mod import;
mod llm;
mod mail;
mod orders;
mod output;
mod search;
mod taxonomy;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use switchboard_core::model::{ChannelKind, TicketView};
use switchboard_core::store::{DATA_DIR_ENV, resolve_data_dir};
use switchboard_core::{Store, tickets};

#[derive(Parser)]
#[command(name = "switchboard-cli", version, about = "Headless Switchboard helpdesk tools")]
struct Cli {
    /// Workspace directory (default: the desktop app's data directory).
    #[arg(long, global = true, env = DATA_DIR_ENV)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import mail: .eml files, directories of them, or .mbox files.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// No progress bar (for scripts).
        #[arg(long)]
        quiet: bool,
    },
    /// Import the bundled demo mailbox.
    Demo,
    /// List tickets of a view, most recently active first.
    List {
        #[arg(long, value_enum, default_value = "all-open")]
        view: ViewArg,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Show one ticket with its whole conversation.
    Show {
        /// The ticket number, as shown in lists (e.g. 1042).
        number: i64,
        #[arg(long)]
        json: bool,
    },
    /// Print a reply draft for a ticket (the configured LLM, else the best saved reply); nothing is sent.
    Draft {
        /// The ticket number.
        number: i64,
    },
    /// Full-text search over tickets and messages (English and Chinese).
    Search {
        #[arg(required = true)]
        query: Vec<String>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Classify queued tickets: with the configured LLM (`llm configure`), falling back to the offline
    /// model, or with the offline model alone (no LLM configured, or --offline).
    Classify {
        /// Use the offline model even when an LLM is configured (no network).
        #[arg(long)]
        offline: bool,
    },
    /// The LLM used for classification: configure (API key to the OS keychain), show, test, usage.
    Llm {
        #[command(subcommand)]
        command: llm::LlmCommand,
    },
    /// The workspace's categories: show, set from a JSON file, reset to the default.
    Taxonomy {
        #[command(subcommand)]
        command: taxonomy::TaxonomyCommand,
    },
    /// Train the offline classifier on one labelled file and score it on another (CSV or JSON Lines).
    Eval {
        #[arg(long)]
        train: PathBuf,
        #[arg(long)]
        test: PathBuf,
        /// Column (CSV) or field (JSON Lines) holding the text.
        #[arg(long)]
        text_col: String,
        /// Column or field holding the label.
        #[arg(long)]
        label_col: String,
        /// Also print the result as one JSON object on the last line.
        #[arg(long)]
        json: bool,
    },
    /// Retrain the offline model from the seed corpus and the workspace's labels.
    Train,
    /// Accounts: add (email, Telegram bot, WeChat), edit, test, list, remove, presets.
    Account {
        #[command(subcommand)]
        command: accounts::AccountCommand,
    },
    /// Pull new messages from every account once: email, Telegram, WeChat (the desktop app syncs continuously).
    Sync {
        /// Only this account.
        #[arg(long)]
        account: Option<i64>,
        /// No progress bar (for scripts).
        #[arg(long)]
        quiet: bool,
    },
    /// Send the queued replies once (the desktop app sends continuously).
    Send,
    /// Import a shop's order export (CSV), linking orders to customers by email or phone.
    Orders {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: orders::FormatArg,
    },
    /// Rules: export them as JSON, or import a file of them (appended after the existing ones).
    Rules {
        #[arg(value_enum)]
        action: RulesAction,
        file: PathBuf,
    },
    /// Export every ticket with its messages as JSON.
    Export {
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesAction {
    Export,
    Import,
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    AllOpen,
    Unassigned,
    NeedsReview,
    Pending,
    Resolved,
    Email,
    Phone,
    Telegram,
    Wechat,
}

impl From<ViewArg> for TicketView {
    fn from(view: ViewArg) -> Self {
        match view {
            ViewArg::AllOpen => TicketView::AllOpen,
            ViewArg::Unassigned => TicketView::Unassigned,
            ViewArg::NeedsReview => TicketView::NeedsReview,
            ViewArg::Pending => TicketView::Pending,
            ViewArg::Resolved => TicketView::Resolved,
            ViewArg::Email => TicketView::Channel {
                channel: ChannelKind::Email,
            },
            ViewArg::Phone => TicketView::Channel {
                channel: ChannelKind::Phone,
            },
            ViewArg::Telegram => TicketView::Channel {
                channel: ChannelKind::Telegram,
            },
            ViewArg::Wechat => TicketView::Channel {
                channel: ChannelKind::Wechat,
            },
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = resolve_data_dir(cli.data_dir.as_deref())?;
    let store = Store::open(&data_dir)
        .await
        .with_context(|| format!("cannot open the workspace in {}", data_dir.display()))?;
    // The same day-one rules as the desktop app, whichever opens a new workspace first.
    switchboard_core::rules::library::install_defaults(store.pool()).await?;
    let code = match cli.command {
        Command::Import { paths, quiet } => import::run(&store, &paths, quiet).await?,
        Command::Demo => import::run_demo(&store).await?,
        Command::List { view, limit, json } => {
            let found = tickets::list(store.pool(), view.into(), limit, 0).await?;
            output::ticket_list(&found, json)?;
            ExitCode::SUCCESS
        }
        Command::Show { number, json } => {
            let id = tickets::id_by_number(store.pool(), number).await?;
            output::ticket_detail(&tickets::detail(store.pool(), id).await?, json)?;
            ExitCode::SUCCESS
        }
        Command::Search { query, limit, json } => {
            let found = search::run(&store, &query.join(" "), limit).await?;
            output::ticket_list(&found, json)?;
            ExitCode::SUCCESS
        }
        Command::Classify { offline } => match llm::configured_client(&store).await? {
            Some(client) if !offline => classify::with_llm(&store, client).await?,
            _ => {
                let model = switchboard_ai::worker::load_or_train(&store).await?;
                let done = switchboard_ai::worker::run_local(&store, &model, usize::MAX).await?;
                println!("classified {} tickets with the offline model", done.len());
                ExitCode::SUCCESS
            }
        },
        Command::Llm { command } => llm::run(&store, command).await?,
        Command::Draft { number } => draft::run(&store, number).await?,
        Command::Taxonomy { command } => taxonomy::run(&store, command).await?,
        Command::Eval {
            train,
            test,
            text_col,
            label_col,
            json,
        } => eval::run(&train, &test, &text_col, &label_col, json)?,
        Command::Train => {
            let model = switchboard_ai::worker::retrain(&store).await?;
            println!("trained the offline model on {} labelled examples", model.examples);
            ExitCode::SUCCESS
        }
        Command::Account { command } => accounts::run(&store, command).await?,
        Command::Sync { account, quiet } => {
            let mail = mail::sync(&store, account, quiet).await?;
            let chat_failed = chat::sync(&store, account).await?;
            if chat_failed { ExitCode::FAILURE } else { mail }
        }
        Command::Send => {
            let mail = mail::send(&store).await?;
            let (sent, failed) = chat::send(&store).await?;
            if sent + failed > 0 {
                println!("chats: sent {sent} replies, {failed} failed");
            }
            if failed > 0 { ExitCode::FAILURE } else { mail }
        }
        Command::Orders { file, format } => orders::import(&store, &file, format).await?,
        Command::Rules { action, file } => {
            match action {
                RulesAction::Export => {
                    let json = switchboard_core::rules::library::export_json(store.pool()).await?;
                    std::fs::write(&file, json).with_context(|| format!("cannot write {}", file.display()))?;
                }
                RulesAction::Import => {
                    let json =
                        std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    let count = switchboard_core::rules::library::import_json(store.pool(), &json).await?;
                    println!("imported {count} rules");
                }
            }
            ExitCode::SUCCESS
        }
        Command::Export { output } => {
            export::run(&store, output.as_deref()).await?;
            ExitCode::SUCCESS
        }
    };
    store.close().await;
    Ok(code)
}
