//! What every chat channel does with the `Channel` interface: pull a batch and store it with its cursor,
//! and deliver the outbox's replies for the channel with retries the platform asks for.

use switchboard_core::chat_sync::{self, BatchItem};
use switchboard_core::ingest::IngestOutcome;
use switchboard_core::model::OutboxState;
use switchboard_core::{Store, outbox};

use crate::channel::{Channel, SendFailure};

/// A chat message has no subject: its first non-empty line stands in, cut at 80 characters.
pub fn subject_line(text: &str) -> Option<String> {
    const SUBJECT_CHARS: usize = 80;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut subject: String = line.chars().take(SUBJECT_CHARS).collect();
    if line.chars().count() > SUBJECT_CHARS {
        subject.push('…');
    }
    Some(subject)
}

/// What one pull stored.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pulled {
    pub stored: usize,
    /// Tickets opened by this pull (for notifications).
    pub new_tickets: Vec<i64>,
    /// Tickets that got a message (new or existing).
    pub touched: Vec<i64>,
    pub unreadable: usize,
}

/// Fetches what is new on the account and stores it with the cursor after it.
pub async fn pull(store: &Store, account_id: i64, channel: &mut impl Channel) -> Result<Pulled, String> {
    let cursor = chat_sync::cursor(store.pool(), account_id)
        .await
        .map_err(|e| e.to_string())?;
    let batch = channel.fetch(cursor.as_deref()).await?;
    if batch.messages.is_empty() && Some(&batch.next_cursor) == cursor.as_ref() {
        return Ok(Pulled::default());
    }
    let items = chat_sync::store_batch(store, account_id, &batch.messages, &batch.next_cursor)
        .await
        .map_err(|e| e.to_string())?;
    // Pictures after the messages: the customers exist by now. A picture that cannot be kept is no loss.
    for avatar in &batch.avatars {
        let kept = async {
            let mut conn = store.pool().acquire().await?;
            switchboard_core::customers::set_avatar(
                &mut conn,
                avatar.channel,
                &avatar.address,
                &avatar.bytes,
                &avatar.content_type,
            )
            .await
        };
        if let Err(error) = kept.await {
            tracing::warn!(%error, "a customer's picture was not kept");
        }
    }
    let mut pulled = Pulled::default();
    for item in items {
        match item {
            BatchItem::Stored(IngestOutcome::Created { ticket_id, .. }) => {
                pulled.stored += 1;
                pulled.new_tickets.push(ticket_id);
                pulled.touched.push(ticket_id);
            }
            BatchItem::Stored(IngestOutcome::Threaded { ticket_id, .. }) => {
                pulled.stored += 1;
                pulled.touched.push(ticket_id);
            }
            BatchItem::Stored(_) => {}
            BatchItem::Unreadable { source_key, error } => {
                tracing::warn!(source_key, error, "a chat message was kept aside");
                pulled.unreadable += 1;
            }
        }
    }
    Ok(pulled)
}

/// What happened to one reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    Sent { ticket_id: i64 },
    WillRetry { ticket_id: i64, error: String },
    Failed { ticket_id: i64, error: String },
}

/// Attempts before a reply that keeps failing for temporary reasons waits for the agent.
const MAX_ATTEMPTS: i64 = 8;

