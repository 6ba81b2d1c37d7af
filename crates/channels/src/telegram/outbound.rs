//! A reply as Telegram messages: text split at the API's 4,096-character limit (at a paragraph, line or
//! word break when there is one), the first part answering the customer's last message, then the files.

use super::api::MAX_TEXT;

/// The parts of a text, each at most `MAX_TEXT` UTF-16 units (how Telegram counts), split at the last
/// paragraph, line or space break that fits, else mid-word.
pub fn split_text(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if utf16_len(rest) <= MAX_TEXT {
            parts.push(rest.to_string());
            break;
        }
        // The longest prefix that fits.
        let mut fit = 0;
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            units += c.len_utf16();
            if units > MAX_TEXT {
                break;
            }
            fit = i + c.len_utf8();
        }
        let head = &rest[..fit];
        let cut = ["\n\n", "\n", " "]
            .iter()
            .filter_map(|sep| head.rfind(sep).filter(|&at| at > fit / 2))
            .next()
            .unwrap_or(fit);
        parts.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    parts
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_part() {
        assert_eq!(split_text("Hello"), vec!["Hello".to_string()]);
        assert!(split_text("   ").is_empty());
    }

    #[test]
    fn long_text_splits_at_breaks_within_the_limit() {
        let paragraph = "word ".repeat(500); // 2,500 characters
        let text = format!("{}\n\n{}", paragraph.trim(), paragraph.trim());
        let parts = split_text(&text);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], paragraph.trim());
        // No break at all: cut at the limit, nothing lost.
        let solid = "x".repeat(9000);
        let parts = split_text(&solid);
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), vec![4096, 4096, 808]);
        // Chinese and emoji count in UTF-16 units, as Telegram counts.
        let emoji = "😀".repeat(3000);
        let parts = split_text(&emoji);
        assert!(parts.iter().all(|p| utf16_len(p) <= MAX_TEXT));
        assert_eq!(parts.concat(), emoji);
    }
}
