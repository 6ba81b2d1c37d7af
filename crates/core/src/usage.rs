//! What the LLM costs: tokens and estimated spend per call, totalled per day and model.

use sqlx::SqlitePool;

use crate::Result;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct DailyUsage {
    /// UTC date, `YYYY-MM-DD`.
    pub day: String,
    pub model: String,
    pub calls: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cost_usd: f64,
}

/// Adds one call to today's totals.
pub async fn record(
    pool: &SqlitePool,
    model: &str,
    prompt_tokens: u64,
    completion_tokens: u64,
    cost_usd: f64,
) -> Result<()> {
    let day = chrono::Utc::now().format("%Y-%m-%d").to_string();
    sqlx::query(
        "INSERT INTO llm_usage (day, model, calls, prompt_tokens, completion_tokens, cost_usd) VALUES (?, ?, 1, ?, ?, ?)
         ON CONFLICT (day, model) DO UPDATE SET calls = calls + 1,
             prompt_tokens = prompt_tokens + excluded.prompt_tokens,
             completion_tokens = completion_tokens + excluded.completion_tokens,
             cost_usd = cost_usd + excluded.cost_usd",
    )
    .bind(day)
    .bind(model)
    .bind(prompt_tokens as i64)
    .bind(completion_tokens as i64)
    .bind(cost_usd)
    .execute(pool)
    .await?;
    Ok(())
}

/// Totals per day and model, newest day first.
pub async fn daily(pool: &SqlitePool) -> Result<Vec<DailyUsage>> {
    Ok(sqlx::query_as("SELECT * FROM llm_usage ORDER BY day DESC, model")
        .fetch_all(pool)
        .await?)
}
