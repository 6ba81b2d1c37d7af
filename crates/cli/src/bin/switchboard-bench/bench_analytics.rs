//! The analytics dashboard at 1,000,000 tickets: a year of generated tickets (classified, some corrected,
//! answered, resolved, some pending, SLA breaches, automatic replies), then the dashboard and its
//! suggestions for 7, 30, 90 and 365 days, each timed including the JSON the UI receives. The reference,
//! measured on the same database in the same run, is the sqlite3 shell answering a single chart (tickets
//! per day and channel for the same range) with one GROUP BY.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;
use switchboard_core::Store;
use switchboard_core::analytics::{self, AnalyticsQuery, insights};
use switchboard_core::time::now_ms;

const DAY: i64 = 86_400_000;
const BATCH: usize = 100_000;

/// `dir`: a workspace to reuse (generated there first if empty), so repeated runs skip generation.
pub async fn bench_analytics(tickets: usize, dir: Option<String>) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let path = dir.map_or_else(|| scratch.path().to_path_buf(), std::path::PathBuf::from);
    let db = path.join(switchboard_core::store::DATABASE_FILE);
    let existed = db.exists();
    let store = Store::open(&path).await?;
    let pool = store.pool();
    let now = if existed {
        // The generated year ends at the newest ticket.
        sqlx::query_scalar("SELECT max(created_at) FROM tickets")
            .fetch_one(pool)
            .await?
    } else {
        let now = now_ms();
        let started = Instant::now();
        generate(pool, tickets, now).await?;
        println!(
            "generated {tickets} tickets over 365 days in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        now
    };
    anyhow::ensure!(db.exists(), "expected the workspace database at {}", db.display());

    println!(
        "\n| range | dashboard + JSON (median of 3) | insights (median of 3) | tickets in range | sqlite3 shell, one GROUP BY chart |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for days in [7, 30, 90, 365] {
        let query = AnalyticsQuery {
            from: now - days * DAY,
            to: now,
            ..Default::default()
        };
        let mut dashboard_times = Vec::new();
        let mut in_range = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let d = analytics::dashboard(pool, &query, now).await?;
            let json = serde_json::to_string(&d)?;
            dashboard_times.push(t.elapsed());
            in_range = d.volume.total_created;
            anyhow::ensure!(json.len() > 100, "the dashboard came back empty");
        }
        let mut insight_times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            insights::compute(pool, &query, now).await?;
            insight_times.push(t.elapsed());
        }
        let reference = sqlite_shell_chart(&db, query.from, query.to)?;
        println!(
            "| last {days} days | {} | {} | {in_range} | {} |",
            ms(crate::median(&mut dashboard_times)),
            ms(crate::median(&mut insight_times)),
            ms(reference)
        );
    }
    let filtered = AnalyticsQuery {
        from: now - 30 * DAY,
        to: now,
        channel: Some("email".into()),
        ..Default::default()
    };
    let t = Instant::now();
    analytics::dashboard(pool, &filtered, now).await?;
    println!("\nlast 30 days, email only: {}", ms(t.elapsed()));
    Ok(())
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// The sqlite3 shell counting tickets per day and channel in the range (process start included).
fn sqlite_shell_chart(db: &std::path::Path, from: i64, to: i64) -> anyhow::Result<Duration> {
    let sql = format!(
        "SELECT date(created_at / 1000, 'unixepoch') AS day, channel, count(*) FROM tickets
         WHERE created_at >= {from} AND created_at < {to} GROUP BY day, channel;"
    );
    let t = Instant::now();
    let out = Command::new("sqlite3")
        .arg("-readonly")
        .arg(db)
        .arg(&sql)
        .output()
        .context("running sqlite3 (apt install sqlite3)")?;
    let elapsed = t.elapsed();
    anyhow::ensure!(
        out.status.success(),
        "sqlite3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(elapsed)
}

/// Tickets spread evenly over the last 365 days, written in batches by SQL so generation stays fast.
async fn generate(pool: &sqlx::SqlitePool, tickets: usize, now: i64) -> anyhow::Result<()> {
    let customers = (tickets / 10).max(1);
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {customers})
         INSERT INTO customers (id, display_name, created_at, updated_at)
         SELECT i, 'Customer ' || i, 0, 0 FROM n;"
    )))
    .execute(pool)
    .await?;
    let span = 365 * DAY;
    let recent = tickets * 351 / 365;
    let mut first = 1;
    while first <= tickets {
        let last = (first + BATCH - 1).min(tickets);
        let sql = format!(
            "BEGIN;
             WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO tickets (id, number, subject, status, priority, category, sentiment, channel, customer_id,
                 queue, created_at, updated_at, first_response_at, resolved_at, sla_policy, rules_fired, reopen_count)
             SELECT i, i,
                 CASE i % 7 WHEN 0 THEN 'Order ' || i || ' arrived late' WHEN 1 THEN 'Refund for invoice ' || i
                     WHEN 2 THEN '包裹破损 ' || i WHEN 3 THEN 'Password reset not working'
                     WHEN 4 THEN 'Charger broken after ' || (i % 30) || ' days' WHEN 5 THEN '发票抬头错误'
                     ELSE 'Question about product ' || (i % 500) END,
                 CASE WHEN {resolved} THEN 'resolved' WHEN {pending} THEN 'pending' ELSE 'open' END,
                 CASE i % 13 WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'low' ELSE 'normal' END,
                 CASE i % 10 WHEN 0 THEN 'product_inquiry' WHEN 1 THEN 'order_status' WHEN 2 THEN 'shipping'
                     WHEN 3 THEN 'returns_refunds' WHEN 4 THEN 'technical_support' WHEN 5 THEN 'billing'
                     WHEN 6 THEN 'complaint' WHEN 7 THEN 'suggestion' WHEN 8 THEN 'account' ELSE NULL END,
                 CASE i % 3 WHEN 0 THEN 'negative' WHEN 1 THEN 'neutral' ELSE 'positive' END,
                 CASE WHEN i % 20 = 0 THEN 'telegram' WHEN i % 20 = 1 THEN 'wechat' ELSE 'email' END,
                 1 + (i * 7919) % {customers},
                 CASE i % 4 WHEN 0 THEN 'Billing' WHEN 1 THEN 'Technical' WHEN 2 THEN 'After-sales' ELSE NULL END,
                 {start} + i * {step}, {start} + i * {step},
                 CASE WHEN i % 10 < 9 THEN {start} + i * {step} + (i % 97) * 300000 END,
                 CASE WHEN {resolved} THEN {start} + i * {step} + (i % 89) * 3600000 END,
                 CASE WHEN i % 5 <> 0 THEN 'Normal' END,
                 CASE WHEN i % 6 = 0 THEN 1 ELSE 0 END,
                 CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END
             FROM n;
             WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO classifications (ticket_id, source, category, priority, confidence, created_at)
             SELECT i, CASE WHEN i % 3 = 0 THEN 'local_model' ELSE 'llm' END,
                 CASE (i * 3) % 11 WHEN 10 THEN 'spam_other' ELSE
                     CASE i % 10 WHEN 0 THEN 'product_inquiry' WHEN 1 THEN 'order_status' WHEN 2 THEN 'shipping'
                     WHEN 3 THEN 'returns_refunds' WHEN 4 THEN 'technical_support' WHEN 5 THEN 'billing'
                     WHEN 6 THEN 'complaint' WHEN 7 THEN 'suggestion' WHEN 8 THEN 'account' ELSE NULL END END,
                 'normal', (i % 100) / 100.0, 0
             FROM n;
             WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO classifications (ticket_id, source, category, priority, created_at)
             SELECT i, 'agent', CASE WHEN i % 10 = 9 THEN 'spam_other' ELSE 'complaint' END, 'high', 1
             FROM n WHERE (i * 3) % 11 = 10;
             WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO sla_breaches (ticket_id, target, due_at)
             SELECT i, 'first_response', {start} + i * {step} + 3600000 FROM n WHERE i % 9 = 0;
             WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO ticket_pauses (ticket_id, started_at, ended_at)
             SELECT i, {start} + i * {step} + 600000, NULL FROM n WHERE {pending};
             DELETE FROM sla_dirty;
             COMMIT;",
            start = now - span,
            step = span / tickets as i64,
            // Like a real desk: tickets older than two weeks are nearly all resolved; recent ones are mixed.
            resolved = format!("(CASE WHEN i < {recent} THEN i % 100 < 98 ELSE i % 10 < 6 END)"),
            pending = format!("(CASE WHEN i < {recent} THEN i % 100 = 98 ELSE i % 10 IN (6, 7) END)"),
        );
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(pool).await?;
        first = last + 1;
    }
    sqlx::raw_sql("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .execute(pool)
        .await?;
    Ok(())
}
