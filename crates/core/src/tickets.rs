//! Reading and changing tickets: the list views, their counts, the conversation, status changes.

use serde_json::json;
use sqlx::SqlitePool;

use crate::model::{
    Attachment, ChannelKind, Customer, CustomerIdentity, Message, TicketDetail, TicketSort, TicketStatus,
    TicketSummary, TicketView, ViewCount,
};
use crate::time::now_ms;
use crate::{Error, Result, audit, classification, outbox};

/// Columns of [`TicketSummary`]; `FROM tickets t JOIN customers c` must follow.
pub(crate) const SUMMARY_COLUMNS: &str = "t.id, t.number, t.subject, t.status, t.priority, t.category, t.sentiment,
    t.language, t.channel,
    c.display_name AS customer_name,
    coalesce((SELECT address FROM customer_identities i WHERE i.customer_id = c.id ORDER BY i.id LIMIT 1), '')
        AS customer_address,
    t.preview, t.summary, t.message_count, t.needs_review, t.unread, t.auto_generated, t.assignee,
    (SELECT coalesce(json_group_array(name), '[]') FROM (SELECT g.name FROM ticket_tags tt JOIN tags g
        ON g.id = tt.tag_id WHERE tt.ticket_id = t.id ORDER BY g.name)) AS tags,
    t.snoozed_until, t.queue, t.sla_due_at, t.sla_paused, t.created_at, t.updated_at";

/// The name the agent of this workspace is known by: replies are signed with it, "Mine" is what is
/// assigned to it.
pub const DEFAULT_AGENT_NAME: &str = "Support";
pub(crate) const ME: &str = "coalesce((SELECT value FROM settings WHERE key = 'agent.name'), 'Support')";

/// New and open tickets that are not snoozed (`?` is now).
const OPEN: &str = "t.status IN ('new', 'open') AND (t.snoozed_until IS NULL OR t.snoozed_until <= ?)";

/// A value bound into a view's SQL condition.
pub(crate) enum Bind {
    Now,
    Text(String),
    Int(i64),
}

/// The SQL condition selecting a view's tickets, and the values its placeholders take.
fn view_filter(view: &TicketView) -> (String, Vec<Bind>) {
    use Bind::*;
    match view {
        TicketView::AllOpen => (OPEN.into(), vec![Now]),
        TicketView::Mine => (format!("{OPEN} AND t.assignee = {ME}"), vec![Now]),
        TicketView::Unassigned => (format!("{OPEN} AND t.assignee IS NULL"), vec![Now]),
        TicketView::NeedsReview => (format!("{OPEN} AND t.needs_review = 1"), vec![Now]),
        TicketView::Urgent => (format!("{OPEN} AND t.priority = 'urgent'"), vec![Now]),
        TicketView::Snoozed => (
            "t.status IN ('new', 'open', 'pending') AND t.snoozed_until > ?".into(),
            vec![Now],
        ),
        TicketView::Pending => ("t.status = 'pending'".into(), vec![]),
        TicketView::Resolved => ("t.status IN ('resolved', 'closed')".into(), vec![]),
        TicketView::Channel { channel } => (
            format!("{OPEN} AND t.channel = ?"),
            vec![Now, Text(channel.as_str().into())],
        ),
        TicketView::Category { category } => (format!("{OPEN} AND t.category = ?"), vec![Now, Text(category.clone())]),
        TicketView::Queue { queue } => (format!("{OPEN} AND t.queue = ?"), vec![Now, Text(queue.clone())]),
        TicketView::Custom { filter } => crate::saved_views::filter_sql(filter),
        TicketView::SlaAtRisk => (
            format!("{OPEN} AND t.sla_due_at IS NOT NULL AND t.sla_due_at <= ? + 3600000"),
            vec![Now, Now],
        ),
    }
}

fn bind_all<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments>,
    binds: Vec<Bind>,
) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments> {
    let now = now_ms();
    for bind in binds {
        query = match bind {
            Bind::Now => query.bind(now),
            Bind::Text(text) => query.bind(text),
            Bind::Int(value) => query.bind(value),
        };
    }
    query
}

/// The views shown in the left pane, in order (categories come from the tickets, see [`view_counts`]).
pub fn standard_views() -> Vec<TicketView> {
    let mut views = vec![
        TicketView::AllOpen,
        TicketView::Mine,
        TicketView::Unassigned,
        TicketView::NeedsReview,
        TicketView::Urgent,
        TicketView::SlaAtRisk,
        TicketView::Pending,
        TicketView::Snoozed,
        TicketView::Resolved,
    ];
    views.extend(ChannelKind::ALL.iter().map(|&channel| TicketView::Channel { channel }));
    views
}

/// Tickets of a view, most recently active first.
pub async fn list(pool: &SqlitePool, view: TicketView, limit: i64, offset: i64) -> Result<Vec<TicketSummary>> {
    list_sorted(pool, &view, TicketSort::Newest, limit, offset).await
}

