//! Reading the model's answer: strict JSON first, then the first JSON object found in prose or a code
//! fence; every field validated. Anything else is an invalid answer, never half-applied.

use serde::Deserialize;
use switchboard_core::classification::NewClassification;
use switchboard_core::model::Priority;

use crate::taxonomy::Category;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the model's answer is not JSON: {0}")]
    NotJson(String),
    #[error("the model's answer is invalid: {0}")]
    Invalid(String),
}

#[derive(Debug, Deserialize)]
struct RawAnswer {
    category: String,
    priority: String,
    sentiment: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    entities: Vec<serde_json::Value>,
    #[serde(default)]
    next_step: Option<String>,
    #[serde(default)]
    confidence: Option<f64>,
}

/// The first balanced `{…}` in `text` (string-aware), for answers wrapped in prose or code fences.
fn first_object(text: &str) -> Option<&str> {
    let start = text.find('{')?;
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    for (i, c) in text[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[start..start + i + 1]);
                }
            }
            _ => {}
        }
    }
    None
}

fn clip(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        text
    } else {
        text.chars().take(max).collect()
    }
}

/// Parses and validates an answer against `taxonomy`.
pub fn parse_answer(content: &str, taxonomy: &[Category], model: &str) -> Result<NewClassification, AnswerError> {
    let raw: RawAnswer = match serde_json::from_str(content.trim()) {
        Ok(raw) => raw,
        Err(strict) => {
            let object = first_object(content).ok_or_else(|| AnswerError::NotJson(strict.to_string()))?;
            serde_json::from_str(object).map_err(|e| AnswerError::NotJson(e.to_string()))?
        }
    };
    if !taxonomy.iter().any(|c| c.id == raw.category) {
        return Err(AnswerError::Invalid(format!(
            "'{}' is not a category of this workspace",
            raw.category
        )));
    }
    let priority: Priority = raw
        .priority
        .parse()
        .map_err(|_| AnswerError::Invalid(format!("'{}' is not a priority", raw.priority)))?;
    if !["negative", "neutral", "positive"].contains(&raw.sentiment.as_str()) {
        return Err(AnswerError::Invalid(format!("'{}' is not a sentiment", raw.sentiment)));
    }
    let confidence = match raw.confidence {
        Some(c) if (0.0..=1.0).contains(&c) => Some(c),
        Some(c) => return Err(AnswerError::Invalid(format!("confidence {c} is outside 0..1"))),
        None => None,
    };
    Ok(NewClassification {
        model: model.to_string(),
        category: Some(raw.category),
        priority: Some(priority),
        sentiment: Some(raw.sentiment),
        language: raw.language.map(|l| clip(l, 16)).filter(|l| !l.is_empty()),
        summary: raw.summary.map(|s| clip(s, 300)).filter(|s| !s.is_empty()),
        entities: raw
            .entities
            .into_iter()
            .filter_map(|e| match e {
                serde_json::Value::String(s) => Some(clip(s, 120)),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .take(20)
            .collect(),
        next_step: raw.next_step.map(|s| clip(s, 300)).filter(|s| !s.is_empty()),
        confidence,
        needs_review: confidence.is_none_or(|c| c < crate::local::REVIEW_BELOW),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::default_taxonomy;

    const GOOD: &str = r#"{"category":"billing","priority":"high","sentiment":"negative","language":"en","summary":"Charged twice","entities":["AUR-1", 42],"next_step":"Refund one charge","confidence":0.9}"#;

    #[test]
    fn strict_wrapped_and_invalid_answers() {
        let t = default_taxonomy();
        let c = parse_answer(GOOD, &t, "m").unwrap();
        assert_eq!(c.category.as_deref(), Some("billing"));
        assert_eq!(c.entities, ["AUR-1", "42"]);
        assert!(!c.needs_review);
        let wrapped = format!("Here you go:\n```json\n{GOOD}\n```");
        assert_eq!(parse_answer(&wrapped, &t, "m").unwrap(), c);
        assert!(matches!(
            parse_answer("no json here", &t, "m"),
            Err(AnswerError::NotJson(_))
        ));
        assert!(matches!(
            parse_answer(r#"{"category":"billing""#, &t, "m"),
            Err(AnswerError::NotJson(_))
        ));
        let bad = GOOD.replace("billing", "issue_refund_now");
        assert!(matches!(parse_answer(&bad, &t, "m"), Err(AnswerError::Invalid(_))));
        let bad = GOOD.replace("0.9", "7");
        assert!(matches!(parse_answer(&bad, &t, "m"), Err(AnswerError::Invalid(_))));
    }
}
