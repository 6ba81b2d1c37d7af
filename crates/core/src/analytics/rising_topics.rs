//! Rising topics: words (or, in Chinese, two-character terms) that appear in many more tickets this week
//! than in the four weeks before, grouped when they occur in the same tickets, with example tickets. A
//! topic is a hint for the team: write a saved reply, or look at the product.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::AnalyticsQuery;
use crate::Result;
use crate::cjk_index::is_cjk;

const DAY_MS: i64 = 86_400_000;
pub const RECENT_DAYS: i64 = 7;
pub const BASELINE_DAYS: i64 = 28;
/// A topic needs this many tickets this week…
const MIN_RECENT: usize = 3;
/// …and this many times the weekly volume it had before (with one ticket of smoothing on each side).
const MIN_GROWTH: f64 = 2.0;
/// Terms are grouped when this share of a term's tickets already belongs to the topic.
const SAME_TOPIC_OVERLAP: f64 = 0.6;
const MAX_TOPICS: usize = 8;
const EXAMPLES: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RisingTopic {
    /// The terms that name the topic, the strongest first.
    pub terms: Vec<String>,
    /// Tickets with the topic's lead term in the last 7 days, and in the 28 days before.
    pub recent: i64,
    pub baseline: i64,
    /// Recent weekly volume over the previous weekly average (smoothed).
    pub growth: f64,
    /// The most recent tickets of the topic.
    pub examples: Vec<TopicExample>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TopicExample {
    pub ticket_id: i64,
    pub number: i64,
    pub subject: String,
    pub created_at: i64,
}

/// Topics rising in the week before `until`, among tickets matching the query's filters.
pub async fn rising(pool: &SqlitePool, q: &AnalyticsQuery, until: i64) -> Result<Vec<RisingTopic>> {
    let recent_from = until - RECENT_DAYS * DAY_MS;
    let (conditions, binds) = q.conditions();
    let sql = format!(
        "SELECT json_group_array(json_array(t.id, t.number, t.subject, coalesce(t.summary, ''), t.created_at))
         FROM tickets t
         WHERE t.created_at >= ? AND t.created_at < ? AND t.merged_into IS NULL{conditions}"
    );
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(recent_from - BASELINE_DAYS * DAY_MS)
        .bind(until);
    for value in binds {
        query = query.bind(value);
    }
    let rows: Vec<(i64, i64, String, String, i64)> = super::rows::json_rows(query.fetch_one(pool).await?)?;
    let tickets: Vec<TopicExample> = rows
        .iter()
        .map(|(id, number, subject, _, created_at)| TopicExample {
            ticket_id: *id,
            number: *number,
            subject: subject.clone(),
            created_at: *created_at,
        })
        .collect();
    let texts: Vec<(String, bool)> = rows
        .into_iter()
        .map(|(_, _, subject, summary, at)| (format!("{subject} {summary}"), at >= recent_from))
        .collect();
    Ok(find(&texts)
        .into_iter()
        .map(|topic| {
            let mut examples: Vec<TopicExample> = topic.tickets.iter().map(|&i| tickets[i].clone()).collect();
            examples.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.ticket_id.cmp(&a.ticket_id)));
            examples.truncate(EXAMPLES);
            RisingTopic {
                terms: topic.terms,
                recent: topic.recent as i64,
                baseline: topic.baseline as i64,
                growth: topic.growth,
                examples,
            }
        })
        .collect())
}

/// A topic over indexes into the texts: its terms and its recent tickets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub terms: Vec<String>,
    pub recent: usize,
    pub baseline: usize,
    pub growth: f64,
    pub tickets: BTreeSet<usize>,
}

/// Rising topics among texts marked recent (true) or baseline (false).
pub(crate) fn find(texts: &[(String, bool)]) -> Vec<Found> {
    let mut recent: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut baseline: HashMap<String, usize> = HashMap::new();
    for (i, (text, is_recent)) in texts.iter().enumerate() {
        for term in terms(text) {
            if *is_recent {
                recent.entry(term).or_default().insert(i);
            } else {
                *baseline.entry(term).or_default() += 1;
            }
        }
    }
    let weeks = BASELINE_DAYS as f64 / RECENT_DAYS as f64;
    // Candidates by how many more tickets than usual they had, then by name for a stable order.
    let mut candidates: Vec<(String, f64, f64)> = recent
        .iter()
        .filter(|(_, tickets)| tickets.len() >= MIN_RECENT)
        .filter_map(|(term, tickets)| {
            let expected = *baseline.get(term).unwrap_or(&0) as f64 / weeks;
            let growth = (tickets.len() as f64 + 1.0) / (expected + 1.0);
            (growth >= MIN_GROWTH).then(|| (term.clone(), tickets.len() as f64 - expected, growth))
        })
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut topics: Vec<Found> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for (term, _, growth) in &candidates {
        if used.contains(term) || topics.len() == MAX_TOPICS {
            continue;
        }
        let tickets = recent[term].clone();
        let mut topic = Found {
            terms: vec![term.clone()],
            recent: tickets.len(),
            baseline: *baseline.get(term).unwrap_or(&0),
            growth: *growth,
            tickets,
        };
        used.insert(term.clone());
        for (other, _, _) in &candidates {
            if used.contains(other) {
                continue;
            }
            let theirs = &recent[other];
            let shared = theirs.intersection(&topic.tickets).count() as f64;
            if shared / theirs.len() as f64 >= SAME_TOPIC_OVERLAP {
                used.insert(other.clone());
                if topic.terms.len() < 3 {
                    topic.terms.push(other.clone());
                }
            }
        }
        topics.push(topic);
    }
    topics
}

