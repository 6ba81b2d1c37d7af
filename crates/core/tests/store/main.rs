//! Integration tests of the workspace store against a real SQLite file in a temp dir.

mod accounts;
mod arrivals;
mod attachments;
mod fixtures;
mod ingest;
mod queues;
mod search;
mod ticket_actions;
mod tickets;
