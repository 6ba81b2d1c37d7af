//! The committed TypeScript bindings must match the Rust commands: CI fails on drift.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p switchboard-app --test bindings`.

use std::path::Path;

#[test]
fn committed_bindings_match_the_rust_commands() {
    let committed_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(switchboard_app::BINDINGS_PATH);
    let fresh = tempfile_path();
    switchboard_app::export_bindings(&fresh).expect("export bindings");
    let fresh_text = std::fs::read_to_string(&fresh).expect("read fresh bindings");
    let _ = std::fs::remove_file(&fresh);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed_path, &fresh_text).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh_text,
        "{} is out of date: run `UPDATE_BINDINGS=1 cargo test -p switchboard-app --test bindings` and commit it",
        committed_path.display()
    );
}

fn tempfile_path() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("switchboard-bindings-{}.ts", std::process::id()))
}
