//! The offline classifier against real data: trained on the bundled seed only, tested on the demo
//! mailbox (written independently, labelled by kind), imported through the real ingest path.

use std::collections::HashMap;

use switchboard_ai::local::{LocalClassifier, REVIEW_BELOW, seed_examples};
use switchboard_ai::worker;
use switchboard_core::classification::{self, NewClassification, Source};
use switchboard_core::ingest::ingest;
use switchboard_core::model::{Priority, TicketView};
use switchboard_core::{Store, jobs, tickets};

async fn demo_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    switchboard_channels::demo::import_demo(&store, |_, _| {}, |p| panic!("{}: {}", p.label, p.error))
        .await
        .unwrap();
    (store, dir)
}

#[tokio::test]
async fn seed_model_generalises_to_the_independent_demo_mailbox() {
    let (store, _dir) = demo_store().await;
    let labels: HashMap<String, String> =
        serde_json::from_str(include_str!("../../data/demo-labels.json")).expect("demo labels");
    let model = LocalClassifier::train(&seed_examples());
    let mut correct = 0usize;
    let mut total = 0usize;
    let mut per_label: HashMap<&str, usize> = HashMap::new();
    for (message_id, expected) in &labels {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT subject, body_text FROM messages WHERE channel_message_id = ?")
                .bind(message_id)
                .fetch_optional(store.pool())
                .await
                .unwrap();
        let (subject, body) = row.unwrap_or_else(|| panic!("labelled message {message_id} not imported"));
        let predicted = model.classify(&subject, &body).category.unwrap();
        total += 1;
        *per_label.entry(expected.as_str()).or_default() += 1;
        if &predicted == expected {
            correct += 1;
        }
    }
    let accuracy = correct as f64 / total as f64;
    let majority = *per_label.values().max().unwrap() as f64 / total as f64;
    println!("offline classifier on {total} demo messages: accuracy {accuracy:.3}, majority baseline {majority:.3}");
    assert!(total >= 250);
    assert!(
        accuracy >= 0.6 && accuracy > 3.0 * majority,
        "accuracy {accuracy:.3}, majority {majority:.3}"
    );
}

/// The confidence is calibrated (temperature scaling), so "Needs review" below [`REVIEW_BELOW`] holds the
/// doubtful few, not most of the inbox, and what it holds is where the model is mostly wrong.
#[tokio::test]
async fn needs_review_holds_the_doubtful_few_on_the_independent_demo_mailbox() {
    let (store, _dir) = demo_store().await;
    let labels: HashMap<String, String> =
        serde_json::from_str(include_str!("../../data/demo-labels.json")).expect("demo labels");
    let model = LocalClassifier::train(&seed_examples());
    let mut confidences = Vec::new();
    let mut hits = Vec::new();
    for (message_id, expected) in &labels {
        let (subject, body): (String, String) =
            sqlx::query_as("SELECT subject, body_text FROM messages WHERE channel_message_id = ?")
                .bind(message_id)
                .fetch_one(store.pool())
                .await
                .unwrap();
        let answer = model.classify(&subject, &body);
        confidences.push(answer.confidence.unwrap());
        hits.push(answer.category.as_deref() == Some(expected.as_str()));
    }
    let accuracy_where = |flagged: bool| {
        let picked: Vec<bool> = confidences
            .iter()
            .zip(&hits)
            .filter(|(c, _)| (**c < REVIEW_BELOW) == flagged)
            .map(|(_, h)| *h)
            .collect();
        (
            picked.len(),
            picked.iter().filter(|h| **h).count() as f64 / picked.len().max(1) as f64,
        )
    };
    let (flagged, flagged_accuracy) = accuracy_where(true);
    let (confident, confident_accuracy) = accuracy_where(false);
    let share = flagged as f64 / confidences.len() as f64;
    let ece = switchboard_ai::eval::calibration_error(&confidences, &hits);
    println!(
        "needs review: {flagged} of {} ({share:.2}), accuracy there {flagged_accuracy:.2} vs {confident_accuracy:.2} \
         on the {confident} confident; calibration error {ece:.3}",
        confidences.len()
    );
    assert!((0.02..=0.35).contains(&share), "share flagged {share:.2}");
    assert!(
        flagged_accuracy + 0.2 < confident_accuracy,
        "{flagged_accuracy:.2} vs {confident_accuracy:.2}"
    );
    assert!(ece < 0.15, "calibration error {ece:.3}");
}

#[tokio::test]
async fn the_worker_classifies_every_queued_ticket_once() {
    let (store, _dir) = demo_store().await;
    let model = worker::load_or_train(&store).await.unwrap();
    let queued = jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await.unwrap();
    assert!(queued > 200);
    let done = worker::run_local(&store, &model, usize::MAX).await.unwrap();
    assert_eq!(done.len() as i64, queued);
    assert_eq!(jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await.unwrap(), 0);
    let open = tickets::list(store.pool(), TicketView::AllOpen, 1000, 0).await.unwrap();
    assert!(open.iter().all(|t| t.category.is_some() && t.summary.is_some()));
    let review = tickets::count(store.pool(), TicketView::NeedsReview).await.unwrap();
    assert!(
        review > 0 && review < open.len() as i64,
        "{review} of {} need review",
        open.len()
    );
    // The saved model is reused, not retrained, on the next start.
    let reloaded = worker::load_or_train(&store).await.unwrap();
    assert_eq!(reloaded.examples, model.examples);
}

