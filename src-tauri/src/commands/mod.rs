//! Tauri commands, grouped by domain. Each validates its input and delegates to a crate.

pub mod accounts;
pub mod analytics;
pub mod chat_accounts;
pub mod customers;
pub mod drafts;
pub mod external;
pub mod llm;
pub mod notifications;
pub mod ticket_actions;
pub mod tickets;
pub mod triage;
pub mod workflow;
pub mod workspace;
