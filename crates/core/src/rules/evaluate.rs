//! Deciding whether a rule matches a ticket: pure code over a snapshot of the ticket, so the same logic
//! serves live events, the dry run and the benchmark.

use regex::Regex;

use super::definition::{Condition, Field, Match, Op, RuleDefinition, compile_regex};
use crate::model::{ChannelKind, Priority, TicketStatus};

/// What the rules can see of a ticket at the moment of an event.
#[derive(Debug, Clone)]
pub struct TicketFacts {
    pub ticket_id: i64,
    pub number: i64,
    pub customer_id: i64,
    pub channel: ChannelKind,
    pub account_id: Option<i64>,
    pub account_name: Option<String>,
    pub category: Option<String>,
    pub priority: Priority,
    pub sentiment: Option<String>,
    pub language: Option<String>,
    pub confidence: Option<f64>,
    pub status: TicketStatus,
    pub queue: Option<String>,
    pub assignee: Option<String>,
    pub subject: String,
    /// The customer's latest message.
    pub body: String,
    pub customer_tier: Option<String>,
    pub customer_tags: Vec<String>,
    pub tags: Vec<String>,
    /// The ticket or its latest message is an auto-reply, bulk mail or bounce.
    pub auto_generated: bool,
    pub in_business_hours: bool,
}

/// A rule ready to evaluate: its regular expressions compiled once.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: i64,
    pub definition: RuleDefinition,
    regexes: Vec<Option<Regex>>,
}

impl CompiledRule {
    pub fn new(id: i64, definition: RuleDefinition) -> Result<CompiledRule, String> {
        // Keyword lists become one case-insensitive literal alternation: the regex engine searches all
        // keywords in one pass without lowercasing the text.
        let regexes = definition
            .conditions
            .iter()
            .map(|c| match c.op {
                Op::Matches => compile_regex(&c.value).map(Some),
                Op::ContainsAny => {
                    let alternation = keywords(&c.value).map(regex::escape).collect::<Vec<_>>().join("|");
                    compile_regex(&alternation).map(Some)
                }
                _ => Ok(None),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledRule {
            id,
            definition,
            regexes,
        })
    }

    /// True when the rule's conditions hold for `facts` (a rule without conditions always matches).
    pub fn matches(&self, facts: &TicketFacts) -> bool {
        let mut results = self
            .definition
            .conditions
            .iter()
            .zip(&self.regexes)
            .map(|(condition, regex)| holds(condition, regex.as_ref(), facts));
        match self.definition.match_mode {
            Match::All => results.all(|r| r),
            Match::Any => self.definition.conditions.is_empty() || results.any(|r| r),
        }
    }
}

fn holds(condition: &Condition, regex: Option<&Regex>, facts: &TicketFacts) -> bool {
    let value = condition.value.trim();
    match condition.field {
        Field::Confidence => {
            let Some(confidence) = facts.confidence else {
                return condition.op == Op::IsEmpty;
            };
            let limit: f64 = value.parse().unwrap_or(f64::NAN);
            match condition.op {
                Op::LessThan => confidence < limit,
                Op::AtLeast => confidence >= limit,
                Op::IsSet => true,
                Op::IsEmpty => false,
                _ => text_holds(condition.op, value, regex, &[confidence.to_string().as_str()]),
            }
        }
        Field::BusinessHours => (value == "true") == facts.in_business_hours,
        Field::CustomerTag => text_holds(condition.op, value, regex, &strs(&facts.customer_tags)),
        Field::Tag => text_holds(condition.op, value, regex, &strs(&facts.tags)),
        Field::Account => {
            let id = facts.account_id.map(|id| id.to_string());
            let names: Vec<&str> = id.as_deref().into_iter().chain(facts.account_name.as_deref()).collect();
            text_holds(condition.op, value, regex, &names)
        }
        // Subject and message are searched one after the other, without joining them.
        Field::Text => {
            let both: Vec<&str> = [facts.subject.as_str(), facts.body.as_str()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect();
            text_holds(condition.op, value, regex, &both)
        }
        field => {
            let single: Vec<&str> = single_value(field, facts)
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect();
            text_holds(condition.op, value, regex, &single)
        }
    }
}

fn strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

fn single_value(field: Field, facts: &TicketFacts) -> Option<&str> {
    match field {
        Field::Channel => Some(facts.channel.as_str()),
        Field::Category => facts.category.as_deref(),
        Field::Priority => Some(facts.priority.as_str()),
        Field::Sentiment => facts.sentiment.as_deref(),
        Field::Language => facts.language.as_deref(),
        Field::Status => Some(facts.status.as_str()),
        Field::Queue => facts.queue.as_deref(),
        Field::Subject => Some(facts.subject.as_str()),
        Field::Body => Some(facts.body.as_str()),
        Field::CustomerTier => facts.customer_tier.as_deref(),
        _ => None,
    }
}

fn keywords(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// A text condition over a field holding zero or more values (tags hold many; most fields one).
fn text_holds(op: Op, value: &str, regex: Option<&Regex>, values: &[&str]) -> bool {
    let list = || keywords(value);
    match op {
        Op::IsEmpty => values.is_empty(),
        Op::IsSet => !values.is_empty(),
        Op::Is => values.iter().any(|v| v.eq_ignore_ascii_case(value)),
        Op::IsNot => !values.iter().any(|v| v.eq_ignore_ascii_case(value)),
        Op::OneOf => values.iter().any(|v| list().any(|item| v.eq_ignore_ascii_case(item))),
        Op::ContainsAny | Op::Matches => regex.is_some_and(|re| values.iter().any(|v| re.is_match(v))),
        Op::LessThan | Op::AtLeast => false,
    }
}