#[tokio::test]
async fn agent_corrections_win_and_teach_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let mail = |from: &str, id: &str, subject: &str, body: &str| switchboard_core::ingest::InboundMessage {
        from_address: from.into(),
        message_id: Some(id.into()),
        subject: subject.into(),
        body_text: body.into(),
        sent_at: 1_000,
        ..Default::default()
    };
    let text = "My Zephyr blender makes a grinding zorp noise";
    ingest(&store, &mail("a@x.com", "1@x", "Zorp noise", text))
        .await
        .unwrap();
    let model = worker::load_or_train(&store).await.unwrap();
    let ticket = worker::run_local(&store, &model, 10).await.unwrap()[0];

    let correction = NewClassification {
        model: "agent".into(),
        category: Some("suggestion".into()),
        priority: Some(Priority::Low),
        ..Default::default()
    };
    classification::record(store.pool(), ticket, Source::Agent, &correction)
        .await
        .unwrap();
    // The customer writes again: re-classified, but the agent's fields stay.
    let mut again = mail("a@x.com", "2@x", "Re: Zorp noise", "still the zorp noise, any update?");
    again.in_reply_to = Some("1@x".into());
    ingest(&store, &again).await.unwrap();
    worker::run_local(&store, &model, 10).await.unwrap();
    let summary = tickets::summary(store.pool(), ticket).await.unwrap();
    assert_eq!(summary.category.as_deref(), Some("suggestion"));
    assert_eq!(summary.priority, Priority::Low);
    assert!(!summary.needs_review);

    // A later correction of another field keeps the earlier one as a label too.
    let sentiment_only = NewClassification {
        model: "agent".into(),
        sentiment: Some("negative".into()),
        ..Default::default()
    };
    classification::record(store.pool(), ticket, Source::Agent, &sentiment_only)
        .await
        .unwrap();
    // The corrections are one weighted training label, and a retrained model has learned it.
    let labels = classification::training_examples(store.pool(), 0.8).await.unwrap();
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].weight, 3.0);
    assert_eq!(labels[0].category.as_deref(), Some("suggestion"));
    assert_eq!(labels[0].priority.as_deref(), Some("low"));
    assert_eq!(labels[0].sentiment.as_deref(), Some("negative"));
    let retrained = worker::retrain(&store).await.unwrap();
    assert_eq!(retrained.examples, seed_examples().len() + 1);
    assert_eq!(
        retrained.category("zorp noise from the Zephyr").unwrap().0,
        "suggestion"
    );
}

/// The app imports while the classifier drains the queue: both write, neither may fail (a deferred
/// transaction that reads first would hit SQLITE_BUSY_SNAPSHOT instead of waiting).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_and_classification_run_concurrently() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let model = LocalClassifier::train(&seed_examples());
    let importing = {
        let store = store.clone();
        tokio::spawn(async move { switchboard_channels::demo::import_demo(&store, |_, _| {}, |_| {}).await })
    };
    while !importing.is_finished() {
        worker::run_local(&store, &model, 5)
            .await
            .expect("classification beside an import");
        tokio::task::yield_now().await;
    }
    let summary = importing.await.unwrap().expect("import beside classification");
    assert_eq!(summary.failed, 0);
    worker::run_local(&store, &model, usize::MAX).await.unwrap();
    assert_eq!(jobs::pending_count(store.pool(), jobs::KIND_CLASSIFY).await.unwrap(), 0);
    let unclassified: i64 =
        sqlx::query_scalar("SELECT count(*) FROM tickets WHERE auto_generated = 0 AND category IS NULL")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(unclassified, 0);
}

#[tokio::test]
async fn retraining_reports_progress_and_the_status_counts_unseen_labels() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let before = worker::model_status(&store).await.unwrap();
    assert_eq!((before.examples, before.trained_at), (0, None));

    let (tx, rx) = std::sync::mpsc::channel();
    let model = worker::retrain_reporting(&store, move |done, total| tx.send((done, total)).unwrap())
        .await
        .unwrap();
    let steps: Vec<(usize, usize)> = rx.try_iter().collect();
    assert!(steps.len() > 3, "{steps:?}");
    assert!(
        steps.windows(2).all(|w| w[0].0 < w[1].0),
        "progress only moves forward: {steps:?}"
    );
    assert_eq!(steps.last().map(|(d, t)| d == t), Some(true), "{steps:?}");
    let trained = worker::model_status(&store).await.unwrap();
    assert_eq!(trained.examples as usize, model.examples);
    assert!(trained.trained_at.is_some());
    assert_eq!(trained.new_labels, 0);

    // An agent's correction is a label the model has not seen yet.
    let msg = switchboard_core::ingest::InboundMessage {
        from_address: "ann@x.example".into(),
        subject: "Refund".into(),
        body_text: "Please refund my order".into(),
        sent_at: 1,
        ..Default::default()
    };
    ingest(&store, &msg).await.unwrap();
    let ticket = tickets::all_ids(store.pool()).await.unwrap()[0];
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let correction = NewClassification {
        category: Some("billing".into()),
        ..Default::default()
    };
    classification::record(store.pool(), ticket, Source::Agent, &correction)
        .await
        .unwrap();
    assert_eq!(worker::model_status(&store).await.unwrap().new_labels, 1);
}
