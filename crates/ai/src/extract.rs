//! What can be read off a message without a model: its language, a one-line summary, and entities
//! (order numbers, amounts) an agent looks for first.

use std::sync::LazyLock;

use regex::Regex;

/// The dominant language by script: zh, ja, ko, or en for Latin text.
pub fn detect_language(text: &str) -> &'static str {
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => han += 1,
            _ if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if kana > 0 && kana * 5 >= han {
        "ja"
    } else if hangul > han {
        "ko"
    } else if han * 3 >= latin / 2 && han > 0 {
        "zh"
    } else {
        "en"
    }
}

const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "good morning",
    "good afternoon",
    "good evening",
    "to whom",
    "greetings",
    "您好",
    "你好",
    "客服",
    "亲",
    "尊敬的",
];

/// The first sentence that says something (greetings and quoted text skipped), at most 140 characters.
pub fn summary(subject: &str, body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('>'))
        .map(strip_greeting)
        .find(|l| l.chars().count() > 8)
        .unwrap_or(subject);
    let end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '。' | '！' | '？' | '!' | '?') || (c == '.' && line[i + 1..].starts_with(' ')))
        .map_or(line.len(), |(i, c)| i + c.len_utf8());
    let sentence = line[..end].trim();
    if sentence.chars().count() > 140 {
        format!("{}…", sentence.chars().take(139).collect::<String>())
    } else {
        sentence.to_string()
    }
}

fn strip_greeting(line: &str) -> &str {
    let lower = line.to_lowercase();
    if GREETINGS.iter().any(|g| lower.starts_with(g)) {
        // "Hi team, my order…" keeps what follows the greeting's comma.
        match line.find([',', '，', '!', '！']) {
            Some(i) => line[i..].trim_start_matches([',', '，', '!', '！', ' ']),
            None => "",
        }
    } else {
        line
    }
}

static ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[A-Z]{2,5}-\d{4}-\d{3,}\b|(?:订单号?|order\s*(?:no\.?|number|#)?)\s*[:：#]?\s*(\d{6,})")
        .expect("order regex")
});
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[$€£¥￥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:元|块|美元|USD|EUR|GBP|RMB|CNY)")
        .expect("amount regex")
});

/// Order numbers and money amounts mentioned in the text, in order, without duplicates.
pub fn entities(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for caps in ORDER.captures_iter(text) {
        let value = caps
            .get(1)
            .unwrap_or_else(|| caps.get(0).expect("whole match"))
            .as_str()
            .trim()
            .to_string();
        if !found.contains(&value) {
            found.push(value);
        }
    }
    for m in AMOUNT.find_iter(text) {
        let value = m.as_str().trim().to_string();
        if !found.contains(&value) {
            found.push(value);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        assert_eq!(detect_language("我的订单什么时候发货？ order AUR-1"), "zh");
        assert_eq!(detect_language("Where is my order?"), "en");
        assert_eq!(detect_language("注文した商品がまだ届きません"), "ja");
    }

    #[test]
    fn summarises_past_greetings() {
        assert_eq!(
            summary("s", "Hi team,\n\nMy headphones stopped charging. Please help."),
            "My headphones stopped charging."
        );
        assert_eq!(
            summary("s", "您好，\n我的订单还没有发货！请尽快处理。"),
            "我的订单还没有发货！"
        );
        assert_eq!(summary("Subject only", ""), "Subject only");
    }

    #[test]
    fn finds_orders_and_amounts() {
        let found = entities("Order AUR-2026-104233 was charged $129.99 twice; 订单号：2026110512345 退款 169元");
        assert_eq!(found, ["AUR-2026-104233", "2026110512345", "$129.99", "169元"]);
    }
}
