//! Rules evaluation at scale: 50 rules over 100,000 tickets, against SQLite answering the same 50
//! conditions as SQL queries over the same tickets (the reference), with the match counts compared.

use std::time::Instant;

use anyhow::Context;
use switchboard_core::Store;
use switchboard_core::rules::{
    self, Action, ActionKind, CompiledRule, Condition, Field, Match, Op, RuleDefinition, Trigger,
};

const CATEGORIES: &[&str] = &[
    "product_inquiry",
    "order_status",
    "shipping",
    "returns_refunds",
    "technical_support",
    "billing",
    "complaint",
    "suggestion",
    "account",
    "spam_other",
];
const SENTIMENTS: &[&str] = &["negative", "neutral", "positive"];
const WORDS: &[&str] = &[
    "refund", "invoice", "broken", "late", "lawyer", "package", "password", "退款", "发票", "物流", "charger",
    "warranty",
];

/// One generated rule and the SQL condition that selects the same tickets.
struct Case {
    rule: CompiledRule,
    sql: String,
}

fn case(index: usize) -> Case {
    let category = CATEGORIES[index % CATEGORIES.len()];
    let sentiment = SENTIMENTS[index % SENTIMENTS.len()];
    let (w1, w2) = (WORDS[index % WORDS.len()], WORDS[(index * 7 + 3) % WORDS.len()]);
    let threshold = 0.3 + (index % 5) as f64 * 0.1;
    let cond = |field, op, value: String| Condition { field, op, value };
    let (conditions, match_mode, sql) = match index % 5 {
        0 => (
            vec![
                cond(Field::Category, Op::Is, category.into()),
                cond(Field::Sentiment, Op::Is, sentiment.into()),
            ],
            Match::All,
            format!("t.category = '{category}' AND t.sentiment = '{sentiment}'"),
        ),
        1 => (
            vec![cond(Field::Text, Op::ContainsAny, format!("{w1}, {w2}"))],
            Match::All,
            format!(
                "(instr(lower(t.subject || char(10) || m.body_text), '{w1}') > 0
                  OR instr(lower(t.subject || char(10) || m.body_text), '{w2}') > 0)"
            ),
        ),
        2 => (
            vec![
                cond(Field::Confidence, Op::LessThan, format!("{threshold:.1}")),
                cond(Field::Priority, Op::OneOf, "high, urgent".into()),
            ],
            Match::All,
            format!("t.confidence < {threshold:.1} AND t.priority IN ('high', 'urgent')"),
        ),
        3 => (
            vec![
                cond(Field::Body, Op::Matches, format!("{w1}|{w2}")),
                cond(Field::Category, Op::Is, category.into()),
            ],
            Match::Any,
            format!(
                "(instr(lower(m.body_text), '{w1}') > 0 OR instr(lower(m.body_text), '{w2}') > 0 OR t.category = '{category}')"
            ),
        ),
        _ => (
            vec![
                cond(Field::CustomerTier, Op::Is, "gold".into()),
                cond(Field::Category, Op::IsNot, category.into()),
            ],
            Match::All,
            format!("c.tier = 'gold' AND t.category <> '{category}'"),
        ),
    };
    let definition = RuleDefinition {
        name: format!("rule {index}"),
        trigger: Trigger::Classified,
        after_hours: None,
        match_mode,
        conditions,
        actions: vec![Action {
            kind: ActionKind::AddTag,
            value: "bench".into(),
        }],
        allow_auto_reply: false,
        auto_reply_every_hours: 24,
        stop_after: false,
    };
    definition.validate().expect("generated rules are valid");
    Case {
        rule: CompiledRule::new(index as i64, definition).expect("compiles"),
        sql,
    }
}