/// Tickets of a view in the given order; ties fall back to the most recently active.
pub async fn list_sorted(
    pool: &SqlitePool,
    view: &TicketView,
    sort: TicketSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<TicketSummary>> {
    let (filter, binds) = view_filter(view);
    let order = match sort {
        TicketSort::Newest => "t.updated_at DESC, t.id DESC",
        TicketSort::Oldest => "t.updated_at ASC, t.id ASC",
        TicketSort::Priority => {
            "CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
             t.updated_at DESC, t.id DESC"
        }
        // Soonest due first; tickets without a running clock after them.
        TicketSort::SlaDue => "t.sla_due_at IS NULL, t.sla_due_at ASC, t.updated_at DESC, t.id DESC",
    };
    // The page's ids first, sorted on the sort keys alone; the summary columns (subqueries for the
    // address and tags) only for those. Sorting whole rows made a page deep in 100,000 tickets take seconds.
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id
         WHERE t.id IN (SELECT t.id FROM tickets t WHERE {filter} ORDER BY {order} LIMIT ? OFFSET ?)
         ORDER BY {order}"
    );
    Ok(bind_all(sqlx::query_as(sqlx::AssertSqlSafe(sql)), binds)
        .bind(limit.clamp(0, 1000))
        .bind(offset.max(0))
        .fetch_all(pool)
        .await?)
}

pub async fn count(pool: &SqlitePool, view: TicketView) -> Result<i64> {
    let (filter, binds) = view_filter(&view);
    let sql = format!("SELECT count(*) FROM tickets t WHERE {filter}");
    let (count,): (i64,) = bind_all(sqlx::query_as(sqlx::AssertSqlSafe(sql)), binds)
        .fetch_one(pool)
        .await?;
    Ok(count)
}

/// Open tickets the agent has not looked at yet (the tray and the window title show it).
pub async fn unread_open_count(pool: &SqlitePool) -> Result<i64> {
    let sql = format!("SELECT count(*) FROM tickets t WHERE {OPEN} AND t.unread = 1");
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(now_ms())
        .fetch_one(pool)
        .await?)
}

/// Counts of the standard views, then one per category that open tickets have.
pub async fn view_counts(pool: &SqlitePool) -> Result<Vec<ViewCount>> {
    let mut counts = Vec::new();
    for view in standard_views() {
        let count = count(pool, view.clone()).await?;
        counts.push(ViewCount { view, count });
    }
    for (category, count) in open_counts_by(pool, "category").await? {
        counts.push(ViewCount {
            view: TicketView::Category { category },
            count,
        });
    }
    for (queue, count) in open_counts_by(pool, "queue").await? {
        counts.push(ViewCount {
            view: TicketView::Queue { queue },
            count,
        });
    }
    Ok(counts)
}

/// The number the next ticket gets (numbers start after 1000 and are never reused while tickets exist).
pub(crate) async fn next_number(conn: &mut sqlx::SqliteConnection) -> Result<i64> {
    let sql = format!("SELECT {NEXT_NUMBER}");
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(conn).await?)
}

/// The number the next ticket gets (numbers start at 1001), as an SQL expression.
pub(crate) const NEXT_NUMBER: &str = "(SELECT coalesce(max(number), 1000) + 1 FROM tickets)";

/// Open tickets per value of a column (views per category, per queue).
async fn open_counts_by(pool: &SqlitePool, column: &'static str) -> Result<Vec<(String, i64)>> {
    let sql = format!(
        "SELECT t.{column}, count(*) FROM tickets t WHERE {OPEN} AND t.{column} IS NOT NULL
         GROUP BY t.{column} ORDER BY t.{column}"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(now_ms())
        .fetch_all(pool)
        .await?)
}

pub async fn summary(pool: &SqlitePool, ticket_id: i64) -> Result<TicketSummary> {
    let sql =
        format!("SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(ticket_id)
        .fetch_optional(pool)
        .await?
        .ok_or(Error::TicketNotFound(ticket_id))
}

/// Summaries of the given tickets, in the order given; unknown ids are skipped.
pub async fn summaries(pool: &SqlitePool, ids: &[i64]) -> Result<Vec<TicketSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; ids.len()].join(",");
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id IN ({placeholders})"
    );
    let mut query = sqlx::query_as::<_, TicketSummary>(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(id);
    }
    let mut rows = query.fetch_all(pool).await?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    Ok(rows)
}

