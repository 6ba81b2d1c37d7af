//! Switchboard's AI triage: the default taxonomy, the offline classifier (hashed word and character
//! n-grams, naive Bayes, trained on the machine), text extraction (language, summary, entities) and
//! the worker that drains the classification queue.

pub mod extract;
pub mod features;
pub mod llm;
pub mod local;
pub mod naive_bayes;
pub mod taxonomy;
pub mod worker;
