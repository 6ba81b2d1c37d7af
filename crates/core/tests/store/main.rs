//! Integration tests of the workspace store against a real SQLite file in a temp dir.

mod accounts;
mod analytics;
mod arrivals;
mod attachments;
mod fixtures;
mod ingest;
mod merging;
mod orders;
mod queues;
mod rule_conditions;
mod rules;
mod saved_views;
mod search;
mod sla;
mod suggestions;
mod ticket_actions;
mod tickets;
mod workflow_flow;
