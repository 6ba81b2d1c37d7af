//! Saved replies (canned responses) with `{{variables}}`, optionally tied to a category and language.

use sqlx::SqlitePool;

use crate::time::now_ms;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SavedReply {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// A category id of the taxonomy; `None` fits any ticket.
    pub category: Option<String>,
    /// ISO 639-1 (`en`, `zh`); `None` for any language.
    pub language: Option<String>,
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<SavedReply>> {
    Ok(
        sqlx::query_as("SELECT id, title, body, category, language FROM saved_replies ORDER BY title, id")
            .fetch_all(pool)
            .await?,
    )
}

fn check(title: &str, body: &str) -> Result<()> {
    if title.trim().is_empty() || body.trim().is_empty() {
        return Err(Error::Invalid("a saved reply needs a title and a text".into()));
    }
    Ok(())
}

/// Creates (`id` `None`) or updates a saved reply; returns its id.
pub async fn save(
    pool: &SqlitePool,
    id: Option<i64>,
    title: &str,
    body: &str,
    category: Option<&str>,
    language: Option<&str>,
) -> Result<i64> {
    check(title, body)?;
    let (category, language) = (category.filter(|c| !c.is_empty()), language.filter(|l| !l.is_empty()));
    let now = now_ms();
    match id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE saved_replies SET title = ?, body = ?, category = ?, language = ?, updated_at = ? WHERE id = ?",
            )
            .bind(title.trim())
            .bind(body)
            .bind(category)
            .bind(language)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(Error::Invalid(format!("saved reply {id} does not exist")));
            }
            Ok(id)
        }
        None => Ok(sqlx::query_scalar(
            "INSERT INTO saved_replies (title, body, category, language, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(title.trim())
        .bind(body)
        .bind(category)
        .bind(language)
        .bind(now)
        .bind(now)
        .fetch_one(pool)
        .await?),
    }
}

pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM saved_replies WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Values for a saved reply's `{{variables}}`.
#[derive(Debug, Clone, Default)]
pub struct ReplyVariables {
    pub customer_name: String,
    pub ticket_number: i64,
    pub subject: String,
    pub order_number: Option<String>,
    pub order_status: Option<String>,
    pub agent_name: String,
    /// `zh` writes the neutral phrases in Chinese.
    pub language: String,
}

/// Fills `{{customer_name}}`, `{{first_name}}`, `{{ticket_number}}`, `{{subject}}`, `{{order_number}}`,
/// `{{order_status}}` and `{{agent_name}}`. A variable without a value becomes a neutral phrase, never a
/// raw `{{…}}` the customer would read.
pub fn fill(template: &str, vars: &ReplyVariables) -> String {
    let name = vars.customer_name.trim();
    let first = name.split_whitespace().next().unwrap_or(name);
    let chinese = vars.language == "zh";
    let or = |value: &Option<String>, en: &str, zh: &str| {
        value
            .clone()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| if chinese { zh } else { en }.to_string())
    };
    template
        .replace("{{customer_name}}", name)
        .replace("{{first_name}}", first)
        .replace("{{ticket_number}}", &vars.ticket_number.to_string())
        .replace("{{subject}}", &vars.subject)
        .replace("{{order_number}}", &or(&vars.order_number, "your order", "您的订单"))
        .replace("{{order_status}}", &or(&vars.order_status, "being processed", "处理中"))
        .replace("{{agent_name}}", &vars.agent_name)
}

/// A saved reply by its title (rules name the reply they send).
pub async fn by_title(conn: &mut sqlx::SqliteConnection, title: &str) -> Result<SavedReply> {
    let found: Option<SavedReply> = sqlx::query_as(
        "SELECT id, title, body, category, language FROM saved_replies WHERE title = ? COLLATE NOCASE
         ORDER BY id LIMIT 1",
    )
    .bind(title.trim())
    .fetch_optional(conn)
    .await?;
    found.ok_or_else(|| Error::Invalid(format!("there is no saved reply called '{}'", title.trim())))
}
