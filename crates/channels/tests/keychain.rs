//! Secrets go to the real OS keychain (GNOME Keyring's Secret Service here; the test command runs it
//! in a private D-Bus session), and a missing keychain is reported as such.

use switchboard_channels::secrets::{self, SecretError};

#[tokio::test]
async fn passwords_round_trip_through_the_keychain() {
    let key = format!("test-{}", std::process::id());
    secrets::store(key.clone(), "pa55 wörd".into()).await.unwrap();
    assert_eq!(secrets::read(key.clone()).await.unwrap().as_deref(), Some("pa55 wörd"));
    secrets::store(key.clone(), "changed".into()).await.unwrap();
    assert_eq!(
        tokio::task::spawn_blocking({
            let key = key.clone();
            move || secrets::read_blocking(&key)
        })
        .await
        .unwrap()
        .unwrap()
        .as_deref(),
        Some("changed")
    );
    secrets::delete(key.clone()).await.unwrap();
    assert_eq!(secrets::read(key.clone()).await.unwrap(), None);
    secrets::delete(key).await.unwrap();
}

const CHILD: &str = "SWITCHBOARD_KEYCHAIN_TEST_CHILD";

/// Runs itself again without a session bus (changing the environment in-process needs `unsafe`).
#[tokio::test]
async fn no_keychain_is_reported_as_such() {
    if std::env::var_os(CHILD).is_some() {
        let error = secrets::store("test-none".into(), "x".into()).await.unwrap_err();
        assert!(matches!(error, SecretError::Unavailable(_)), "{error:?}");
        assert!(error.to_string().contains("no keychain is available"), "{error}");
        return;
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "no_keychain_is_reported_as_such"])
        .env(CHILD, "1")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .status()
        .unwrap();
    assert!(status.success());
}
