//! Text → sparse hashed features: lower-cased words and word bigrams for alphabetic scripts, character
//! unigrams and bigrams for CJK (Chinese has no spaces between words), digits collapsed so order
//! numbers generalise.

/// Number of hash buckets (2^18): collisions stay rare at helpdesk vocabulary sizes.
pub const BUCKETS: u32 = 1 << 18;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// FNV-1a: stable across runs and platforms, so saved models stay valid.
fn hash(kind: u8, text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ u32::from(kind);
    for byte in text.bytes() {
        h ^= u32::from(byte);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % BUCKETS
}

/// Feature ids of `text`, with repetitions (term frequency).
pub fn features(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut previous_cjk: Option<char> = None;
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush(&mut word, &mut words);
            let mut buf = [0u8; 4];
            out.push(hash(2, c.encode_utf8(&mut buf)));
            if let Some(p) = previous_cjk {
                out.push(hash(3, &format!("{p}{c}")));
            }
            previous_cjk = Some(c);
            continue;
        }
        previous_cjk = None;
        if c.is_alphanumeric() {
            let c = if c.is_ascii_digit() { '0' } else { c };
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut words);
        }
    }
    flush(&mut word, &mut words);
    for (i, w) in words.iter().enumerate() {
        if w.chars().count() > 1 {
            out.push(hash(0, w));
        }
        if let Some(next) = words.get(i + 1) {
            out.push(hash(1, &format!("{w} {next}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_gets_character_ngrams_and_english_gets_words() {
        let zh = features("退款");
        assert_eq!(zh.len(), 3, "two characters and one bigram");
        let en = features("Refund please");
        assert_eq!(en.len(), 3, "two words and one bigram");
        assert_eq!(features("REFUND"), features("refund"));
        assert_eq!(
            features("AUR-2026-104233"),
            features("AUR-2025-999999"),
            "digits generalise"
        );
    }
}
