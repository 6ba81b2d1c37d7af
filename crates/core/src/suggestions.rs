//! Personalized suggestions for the ticket in front of the agent, from the customer's history and orders.
//! Each one says why it is offered (the facts it rests on) and does nothing until the agent accepts it;
//! a dismissed suggestion does not come back on that ticket.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqlitePool;

use crate::model::Priority;
use crate::orders::Order;
use crate::{Error, Result, audit, customers, tickets};

/// Orders worth this much in total (in the main currency's cents) make a valuable customer.
const VALUABLE_CENTS: i64 = 100_000;
/// An earlier ticket within this many days on the same topic is a repeat issue.
const REPEAT_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    /// The customer has an order not yet shipped or done: tell them where it stands.
    OpenOrderStatus,
    /// A repeat buyer with a delivery problem or a complaint: apologise and offer a coupon.
    ApologyWithCoupon,
    /// A valuable or tiered customer whose ticket has a low priority: raise it.
    RaisePriority,
    /// The customer asks for a refund the shop already made.
    AlreadyRefunded,
    /// The customer wrote about the same topic recently: look at that ticket.
    RepeatIssue,
}

/// What accepting a suggestion does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SuggestionAction {
    /// Put this text (in the customer's language) into the composer.
    InsertText {
        text: String,
    },
    SetPriority {
        priority: Priority,
    },
    OpenTicket {
        ticket_id: i64,
    },
}

/// A suggestion and the facts behind it; the UI words the title and reason in the agent's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    /// Stable for the ticket (e.g. `open_order:#1001`), so a dismissal sticks.
    pub id: String,
    pub kind: SuggestionKind,
    pub action: SuggestionAction,
    /// The order it is about, if any.
    pub order: Option<Order>,
    /// The earlier ticket (number) of a repeat issue.
    pub related_ticket_number: Option<i64>,
    pub order_count: i64,
    pub lifetime_value_cents: i64,
    pub currency: String,
    pub tier: Option<String>,
}

fn chinese(language: Option<&str>) -> bool {
    language.is_some_and(|l| l.starts_with("zh"))
}

fn delivery_topic(category: Option<&str>) -> bool {
    matches!(category, Some("shipping" | "order_status"))
}

