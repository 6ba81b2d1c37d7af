//! Masking personal data before customer text is sent to a cloud model: email addresses, phone numbers
//! and payment card numbers become placeholders. Order numbers and amounts stay (classification needs
//! them), so only digit runs that look like phones (7–15 digits) or pass the card checksum are masked.

use std::sync::LazyLock;

use regex::{Captures, Regex};

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("email regex"));
/// Runs of digits with the separators people type in card and phone numbers.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\+?\(?\d[\d\s().-]{5,}\d").expect("digit-run regex"));

fn luhn_ok(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `text` with emails, card numbers and phone numbers replaced by `[email]`, `[card]`, `[phone]`.
pub fn mask_personal_data(text: &str) -> String {
    let text = EMAIL.replace_all(text, "[email]");
    let haystack: &str = &text;
    DIGITS
        .replace_all(haystack, |c: &Captures<'_>| {
            let run = &c[0];
            // Part of an identifier (order AUR-2026-10412, #88231): not personal data.
            let before = haystack[..c.get(0).map_or(0, |m| m.start())].chars().next_back();
            if before.is_some_and(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '#' | '_' | '/')) {
                return run.to_string();
            }
            let digits: Vec<u32> = run.chars().filter_map(|ch| ch.to_digit(10)).collect();
            if (13..=19).contains(&digits.len()) && luhn_ok(&digits) {
                "[card]".to_string()
            } else if (7..=15).contains(&digits.len())
                && (run.starts_with('+') || run.contains([' ', '-', '(']) || digits.len() >= 10)
            {
                "[phone]".to_string()
            } else {
                run.to_string()
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::mask_personal_data;

    #[test]
    fn emails_phones_and_cards_are_masked_order_numbers_and_amounts_are_not() {
        let text = "I'm ann.lee+shop@mail.example, call +1 (415) 555-0134 or 138 0013 8000. \
                    Card 4111 1111 1111 1111 was charged $129.99 for order AUR-2026-10412 (#88231).";
        let masked = mask_personal_data(text);
        assert_eq!(
            masked,
            "I'm [email], call [phone] or [phone]. Card [card] was charged $129.99 for order AUR-2026-10412 (#88231)."
        );
    }

    #[test]
    fn chinese_text_keeps_its_words() {
        assert_eq!(
            mask_personal_data("我的手机是13800138000，邮箱 li@qq.com，订单号 20261104"),
            "我的手机是[phone]，邮箱 [email]，订单号 20261104"
        );
    }
}
