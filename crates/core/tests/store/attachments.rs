use switchboard_core::attachments::{self, is_runnable, safe_file_name};
use switchboard_core::ingest::{InboundAttachment, ingest};
use switchboard_core::tickets;

use crate::fixtures::{mail, workspace};

#[tokio::test]
async fn an_attachment_is_copied_to_open_or_saved_and_programs_are_never_opened() {
    let ws = workspace().await;
    let mut msg = mail("ann@example.com", "files@x", "Files", "see attached", 1_000);
    for (name, bytes) in [
        ("../../etc/退货单.pdf", b"%PDF-1.7 x".to_vec()),
        ("invoice.PDF.exe", b"MZ".to_vec()),
    ] {
        msg.attachments.push(InboundAttachment {
            filename: name.into(),
            content_type: "application/octet-stream".into(),
            bytes,
            inline: false,
            content_id: None,
        });
    }
    ingest(&ws.store, &msg).await.unwrap();
    let ticket = tickets::list(ws.store.pool(), switchboard_core::model::TicketView::AllOpen, 1, 0)
        .await
        .unwrap()[0]
        .id;
    let files = tickets::detail(ws.store.pool(), ticket).await.unwrap().messages[0]
        .attachments
        .clone();
    let out = tempfile::tempdir().unwrap();

    let pdf = files.iter().find(|f| f.filename.ends_with(".pdf")).unwrap();
    let path = attachments::copy_to_open(&ws.store, pdf.id, out.path()).await.unwrap();
    assert!(
        path.starts_with(out.path()),
        "stays in the folder given: {}",
        path.display()
    );
    assert_eq!(path.file_name().unwrap(), "退货单.pdf");
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 x");

    let exe = files.iter().find(|f| f.filename.ends_with(".exe")).unwrap();
    let err = attachments::copy_to_open(&ws.store, exe.id, out.path())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("program or script"), "{err}");
    let saved = out.path().join("saved.bin");
    attachments::save_to(&ws.store, exe.id, &saved).await.unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), b"MZ");

    assert!(attachments::find(ws.store.pool(), 999_999).await.is_err());
}

#[test]
fn file_names_are_made_safe() {
    assert_eq!(safe_file_name("C:\\Users\\x\\a:b?.txt"), "a_b_.txt");
    assert_eq!(safe_file_name("../.."), "attachment");
    assert_eq!(safe_file_name(".bashrc"), "bashrc");
    assert_eq!(safe_file_name("报价单.xlsx"), "报价单.xlsx");
    assert!(is_runnable("setup.EXE") && is_runnable("run.sh") && is_runnable("x.desktop"));
    assert!(!is_runnable("photo.jpg") && !is_runnable("README"));
}
