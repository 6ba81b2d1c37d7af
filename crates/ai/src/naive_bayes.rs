//! Multinomial naive Bayes over hashed features, with per-example weights (an agent's decision counts
//! more than a model's guess). Small, fast to train on a laptop, and good on short support texts.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Additive smoothing for unseen features.
const ALPHA: f64 = 0.1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NaiveBayes {
    pub labels: Vec<String>,
    class_weight: Vec<f64>,
    class_feature_total: Vec<f64>,
    feature_weight: HashMap<u32, Vec<f64>>,
}

impl NaiveBayes {
    /// Trains on `(features, label, weight)`. Each feature counts once per example: in short texts
    /// presence matters more than repetition.
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a [u32], &'a str, f64)>) -> NaiveBayes {
        let mut model = NaiveBayes::default();
        for (features, label, weight) in examples {
            let class = match model.labels.iter().position(|l| l == label) {
                Some(class) => class,
                None => {
                    model.labels.push(label.to_string());
                    model.class_weight.push(0.0);
                    model.class_feature_total.push(0.0);
                    for counts in model.feature_weight.values_mut() {
                        counts.push(0.0);
                    }
                    model.labels.len() - 1
                }
            };
            model.class_weight[class] += weight;
            let mut unique: Vec<u32> = features.to_vec();
            unique.sort_unstable();
            unique.dedup();
            let classes = model.labels.len();
            for feature in unique {
                let counts = model
                    .feature_weight
                    .entry(feature)
                    .or_insert_with(|| vec![0.0; classes]);
                counts[class] += weight;
                model.class_feature_total[class] += weight;
            }
        }
        model
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Labels with probabilities, most likely first. Log-likelihoods are scaled by the text length
    /// before the softmax, so long texts do not make every answer look certain.
    pub fn predict(&self, features: &[u32]) -> Vec<(String, f64)> {
        if self.labels.is_empty() {
            return Vec::new();
        }
        let mut unique: Vec<u32> = features.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let vocabulary = self.feature_weight.len() as f64 + 1.0;
        let total_weight: f64 = self.class_weight.iter().sum();
        let known: Vec<&Vec<f64>> = unique.iter().filter_map(|f| self.feature_weight.get(f)).collect();
        let scale = 1.0 / (known.len() as f64).sqrt().max(1.0);
        let logits: Vec<f64> = (0..self.labels.len())
            .map(|class| {
                let prior = (self.class_weight[class] / total_weight).ln();
                let denominator = (self.class_feature_total[class] + ALPHA * vocabulary).ln();
                let likelihood: f64 = known
                    .iter()
                    .map(|counts| (counts[class] + ALPHA).ln() - denominator)
                    .sum();
                prior + likelihood * scale
            })
            .collect();
        let max = logits.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = logits.iter().map(|l| (l - max).exp()).collect();
        let sum: f64 = exp.iter().sum();
        let mut ranked: Vec<(String, f64)> = self
            .labels
            .iter()
            .cloned()
            .zip(exp.into_iter().map(|e| e / sum))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_ranks() {
        let refund = crate::features::features("I want a refund for my order");
        let ship = crate::features::features("where is my parcel, tracking shows nothing");
        let model = NaiveBayes::train([(refund.as_slice(), "refund", 1.0), (ship.as_slice(), "shipping", 1.0)]);
        let ranked = model.predict(&crate::features::features("please refund me"));
        assert_eq!(ranked[0].0, "refund");
        assert!(ranked[0].1 > 0.5 && ranked[0].1 < 1.0);
        assert!(NaiveBayes::default().predict(&refund).is_empty());
    }
}
