//! Email parsing and import through the real ingest path into a real SQLite workspace.

mod demo_import;
mod dovecot;
mod imap_sync;
mod parse;
mod smtp_send;
mod xss;