/// Writes `count` classified tickets straight into the store (the ingest path is measured elsewhere).
async fn seed(store: &Store, count: usize) -> anyhow::Result<()> {
    let mut tx = store.pool().begin().await?;
    for i in 0..count {
        let customer: i64 = sqlx::query_scalar(
            "INSERT INTO customers (display_name, tier, created_at, updated_at) VALUES (?, ?, 0, 0) RETURNING id",
        )
        .bind(format!("Customer {i}"))
        .bind(if i % 9 == 0 { Some("gold") } else { None })
        .fetch_one(&mut *tx)
        .await?;
        let (w1, w2) = (WORDS[i % WORDS.len()], WORDS[(i * 5 + 1) % WORDS.len()]);
        let ticket: i64 = sqlx::query_scalar(
            "INSERT INTO tickets (number, subject, status, priority, category, sentiment, channel, customer_id,
                 created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, 'email', ?, ?, ?) RETURNING id",
        )
        .bind(1000 + i as i64)
        .bind(format!("Question {i} about the {w1}"))
        .bind(["low", "normal", "high", "urgent"][i % 4])
        .bind(CATEGORIES[(i * 3) % CATEGORIES.len()])
        .bind(SENTIMENTS[(i / 2) % SENTIMENTS.len()])
        .bind(customer)
        .bind(i as i64)
        .bind(i as i64)
        .fetch_one(&mut *tx)
        .await?;
        let body = format!(
            "Hello,\n\nI am writing about my order AUR-{i}. The {w2} is a problem and I would like help.\n\
             It has been a week. Please answer soon.\n\nThanks"
        );
        sqlx::query(
            "INSERT INTO messages (ticket_id, direction, author_name, author_address, subject, body_text,
                 content_hash, sent_at, created_at) VALUES (?, 'inbound', 'c', ?, '', ?, ?, ?, ?)",
        )
        .bind(ticket)
        .bind(format!("c{i}@example.com"))
        .bind(body)
        .bind(format!("bench-{i}"))
        .bind(i as i64)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO classifications (ticket_id, source, category, confidence, created_at)
             VALUES (?, 'llm', ?, ?, ?)",
        )
        .bind(ticket)
        .bind(CATEGORIES[(i * 3) % CATEGORIES.len()])
        .bind((i % 100) as f64 / 100.0)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn bench_rules(count: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(dir.path()).await?;
    let started = Instant::now();
    seed(&store, count).await?;
    println!("seeded {count} tickets in {:.1} s", started.elapsed().as_secs_f64());
    let cases: Vec<Case> = (0..50).map(case).collect();

    let started = Instant::now();
    let facts = rules::recent_facts(store.pool(), count as i64, 0).await?;
    let load = started.elapsed();
    let started = Instant::now();
    let ours: Vec<usize> = cases
        .iter()
        .map(|c| facts.iter().filter(|f| c.rule.matches(f)).count())
        .collect();
    let evaluate = started.elapsed();

    // The reference: SQLite evaluating the same conditions over the same rows (confidence denormalised
    // first so both sides read one value per ticket).
    sqlx::query("ALTER TABLE tickets ADD COLUMN confidence REAL")
        .execute(store.pool())
        .await?;
    sqlx::query(
        "UPDATE tickets SET confidence = (SELECT confidence FROM classifications WHERE ticket_id = tickets.id)",
    )
    .execute(store.pool())
    .await?;
    let started = Instant::now();
    let mut reference = Vec::new();
    for c in &cases {
        let sql = format!(
            "SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id
             JOIN messages m ON m.ticket_id = t.id AND m.direction = 'inbound' WHERE {}",
            c.sql
        );
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(store.pool())
            .await
            .context("reference query")?;
        reference.push(n as usize);
    }
    let sql_time = started.elapsed();

    let pairs = (count * cases.len()) as f64;
    println!(
        "rules: {} over {} tickets ({} rule-ticket pairs)",
        cases.len(),
        facts.len(),
        pairs
    );
    println!(
        "switchboard: load facts {:.0} ms + evaluate {:.0} ms = {:.0} ms ({:.2} µs per pair for evaluation)",
        load.as_secs_f64() * 1e3,
        evaluate.as_secs_f64() * 1e3,
        (load + evaluate).as_secs_f64() * 1e3,
        evaluate.as_secs_f64() * 1e6 / pairs
    );
    println!("reference (SQLite, 50 queries): {:.0} ms", sql_time.as_secs_f64() * 1e3);
    println!(
        "matches agree on all {} rules: {}   (total matches {})",
        cases.len(),
        ours == reference,
        ours.iter().sum::<usize>()
    );
    if ours != reference {
        for (i, (a, b)) in ours.iter().zip(&reference).enumerate().filter(|(_, (a, b))| a != b) {
            println!("  rule {i}: switchboard {a}, SQLite {b}");
        }
    }
    store.close().await;
    Ok(())
}
