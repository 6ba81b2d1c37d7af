//! Saved custom views: every filter field narrows the list, counts are live, bad views are refused.

use switchboard_core::ingest::{IngestOutcome, ingest};
use switchboard_core::model::{ChannelKind, Priority, TicketSort, TicketStatus, TicketView};
use switchboard_core::saved_views::{self, TicketFilter};
use switchboard_core::{ticket_actions, tickets, workflow};

use super::fixtures::{mail, workspace};

async fn ids(pool: &sqlx::SqlitePool, filter: TicketFilter) -> Vec<i64> {
    let mut found: Vec<i64> = tickets::list_sorted(
        pool,
        &TicketView::Custom {
            filter: Box::new(filter),
        },
        TicketSort::Newest,
        100,
        0,
    )
    .await
    .unwrap()
    .into_iter()
    .map(|t| t.id)
    .collect();
    found.sort_unstable();
    found
}

#[tokio::test]
async fn each_filter_field_narrows_the_view() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let mut made = Vec::new();
    for (i, from) in ["ann@example.com", "bob@shop.example", "chen@qq.com"]
        .iter()
        .enumerate()
    {
        let msg = mail(from, &format!("v{i}@x"), "Hello", "Body", 1_000 + i as i64 * 1000);
        let IngestOutcome::Created { ticket_id, .. } = ingest(&ws.store, &msg).await.unwrap() else {
            panic!()
        };
        made.push(ticket_id);
    }
    let (ann, bob, chen) = (made[0], made[1], made[2]);
    sqlx::query("UPDATE tickets SET category = 'billing', priority = 'high', sentiment = 'negative' WHERE id = ?")
        .bind(ann)
        .execute(pool)
        .await
        .unwrap();
    workflow::set_queue(pool, &[bob], Some("After-sales"), "agent")
        .await
        .unwrap();
    ticket_actions::tag(pool, &[chen], &["vip".into()], &[], "agent")
        .await
        .unwrap();
    ticket_actions::assign(pool, &[bob], Some("Support"), "agent")
        .await
        .unwrap();
    tickets::set_status(pool, chen, TicketStatus::Pending, "agent")
        .await
        .unwrap();
    let created = |id| async move { tickets::summary(pool, id).await.unwrap().created_at };

    assert_eq!(ids(pool, TicketFilter::default()).await, vec![ann, bob, chen]);
    let f = |edit: fn(&mut TicketFilter)| {
        let mut filter = TicketFilter::default();
        edit(&mut filter);
        filter
    };
    assert_eq!(
        ids(pool, f(|f| f.statuses = vec![TicketStatus::Pending])).await,
        vec![chen]
    );
    assert_eq!(ids(pool, f(|f| f.categories = vec!["billing".into()])).await, vec![ann]);
    assert_eq!(
        ids(pool, f(|f| f.priorities = vec![Priority::High, Priority::Urgent])).await,
        vec![ann]
    );
    assert_eq!(
        ids(pool, f(|f| f.sentiments = vec!["negative".into()])).await,
        vec![ann]
    );
    assert_eq!(
        ids(pool, f(|f| f.channels = vec![ChannelKind::Phone])).await,
        Vec::<i64>::new()
    );
    assert_eq!(ids(pool, f(|f| f.queues = vec!["After-sales".into()])).await, vec![bob]);
    assert_eq!(ids(pool, f(|f| f.tags = vec!["VIP".into()])).await, vec![chen]);
    assert_eq!(ids(pool, f(|f| f.assignee = Some("@me".into()))).await, vec![bob]);
    assert_eq!(
        ids(pool, f(|f| f.assignee = Some("@none".into()))).await,
        vec![ann, chen]
    );
    assert_eq!(
        ids(pool, f(|f| f.customer = Some("SHOP.example".into()))).await,
        vec![bob]
    );
    let dates = TicketFilter {
        created_after: Some(created(bob).await),
        created_before: Some(created(chen).await),
        ..Default::default()
    };
    assert_eq!(ids(pool, dates).await, vec![bob]);
    let both = f(|f| {
        f.categories = vec!["billing".into()];
        f.queues = vec!["After-sales".into()];
    });
    assert!(ids(pool, both).await.is_empty(), "different fields must all hold");

    let saved = saved_views::save(pool, None, "VIP waiting", &f(|f| f.tags = vec!["vip".into()]))
        .await
        .unwrap();
    let counted = saved_views::with_counts(pool).await.unwrap();
    assert_eq!((counted[0].view.name.as_str(), counted[0].count), ("VIP waiting", 1));
    ticket_actions::tag(pool, &[ann], &["vip".into()], &[], "agent")
        .await
        .unwrap();
    assert_eq!(saved_views::with_counts(pool).await.unwrap()[0].count, 2, "live count");
    saved_views::save(pool, Some(saved.id), "VIPs", &saved.filter)
        .await
        .unwrap();
    assert_eq!(saved_views::list(pool).await.unwrap()[0].name, "VIPs");
    assert!(
        saved_views::save(pool, None, " ", &TicketFilter::default())
            .await
            .is_err()
    );
    let backwards = TicketFilter {
        created_after: Some(10),
        created_before: Some(5),
        ..Default::default()
    };
    assert!(saved_views::save(pool, None, "Backwards", &backwards).await.is_err());
    saved_views::delete(pool, saved.id).await.unwrap();
    assert!(saved_views::list(pool).await.unwrap().is_empty());
}
