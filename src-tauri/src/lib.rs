//! The Switchboard desktop shell: opens the workspace, exposes thin typed commands over the crates,
//! and pushes domain events to the UI. Logic lives in `crates/`, not here.

mod background;
mod commands;
mod error;
mod events;
mod notifier;
mod sender;
mod snooze;
mod state;
mod sync;
mod tray;
mod workflow_tick;

use tauri::Manager;

pub use error::AppError;

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

/// Every command and event the UI can use; also the source of the generated TypeScript bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::workspace::workspace_status,
            commands::workspace::open_demo_workspace,
            commands::tickets::view_counts,
            commands::tickets::list_tickets,
            commands::tickets::get_ticket,
            commands::tickets::search_tickets,
            commands::tickets::set_ticket_status,
            commands::tickets::mark_ticket_read,
            commands::tickets::send_reply,
            commands::tickets::retry_outbox_item,
            commands::triage::correct_ticket,
            commands::triage::correct_tickets,
            commands::accounts::email_presets,
            commands::accounts::list_email_accounts,
            commands::accounts::test_email_account,
            commands::accounts::save_email_account,
            commands::accounts::remove_email_account,
            commands::accounts::sync_account_now,
            commands::llm::llm_presets_list,
            commands::llm::get_llm_settings,
            commands::llm::save_llm_settings,
            commands::llm::test_llm_settings,
            commands::llm::llm_usage,
            commands::triage::offline_model_status,
            commands::triage::retrain_offline_model,
            commands::workspace::save_taxonomy,
            commands::workspace::reset_taxonomy,
            commands::drafts::draft_reply,
            commands::drafts::list_saved_replies,
            commands::drafts::save_saved_reply,
            commands::drafts::delete_saved_reply,
            commands::ticket_actions::assign_tickets,
            commands::ticket_actions::tag_tickets,
            commands::ticket_actions::tags_in_use,
            commands::ticket_actions::snooze_tickets,
            commands::ticket_actions::set_tickets_status,
            commands::ticket_actions::log_manual_ticket,
            commands::ticket_actions::add_note,
            commands::notifications::notification_status,
            commands::notifications::save_notification_settings,
            commands::notifications::set_ui_language,
            commands::external::open_link,
            commands::external::open_attachment,
            commands::external::save_attachment,
            commands::external::load_remote_images,
            commands::external::pick_order_file,
            commands::external::save_rules_file,
            commands::workflow::list_rules,
            commands::workflow::save_rule,
            commands::workflow::set_rule_enabled,
            commands::workflow::delete_rule,
            commands::workflow::reorder_rules,
            commands::workflow::dry_run_rule,
            commands::workflow::export_rules,
            commands::workflow::import_rules,
            commands::workflow::get_sla_settings,
            commands::workflow::save_sla_settings,
            commands::workflow::list_queues,
            commands::workflow::set_tickets_queue,
            commands::workflow::prepared_draft,
            commands::customers::customer_profile,
            commands::customers::customer_tickets,
            commands::analytics::analytics_dashboard,
            commands::chat_accounts::check_telegram_bot,
            commands::chat_accounts::list_chat_accounts,
            commands::chat_accounts::save_telegram_account,
            commands::chat_accounts::check_wechat_account,
            commands::chat_accounts::save_wechat_account,
            commands::chat_accounts::chat_reply_window,
            commands::analytics::analytics_insights,
            commands::analytics::save_chart_export,
            commands::analytics::save_weekly_report,
            commands::customers::update_customer,
            commands::customers::import_orders,
            commands::customers::ticket_suggestions,
            commands::customers::settle_suggestion,
            commands::customers::merge_customers,
            commands::customers::customer_merges,
            commands::customers::undo_customer_merge,
            commands::workflow::merge_tickets,
            commands::workflow::split_ticket,
            commands::workflow::list_saved_views,
            commands::workflow::save_saved_view,
            commands::workflow::delete_saved_view,
            commands::workflow::ticket_timeline,
        ])
        .events(tauri_specta::collect_events![
            events::TicketsChanged,
            events::ImportProgress,
            events::AccountSync,
            events::ModelTraining,
            events::OpenTicketRequested,
            events::SearchIndexing
        ])
        // Ids and millisecond timestamps stay far below 2^53: plain numbers in TypeScript.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type (the UI only reads what the backend serializes).
        .disable_serde_phases()
}

/// The TypeScript bindings as they should be committed.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by tauri-specta. Do not edit: run `cargo test -p switchboard-app`.\n// @ts-nocheck\n/* eslint-disable */"),
            path,
        )
        .map_err(|e| e.to_string())
}

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();

    let builder = specta_builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let state = tauri::async_runtime::block_on(state::AppState::open());
            let store = state.store().ok().cloned();
            app.manage(state);
            app.manage(sync::SyncSupervisor::default());
            let bell = sender::OutboxBell::default();
            app.manage(bell.clone());
            app.manage(background::RetrainBell::default());
            app.manage(notifier::NotifierHealth::default());
            tray::install(app.handle());
            background::spawn_classifier(app.handle().clone());
            if let Some(store) = store {
                events::SearchIndexing::forward(app.handle().clone(), store.clone());
                sender::spawn_sender(app.handle().clone(), store.clone(), bell);
                snooze::spawn_waker(app.handle().clone(), store.clone());
                notifier::spawn(app.handle().clone(), store.clone());
                workflow_tick::spawn(app.handle().clone(), store.clone());
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    let supervisor = handle.state::<sync::SyncSupervisor>();
                    supervisor.start_all(&handle, &store).await;
                });
            }
            Ok(())
        })
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    let state = handle.state::<state::AppState>();
                    tauri::async_runtime::block_on(state.close());
                }
            })
        });
    if let Err(error) = result {
        eprintln!("Switchboard could not start: {error}");
        std::process::exit(1);
    }
}
