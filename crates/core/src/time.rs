//! Times are unix milliseconds (UTC) everywhere in the store.

/// Current time in unix milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
