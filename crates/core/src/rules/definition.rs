//! What a rule is: when it runs (trigger), what it looks at (conditions) and what it does (actions).
//! Flat, string-valued shapes so rules export to readable JSON and the UI edits them with plain forms;
//! [`RuleDefinition::validate`] turns a bad value into a clear message before anything runs.

use serde::{Deserialize, Serialize};

use crate::model::{Priority, TicketStatus};
use crate::{Error, Result};

/// The event a rule listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    TicketCreated,
    Classified,
    CustomerReplied,
    AgentReplied,
    StatusChanged,
    SlaWarning,
    SlaBreached,
    /// The ticket has stayed in its status for `after_hours` (e.g. pending for 3 days).
    TimeInStatus,
}

impl Trigger {
    pub const ALL: &'static [Trigger] = &[
        Trigger::TicketCreated,
        Trigger::Classified,
        Trigger::CustomerReplied,
        Trigger::AgentReplied,
        Trigger::StatusChanged,
        Trigger::SlaWarning,
        Trigger::SlaBreached,
        Trigger::TimeInStatus,
    ];
}

/// All conditions must hold, or any one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Match {
    #[default]
    All,
    Any,
}

/// A fact about the ticket a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Channel,
    /// The account's id (as text) or its name.
    Account,
    Category,
    Priority,
    Sentiment,
    Language,
    /// The AI's confidence, 0 to 1.
    Confidence,
    Status,
    Queue,
    Subject,
    /// The customer's latest message.
    Body,
    /// Subject and latest message together.
    Text,
    CustomerTier,
    CustomerTag,
    Tag,
    /// `true` inside the workspace's business hours, `false` outside.
    BusinessHours,
}

/// How a condition compares. Text comparisons ignore case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Is,
    IsNot,
    /// One of a comma-separated list.
    OneOf,
    /// Contains any of a comma-separated list of keywords.
    ContainsAny,
    /// Matches a regular expression.
    Matches,
    IsEmpty,
    IsSet,
    LessThan,
    AtLeast,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Condition {
    pub field: Field,
    pub op: Op,
    #[serde(default)]
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    SetCategory,
    SetPriority,
    SetQueue,
    SetStatus,
    AddTag,
    Assign,
    /// An internal note with the value as its text.
    AddNote,
    /// A desktop notification with the value as its text.
    Notify,
    /// Prepares a draft from the saved reply named by the value; the agent reviews and sends it.
    DraftSavedReply,
    /// Asks the AI for a draft (in the background); the agent reviews and sends it.
    DraftAi,
    /// Sends the saved reply named by the value, only when the rule allows automatic replies.
    AutoReply,
    /// Urgent priority, the `escalated` tag and a notification.
    Escalate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Action {
    pub kind: ActionKind,
    #[serde(default)]
    pub value: String,
}

/// A rule as the agent writes it (and as it is exported).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RuleDefinition {
    pub name: String,
    pub trigger: Trigger,
    /// For [`Trigger::TimeInStatus`]: hours in the current status before the rule fires.
    #[serde(default)]
    pub after_hours: Option<u32>,
    #[serde(default, rename = "match")]
    pub match_mode: Match,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    pub actions: Vec<Action>,
    /// Automatic replies are off unless the rule says so explicitly.
    #[serde(default)]
    pub allow_auto_reply: bool,
    /// At most one automatic reply per ticket in this many hours.
    #[serde(default = "default_auto_reply_hours")]
    pub auto_reply_every_hours: u32,
    /// Later rules do not run for this event when this one matched.
    #[serde(default)]
    pub stop_after: bool,
}

fn default_auto_reply_hours() -> u32 {
    24
}

fn invalid<T>(rule: &str, what: String) -> Result<T> {
    Err(Error::Invalid(format!("rule '{rule}': {what}")))
}

impl RuleDefinition {
    /// Checks every value a rule holds, so a broken rule is refused when saved rather than at ingest.
    pub fn validate(&self) -> Result<()> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("a rule needs a name".into()));
        }
        if name.chars().count() > 80 {
            return invalid(name, "the name is longer than 80 characters".into());
        }
        if self.actions.is_empty() {
            return invalid(name, "it has no actions".into());
        }
        if self.trigger == Trigger::TimeInStatus && self.after_hours.unwrap_or(0) == 0 {
            return invalid(name, "a time-based rule needs a number of hours".into());
        }
        for condition in &self.conditions {
            condition.validate().or_else(|e| invalid(name, e))?;
        }
        for action in &self.actions {
            action.validate().or_else(|e| invalid(name, e))?;
            if action.kind == ActionKind::AutoReply && !self.allow_auto_reply {
                return invalid(
                    name,
                    "it sends an automatic reply but automatic replies are not allowed for it".into(),
                );
            }
        }
        if self.allow_auto_reply && self.auto_reply_every_hours == 0 {
            return invalid(name, "automatic replies need at least one hour between them".into());
        }
        Ok(())
    }
}

impl Condition {
    fn validate(&self) -> std::result::Result<(), String> {
        let numeric = matches!(self.field, Field::Confidence);
        match self.op {
            Op::LessThan | Op::AtLeast if !numeric => {
                return Err(format!("{:?} cannot be compared as a number", self.field));
            }
            Op::LessThan | Op::AtLeast => {
                let value: f64 = self
                    .value
                    .trim()
                    .parse()
                    .map_err(|_| format!("'{}' is not a number", self.value))?;
                if !(0.0..=1.0).contains(&value) {
                    return Err("a confidence lies between 0 and 1".into());
                }
            }
            Op::Matches => {
                compile_regex(&self.value)?;
            }
            Op::IsEmpty | Op::IsSet => {}
            _ if self.value.trim().is_empty() => return Err(format!("the condition on {:?} has no value", self.field)),
            _ => {}
        }
        if self.field == Field::BusinessHours && !matches!(self.value.trim(), "true" | "false") {
            return Err("business hours are 'true' (inside) or 'false' (outside)".into());
        }
        Ok(())
    }
}

/// Case-insensitive, size-limited regular expressions: a rule cannot make ingest slow or blow memory.
pub fn compile_regex(pattern: &str) -> std::result::Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| format!("'{pattern}' is not a valid regular expression: {e}"))
}

impl Action {
    fn validate(&self) -> std::result::Result<(), String> {
        let value = self.value.trim();
        match self.kind {
            ActionKind::SetPriority => value
                .parse::<Priority>()
                .map(|_| ())
                .map_err(|_| format!("'{value}' is not a priority")),
            ActionKind::SetStatus => value
                .parse::<TicketStatus>()
                .map(|_| ())
                .map_err(|_| format!("'{value}' is not a status")),
            ActionKind::AddTag => crate::ticket_actions::normalise_tag(value)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            ActionKind::Escalate | ActionKind::DraftAi => Ok(()),
            _ if value.is_empty() => Err(format!("the action {:?} has no value", self.kind)),
            _ => Ok(()),
        }
    }
}