/// Suggestions for a ticket, most useful first, without those the agent dismissed or accepted.
pub async fn for_ticket(pool: &SqlitePool, ticket_id: i64) -> Result<Vec<Suggestion>> {
    let ticket = tickets::summary(pool, ticket_id).await?;
    if !ticket.status.is_open() {
        return Ok(Vec::new());
    }
    let customer_id: i64 = sqlx::query_scalar("SELECT customer_id FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await?;
    let profile = customers::profile(pool, customer_id).await?;
    let language = ticket.language.as_deref().or(profile.language.as_deref());
    let zh = chinese(language);
    let category = ticket.category.as_deref();
    let base = |id: String, kind, action, order: Option<&Order>| Suggestion {
        id,
        kind,
        action,
        order: order.cloned(),
        related_ticket_number: None,
        order_count: profile.orders.len() as i64,
        lifetime_value_cents: profile.lifetime_value_cents,
        currency: profile.currency.clone(),
        tier: profile.tier.clone(),
    };
    let mut found = Vec::new();

    if let Some(order) = profile.orders.iter().find(|o| o.is_open())
        && (delivery_topic(category) || mentions(&ticket, &order.number))
    {
        let state = if order.fulfillment_status.is_empty() {
            &order.status
        } else {
            &order.fulfillment_status
        };
        let text = if zh {
            format!(
                "您的订单 {} 目前的状态是：{}。一有新进展我们会马上通知您。",
                order.number, state
            )
        } else {
            format!(
                "Your order {} is currently {}. We will let you know as soon as that changes.",
                order.number, state
            )
        };
        found.push(base(
            format!("open_order:{}", order.number),
            SuggestionKind::OpenOrderStatus,
            SuggestionAction::InsertText { text },
            Some(order),
        ));
    }

    let unhappy = ticket.sentiment.as_deref() == Some("negative") || category == Some("complaint");
    if profile.orders.len() >= 2 && (delivery_topic(category) || unhappy) {
        let text = if zh {
            "非常抱歉给您带来不便。作为我们的老顾客，我们为您准备了一张下次购物可用的 9 折优惠券。".to_string()
        } else {
            "I am sorry for the trouble. As a thank-you for shopping with us again and again, here is a 10% coupon \
             for your next order."
                .to_string()
        };
        found.push(base(
            "apology_coupon".into(),
            SuggestionKind::ApologyWithCoupon,
            SuggestionAction::InsertText { text },
            profile.orders.first(),
        ));
    }

    if category == Some("returns_refunds")
        && let Some(order) = profile
            .orders
            .iter()
            .find(|o| o.status.eq_ignore_ascii_case("refunded"))
    {
        let text = if zh {
            format!("订单 {} 的退款已经完成，款项会按原支付方式退回。", order.number)
        } else {
            format!(
                "The refund for order {} has already been made to your original payment method.",
                order.number
            )
        };
        found.push(base(
            format!("refunded:{}", order.number),
            SuggestionKind::AlreadyRefunded,
            SuggestionAction::InsertText { text },
            Some(order),
        ));
    }

    let valuable = profile.lifetime_value_cents >= VALUABLE_CENTS || profile.tier.is_some();
    if valuable && matches!(ticket.priority, Priority::Normal | Priority::Low) {
        found.push(base(
            "raise_priority".into(),
            SuggestionKind::RaisePriority,
            SuggestionAction::SetPriority {
                priority: Priority::High,
            },
            None,
        ));
    }

    if let Some(category) = category {
        let since = ticket.created_at - REPEAT_DAYS * 86_400_000;
        let earlier: Option<(i64, i64)> = sqlx::query_as(
            "SELECT id, number FROM tickets WHERE customer_id = ? AND id <> ? AND category = ? AND created_at >= ?
             ORDER BY created_at DESC LIMIT 1",
        )
        .bind(customer_id)
        .bind(ticket_id)
        .bind(category)
        .bind(since)
        .fetch_optional(pool)
        .await?;
        if let Some((id, number)) = earlier {
            let mut s = base(
                format!("repeat:{number}"),
                SuggestionKind::RepeatIssue,
                SuggestionAction::OpenTicket { ticket_id: id },
                None,
            );
            s.related_ticket_number = Some(number);
            found.push(s);
        }
    }

    let settled: Vec<String> = sqlx::query_scalar(
        "SELECT json_extract(data_json, '$.id') FROM events
         WHERE ticket_id = ? AND kind IN ('suggestion_accepted', 'suggestion_dismissed')",
    )
    .bind(ticket_id)
    .fetch_all(pool)
    .await?;
    found.retain(|s| !settled.contains(&s.id));
    Ok(found)
}

fn mentions(ticket: &crate::model::TicketSummary, number: &str) -> bool {
    let bare = number.trim_start_matches('#');
    !bare.is_empty() && (ticket.subject.contains(bare) || ticket.preview.contains(bare))
}

/// The agent accepts or dismisses a suggestion. Accepting a priority change applies it as the agent's
/// decision; text goes to the composer on the agent's side, so nothing is sent.
pub async fn settle(pool: &SqlitePool, ticket_id: i64, suggestion_id: &str, accepted: bool, actor: &str) -> Result<()> {
    let current = for_ticket(pool, ticket_id).await?;
    let suggestion = current
        .iter()
        .find(|s| s.id == suggestion_id)
        .ok_or_else(|| Error::Invalid("that suggestion no longer applies to this ticket".into()))?;
    if accepted && let SuggestionAction::SetPriority { priority } = suggestion.action {
        let mut tx = crate::store::begin_write(pool).await?;
        sqlx::query("UPDATE tickets SET priority = ? WHERE id = ?")
            .bind(priority)
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Some(ticket_id),
            "priority_changed",
            actor,
            json!({ "to": priority }),
        )
        .await?;
        tx.commit().await?;
    }
    let mut conn = pool.acquire().await?;
    audit::record(
        &mut conn,
        Some(ticket_id),
        if accepted {
            "suggestion_accepted"
        } else {
            "suggestion_dismissed"
        },
        actor,
        json!({ "id": suggestion_id, "kind": suggestion.kind }),
    )
    .await
}
