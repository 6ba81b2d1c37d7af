//! Pulling new mail from IMAP folders into the store, read-only (`EXAMINE`, `BODY.PEEK[]`: no flag
//! changes, so the agent's other mail clients see nothing different).
//!
//! Each batch of messages and the folder cursor that covers it commit in one transaction, so a killed
//! process resumes right after the last stored message, never storing one twice or skipping one.

use futures::TryStreamExt;
use sqlx::Acquire;
use switchboard_core::ingest::{ImportSummary, InboundMessage, IngestOutcome, PreparedMessage, ingest_prepared_in};
use switchboard_core::model::ChannelKind;
use switchboard_core::sync_state::{self, FolderCursor};
use switchboard_core::{Store, store};

use super::connection::{ImapError, ImapSession, Step, session_error};
use crate::email::parse_message_for;

/// UIDs fetched per round trip (and committed per transaction).
const BATCH: usize = 250;

/// Fetched messages with what parsing made of each (ready to store: channel, account and source set),
/// and the raw bytes (kept if unreadable).
type ParsedBatch = Vec<(u32, Result<PreparedMessage, String>, Vec<u8>)>;

/// Where a sync stands, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyncProgress {
    pub folder: String,
    pub done: usize,
    pub total: usize,
}

/// What one pass over a folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderReport {
    pub summary: ImportSummary,
    /// Messages found again by Message-ID after the server reset the folder's UIDs.
    pub rematched: u32,
    /// Messages kept aside because they could not be read.
    pub unreadable: u32,
}

/// How a folder is synced (from the account's settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderOptions {
    pub initial: InitialRange,
    /// List headers alone do not make mail noise (the account's address is a list).
    pub address_is_list: bool,
}

/// How the first sync of a folder reaches back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitialRange {
    All,
    LastDays(u32),
}

pub fn source_key(account_id: i64, folder: &str, uidvalidity: u32, uid: u32) -> String {
    format!("imap:{account_id}:{folder}:{uidvalidity}:{uid}")
}

/// The Message-ID in a header block, without angle brackets.
fn header_message_id(header: &[u8]) -> Option<String> {
    let parsed = mail_parser::MessageParser::default().parse_headers(header)?;
    parsed
        .message_id()
        .map(|id| id.trim_matches(['<', '>', ' ']).to_string())
}

fn imap_date(days_back: u32) -> String {
    let date = chrono::Utc::now() - chrono::Duration::days(i64::from(days_back));
    date.format("%d-%b-%Y").to_string()
}

/// UIDs of `session`'s selected folder matching `query`, ascending.
async fn search_uids(session: &mut ImapSession, query: &str) -> Result<Vec<u32>, ImapError> {
    let mut uids: Vec<u32> = session
        .uid_search(query)
        .await
        .map_err(session_error)?
        .into_iter()
        .collect();
    uids.sort_unstable();
    Ok(uids)
}

