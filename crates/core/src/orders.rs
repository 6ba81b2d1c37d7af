//! Customers' orders, imported from a shop's CSV export and linked to customers by email or phone, so
//! the sidebar, the reply variables and the AI draft can cite the real order.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrderItem {
    pub name: String,
    pub quantity: i64,
    /// Unit price in cents (or the currency's smallest unit).
    pub price_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Order {
    /// `shopify`, `woocommerce` or `csv`.
    pub source: String,
    pub number: String,
    /// Payment state as the shop says it (`paid`, `refunded`, `processing`…).
    pub status: String,
    /// Shipping state (`fulfilled`, `unfulfilled`, `partial`…); empty when the shop has none.
    pub fulfillment_status: String,
    pub total_cents: i64,
    pub currency: String,
    pub placed_at: i64,
    #[sqlx(json)]
    pub items: Vec<OrderItem>,
}

impl Order {
    /// Not yet shipped or done: the sidebar and the suggestions point at these.
    pub fn is_open(&self) -> bool {
        let state = format!("{} {}", self.status, self.fulfillment_status).to_lowercase();
        !["fulfilled", "completed", "cancelled", "refunded", "delivered"]
            .iter()
            .any(|done| state.split_whitespace().any(|word| word == *done))
    }
}

/// A customer's orders, newest first.
pub async fn for_customer(conn: &mut SqliteConnection, customer_id: i64) -> Result<Vec<Order>> {
    Ok(sqlx::query_as(
        "SELECT source, number, status, fulfillment_status, total_cents, currency, placed_at, items_json AS items
         FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC",
    )
    .bind(customer_id)
    .fetch_all(conn)
    .await?)
}

/// Which shop wrote the file, or which columns hold what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OrderFormat {
    Shopify,
    Woocommerce,
    /// Any CSV: the agent names the columns.
    Mapped {
        mapping: Box<ColumnMapping>,
    },
}

/// Column names of a generic order CSV; only `number`, `email` or `phone`, and `placed_at` are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnMapping {
    pub number: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub customer_name: Option<String>,
    pub placed_at: String,
    pub status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub total: Option<String>,
    pub currency: Option<String>,
    pub item_name: Option<String>,
    pub item_quantity: Option<String>,
    pub item_price: Option<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Candidate header names per field, tried in order (case and spacing ignored).
struct Columns {
    source: &'static str,
    number: Vec<String>,
    email: Vec<String>,
    phone: Vec<String>,
    name: Vec<String>,
    first_name: Vec<String>,
    last_name: Vec<String>,
    placed_at: Vec<String>,
    status: Vec<String>,
    fulfillment: Vec<String>,
    total: Vec<String>,
    currency: Vec<String>,
    item_name: Vec<String>,
    item_quantity: Vec<String>,
    item_price: Vec<String>,
}

impl Columns {
    fn of(format: &OrderFormat) -> Columns {
        match format {
            OrderFormat::Shopify => Columns {
                source: "shopify",
                number: names(&["Name"]),
                email: names(&["Email"]),
                phone: names(&["Phone", "Billing Phone", "Shipping Phone"]),
                name: names(&["Billing Name", "Shipping Name"]),
                first_name: vec![],
                last_name: vec![],
                placed_at: names(&["Created at", "Paid at"]),
                status: names(&["Financial Status"]),
                fulfillment: names(&["Fulfillment Status"]),
                total: names(&["Total"]),
                currency: names(&["Currency"]),
                item_name: names(&["Lineitem name"]),
                item_quantity: names(&["Lineitem quantity"]),
                item_price: names(&["Lineitem price"]),
            },
            OrderFormat::Woocommerce => Columns {
                source: "woocommerce",
                number: names(&["order_number", "Order Number", "order_id", "Order ID"]),
                email: names(&["billing_email", "Billing Email", "Email (Billing)", "customer_email"]),
                phone: names(&["billing_phone", "Billing Phone", "Phone (Billing)"]),
                name: vec![],
                first_name: names(&["billing_first_name", "Billing First Name", "First Name (Billing)"]),
                last_name: names(&["billing_last_name", "Billing Last Name", "Last Name (Billing)"]),
                placed_at: names(&["order_date", "Order Date", "date_created", "Date"]),
                status: names(&["status", "Order Status"]),
                fulfillment: vec![],
                total: names(&["order_total", "Order Total", "Order Total Amount", "total"]),
                currency: names(&["order_currency", "Order Currency", "Currency"]),
                item_name: names(&["item_name", "Item Name", "Product Name", "line_item_name"]),
                item_quantity: names(&["item_quantity", "Quantity", "Quantity (- Refund)", "Qty"]),
                item_price: names(&["item_price", "Item Cost", "Item Price", "item_total", "Item Total"]),
            },
            OrderFormat::Mapped { mapping } => {
                let one = |c: &Option<String>| c.iter().cloned().collect::<Vec<_>>();
                Columns {
                    source: "csv",
                    number: vec![mapping.number.clone()],
                    email: one(&mapping.email),
                    phone: one(&mapping.phone),
                    name: one(&mapping.customer_name),
                    first_name: vec![],
                    last_name: vec![],
                    placed_at: vec![mapping.placed_at.clone()],
                    status: one(&mapping.status),
                    fulfillment: one(&mapping.fulfillment_status),
                    total: one(&mapping.total),
                    currency: one(&mapping.currency),
                    item_name: one(&mapping.item_name),
                    item_quantity: one(&mapping.item_quantity),
                    item_price: one(&mapping.item_price),
                }
            }
        }
    }
}

