//! Switchboard's domain: types, the SQLite workspace store, the ingest path (customer lookup, threading,
//! dedup), tickets, the outbox, the job queue, the audit log and full-text search.
//!
//! This crate knows nothing of Tauri or the network; the desktop shell and the CLI wire it to channels.

pub mod accounts;
pub mod analytics;
pub mod arrivals;
pub mod attachments;
pub mod audit;
pub mod blobs;
pub mod chat_sync;
pub mod cjk_index;
pub mod classification;
pub mod customer_merging;
pub mod customers;
pub mod error;
pub mod ingest;
pub mod jobs;
pub mod manual_tickets;
pub mod model;
pub mod orders;
pub mod outbox;
pub mod rules;
pub mod saved_replies;
pub mod saved_reply_usage;
pub mod saved_views;
pub mod search;
pub mod search_index;
pub mod sla;
pub mod store;
pub mod suggestions;
pub mod sync_state;
pub mod threading;
pub mod ticket_actions;
pub mod ticket_merging;
pub mod tickets;
pub mod time;
pub mod usage;
pub mod workflow;

pub use error::{Error, Result};
pub use store::Store;
