use switchboard_core::Store;
use switchboard_core::ingest::InboundMessage;

pub struct Workspace {
    pub store: Store,
    _dir: tempfile::TempDir,
}

pub async fn workspace() -> Workspace {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).await.expect("open store");
    Workspace { store, _dir: dir }
}

/// A plain customer email.
pub fn mail(from: &str, message_id: &str, subject: &str, body: &str, sent_at: i64) -> InboundMessage {
    InboundMessage {
        from_name: from.split('@').next().unwrap_or_default().to_string(),
        from_address: from.to_string(),
        message_id: Some(message_id.to_string()),
        subject: subject.to_string(),
        body_text: body.to_string(),
        sent_at,
        ..Default::default()
    }
}

pub fn reply_to(mut msg: InboundMessage, parent: &str) -> InboundMessage {
    msg.in_reply_to = Some(parent.to_string());
    msg.references = vec![parent.to_string()];
    msg
}
