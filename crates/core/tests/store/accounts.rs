use switchboard_core::accounts;
use switchboard_core::ingest::{InboundMessage, IngestOutcome, ingest};
use switchboard_core::model::ChannelKind;

use crate::fixtures::{mail, workspace};

async fn ticket(ws: &crate::fixtures::Workspace, msg: InboundMessage) -> i64 {
    match ingest(&ws.store, &msg).await.unwrap() {
        IngestOutcome::Created { ticket_id, .. } => ticket_id,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn replies_leave_from_the_tickets_own_account_else_the_first_enabled_one() {
    let ws = workspace().await;
    let pool = ws.store.pool();
    let imported = ticket(&ws, mail("ann@x.example", "a@x", "Imported", "from an mbox", 1)).await;
    assert!(
        accounts::for_ticket(pool, imported).await.unwrap().is_none(),
        "no account yet"
    );

    let first = accounts::create(pool, ChannelKind::Email, "Sales", "sales@aurora.example", "{}")
        .await
        .unwrap();
    let support = accounts::create(pool, ChannelKind::Email, "Support", "support@aurora.example", "{}")
        .await
        .unwrap();
    let synced = ticket(
        &ws,
        InboundMessage {
            account_id: Some(support),
            ..mail("bob@x.example", "b@x", "Synced", "through support", 2)
        },
    )
    .await;
    assert_eq!(accounts::for_ticket(pool, synced).await.unwrap().unwrap().id, support);
    assert_eq!(accounts::for_ticket(pool, imported).await.unwrap().unwrap().id, first);

    accounts::set_enabled(pool, first, false).await.unwrap();
    assert_eq!(accounts::for_ticket(pool, imported).await.unwrap().unwrap().id, support);
    assert_eq!(
        ws.store.workspace_id().await.unwrap().len(),
        32,
        "a random workspace id exists"
    );
}
