//! Multinomial logistic regression over hashed, TF-IDF-weighted, L2-normalised features, trained by SGD.
//! More accurate than naive Bayes on longer texts, still small and fast on a laptop, and its softmax
//! gives confidences that are calibrated by temperature scaling on held-out examples. Only features seen
//! in training are stored.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Passes over the training data.
pub const EPOCHS: usize = 12;
/// Progress steps of a training run: the held-out calibration model's passes, then the final model's.
pub const PASSES: usize = 2 * EPOCHS;
/// One example in this many is held out to fit the temperature.
const HOLD_OUT_EVERY: usize = 5;
/// Below this many examples there is too little to hold out; the temperature stays 1.
const MIN_EXAMPLES_TO_CALIBRATE: usize = 50;
const LEARNING_RATE: f32 = 0.5;
/// L2 penalty, applied lazily to the weights an example touches.
const L2: f32 = 1e-5;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinearModel {
    pub labels: Vec<String>,
    bias: Vec<f32>,
    /// Per feature: inverse document frequency, then one weight per label.
    weights: HashMap<u32, (f32, Vec<f32>)>,
    /// Scores are divided by this before the softmax, so that a stated confidence of 0.7 is right about
    /// 70% of the time (SGD with few examples is under-confident, with many over-confident).
    #[serde(default = "no_scaling")]
    temperature: f32,
}

fn no_scaling() -> f32 {
    1.0
}

impl Default for LinearModel {
    fn default() -> Self {
        LinearModel {
            labels: Vec::new(),
            bias: Vec::new(),
            weights: HashMap::new(),
            temperature: no_scaling(),
        }
    }
}

/// (feature, value) pairs, sorted by feature.
type SparseVector = Vec<(u32, f32)>;

/// A text as (feature, value) pairs: sublinear term frequency × idf, L2-normalised.
fn vectorise(features: &[u32], idf: impl Fn(u32) -> Option<f32>) -> SparseVector {
    let mut counts: HashMap<u32, f32> = HashMap::new();
    for &f in features {
        *counts.entry(f).or_default() += 1.0;
    }
    let mut vector: Vec<(u32, f32)> = counts
        .into_iter()
        .filter_map(|(f, tf)| idf(f).map(|w| (f, (1.0 + tf.ln()) * w)))
        .collect();
    let norm = vector.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, v) in &mut vector {
            *v /= norm;
        }
    }
    vector.sort_unstable_by_key(|(f, _)| *f);
    vector
}

fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    for s in scores.iter_mut() {
        *s /= sum;
    }
}