/// Syncs one folder: new mail since the cursor (or the initial range), or a re-match by Message-ID
/// when the server's UIDVALIDITY changed.
pub async fn sync_folder(
    session: &mut ImapSession,
    store: &Store,
    account_id: i64,
    folder: &str,
    options: FolderOptions,
    progress: &mut (dyn FnMut(SyncProgress) + Send),
) -> Result<FolderReport, ImapError> {
    let FolderOptions {
        initial,
        address_is_list,
    } = options;
    let mailbox = session
        .examine(folder)
        .await
        .map_err(|e| ImapError::new(Step::Folder, format!("cannot open the folder '{folder}': {e}")))?;
    let uidvalidity = mailbox
        .uid_validity
        .ok_or_else(|| ImapError::new(Step::Folder, format!("the server gave no UIDVALIDITY for '{folder}'")))?;
    let modseq = mailbox.highest_modseq.and_then(|m| i64::try_from(m).ok());
    let db = |e: switchboard_core::Error| ImapError::new(Step::Session, format!("the workspace refused the mail: {e}"));
    let cursor = {
        let mut conn = store.pool().acquire().await.map_err(|e| db(e.into()))?;
        sync_state::folder_cursor(&mut conn, account_id, folder)
            .await
            .map_err(db)?
    };
    let mut report = FolderReport::default();
    let uids = match cursor {
        Some(c) if c.uidvalidity == i64::from(uidvalidity) => {
            // UIDNEXT tells whether anything arrived; flags and expunges do not matter to us (tickets
            // outlive the mail in the mailbox), so this is the whole change check.
            if mailbox.uid_next.is_some_and(|next| i64::from(next) <= c.last_uid + 1) {
                return Ok(report);
            }
            let after = c.last_uid + 1;
            search_uids(session, &format!("UID {after}:*"))
                .await?
                .into_iter()
                .filter(|&uid| i64::from(uid) >= after)
                .collect()
        }
        Some(_) => rematch(session, store, account_id, &mut report).await?,
        None => match initial {
            InitialRange::All => search_uids(session, "ALL").await?,
            InitialRange::LastDays(days) => search_uids(session, &format!("SINCE {}", imap_date(days))).await?,
        },
    };
    // After a re-match the cursor moves to the folder's end even when nothing had to be fetched.
    let end_uid = mailbox.uid_next.map_or(0, |n| i64::from(n) - 1);
    let total = uids.len();
    progress(SyncProgress {
        folder: folder.to_string(),
        done: 0,
        total,
    });
    // A pipeline: the next batch is fetched while the previous one is parsed (on a blocking thread)
    // and stored (on SQLite's thread). Batches are stored in order, each with its cursor.
    let (batches, mut arriving) = tokio::sync::mpsc::channel::<(FolderCursor, usize, Vec<(u32, Vec<u8>)>)>(1);
    let fetcher = async {
        for chunk in uids.chunks(BATCH) {
            let set = chunk.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
            let mut fetched: Vec<(u32, Vec<u8>)> = session
                .uid_fetch(&set, "(UID BODY.PEEK[])")
                .await
                .map_err(session_error)?
                .map_ok(|fetch| {
                    (
                        fetch.uid.unwrap_or(0),
                        fetch.body().map(<[u8]>::to_vec).unwrap_or_default(),
                    )
                })
                .try_collect()
                .await
                .map_err(session_error)?;
            fetched.sort_by_key(|(uid, _)| *uid);
            // UIDs expunged while we fetched are simply absent; the cursor still moves past them.
            let covered = FolderCursor {
                uidvalidity: i64::from(uidvalidity),
                last_uid: i64::from(chunk.last().copied().unwrap_or(0)),
                highest_modseq: modseq,
            };
            if batches.send((covered, chunk.len(), fetched)).await.is_err() {
                break; // the storing side failed; its error is the one reported
            }
        }
        drop(batches);
        Ok::<(), ImapError>(())
    };
    // Parsing runs as its own stage, so the next batch is parsed while SQLite stores the previous one.
    let (parsed_tx, mut parsed_rx) = tokio::sync::mpsc::channel::<(FolderCursor, usize, ParsedBatch)>(1);
    let parser = async {
        while let Some((covered, count, fetched)) = arriving.recv().await {
            let (folder, blobs) = (folder.to_string(), store.blobs().clone());
            let parsed = tokio::task::spawn_blocking(move || {
                fetched
                    .into_iter()
                    .map(|(uid, raw)| {
                        // Prepared here (content hash, index tokens), beside parsing, rather than between
                        // two of SQLite's statements: storing is the sync's bottleneck.
                        let parsed = parse_message_for(&raw, address_is_list)
                            .map(|message| {
                                PreparedMessage::new(InboundMessage {
                                    channel: Some(ChannelKind::Email),
                                    account_id: Some(account_id),
                                    source_key: Some(source_key(account_id, &folder, uidvalidity, uid)),
                                    ..message
                                })
                            })
                            .map_err(|e| e.to_string());
                        // Attachment files too are written here: storing then finds them in place. A
                        // failure is left for storing to meet again and report.
                        for attachment in parsed.iter().flat_map(|m| &m.message().attachments) {
                            let _ = blobs.put(&attachment.bytes);
                        }
                        (uid, parsed, raw)
                    })
                    .collect::<Vec<_>>()
            })
            .await
            .map_err(|e| ImapError::new(Step::Session, format!("parsing stopped: {e}")))?;
            if parsed_tx.send((covered, count, parsed)).await.is_err() {
                break; // the storing side failed; its error is the one reported
            }
        }
        drop(parsed_tx);
        Ok::<(), ImapError>(())
    };
    let storer = async {
        let mut done = 0;
        while let Some((covered, count, parsed)) = parsed_rx.recv().await {
            store_batch(store, account_id, folder, covered, parsed, &mut report)
                .await
                .map_err(db)?;
            done += count;
            progress(SyncProgress {
                folder: folder.to_string(),
                done,
                total,
            });
        }
        Ok::<(), ImapError>(())
    };
    let (fetched, parsed, stored) = tokio::join!(fetcher, parser, storer);
    stored?;
    parsed?;
    fetched?;
    // Everything below UIDNEXT (as of EXAMINE) was either fetched, already known, or outside the
    // initial range: the next sync starts above it.
    let fetched_up_to = uids.last().map_or(0, |&uid| i64::from(uid));
    let previous = cursor
        .filter(|c| c.uidvalidity == i64::from(uidvalidity))
        .map_or(0, |c| c.last_uid);
    let end = FolderCursor {
        uidvalidity: i64::from(uidvalidity),
        last_uid: end_uid.max(fetched_up_to).max(previous),
        highest_modseq: modseq,
    };
    store_batch(store, account_id, folder, end, Vec::new(), &mut report)
        .await
        .map_err(db)?;
    Ok(report)
}

