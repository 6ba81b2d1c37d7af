//! Switchboard's AI triage: the default taxonomy, the offline classifier (hashed word and character
//! n-grams, TF-IDF logistic regression, trained on the machine), text extraction (language, summary, entities) and
//! the worker that drains the classification queue.

pub mod drafts;
pub mod eval;
pub mod extract;
pub mod features;
pub mod linear;
pub mod llm;
pub mod local;
pub mod taxonomy;
pub mod worker;