impl LinearModel {
    /// Trains on `(features, label, weight)` examples; the weight scales an example's gradient (an
    /// agent's decision counts more than a model's guess).
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a [u32], &'a str, f64)>) -> LinearModel {
        Self::train_reporting(examples, &mut |_| {})
    }

    /// [`LinearModel::train`], calling `pass_done(n)` after each of the [`PASSES`] passes.
    ///
    /// Temperature scaling: a first model trained without every fifth example scores those held-out
    /// examples, the temperature that best predicts their labels (least log-loss) is kept, and the final
    /// model is trained on everything and uses it.
    pub fn train_reporting<'a>(
        examples: impl IntoIterator<Item = (&'a [u32], &'a str, f64)>,
        pass_done: &mut dyn FnMut(usize),
    ) -> LinearModel {
        let examples: Vec<(&[u32], &str, f32)> = examples.into_iter().map(|(f, l, w)| (f, l, w as f32)).collect();
        let temperature = if examples.len() >= MIN_EXAMPLES_TO_CALIBRATE {
            let (held_out, kept): (Vec<_>, Vec<_>) = examples
                .iter()
                .enumerate()
                .partition(|(i, _)| i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1);
            let kept: Vec<_> = kept.into_iter().map(|(_, e)| *e).collect();
            let probe = Self::fit(&kept, &mut |epoch| pass_done(epoch));
            probe.best_temperature(held_out.iter().map(|(_, (features, label, _))| (*features, *label)))
        } else {
            pass_done(EPOCHS);
            1.0
        };
        let mut model = Self::fit(&examples, &mut |epoch| pass_done(EPOCHS + epoch));
        model.temperature = temperature;
        model
    }

    /// The temperature (on a log grid from 0.05 to 5) with the least log-loss on `examples`.
    fn best_temperature<'a>(&self, examples: impl Iterator<Item = (&'a [u32], &'a str)>) -> f32 {
        let scored: Vec<(Vec<f32>, usize)> = examples
            .filter_map(|(features, label)| {
                let class = self.labels.binary_search_by(|l| l.as_str().cmp(label)).ok()?;
                Some((self.scores(features), class))
            })
            .collect();
        if scored.is_empty() {
            return 1.0;
        }
        let log_loss = |temperature: f32| -> f64 {
            scored
                .iter()
                .map(|(scores, class)| {
                    let mut p: Vec<f32> = scores.iter().map(|s| s / temperature).collect();
                    softmax(&mut p);
                    -f64::from(p[*class].max(1e-7)).ln()
                })
                .sum()
        };
        (0..=100)
            .map(|step| 0.05f32 * 100f32.powf(step as f32 / 100.0))
            .map(|t| (t, log_loss(t)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(1.0, |(t, _)| t)
    }

    /// SGD over the examples for [`EPOCHS`] passes.
    fn fit(examples: &[(&[u32], &str, f32)], epoch_done: &mut dyn FnMut(usize)) -> LinearModel {
        let mut labels: Vec<String> = examples.iter().map(|(_, l, _)| (*l).to_string()).collect();
        labels.sort_unstable();
        labels.dedup();
        let classes = labels.len();
        if classes == 0 {
            return LinearModel::default();
        }
        // Document frequencies → smoothed idf, as scikit-learn's TfidfVectorizer computes it.
        let mut df: HashMap<u32, f32> = HashMap::new();
        for (features, _, _) in examples {
            let mut unique = features.to_vec();
            unique.sort_unstable();
            unique.dedup();
            for f in unique {
                *df.entry(f).or_default() += 1.0;
            }
        }
        let n = examples.len() as f32;
        let mut weights: HashMap<u32, (f32, Vec<f32>)> = df
            .into_iter()
            .map(|(f, d)| (f, (((1.0 + n) / (1.0 + d)).ln() + 1.0, vec![0.0; classes])))
            .collect();
        let data: Vec<(SparseVector, usize, f32)> = examples
            .iter()
            .map(|(features, label, weight)| {
                let vector = vectorise(features, |f| weights.get(&f).map(|(idf, _)| *idf));
                let class = labels.binary_search_by(|l| l.as_str().cmp(label)).unwrap_or(0);
                (vector, class, *weight)
            })
            .collect();
        let mut bias = vec![0.0f32; classes];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut scores = vec![0.0f32; classes];
        let mut step = 0usize;
        for epoch in 0..EPOCHS {
            // A deterministic shuffle: the same data always gives the same model.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let (vector, class, weight) = &data[i];
                let rate = LEARNING_RATE / (1.0 + step as f32 * 1e-4);
                step += 1;
                scores.copy_from_slice(&bias);
                for (f, x) in vector {
                    let (_, w) = &weights[f];
                    for (s, wc) in scores.iter_mut().zip(w) {
                        *s += wc * x;
                    }
                }
                softmax(&mut scores);
                for (c, p) in scores.iter().enumerate() {
                    let gradient = (p - if c == *class { 1.0 } else { 0.0 }) * weight;
                    bias[c] -= rate * gradient;
                }
                for (f, x) in vector {
                    if let Some((_, w)) = weights.get_mut(f) {
                        for (c, wc) in w.iter_mut().enumerate() {
                            let gradient = (scores[c] - if c == *class { 1.0 } else { 0.0 }) * weight * x;
                            *wc -= rate * (gradient + L2 * *wc);
                        }
                    }
                }
            }
            epoch_done(epoch + 1);
        }
        LinearModel {
            labels,
            bias,
            weights,
            temperature: 1.0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Raw per-label scores (before temperature and softmax).
    fn scores(&self, features: &[u32]) -> Vec<f32> {
        let vector = vectorise(features, |f| self.weights.get(&f).map(|(idf, _)| *idf));
        let mut scores = self.bias.clone();
        for (f, x) in &vector {
            if let Some((_, w)) = self.weights.get(f) {
                for (s, wc) in scores.iter_mut().zip(w) {
                    *s += wc * x;
                }
            }
        }
        scores
    }

    /// Labels with calibrated probabilities, most likely first.
    pub fn predict(&self, features: &[u32]) -> Vec<(String, f64)> {
        if self.labels.is_empty() {
            return Vec::new();
        }
        let mut scores = self.scores(features);
        for s in &mut scores {
            *s /= self.temperature;
        }
        softmax(&mut scores);
        let mut ranked: Vec<(String, f64)> = self
            .labels
            .iter()
            .cloned()
            .zip(scores.into_iter().map(f64::from))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    }
}
