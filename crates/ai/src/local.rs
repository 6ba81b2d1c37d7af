//! The offline classifier: runs on the agent's machine with no network. It starts from a bundled seed
//! corpus (English and Chinese) and learns from the workspace's own labels — agent decisions first,
//! confident LLM labels second.

use serde::{Deserialize, Serialize};
use switchboard_core::classification::{NewClassification, TrainingExample};
use switchboard_core::model::Priority;

use crate::extract;
use crate::features::features;
use crate::linear::{LinearModel, PASSES};

/// Name of the model in the workspace's `models` table.
pub const MODEL_NAME: &str = "local-lr-v1";

/// Below this category confidence the ticket is marked for the agent's review.
pub const REVIEW_BELOW: f64 = 0.5;

/// Bundled labelled examples, so a new workspace classifies from the first message.
const SEED: &str = include_str!("../data/seed-tickets.jsonl");

#[derive(Debug, Clone, Deserialize)]
struct SeedExample {
    text: String,
    category: String,
    priority: String,
    sentiment: String,
}

/// The seed corpus as training examples.
pub fn seed_examples() -> Vec<TrainingExample> {
    SEED.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<SeedExample>(l).ok())
        .map(|s| TrainingExample {
            text: s.text,
            category: Some(s.category),
            priority: Some(s.priority),
            sentiment: Some(s.sentiment),
            weight: 1.0,
        })
        .collect()
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LocalClassifier {
    category: LinearModel,
    priority: LinearModel,
    sentiment: LinearModel,
    pub examples: usize,
}

impl LocalClassifier {
    pub fn train(examples: &[TrainingExample]) -> LocalClassifier {
        Self::train_reporting(examples, &mut |_, _| {})
    }

    /// [`LocalClassifier::train`], calling `progress(done, total)` as training passes complete.
    pub fn train_reporting(examples: &[TrainingExample], progress: &mut dyn FnMut(usize, usize)) -> LocalClassifier {
        let featurised: Vec<(Vec<u32>, &TrainingExample)> = examples.iter().map(|e| (features(&e.text), e)).collect();
        let total = 3 * PASSES;
        let mut head = |index: usize, pick: fn(&TrainingExample) -> Option<&String>| {
            LinearModel::train_reporting(
                featurised
                    .iter()
                    .filter_map(|(f, e)| pick(e).map(|label| (f.as_slice(), label.as_str(), e.weight))),
                &mut |pass| progress(index * PASSES + pass, total),
            )
        };
        LocalClassifier {
            category: head(0, |e| e.category.as_ref()),
            priority: head(1, |e| e.priority.as_ref()),
            sentiment: head(2, |e| e.sentiment.as_ref()),
            examples: examples.len(),
        }
    }

    /// Trained on the seed plus the workspace's labels.
    pub fn train_with_seed(workspace: &[TrainingExample]) -> LocalClassifier {
        Self::train_with_seed_reporting(workspace, &mut |_, _| {})
    }

    pub fn train_with_seed_reporting(
        workspace: &[TrainingExample],
        progress: &mut dyn FnMut(usize, usize),
    ) -> LocalClassifier {
        let mut all = seed_examples();
        all.extend_from_slice(workspace);
        Self::train_reporting(&all, progress)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<LocalClassifier> {
        serde_json::from_slice(bytes).ok()
    }

    /// The most likely category and its probability.
    pub fn category(&self, text: &str) -> Option<(String, f64)> {
        self.category.predict(&features(text)).into_iter().next()
    }

    /// Classifies a ticket from its subject and the customer's text.
    pub fn classify(&self, subject: &str, body: &str) -> NewClassification {
        let text = format!("{subject}\n\n{body}");
        let f = features(&text);
        let top = |model: &LinearModel| model.predict(&f).into_iter().next();
        let category = top(&self.category);
        let confidence = category.as_ref().map(|(_, p)| *p);
        NewClassification {
            model: MODEL_NAME.to_string(),
            category: category.map(|(c, _)| c),
            priority: top(&self.priority).and_then(|(p, _)| p.parse::<Priority>().ok()),
            sentiment: top(&self.sentiment).map(|(s, _)| s),
            language: Some(extract::detect_language(&text).to_string()),
            summary: Some(extract::summary(subject, body)).filter(|s| !s.is_empty()),
            entities: extract::entities(&text),
            next_step: None,
            confidence,
            needs_review: confidence.is_none_or(|c| c < REVIEW_BELOW),
        }
    }
}
