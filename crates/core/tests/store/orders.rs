//! Orders imported from Shopify, WooCommerce and mapped CSV exports, linked to customers.

use switchboard_core::customers::{self, ProfileUpdate};
use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::orders::{self, ColumnMapping, OrderFormat, parse_date, parse_money};
use switchboard_core::tickets;

use super::fixtures::{mail, workspace};

/// Shopify's order export: one row per line item, order fields on the first row only.
const SHOPIFY: &str = "\u{feff}Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Billing Name,Billing Phone
#1001,ann@example.com,paid,2026-11-02 10:00:00 +0800,unfulfilled,,no,USD,129.00,0.00,0.00,129.00,,0.00,Standard,2026-11-02 09:58:12 +0800,1,Aurora Headphones,99.00,,AH-1,Ann Lee,+1 555 0100
#1001,,,,,,,,,,,,,,,,2,Ear cushions,15.00,,EC-2,,
#1002,ANN@example.com,refunded,2026-10-01 08:00:00 +0800,fulfilled,2026-10-02 08:00:00 +0800,no,USD,\"1,050.00\",0.00,0.00,\"1,050.00\",,0.00,Express,2026-10-01 07:59:00 +0800,1,Studio Monitor,\"1,050.00\",,SM-1,Ann Lee,
#1003,new@example.com,paid,,unfulfilled,,no,USD,20.00,0,0,20.00,,0,Standard,2026-11-20 12:00:00 +0000,1,Cable,20.00,,C-1,Neil New,
#1004,bad@example.com,paid,,unfulfilled,,no,USD,5.00,0,0,5.00,,0,Standard,yesterday-ish,1,Sticker,5.00,,S-1,Bad Date,
";

const WOOCOMMERCE: &str = "order_id,order_number,order_date,status,order_total,order_currency,billing_first_name,billing_last_name,billing_email,billing_phone,item_name,item_quantity,item_total
55,55,2026-11-10 14:30:00,processing,\"¥1.299,00\",CNY,小明,王,,+86 138-0013-8000,降噪耳机,1,1299.00
";

#[tokio::test]
async fn shopify_orders_join_their_line_items_and_link_to_existing_customers() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let IngestOutcome::Created { ticket_id, .. } = ingest(
        &ws.store,
        &mail(
            "ann@example.com",
            "o1@x",
            "Where is my order?",
            "Order #1001",
            1_700_000_000_000,
        ),
    )
    .await
    .unwrap() else {
        panic!()
    };
    let summary = orders::import_csv(pool, SHOPIFY, &OrderFormat::Shopify).await.unwrap();
    assert_eq!(summary.orders, 3);
    assert_eq!(
        summary.customers_created, 1,
        "new@example.com becomes a customer; Ann already was one"
    );
    assert_eq!(summary.skipped_rows, 1);
    assert!(
        summary.problems[0].contains("line 6") && summary.problems[0].contains("not a date"),
        "{:?}",
        summary.problems
    );

    let ann = tickets::summary(pool, ticket_id).await.unwrap();
    let customer_id: i64 = sqlx::query_scalar("SELECT customer_id FROM tickets WHERE id = ?")
        .bind(ann.id)
        .fetch_one(pool)
        .await
        .unwrap();
    let profile = customers::profile(pool, customer_id).await.unwrap();
    assert_eq!(profile.orders.len(), 2);
    let latest = &profile.orders[0];
    assert_eq!(latest.number, "#1001");
    assert_eq!(
        (latest.status.as_str(), latest.fulfillment_status.as_str()),
        ("paid", "unfulfilled")
    );
    assert!(latest.is_open());
    assert_eq!(latest.total_cents, 12_900);
    assert_eq!(latest.items.len(), 2);
    assert_eq!(
        (
            latest.items[1].name.as_str(),
            latest.items[1].quantity,
            latest.items[1].price_cents
        ),
        ("Ear cushions", 2, 1500)
    );
    assert_eq!(latest.placed_at, parse_date("2026-11-02 09:58:12 +0800").unwrap());
    assert!(!profile.orders[1].is_open());
    assert_eq!(
        profile.lifetime_value_cents, 12_900,
        "the refunded order does not count"
    );
    assert_eq!(profile.currency, "USD");

    // Importing a newer export updates the order instead of adding it twice.
    let newer = SHOPIFY.replace(
        "#1001,ann@example.com,paid,2026-11-02 10:00:00 +0800,unfulfilled",
        "#1001,ann@example.com,paid,2026-11-02 10:00:00 +0800,fulfilled",
    );
    orders::import_csv(pool, &newer, &OrderFormat::Shopify).await.unwrap();
    let again = customers::profile(pool, customer_id).await.unwrap();
    assert_eq!(again.orders.len(), 2);
    assert_eq!(again.orders[0].fulfillment_status, "fulfilled");
    assert!(!again.orders[0].is_open());
}

