//! How good the AI's triage is, judged by the agents: how often they changed its category or priority
//! (overall, per source, per category), which categories it confuses, whether its confidence means what
//! it says, and what the LLM cost per day.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::AnalyticsQuery;
use super::rows::TicketRow;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AiQuality {
    /// Tickets of the range an AI classified.
    pub classified: i64,
    pub category_changed: i64,
    pub priority_changed: i64,
    pub category_change_rate: Option<f64>,
    pub priority_change_rate: Option<f64>,
    /// `llm` and `local_model`.
    pub by_source: Vec<SourceCorrections>,
    /// Per category the AI chose, most classified first.
    pub by_category: Vec<CategoryCorrections>,
    pub confusion: ConfusionMatrix,
    pub calibration: Vec<CalibrationBin>,
    pub cost_by_day: Vec<CostDay>,
    pub cost_usd: f64,
    pub tokens: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceCorrections {
    pub source: String,
    pub classified: i64,
    pub category_changed: i64,
    pub priority_changed: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryCorrections {
    /// The AI's category id; empty when it chose none.
    pub category: String,
    pub classified: i64,
    pub changed: i64,
    pub rate: f64,
}

/// Rows are the AI's category, columns the category the ticket ended with (the agent's, else the AI's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConfusionMatrix {
    pub labels: Vec<String>,
    pub counts: Vec<Vec<i64>>,
}

/// Tickets whose AI confidence fell in `from..to`, and how many kept the AI's category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CalibrationBin {
    pub from: f64,
    pub to: f64,
    pub count: i64,
    pub correct: i64,
    pub accuracy: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CostDay {
    /// UTC day, `YYYY-MM-DD` (as the usage is kept).
    pub day: String,
    pub calls: i64,
    pub tokens: i64,
    pub cost_usd: f64,
}

fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

pub(crate) async fn compute(pool: &SqlitePool, q: &AnalyticsQuery, tickets: &[TicketRow]) -> Result<AiQuality> {
    let verdicts: Vec<_> = tickets.iter().filter_map(TicketRow::verdict).collect();
    let mut by_source: BTreeMap<String, SourceCorrections> = BTreeMap::new();
    let mut by_category: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut pairs: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut bins: Vec<(i64, i64)> = vec![(0, 0); 10];
    let (mut category_changed, mut priority_changed) = (0, 0);
    for v in &verdicts {
        let source = by_source
            .entry(v.source.to_string())
            .or_insert_with(|| SourceCorrections {
                source: v.source.to_string(),
                classified: 0,
                category_changed: 0,
                priority_changed: 0,
            });
        source.classified += 1;
        if v.category_changed() {
            source.category_changed += 1;
            category_changed += 1;
        }
        if v.priority_changed() {
            source.priority_changed += 1;
            priority_changed += 1;
        }
        let ai = v.category.cloned().unwrap_or_default();
        let fin = v.final_category().cloned().unwrap_or_default();
        let entry = by_category.entry(ai.clone()).or_default();
        entry.0 += 1;
        entry.1 += i64::from(v.category_changed());
        *pairs.entry((ai.clone(), fin.clone())).or_default() += 1;
        if let Some(confidence) = v.confidence {
            let bin = ((confidence.clamp(0.0, 1.0) * 10.0) as usize).min(9);
            bins[bin].0 += 1;
            bins[bin].1 += i64::from(ai == fin);
        }
    }
    let mut categories: Vec<CategoryCorrections> = by_category
        .into_iter()
        .map(|(category, (classified, changed))| CategoryCorrections {
            category,
            classified,
            changed,
            rate: changed as f64 / classified as f64,
        })
        .collect();
    categories.sort_by(|a, b| {
        b.classified
            .cmp(&a.classified)
            .then_with(|| a.category.cmp(&b.category))
    });
    let (cost_by_day, cost_usd, tokens) = cost(pool, q).await?;
    Ok(AiQuality {
        classified: verdicts.len() as i64,
        category_changed,
        priority_changed,
        category_change_rate: rate(category_changed, verdicts.len() as i64),
        priority_change_rate: rate(priority_changed, verdicts.len() as i64),
        by_source: by_source.into_values().collect(),
        confusion: confusion(&categories, &pairs),
        by_category: categories,
        calibration: bins
            .into_iter()
            .enumerate()
            .map(|(i, (count, correct))| CalibrationBin {
                from: i as f64 / 10.0,
                to: (i + 1) as f64 / 10.0,
                count,
                correct,
                accuracy: rate(correct, count),
            })
            .collect(),
        cost_by_day,
        cost_usd,
        tokens,
    })
}

/// Labels in the order of how often the AI chose them, then any the agents added.
fn confusion(categories: &[CategoryCorrections], pairs: &BTreeMap<(String, String), i64>) -> ConfusionMatrix {
    let mut labels: Vec<String> = categories.iter().map(|c| c.category.clone()).collect();
    for (_, fin) in pairs.keys() {
        if !labels.contains(fin) {
            labels.push(fin.clone());
        }
    }
    let index = |label: &String| labels.iter().position(|l| l == label).unwrap_or(0);
    let mut counts = vec![vec![0; labels.len()]; labels.len()];
    for ((ai, fin), n) in pairs {
        counts[index(ai)][index(fin)] += n;
    }
    ConfusionMatrix { labels, counts }
}

/// LLM usage per UTC day of the range (usage is not kept per ticket, so filters do not apply).
async fn cost(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<(Vec<CostDay>, f64, i64)> {
    let day = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .unwrap_or_default()
            .format("%Y-%m-%d")
            .to_string()
    };
    let rows: Vec<(String, i64, i64, f64)> = sqlx::query_as(
        "SELECT day, sum(calls), sum(prompt_tokens + completion_tokens), sum(cost_usd) FROM llm_usage
         WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day",
    )
    .bind(day(q.from))
    .bind(day(q.to - 1))
    .fetch_all(pool)
    .await?;
    let days: Vec<CostDay> = rows
        .into_iter()
        .map(|(day, calls, tokens, cost_usd)| CostDay {
            day,
            calls,
            tokens,
            cost_usd,
        })
        .collect();
    let cost = days.iter().map(|d| d.cost_usd).sum();
    let tokens = days.iter().map(|d| d.tokens).sum();
    Ok((days, cost, tokens))
}