/// The ticket with its customer, whole conversation (oldest first) and outbox.
pub async fn detail(pool: &SqlitePool, ticket_id: i64) -> Result<TicketDetail> {
    let ticket = summary(pool, ticket_id).await?;
    let customer_id: i64 = sqlx::query_scalar("SELECT customer_id FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_one(pool)
        .await?;
    let mut messages: Vec<Message> = sqlx::query_as(
        "SELECT id, direction, author_name, author_address, subject, body_text, body_html, channel_message_id,
                sent_at, auto_generated
         FROM messages WHERE ticket_id = ? ORDER BY sent_at, id",
    )
    .bind(ticket_id)
    .fetch_all(pool)
    .await?;
    let attachments: Vec<(i64, Attachment)> = sqlx::query_as::<_, AttachmentRow>(
        "SELECT a.message_id, a.id, a.filename, a.content_type, a.size, a.sha256, a.inline
         FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.ticket_id = ? ORDER BY a.id",
    )
    .bind(ticket_id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(AttachmentRow::split)
    .collect();
    for message in &mut messages {
        message.attachments = attachments
            .iter()
            .filter(|(message_id, _)| *message_id == message.id)
            .map(|(_, attachment)| attachment.clone())
            .collect();
    }
    Ok(TicketDetail {
        ticket,
        customer: customer(pool, customer_id).await?,
        messages,
        outbox: outbox::for_ticket(pool, ticket_id).await?,
        ai: classification::latest_automatic(pool, ticket_id).await?,
        agent_fields: classification::agent_field_names(pool, ticket_id).await?,
    })
}

#[derive(sqlx::FromRow)]
struct AttachmentRow {
    message_id: i64,
    #[sqlx(flatten)]
    attachment: Attachment,
}

impl AttachmentRow {
    fn split(self) -> (i64, Attachment) {
        (self.message_id, self.attachment)
    }
}

pub async fn customer(pool: &SqlitePool, customer_id: i64) -> Result<Customer> {
    let (id, display_name): (i64, String) = sqlx::query_as("SELECT id, display_name FROM customers WHERE id = ?")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    let identities: Vec<CustomerIdentity> =
        sqlx::query_as("SELECT channel, address FROM customer_identities WHERE customer_id = ? ORDER BY id")
            .bind(customer_id)
            .fetch_all(pool)
            .await?;
    let ticket_count: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE customer_id = ?")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    Ok(Customer {
        id,
        display_name,
        identities,
        ticket_count,
    })
}

/// Changes a ticket's status, recording who did it; the team's rules for status changes then run.
pub async fn set_status(pool: &SqlitePool, ticket_id: i64, status: TicketStatus, actor: &str) -> Result<TicketSummary> {
    let mut tx = crate::store::begin_write(pool).await?;
    let now = now_ms();
    if set_status_in(&mut tx, ticket_id, status, actor, now).await? {
        crate::rules::fire(&mut tx, crate::rules::Trigger::StatusChanged, ticket_id, now).await?;
    }
    tx.commit().await?;
    summary(pool, ticket_id).await
}

/// Changes a ticket's status inside the caller's transaction; returns whether it changed.
pub async fn set_status_in(
    conn: &mut sqlx::SqliteConnection,
    ticket_id: i64,
    status: TicketStatus,
    actor: &str,
    now: i64,
) -> Result<bool> {
    let previous: Option<String> = sqlx::query_scalar("SELECT status FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_optional(&mut *conn)
        .await?;
    let previous = previous.ok_or(Error::TicketNotFound(ticket_id))?;
    if previous == status.as_str() {
        return Ok(false);
    }
    let resolved_at = matches!(status, TicketStatus::Resolved | TicketStatus::Closed).then_some(now);
    sqlx::query("UPDATE tickets SET status = ?, resolved_at = ?, updated_at = ? WHERE id = ?")
        .bind(status)
        .bind(resolved_at)
        .bind(now)
        .bind(ticket_id)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        Some(ticket_id),
        "status_changed",
        actor,
        json!({ "from": previous, "to": status }),
    )
    .await?;
    Ok(true)
}

pub async fn mark_read(pool: &SqlitePool, ticket_id: i64) -> Result<()> {
    let changed = sqlx::query("UPDATE tickets SET unread = 0 WHERE id = ?")
        .bind(ticket_id)
        .execute(pool)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(Error::TicketNotFound(ticket_id));
    }
    Ok(())
}

/// A message's sanitized HTML, if it has any.
pub async fn message_html(pool: &SqlitePool, message_id: i64) -> Result<Option<String>> {
    let row: Option<Option<String>> = sqlx::query_scalar("SELECT body_html FROM messages WHERE id = ?")
        .bind(message_id)
        .fetch_optional(pool)
        .await?;
    row.ok_or_else(|| Error::Invalid(format!("message {message_id} does not exist")))
}

/// The ticket id of a ticket number (what agents see: #1042).
pub async fn id_by_number(pool: &SqlitePool, number: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT id FROM tickets WHERE number = ?")
        .bind(number)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| Error::Invalid(format!("there is no ticket #{number}")))
}

/// Every ticket id, oldest first (for export).
pub async fn all_ids(pool: &SqlitePool) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM tickets ORDER BY id")
        .fetch_all(pool)
        .await?)
}

/// A customer's tickets, most recently active first.
pub async fn for_customer(pool: &SqlitePool, customer_id: i64, limit: i64) -> Result<Vec<TicketSummary>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM tickets WHERE customer_id = ? ORDER BY updated_at DESC LIMIT ?")
            .bind(customer_id)
            .bind(limit)
            .fetch_all(pool)
            .await?;
    summaries(pool, &ids).await
}