#[tokio::test]
async fn woocommerce_and_mapped_exports_link_by_phone_or_email() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let summary = orders::import_csv(pool, WOOCOMMERCE, &OrderFormat::Woocommerce)
        .await
        .unwrap();
    assert_eq!((summary.orders, summary.customers_created), (1, 1));
    let (customer_id, name): (i64, String) = sqlx::query_as(
        "SELECT c.id, c.display_name FROM customers c JOIN customer_identities i ON i.customer_id = c.id
         WHERE i.channel = 'phone' AND i.address = '+8613800138000'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(name, "小明 王");
    let profile = customers::profile(pool, customer_id).await.unwrap();
    assert_eq!(
        (profile.orders[0].total_cents, profile.orders[0].currency.as_str()),
        (129_900, "CNY")
    );

    let generic = "Order,Customer mail,When,State,Amount\nA-7,zoe@example.com,2026-01-05,shipped,12.5\n";
    let mapping = ColumnMapping {
        number: "Order".into(),
        email: Some("Customer mail".into()),
        placed_at: "When".into(),
        status: Some("State".into()),
        total: Some("Amount".into()),
        ..Default::default()
    };
    let done = orders::import_csv(
        pool,
        generic,
        &OrderFormat::Mapped {
            mapping: Box::new(mapping.clone()),
        },
    )
    .await
    .unwrap();
    assert_eq!(done.orders, 1);
    let mut wrong = mapping;
    wrong.number = "Order No".into();
    let err = orders::import_csv(
        pool,
        generic,
        &OrderFormat::Mapped {
            mapping: Box::new(wrong),
        },
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("no order number column"), "{err}");
    let err = orders::import_csv(pool, SHOPIFY, &OrderFormat::Woocommerce)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("woocommerce"), "{err}");
}

#[test]
fn money_and_dates_in_the_formats_shops_write() {
    assert_eq!(parse_money("$1,234.50"), Some(123_450));
    assert_eq!(parse_money("1.234,50 €"), Some(123_450));
    assert_eq!(parse_money("¥88"), Some(8_800));
    assert_eq!(parse_money("12.5"), Some(1_250));
    assert_eq!(parse_money("-3.00"), Some(-300));
    assert_eq!(parse_money("n/a"), None);
    assert_eq!(parse_date("2026-01-05"), Some(1_767_571_200_000));
    assert_eq!(parse_date("2026-01-05T00:00:00Z"), Some(1_767_571_200_000));
    assert_eq!(parse_date("2026-01-05 08:00:00 +0800"), Some(1_767_571_200_000));
    assert_eq!(parse_date("next tuesday"), None);
}

#[tokio::test]
async fn an_agent_edits_a_profile_and_the_tier_reaches_the_sla() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    ingest(
        &ws.store,
        &mail("ann@example.com", "p1@x", "Hi", "Hello", 1_700_000_000_000),
    )
    .await
    .unwrap();
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers")
        .fetch_one(pool)
        .await
        .unwrap();
    switchboard_core::sla::refresh_dirty(pool, 1_700_000_000_000)
        .await
        .unwrap();
    let update = ProfileUpdate {
        display_name: "Ann Lee".into(),
        company: Some("Lee Audio".into()),
        language: Some("en".into()),
        tier: Some("gold".into()),
        tags: vec!["VIP".into(), "vip".into(), "reseller".into()],
        notes: "Prefers email.".into(),
    };
    let profile = customers::update(pool, id, &update).await.unwrap();
    assert_eq!(profile.tags, vec!["VIP".to_string(), "reseller".to_string()]);
    assert_eq!(profile.company.as_deref(), Some("Lee Audio"));
    let dirty: i64 = sqlx::query_scalar("SELECT count(*) FROM sla_dirty")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(dirty, 1, "the open ticket's SLA is recomputed for the new tier");
    let mut nameless = update;
    nameless.display_name = " ".into();
    assert!(customers::update(pool, id, &nameless).await.is_err());
}