/// Sends the next due reply of `channel_name`, if any, through the channel `open` makes for the reply's
/// account (its token read from the keychain in the app).
pub async fn deliver_next<C: Channel>(
    store: &Store,
    channel_name: &str,
    open: impl AsyncFnOnce(Option<i64>) -> Result<C, String>,
) -> switchboard_core::Result<Option<Delivered>> {
    let Some(reply) = outbox::claim_next(store.pool(), channel_name).await? else {
        return Ok(None);
    };
    let (outbox_id, ticket_id) = (reply.outbox_id, reply.ticket_id);
    let mut channel = match open(reply.account_id).await {
        Ok(channel) => channel,
        Err(error) => {
            // No token in the keychain, the account removed: the agent can fix it; try again later.
            outbox::retry_later(store.pool(), outbox_id, &error, 60_000).await?;
            return Ok(Some(Delivered::WillRetry { ticket_id, error }));
        }
    };
    let files: Vec<(String, String, Vec<u8>)> = match outbox::attachments_of(store, outbox_id).await {
        Ok(files) => files
            .into_iter()
            .map(|f| (f.filename, f.content_type, f.bytes))
            .collect(),
        Err(e) => {
            let error = format!("the reply's files cannot be read: {e}");
            outbox::set_state(store.pool(), outbox_id, OutboxState::Failed, Some(&error)).await?;
            return Ok(Some(Delivered::Failed { ticket_id, error }));
        }
    };
    let done = chat_sync::parts_sent(store.pool(), outbox_id).await?;
    // Each part is recorded as soon as it is out: a retry or a restart never sends it twice.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<usize>();
    let mut progress = move |parts: usize| {
        let _ = tx.send(parts);
    };
    let sending = channel.send(&reply, &files, done, &mut progress);
    tokio::pin!(sending);
    let result = loop {
        tokio::select! {
            result = &mut sending => break result,
            Some(parts) = rx.recv() => chat_sync::set_parts_sent(store.pool(), outbox_id, parts).await?,
        }
    };
    while let Ok(parts) = rx.try_recv() {
        chat_sync::set_parts_sent(store.pool(), outbox_id, parts).await?;
    }
    Ok(Some(match result {
        Ok(()) => {
            outbox::set_state(store.pool(), outbox_id, OutboxState::Sent, None).await?;
            Delivered::Sent { ticket_id }
        }
        Err(SendFailure::Later { error, retry_in_ms }) if reply.attempts < MAX_ATTEMPTS => {
            outbox::retry_later(store.pool(), outbox_id, &error, retry_in_ms).await?;
            Delivered::WillRetry { ticket_id, error }
        }
        Err(SendFailure::Later { error, .. } | SendFailure::Never(error)) => {
            outbox::set_state(store.pool(), outbox_id, OutboxState::Failed, Some(&error)).await?;
            Delivered::Failed { ticket_id, error }
        }
    }))
}

/// Replies a killed process left half-sent go back to the queue: the parts recorded as sent are not
/// sent again (only a part in flight at the kill can arrive twice; chat APIs offer no way to ask).
pub async fn requeue_interrupted(store: &Store, channel_name: &str) -> switchboard_core::Result<usize> {
    let interrupted = outbox::interrupted(store.pool(), channel_name).await?;
    for reply in &interrupted {
        outbox::retry_later(
            store.pool(),
            reply.outbox_id,
            "interrupted while sending; sending the rest",
            0,
        )
        .await?;
    }
    Ok(interrupted.len())
}

/// What a chat account's watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    Pulled(Pulled),
    Failed { error: String, retry_in_ms: i64 },
}

/// Back-off after failures: 5 s, doubling, at most 5 minutes.
fn backoff_ms(failures: u32) -> i64 {
    (5_000i64 << failures.min(6)).min(300_000)
}

/// Pulls the account until the task is stopped. Long polling brings messages within a second of their
/// arrival; a failure (no network, a revoked token) is shown on the account and retried with back-off,
/// or at once when `wake` is rung. Offline, nothing is lost: the platform keeps what was not confirmed.
pub async fn watch<C: Channel>(
    store: Store,
    account_id: i64,
    open: impl AsyncFn() -> Result<C, String>,
    wake: std::sync::Arc<tokio::sync::Notify>,
    on_event: impl Fn(WatchEvent),
) {
    use switchboard_core::sync_state;
    let mut failures = 0u32;
    let mut healthy = false;
    let mut channel: Option<C> = None;
    loop {
        let result = match channel.as_mut() {
            Some(c) => pull(&store, account_id, c).await,
            None => match open().await {
                Ok(c) => {
                    channel = Some(c);
                    continue;
                }
                Err(e) => Err(e),
            },
        };
        match result {
            Ok(pulled) => {
                // The account shows "ok" with the time of its last news; not rewritten on every empty poll.
                if !healthy || !pulled.touched.is_empty() {
                    let _ = sync_state::set_ok(store.pool(), account_id).await;
                    healthy = true;
                }
                failures = 0;
                let idle = pulled.stored == 0 && pulled.unreadable == 0;
                on_event(WatchEvent::Pulled(pulled));
                let wait = channel.as_ref().map(Channel::idle_wait).unwrap_or_default();
                if idle && !wait.is_zero() {
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        () = wake.notified() => {}
                    }
                }
            }
            Err(error) => {
                let retry_in_ms = backoff_ms(failures);
                failures += 1;
                healthy = false;
                // The token may have changed in the keychain: open afresh after a failure.
                channel = None;
                let retry_at = switchboard_core::time::now_ms() + retry_in_ms;
                let _ = sync_state::set_error(store.pool(), account_id, &error, retry_at).await;
                on_event(WatchEvent::Failed { error, retry_in_ms });
                tokio::select! {
                    () = tokio::time::sleep(std::time::Duration::from_millis(retry_in_ms as u64)) => {}
                    () = wake.notified() => {}
                }
            }
        }
    }
}
