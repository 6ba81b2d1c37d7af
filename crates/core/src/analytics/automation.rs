//! What automation did: tickets rules acted on, tickets that got an automatic reply, and whether those
//! came back (reopened) more often than the rest.

use serde::{Deserialize, Serialize};

use super::rows::TicketRow;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Automation {
    pub tickets: i64,
    /// Tickets at least one rule acted on.
    pub handled_by_rules: i64,
    /// Tickets that got an automatic reply.
    pub auto_replied: i64,
    /// Shares of `tickets` (0–1); none without tickets.
    pub rules_share: Option<f64>,
    pub auto_reply_share: Option<f64>,
    /// Share of each group that was reopened after being resolved.
    pub reopen_rate_rules: Option<f64>,
    pub reopen_rate_auto_reply: Option<f64>,
    pub reopen_rate_all: Option<f64>,
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn reopen_rate<'a>(tickets: impl Iterator<Item = &'a TicketRow>) -> (i64, Option<f64>) {
    let (count, reopened) = tickets.fold((0, 0), |(n, r), t| (n + 1, r + i64::from(t.reopen_count > 0)));
    (count, share(reopened, count))
}

pub(crate) fn compute(tickets: &[TicketRow]) -> Automation {
    let total = tickets.len() as i64;
    let (handled_by_rules, reopen_rate_rules) = reopen_rate(tickets.iter().filter(|t| t.rules_fired > 0));
    let (auto_replied, reopen_rate_auto_reply) = reopen_rate(tickets.iter().filter(|t| t.auto_replied));
    let (_, reopen_rate_all) = reopen_rate(tickets.iter());
    Automation {
        tickets: total,
        handled_by_rules,
        auto_replied,
        rules_share: share(handled_by_rules, total),
        auto_reply_share: share(auto_replied, total),
        reopen_rate_rules,
        reopen_rate_auto_reply,
        reopen_rate_all,
    }
}