/// The distinct terms of a text: lower-case words of three letters or more that are not filler, and
/// two-character runs of Chinese text.
pub(crate) fn terms(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut word = String::new();
    let mut previous_cjk: Option<char> = None;
    let flush = |word: &mut String, out: &mut BTreeSet<String>| {
        if word.chars().count() >= 3
            && !word.chars().all(|c| c.is_ascii_digit())
            && !STOP_WORDS.contains(&word.as_str())
        {
            out.insert(std::mem::take(word));
        } else {
            word.clear();
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            if let Some(p) = previous_cjk {
                let pair: String = [p, c].iter().collect();
                if !CJK_STOP_TERMS.contains(&pair.as_str()) {
                    out.insert(pair);
                }
            }
            previous_cjk = Some(c);
        } else {
            previous_cjk = None;
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                flush(&mut word, &mut out);
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Words that say nothing about what a ticket is about (mail filler and English function words).
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "you", "your", "are", "was", "with", "this", "that", "have", "has", "had", "not", "but",
    "from", "they", "them", "there", "what", "when", "why", "how", "can", "could", "would", "should", "will", "please",
    "thanks", "thank", "hello", "dear", "regards", "fwd", "urgent", "help", "question", "issue", "problem", "about",
    "any", "get", "got", "out", "our", "all", "just", "still", "yet", "one", "been", "did", "does", "its", "it's",
    "into", "than", "then", "also", "very", "much", "more", "some", "need",
];

const CJK_STOP_TERMS: &[&str] = &[
    "您好", "你好", "请问", "谢谢", "我们", "你们", "我的", "一个", "可以", "什么", "没有", "问题",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn term_counts(texts: &[&str]) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for text in texts {
            for term in terms(text) {
                *counts.entry(term).or_default() += 1;
            }
        }
        counts
    }

    #[test]
    fn terms_skip_filler_and_pair_chinese_characters() {
        let t = terms("Re: Hello, my PARCEL is damaged — 包裹破损了 order 12345");
        assert!(t.contains("parcel") && t.contains("damaged") && t.contains("order"));
        assert!(!t.contains("hello") && !t.contains("my") && !t.contains("12345"));
        assert!(t.contains("包裹") && t.contains("裹破") && t.contains("破损") && t.contains("损了"));
        assert_eq!(term_counts(&["parcel parcel", "Parcel"])["parcel"], 2);
    }

    #[test]
    fn a_growing_term_is_a_topic_and_co_occurring_terms_join_it() {
        let mut texts: Vec<(String, bool)> = Vec::new();
        // Baseline: four weeks of ordinary traffic, "invoice" steady at 4 tickets a week.
        for i in 0..16 {
            texts.push((format!("Invoice copy needed {i}"), false));
        }
        // This week: invoices as usual, and a burst of damaged parcels (some also say "broken").
        for i in 0..4 {
            texts.push((format!("Invoice copy needed {i}"), true));
        }
        for _ in 0..5 {
            texts.push(("Parcel arrived damaged".into(), true));
        }
        texts.push(("Broken and damaged parcel".into(), true));
        texts.push(("Broken lamp".into(), true));
        let topics = find(&texts);
        assert_eq!(topics.len(), 1, "{topics:?}");
        let topic = &topics[0];
        // "damaged" and "parcel" are in the same 6 tickets (ties go by name); "arrived" is in 5 of them.
        assert_eq!(
            topic.terms,
            vec!["damaged".to_string(), "parcel".into(), "arrived".into()]
        );
        assert_eq!((topic.recent, topic.baseline), (6, 0));
        assert!((topic.growth - 7.0).abs() < 1e-9);
        // "broken" has 2 tickets: below the minimum of 3. "invoice": 4 now, 4 a week before → no growth.
        assert_eq!(topic.tickets.len(), 6);
    }
}
