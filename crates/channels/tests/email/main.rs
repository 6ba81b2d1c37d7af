//! Email parsing and import through the real ingest path into a real SQLite workspace.

mod auto_reply_loop;
mod demo_import;
#[path = "../harness/dovecot.rs"]
mod dovecot;
mod imap_sync;
#[path = "../harness/loopback.rs"]
mod loopback;
mod parse;
mod remote_images;
mod smtp_send;
#[path = "../harness/smtp_sink.rs"]
mod smtp_sink;
mod xss;
