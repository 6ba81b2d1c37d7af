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
        let regexes = definition
            .conditions
            .iter()
            .map(|c| (c.op == Op::Matches).then(|| compile_regex(&c.value)).transpose())
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
                _ => text_holds(condition.op, value, regex, &[confidence.to_string()]),
            }
        }
        Field::BusinessHours => (value == "true") == facts.in_business_hours,
        Field::CustomerTag => text_holds(condition.op, value, regex, &facts.customer_tags),
        Field::Tag => text_holds(condition.op, value, regex, &facts.tags),
        Field::Account => {
            let mut names = Vec::new();
            if let Some(id) = facts.account_id {
                names.push(id.to_string());
            }
            if let Some(name) = &facts.account_name {
                names.push(name.clone());
            }
            text_holds(condition.op, value, regex, &names)
        }
        Field::Text => {
            let both = format!("{}\n{}", facts.subject, facts.body);
            text_holds(condition.op, value, regex, &[both])
        }
        field => {
            let single = single_value(field, facts);
            text_holds(condition.op, value, regex, single.as_slice())
        }
    }
}

fn single_value(field: Field, facts: &TicketFacts) -> Vec<String> {
    let text = match field {
        Field::Channel => Some(facts.channel.as_str().to_string()),
        Field::Category => facts.category.clone(),
        Field::Priority => Some(facts.priority.as_str().to_string()),
        Field::Sentiment => facts.sentiment.clone(),
        Field::Language => facts.language.clone(),
        Field::Status => Some(facts.status.as_str().to_string()),
        Field::Queue => facts.queue.clone(),
        Field::Subject => Some(facts.subject.clone()),
        Field::Body => Some(facts.body.clone()),
        Field::CustomerTier => facts.customer_tier.clone(),
        _ => None,
    };
    text.filter(|t| !t.is_empty()).into_iter().collect()
}

/// A text condition over a field holding zero or more values (tags hold many; most fields one).
fn text_holds(op: Op, value: &str, regex: Option<&Regex>, values: &[String]) -> bool {
    let list = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
    match op {
        Op::IsEmpty => values.is_empty(),
        Op::IsSet => !values.is_empty(),
        Op::Is => values.iter().any(|v| v.eq_ignore_ascii_case(value)),
        Op::IsNot => !values.iter().any(|v| v.eq_ignore_ascii_case(value)),
        Op::OneOf => values.iter().any(|v| list().any(|item| v.eq_ignore_ascii_case(item))),
        Op::ContainsAny => values.iter().any(|v| {
            let haystack = v.to_lowercase();
            list().any(|keyword| haystack.contains(&keyword.to_lowercase()))
        }),
        Op::Matches => regex.is_some_and(|re| values.iter().any(|v| re.is_match(v))),
        Op::LessThan | Op::AtLeast => false,
    }
}
