//! The tokens of the index behind one- and two-character Chinese search terms: each message's CJK
//! characters as separate tokens, so "退款" is the FTS phrase "退 款". The index itself is in
//! `search_index`.

/// CJK ideographs carry a word's meaning each: indexed, compared and counted one by one.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The tokens of a text: its CJK characters separated by spaces, with a break token between runs so the
/// last character of one run and the first of the next are never adjacent. Empty without CJK.
pub fn tokens(text: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in text.chars() {
        if is_cjk(c) {
            if !in_run && !out.is_empty() {
                out.push_str(" x ");
            } else if in_run {
                out.push(' ');
            }
            out.push(c);
            in_run = true;
        } else {
            in_run = false;
        }
    }
    out
}

/// A message's tokens: those of its subject, body and author name, runs kept apart. Empty without CJK.
pub fn message_tokens(subject: &str, body: &str, author: &str) -> String {
    [subject, body, author]
        .iter()
        .map(|text| tokens(text))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" x ")
}

/// The FTS phrase for a term made only of CJK characters ("退款" → `"退 款"`), else `None`.
pub fn phrase(term: &str) -> Option<String> {
    (!term.is_empty() && term.chars().all(is_cjk)).then(|| {
        let spaced: Vec<String> = term.chars().map(String::from).collect();
        format!("\"{}\"", spaced.join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_tokens_and_runs_stay_apart() {
        assert_eq!(tokens("申请退款 please 发票"), "申 请 退 款 x 发 票");
        assert_eq!(tokens("no chinese here"), "");
        assert_eq!(phrase("退款").as_deref(), Some("\"退 款\""));
        assert_eq!(phrase("ab"), None);
        assert_eq!(phrase("退a"), None);
    }
}
