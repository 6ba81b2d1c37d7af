//! Scoring the offline classifier on a labelled data set (train on one file, classify another):
//! accuracy, macro-F1, per-label precision and recall, and speed. Used by `switchboard-cli eval` and the
//! benchmark against scikit-learn.

use std::time::Instant;

use serde::Serialize;

use crate::features::features;
use crate::linear::LinearModel;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScore {
    pub label: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Test examples with this label.
    pub support: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub train_examples: usize,
    pub test_examples: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub labels: Vec<LabelScore>,
    pub train_seconds: f64,
    /// Test texts classified per second, on one thread.
    pub tickets_per_second: f64,
    /// Expected calibration error over 10 confidence bins: how far the model's stated confidence is from
    /// its actual accuracy (0 = perfectly calibrated). The "Needs review" threshold relies on it.
    pub calibration_error: f64,
}

/// A text and its label.
pub type Example = (String, String);

/// Trains the offline classifier's text model on `train` and scores it on `test`.
pub fn evaluate(train: &[Example], test: &[Example]) -> Evaluation {
    let started = Instant::now();
    let featurised: Vec<(Vec<u32>, &str)> = train
        .iter()
        .map(|(text, label)| (features(text), label.as_str()))
        .collect();
    // The same text model as the offline classifier's category head.
    let model = LinearModel::train(featurised.iter().map(|(f, label)| (f.as_slice(), *label, 1.0)));
    let train_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let (predicted, confidence): (Vec<String>, Vec<f64>) = test
        .iter()
        .map(|(text, _)| model.predict(&features(text)).into_iter().next().unwrap_or_default())
        .unzip();
    let classify_seconds = started.elapsed().as_secs_f64().max(1e-9);
    let gold: Vec<&str> = test.iter().map(|(_, label)| label.as_str()).collect();
    let (accuracy, macro_f1, labels) = score(&gold, &predicted);
    let hits: Vec<bool> = gold.iter().zip(&predicted).map(|(g, p)| *g == p.as_str()).collect();
    Evaluation {
        train_examples: train.len(),
        test_examples: test.len(),
        accuracy,
        macro_f1,
        labels,
        train_seconds,
        tickets_per_second: test.len() as f64 / classify_seconds,
        calibration_error: calibration_error(&confidence, &hits),
    }
}

/// Expected calibration error: the mean gap between confidence and accuracy over 10 equal-width bins,
/// weighted by how many predictions fall in each.
pub fn calibration_error(confidence: &[f64], correct: &[bool]) -> f64 {
    let mut bins = [(0usize, 0.0f64, 0usize); 10];
    for (c, ok) in confidence.iter().zip(correct) {
        let bin = &mut bins[((c * 10.0) as usize).min(9)];
        bin.0 += 1;
        bin.1 += c;
        bin.2 += usize::from(*ok);
    }
    let total = confidence.len().max(1) as f64;
    bins.iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, sum, hits)| (*n as f64 / total) * (sum / *n as f64 - *hits as f64 / *n as f64).abs())
        .sum()
}

/// Accuracy, macro-F1 (the unweighted mean over the gold labels) and per-label scores.
pub fn score(gold: &[&str], predicted: &[String]) -> (f64, f64, Vec<LabelScore>) {
    let mut names: Vec<&str> = gold.to_vec();
    names.sort_unstable();
    names.dedup();
    let correct = gold.iter().zip(predicted).filter(|(g, p)| **g == p.as_str()).count();
    let accuracy = correct as f64 / gold.len().max(1) as f64;
    let labels: Vec<LabelScore> = names
        .iter()
        .map(|&label| {
            let tp = gold
                .iter()
                .zip(predicted)
                .filter(|(g, p)| **g == label && p.as_str() == label)
                .count();
            let predicted_as = predicted.iter().filter(|p| p.as_str() == label).count();
            let support = gold.iter().filter(|g| **g == label).count();
            let precision = if predicted_as == 0 {
                0.0
            } else {
                tp as f64 / predicted_as as f64
            };
            let recall = if support == 0 { 0.0 } else { tp as f64 / support as f64 };
            let f1 = if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            LabelScore {
                label: label.to_string(),
                precision,
                recall,
                f1,
                support,
            }
        })
        .collect();
    let macro_f1 = labels.iter().map(|l| l.f1).sum::<f64>() / labels.len().max(1) as f64;
    (accuracy, macro_f1, labels)
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn calibration_error_is_the_weighted_confidence_gap() {
        use super::calibration_error;
        // Bin 0.9: confident 0.95 twice, right once → gap 0.45; bin 0.5: 0.5, right → gap 0.5.
        let ece = calibration_error(&[0.95, 0.95, 0.5], &[true, false, true]);
        assert!((ece - (2.0 / 3.0 * 0.45 + 1.0 / 3.0 * 0.5)).abs() < 1e-12, "{ece}");
        assert_eq!(calibration_error(&[1.0, 1.0], &[true, true]), 0.0);
    }

    #[test]
    fn scores_match_a_hand_computed_example() {
        let gold = ["a", "a", "b", "b", "c"];
        let predicted: Vec<String> = ["a", "b", "b", "b", "a"].iter().map(|s| (*s).to_string()).collect();
        let (accuracy, macro_f1, labels) = score(&gold, &predicted);
        assert!((accuracy - 0.6).abs() < 1e-12);
        // a: P 1/2 R 1/2 F 0.5; b: P 2/3 R 1 F 0.8; c: P 0 R 0 F 0.
        assert!((labels[0].f1 - 0.5).abs() < 1e-12 && (labels[1].f1 - 0.8).abs() < 1e-12 && labels[2].f1 == 0.0);
        assert!((macro_f1 - 1.3 / 3.0).abs() < 1e-12);
    }
}
