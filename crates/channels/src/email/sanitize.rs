//! Customer HTML is hostile. It is cleaned here, once, before it is stored: no scripts, no event
//! handlers, no `javascript:` URLs, no forms, frames or styles that could fetch anything. A remote image
//! (often a tracking pixel) is kept only as an inert reference, `src="sb-remote:https://…"`, which no
//! browser can load: the agent may later ask for it, and the backend fetches it (see `remote_images`).
//! Links keep their target and get `rel="noopener noreferrer"`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel", "cid"]))
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["align", "dir"])
        .add_tag_attributes("td", ["colspan", "rowspan", "align", "valign"])
        .add_tag_attributes("th", ["colspan", "rowspan", "align", "valign"])
        .add_tag_attributes("img", ["width", "height"])
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" && !is_embedded(value) {
                // Remote images load only when the agent asks; see the conversation view.
                return remote_reference(value).map(Cow::Owned);
            }
            Some(Cow::Borrowed(value))
        });
    builder
});

/// Images that come inside the mail itself rather than from a server.
fn is_embedded(src: &str) -> bool {
    let src = src.trim_start().to_ascii_lowercase();
    src.starts_with("cid:")
}

/// The scheme that marks a remote image nobody may load until the agent asks.
pub const REMOTE_SCHEME: &str = "sb-remote:";

/// `src` of a remote image as stored: inert, or dropped when it is not a plain web address.
fn remote_reference(src: &str) -> Option<String> {
    let src = src.trim();
    let lower = src.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| format!("{REMOTE_SCHEME}{src}"))
}

/// Safe HTML to show in the conversation view.
pub fn sanitize_html(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scripts_handlers_and_remote_images() {
        let dirty = r#"<p onclick="x()">Hi<script>alert(1)</script></p><img src="https://t.example/p.gif" width="1"><a href="javascript:alert(1)">x</a><a href="https://aurora.example/">shop</a><iframe src="https://evil"></iframe><style>body{background:url(https://t.example/a)}</style>"#;
        let clean = sanitize_html(dirty);
        for forbidden in [
            "script",
            "onclick",
            "src=\"https://t.example",
            "javascript:",
            "iframe",
            "<style",
            "url(",
        ] {
            assert!(!clean.contains(forbidden), "{forbidden} survived in {clean}");
        }
        assert!(
            clean.contains(r#"<a href="https://aurora.example/" rel="noopener noreferrer">shop</a>"#),
            "{clean}"
        );
    }

    #[test]
    fn remote_images_are_kept_only_as_inert_references() {
        let clean = sanitize_html(
            r#"<img src="https://t.example/p.gif"><img src="//t.example/q.gif"><img src="ftp://t.example/r">"#,
        );
        assert!(clean.contains(r#"src="sb-remote:https://t.example/p.gif""#), "{clean}");
        assert!(!clean.contains("q.gif") && !clean.contains("ftp:"), "{clean}");
    }

    #[test]
    fn keeps_inline_images_and_tables() {
        let clean = sanitize_html(r#"<table><tr><td colspan="2"><img src="cid:logo@x"></td></tr></table>"#);
        assert!(clean.contains(r#"src="cid:logo@x""#), "{clean}");
        assert!(clean.contains(r#"colspan="2""#), "{clean}");
    }
}
