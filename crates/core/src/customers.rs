//! Customer profiles: who the customer is across channels, what they bought and what the team knows.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use crate::model::CustomerIdentity;
use crate::orders::{self, Order};
use crate::time::now_ms;
use crate::{Error, Result, ticket_actions};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerProfile {
    pub id: i64,
    pub display_name: String,
    pub company: Option<String>,
    pub language: Option<String>,
    pub tier: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
    pub identities: Vec<CustomerIdentity>,
    pub ticket_count: i64,
    /// Sum of the customer's orders, in cents of `currency` (the currency of most of them).
    pub lifetime_value_cents: i64,
    pub currency: String,
    /// Newest first.
    pub orders: Vec<Order>,
    /// The picture the customer's chat platform gave (a `data:` URL of a JPEG, PNG, GIF or WebP).
    pub avatar: Option<String>,
}

/// What the agent can edit on a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileUpdate {
    pub display_name: String,
    pub company: Option<String>,
    pub language: Option<String>,
    pub tier: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    display_name: String,
    company: Option<String>,
    language: Option<String>,
    tier: Option<String>,
    tags_json: String,
    notes: String,
    avatar: Option<Vec<u8>>,
    avatar_type: Option<String>,
}

pub async fn profile(pool: &SqlitePool, customer_id: i64) -> Result<CustomerProfile> {
    let mut conn = pool.acquire().await?;
    let row: Option<Row> =
        sqlx::query_as(
            "SELECT display_name, company, language, tier, tags_json, notes, avatar, avatar_type FROM customers WHERE id = ?",
        )
            .bind(customer_id)
            .fetch_optional(&mut *conn)
            .await?;
    let row = row.ok_or_else(|| Error::Invalid(format!("customer {customer_id} does not exist")))?;
    let identities =
        sqlx::query_as("SELECT channel, address FROM customer_identities WHERE customer_id = ? ORDER BY id")
            .bind(customer_id)
            .fetch_all(&mut *conn)
            .await?;
    let ticket_count: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE customer_id = ?")
        .bind(customer_id)
        .fetch_one(&mut *conn)
        .await?;
    let orders = orders::for_customer(&mut conn, customer_id).await?;
    let currency = main_currency(&orders);
    let lifetime_value_cents = orders
        .iter()
        .filter(|o| o.currency == currency && !o.status.eq_ignore_ascii_case("refunded"))
        .map(|o| o.total_cents)
        .sum();
    Ok(CustomerProfile {
        id: customer_id,
        display_name: row.display_name,
        company: row.company,
        language: row.language,
        tier: row.tier,
        tags: serde_json::from_str(&row.tags_json).unwrap_or_default(),
        notes: row.notes,
        identities,
        ticket_count,
        lifetime_value_cents,
        currency,
        orders,
        avatar: match (row.avatar, row.avatar_type) {
            (Some(bytes), Some(kind)) => Some(format!(
                "data:{kind};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            )),
            _ => None,
        },
    })
}

/// Largest picture kept for a customer.
pub const MAX_AVATAR_BYTES: usize = 256 * 1024;

/// Keeps the picture a chat platform shows for the customer reached at `address`. Only raster images a
/// browser shows without running anything (never SVG), and small ones; anything else is refused.
pub async fn set_avatar(
    conn: &mut sqlx::SqliteConnection,
    channel: crate::model::ChannelKind,
    address: &str,
    bytes: &[u8],
    content_type: &str,
) -> Result<bool> {
    let kind = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if !matches!(kind.as_str(), "image/jpeg" | "image/png" | "image/gif" | "image/webp")
        || bytes.is_empty()
        || bytes.len() > MAX_AVATAR_BYTES
    {
        return Ok(false);
    }
    let changed = sqlx::query(
        "UPDATE customers SET avatar = ?, avatar_type = ?
         WHERE id = (SELECT customer_id FROM customer_identities WHERE channel = ? AND address = ?)",
    )
    .bind(bytes)
    .bind(&kind)
    .bind(channel.as_str())
    .bind(address)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

fn main_currency(orders: &[Order]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for order in orders {
        match counts.iter_mut().find(|(c, _)| *c == order.currency) {
            Some((_, n)) => *n += 1,
            None => counts.push((order.currency.clone(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
        .unwrap_or_default()
}

fn optional(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Saves what the agent edited; the tier change re-picks SLA policies of the customer's open tickets.
pub async fn update(pool: &SqlitePool, customer_id: i64, update: &ProfileUpdate) -> Result<CustomerProfile> {
    let name = update.display_name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("a customer needs a name".into()));
    }
    let mut tags = Vec::new();
    for tag in &update.tags {
        let tag = ticket_actions::normalise_tag(tag)?;
        if !tags.iter().any(|t: &String| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }
    let changed = sqlx::query(
        "UPDATE customers SET display_name = ?, company = ?, language = ?, tier = ?, tags_json = ?, notes = ?,
             updated_at = ? WHERE id = ?",
    )
    .bind(name)
    .bind(optional(&update.company))
    .bind(optional(&update.language))
    .bind(optional(&update.tier))
    .bind(serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into()))
    .bind(update.notes.trim())
    .bind(now_ms())
    .bind(customer_id)
    .execute(pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::Invalid(format!("customer {customer_id} does not exist")));
    }
    profile(pool, customer_id).await
}
