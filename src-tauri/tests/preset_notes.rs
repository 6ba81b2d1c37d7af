//! A provider preset's note is shown in the UI's language: both dictionaries have it under the preset's
//! id, and the English one says exactly what the preset says, so the two never drift apart.

use std::path::Path;

fn dictionary(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib/i18n")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of `'key': '…',` (or `"…"`) in a dictionary's source.
fn entry(dictionary: &str, key: &str) -> Option<String> {
    let prefix = format!("'{key}':");
    let line = dictionary.lines().find(|l| l.trim_start().starts_with(&prefix))?;
    let value = line.trim().strip_prefix(&prefix)?.trim().strip_suffix(',')?;
    let text = ['\'', '"']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))?;
    Some(text.replace("\\'", "'"))
}

#[test]
fn every_preset_note_is_in_both_languages() {
    let (en, zh) = (dictionary("en.ts"), dictionary("zh-CN.ts"));
    let email = switchboard_channels::email::presets::presets()
        .into_iter()
        .map(|p| (format!("preset.email.{}", p.id), p.note));
    let llm = switchboard_ai::llm::llm_presets()
        .into_iter()
        .map(|p| (format!("preset.llm.{}", p.id), p.note));
    let notes: Vec<_> = email.chain(llm).collect();
    assert!(notes.len() >= 20, "the presets were not read");
    for (key, note) in notes {
        assert_eq!(entry(&en, &key).as_deref(), Some(note), "{key} in en.ts");
        let chinese = entry(&zh, &key).unwrap_or_else(|| panic!("{key} is missing from zh-CN.ts"));
        assert!(
            chinese != note && chinese.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{key} is not translated"
        );
    }
}