fn key(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '_'], "")
}

/// What an order import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrderImportSummary {
    pub orders: u32,
    pub customers_created: u32,
    /// Rows that could not be used, each with its line number and why (the first 20).
    pub problems: Vec<String>,
    pub skipped_rows: u32,
}

/// One row read into an order, before grouping.
struct Line {
    number: String,
    email: Option<String>,
    phone: Option<String>,
    name: Option<String>,
    placed_at: Option<i64>,
    status: String,
    fulfillment: String,
    total_cents: Option<i64>,
    currency: String,
    item: Option<OrderItem>,
}

/// Imports orders from CSV text: all rows that can be read, in one transaction. An order seen again
/// (same shop, same number) is replaced, so importing a newer export updates statuses.
pub async fn import_csv(pool: &SqlitePool, csv_text: &str, format: &OrderFormat) -> Result<OrderImportSummary> {
    let columns = Columns::of(format);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::Invalid(format!("the file is not CSV: {e}")))?
        .iter()
        .map(key)
        .collect();
    let find = |candidates: &[String]| {
        candidates
            .iter()
            .find_map(|c| headers.iter().position(|h| *h == key(c)))
    };
    let number_col = find(&columns.number).ok_or_else(|| {
        Error::Invalid(format!(
            "no order number column (looked for {}); is this a {} export?",
            columns.number.join(", "),
            columns.source
        ))
    })?;
    let placed_col = find(&columns.placed_at).ok_or_else(|| {
        Error::Invalid(format!(
            "no order date column (looked for {})",
            columns.placed_at.join(", ")
        ))
    })?;
    let (email_col, phone_col) = (find(&columns.email), find(&columns.phone));
    if email_col.is_none() && phone_col.is_none() {
        return Err(Error::Invalid(
            "no customer email or phone column: orders could not be linked".into(),
        ));
    }
    let col = |c: &[String]| find(c);
    let (name_col, first_col, last_col) = (col(&columns.name), col(&columns.first_name), col(&columns.last_name));
    let (status_col, fulfil_col, total_col, currency_col) = (
        col(&columns.status),
        col(&columns.fulfillment),
        col(&columns.total),
        col(&columns.currency),
    );
    let (item_col, qty_col, price_col) = (
        col(&columns.item_name),
        col(&columns.item_quantity),
        col(&columns.item_price),
    );

    let mut summary = OrderImportSummary::default();
    let mut lines = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line_no = index as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problem(&mut summary, line_no, format!("not readable: {e}"));
                continue;
            }
        };
        let get = |c: Option<usize>| {
            c.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let Some(number) = get(Some(number_col)) else {
            problem(&mut summary, line_no, "no order number".into());
            continue;
        };
        let placed_at = match get(Some(placed_col)) {
            Some(text) => match parse_date(&text) {
                Some(ms) => Some(ms),
                None => {
                    problem(&mut summary, line_no, format!("'{text}' is not a date"));
                    continue;
                }
            },
            None => None,
        };
        let name = get(name_col).or_else(|| {
            let full = format!(
                "{} {}",
                get(first_col).unwrap_or_default(),
                get(last_col).unwrap_or_default()
            );
            Some(full.trim().to_string()).filter(|n| !n.is_empty())
        });
        let item = get(item_col).map(|name| OrderItem {
            name,
            quantity: get(qty_col).and_then(|q| q.parse().ok()).unwrap_or(1),
            price_cents: get(price_col).and_then(|p| parse_money(&p)).unwrap_or(0),
        });
        lines.push(Line {
            number,
            email: get(email_col).map(|e| e.to_lowercase()),
            phone: get(phone_col).map(|p| normalise_phone(&p)).filter(|p| !p.is_empty()),
            name,
            placed_at,
            status: get(status_col).unwrap_or_default(),
            fulfillment: get(fulfil_col).unwrap_or_default(),
            total_cents: get(total_col).and_then(|t| parse_money(&t)),
            currency: get(currency_col).unwrap_or_default(),
            item,
        });
    }

    // Shopify and item-per-row exports repeat the order on each line item; order fields fill in once.
    let mut order_index: HashMap<String, usize> = HashMap::new();
    let mut orders: Vec<(Line, Vec<OrderItem>)> = Vec::new();
    for mut line in lines {
        let item = line.item.take();
        match order_index.get(&line.number) {
            Some(&i) => {
                let (order, items) = &mut orders[i];
                fill(&mut order.email, line.email);
                fill(&mut order.phone, line.phone);
                fill(&mut order.name, line.name);
                fill(&mut order.placed_at, line.placed_at);
                fill(&mut order.total_cents, line.total_cents);
                items.extend(item);
            }
            None => {
                order_index.insert(line.number.clone(), orders.len());
                orders.push((line, item.into_iter().collect()));
            }
        }
    }

    let mut tx = crate::store::begin_write(pool).await?;
    for (order, items) in orders {
        let Some(placed_at) = order.placed_at else {
            problem(&mut summary, 0, format!("order {} has no date", order.number));
            continue;
        };
        let identity = match (&order.email, &order.phone) {
            (Some(email), _) => ("email", email.clone()),
            (None, Some(phone)) => ("phone", phone.clone()),
            (None, None) => {
                problem(&mut summary, 0, format!("order {} has no email or phone", order.number));
                continue;
            }
        };
        let (customer_id, created) = customer_for(&mut tx, identity, order.name.as_deref()).await?;
        summary.customers_created += u32::from(created);
        let total = order
            .total_cents
            .unwrap_or_else(|| items.iter().map(|i| i.price_cents * i.quantity).sum());
        sqlx::query(
            "INSERT INTO orders (customer_id, source, number, status, fulfillment_status, total_cents, currency,
                 placed_at, items_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (source, number) DO UPDATE SET customer_id = excluded.customer_id,
                 status = excluded.status, fulfillment_status = excluded.fulfillment_status,
                 total_cents = excluded.total_cents, currency = excluded.currency, placed_at = excluded.placed_at,
                 items_json = excluded.items_json",
        )
        .bind(customer_id)
        .bind(columns.source)
        .bind(&order.number)
        .bind(&order.status)
        .bind(&order.fulfillment)
        .bind(total)
        .bind(&order.currency)
        .bind(placed_at)
        .bind(serde_json::to_string(&items).unwrap_or_else(|_| "[]".into()))
        .execute(&mut *tx)
        .await?;
        summary.orders += 1;
    }
    tx.commit().await?;
    Ok(summary)
}

