//! Improvement suggestions: topics on the rise, categories the AI often gets wrong, saved replies nobody
//! uses or everybody rewrites, and rules that never fire. Each is a hint with its evidence; nothing here
//! changes the workspace.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::rising_topics::{self, RisingTopic};
use super::{AnalyticsQuery, CategoryCorrections};
use crate::Result;

/// A category is "often corrected" from this share of its classifications…
const CORRECTED_RATE: f64 = 0.2;
/// …over at least this many tickets.
const CORRECTED_MIN_TICKETS: i64 = 5;
/// A saved reply is "heavily edited" when, over at least 3 sends, agents changed this share of its words.
const HEAVY_EDIT_RATIO: f64 = 0.5;
const HEAVY_EDIT_MIN_SENDS: i64 = 3;
/// Saved replies and rules younger than this have not had their chance yet.
const SETTLING_MS: i64 = 14 * 86_400_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Insights {
    pub rising_topics: Vec<RisingTopic>,
    /// Categories whose AI classification agents change often: retrain the local model, or rethink
    /// the category's name and description.
    pub corrected_categories: Vec<CategoryCorrections>,
    pub unused_saved_replies: Vec<SavedReplyUsage>,
    pub heavily_edited_saved_replies: Vec<SavedReplyUsage>,
    pub silent_rules: Vec<SilentRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedReplyUsage {
    pub id: i64,
    pub title: String,
    /// Times it was put into the reply box, and how many of those were sent.
    pub uses: i64,
    pub sends: i64,
    /// Mean share of its words agents changed before sending (0–1).
    pub mean_edit_ratio: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SilentRule {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
}

/// How often agents changed the AI's category, per category the AI chose (as the dashboard counts it,
/// in one aggregate: suggestions do not need the per-ticket rows).
async fn corrections_by_category(pool: &SqlitePool, q: &AnalyticsQuery) -> Result<Vec<CategoryCorrections>> {
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT coalesce(t.ai_category, ''), count(*),
                sum(t.agent_category IS NOT NULL AND t.agent_category IS NOT t.ai_category)
         FROM tickets t
         WHERE t.created_at >= ? AND t.created_at < ? AND t.merged_into IS NULL AND t.ai_source IS NOT NULL{conditions}
         GROUP BY 1"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(q.from).bind(q.to);
    for value in binds {
        query = query.bind(value);
    }
    let rows: Vec<(String, i64, i64)> = query.fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|(category, classified, changed)| CategoryCorrections {
            category,
            classified,
            changed,
            rate: changed as f64 / classified as f64,
        })
        .collect())
}

/// Suggestions for the query's range; rising topics are for the week before the range ends (or now).
pub async fn compute(pool: &SqlitePool, q: &AnalyticsQuery, now: i64) -> Result<Insights> {
    q.validate()?;
    let corrections = corrections_by_category(pool, q).await?;
    let usage: Vec<SavedReplyUsage> = sqlx::query_as::<_, (i64, String, i64, i64, Option<f64>, i64)>(
        "SELECT r.id, r.title, count(u.id), count(u.edit_ratio), avg(u.edit_ratio), r.created_at
         FROM saved_replies r LEFT JOIN saved_reply_uses u ON u.saved_reply_id = r.id
         GROUP BY r.id ORDER BY r.title COLLATE NOCASE",
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter(|row| row.5 <= now - SETTLING_MS || row.2 > 0)
    .map(|(id, title, uses, sends, mean_edit_ratio, _)| SavedReplyUsage {
        id,
        title,
        uses,
        sends,
        mean_edit_ratio,
    })
    .collect();
    let silent: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, definition_json, created_at FROM rules
         WHERE enabled AND fire_count = 0 AND created_at <= ? ORDER BY position, id",
    )
    .bind(now - SETTLING_MS)
    .fetch_all(pool)
    .await?;
    Ok(Insights {
        rising_topics: rising_topics::rising(pool, q, q.to.min(now)).await?,
        corrected_categories: corrections
            .into_iter()
            .filter(|c| c.classified >= CORRECTED_MIN_TICKETS && c.rate >= CORRECTED_RATE)
            .collect(),
        unused_saved_replies: usage.iter().filter(|u| u.uses == 0).cloned().collect(),
        heavily_edited_saved_replies: usage
            .into_iter()
            .filter(|u| u.sends >= HEAVY_EDIT_MIN_SENDS && u.mean_edit_ratio.is_some_and(|r| r >= HEAVY_EDIT_RATIO))
            .collect(),
        silent_rules: silent
            .into_iter()
            .map(|(id, json, created_at)| SilentRule {
                id,
                name: serde_json::from_str::<serde_json::Value>(&json)
                    .ok()
                    .and_then(|d| d.get("name").and_then(|n| n.as_str()).map(str::to_string))
                    .unwrap_or_default(),
                created_at,
            })
            .collect(),
    })
}