/// After a UIDVALIDITY change: the folder's UIDs mean nothing any more, so list every message's
/// Message-ID and fetch only those this account has not stored yet.
async fn rematch(
    session: &mut ImapSession,
    store: &Store,
    account_id: i64,
    report: &mut FolderReport,
) -> Result<Vec<u32>, ImapError> {
    let headers: Vec<(u32, Option<String>)> = session
        .uid_fetch("1:*", "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        .await
        .map_err(session_error)?
        .map_ok(|fetch| (fetch.uid.unwrap_or(0), fetch.header().and_then(header_message_id)))
        .try_collect()
        .await
        .map_err(session_error)?;
    let mut conn = store
        .pool()
        .acquire()
        .await
        .map_err(|e| ImapError::new(Step::Session, format!("the workspace is unavailable: {e}")))?;
    let mut missing = Vec::new();
    for (uid, message_id) in headers {
        let known = match &message_id {
            Some(id) => sync_state::account_has_message_id(&mut conn, account_id, id)
                .await
                .map_err(|e| ImapError::new(Step::Session, e.to_string()))?,
            None => false,
        };
        if known {
            report.rematched += 1;
        } else {
            missing.push(uid);
        }
    }
    missing.sort_unstable();
    Ok(missing)
}

/// Stores fetched messages and moves the folder cursor to `covered`, in one transaction. Mail that
/// cannot be read is kept as a raw blob and listed, never dropped.
async fn store_batch(
    store: &Store,
    account_id: i64,
    folder: &str,
    covered: FolderCursor,
    parsed: ParsedBatch,
    report: &mut FolderReport,
) -> switchboard_core::Result<()> {
    // First without a savepoint per message: savepoints make SQLite copy every page a message touches and
    // FTS5 flush its index at each. Only when a message is refused half-way is the batch stored again
    // with them, so the refused one alone is left out.
    let before = report.clone();
    if store_all(store, account_id, folder, covered, &parsed, report, false).await? {
        return Ok(());
    }
    *report = before;
    store_all(store, account_id, folder, covered, &parsed, report, true).await?;
    Ok(())
}

/// One attempt at a batch; false when a message was refused without savepoints (nothing is committed).
async fn store_all(
    store: &Store,
    account_id: i64,
    folder: &str,
    covered: FolderCursor,
    parsed: &ParsedBatch,
    report: &mut FolderReport,
    savepoints: bool,
) -> switchboard_core::Result<bool> {
    let uidvalidity = u32::try_from(covered.uidvalidity).unwrap_or_default();
    let mut tx = store::begin_write(store.pool()).await?;
    for (uid, parsed, raw) in parsed {
        let problem = match parsed {
            Ok(message) => match ingest_one(&mut tx, store, message, savepoints).await? {
                Ok(outcome) => {
                    report.summary.count(outcome);
                    None
                }
                // Without a savepoint the refusal spoils the transaction: dropping it rolls it back, and
                // the caller stores the batch again with savepoints.
                Err(_) if !savepoints => return Ok(false),
                Err(reason) => Some(reason),
            },
            Err(error) => Some(error.clone()),
        };
        if let Some(error) = problem {
            let key = source_key(account_id, folder, uidvalidity, *uid);
            let blob = store.blobs().put(raw)?;
            sync_state::record_unreadable(&mut tx, account_id, &key, &blob, &error).await?;
            report.unreadable += 1;
            report.summary.failed += 1;
            tracing::warn!(account_id, folder, uid, %error, "mail kept aside: it could not be read");
        }
    }
    sync_state::save_folder_cursor(&mut tx, account_id, folder, covered).await?;
    tx.commit().await?;
    Ok(true)
}

/// Stores one message; `Ok(Err(reason))` when the store refuses it. In a savepoint, the refusal is rolled
/// back alone; without one, the caller must give up the whole transaction.
async fn ingest_one(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    message: &PreparedMessage,
    savepoint: bool,
) -> switchboard_core::Result<Result<IngestOutcome, String>> {
    let refused = |result| match result {
        Ok(outcome) => Ok(Ok(outcome)),
        Err(switchboard_core::Error::Invalid(reason)) => Ok(Err(reason)),
        Err(other) => Err(other),
    };
    if !savepoint {
        return refused(ingest_prepared_in(tx, store.blobs(), message).await);
    }
    let mut savepoint = tx.begin().await?;
    let result = refused(ingest_prepared_in(&mut savepoint, store.blobs(), message).await)?;
    match result {
        Ok(_) => savepoint.commit().await?,
        Err(_) => savepoint.rollback().await?,
    }
    Ok(result)
}