fn problem(summary: &mut OrderImportSummary, line: u64, why: String) {
    summary.skipped_rows += 1;
    if summary.problems.len() < 20 {
        summary
            .problems
            .push(if line > 0 { format!("line {line}: {why}") } else { why });
    }
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The customer with this email or phone; created (with that identity) when the shop knows them first.
async fn customer_for(
    conn: &mut SqliteConnection,
    (channel, address): (&str, String),
    name: Option<&str>,
) -> Result<(i64, bool)> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM customer_identities WHERE channel = ? AND address = ?")
            .bind(channel)
            .bind(&address)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    let now = crate::time::now_ms();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO customers (display_name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name.unwrap_or(&address))
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO customer_identities (customer_id, channel, address) VALUES (?, ?, ?)")
        .bind(id)
        .bind(channel)
        .bind(&address)
        .execute(&mut *conn)
        .await?;
    Ok((id, true))
}

/// Digits and a leading `+`: `+86 138-0013-8000` and `+8613800138000` are the same phone.
pub fn normalise_phone(phone: &str) -> String {
    let trimmed = phone.trim().trim_start_matches('\'');
    let plus = trimmed.starts_with('+');
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if plus { format!("+{digits}") } else { digits }
}

/// `"$1,234.50"`, `"1234.5"`, `"¥88"`, `"1.234,50"` → cents.
pub fn parse_money(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    // The last separator followed by one or two digits is the decimal point; any other is a thousands mark.
    let decimal_at = cleaned
        .rfind(['.', ','])
        .filter(|&i| (1..=2).contains(&(cleaned.len() - i - 1)));
    let (whole, fraction) = match decimal_at {
        Some(i) => (&cleaned[..i], &cleaned[i + 1..]),
        None => (cleaned.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
    let whole: i64 = if whole.is_empty() || whole == "-" {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    let negative = cleaned.starts_with('-');
    Some(if negative {
        whole * 100 - cents
    } else {
        whole * 100 + cents
    })
}

/// Dates as shops write them; a date without a zone is read as UTC.
pub fn parse_date(text: &str) -> Option<i64> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.timestamp_millis());
    }
    for format in ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z"] {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some(t.timestamp_millis());
        }
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc().timestamp_millis());
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            return Some(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis());
        }
    }
    None
}
