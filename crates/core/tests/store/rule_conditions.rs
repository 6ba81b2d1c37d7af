//! Every condition a rule can hold, over a ticket's facts (pure: no store needed).

use switchboard_core::model::{ChannelKind, Priority, TicketStatus};
use switchboard_core::rules::{
    Action, ActionKind, CompiledRule, Condition, Field, Match, Op, RuleDefinition, TicketFacts, Trigger,
};

fn facts() -> TicketFacts {
    TicketFacts {
        ticket_id: 1,
        number: 1001,
        customer_id: 1,
        channel: ChannelKind::Email,
        account_id: Some(3),
        account_name: Some("Support inbox".into()),
        category: Some("billing".into()),
        priority: Priority::Normal,
        sentiment: Some("negative".into()),
        language: Some("en".into()),
        confidence: Some(0.42),
        status: TicketStatus::New,
        queue: None,
        assignee: None,
        subject: "Invoice INV-2291 is wrong".into(),
        body: "You charged me twice! Refund now or I call my lawyer.".into(),
        customer_tier: Some("gold".into()),
        customer_tags: vec!["vip".into()],
        tags: vec!["billing-issue".into()],
        auto_generated: false,
        in_business_hours: true,
    }
}

fn rule(match_mode: Match, conditions: Vec<(Field, Op, &str)>) -> CompiledRule {
    let definition = RuleDefinition {
        name: "test".into(),
        trigger: Trigger::Classified,
        after_hours: None,
        match_mode,
        conditions: conditions
            .into_iter()
            .map(|(field, op, value)| Condition {
                field,
                op,
                value: value.into(),
            })
            .collect(),
        actions: vec![Action {
            kind: ActionKind::SetPriority,
            value: "high".into(),
        }],
        allow_auto_reply: false,
        auto_reply_every_hours: 24,
        stop_after: false,
    };
    definition.validate().expect("a valid rule");
    CompiledRule::new(1, definition).expect("compiles")
}

fn holds(field: Field, op: Op, value: &str) -> bool {
    rule(Match::All, vec![(field, op, value)]).matches(&facts())
}

#[test]
fn each_field_is_read_from_the_ticket() {
    assert!(holds(Field::Channel, Op::Is, "email"));
    assert!(!holds(Field::Channel, Op::Is, "telegram"));
    assert!(holds(Field::Account, Op::Is, "3"));
    assert!(holds(Field::Account, Op::Is, "support inbox"));
    assert!(
        holds(Field::Category, Op::Is, "Billing"),
        "text comparisons ignore case"
    );
    assert!(holds(Field::Priority, Op::Is, "normal"));
    assert!(holds(Field::Sentiment, Op::IsNot, "positive"));
    assert!(holds(Field::Language, Op::OneOf, "zh, en"));
    assert!(holds(Field::Status, Op::Is, "new"));
    assert!(holds(Field::Queue, Op::IsEmpty, ""));
    assert!(!holds(Field::Queue, Op::IsSet, ""));
    assert!(holds(Field::Subject, Op::ContainsAny, "receipt, invoice"));
    assert!(!holds(Field::Subject, Op::ContainsAny, "lawyer"));
    assert!(holds(Field::Body, Op::ContainsAny, "LAWYER"));
    assert!(holds(Field::Text, Op::Matches, r"INV-\d{4}"));
    assert!(!holds(Field::Body, Op::Matches, r"INV-\d{4}"));
    assert!(holds(Field::CustomerTier, Op::Is, "gold"));
    assert!(holds(Field::CustomerTag, Op::Is, "VIP"));
    assert!(!holds(Field::CustomerTag, Op::Is, "wholesale"));
    assert!(holds(Field::Tag, Op::OneOf, "urgent, billing-issue"));
    assert!(holds(Field::BusinessHours, Op::Is, "true"));
    assert!(!holds(Field::BusinessHours, Op::Is, "false"));
}

#[test]
fn confidence_compares_as_a_number_and_can_be_missing() {
    assert!(holds(Field::Confidence, Op::LessThan, "0.5"));
    assert!(!holds(Field::Confidence, Op::AtLeast, "0.5"));
    assert!(holds(Field::Confidence, Op::AtLeast, "0.42"));
    let mut unclassified = facts();
    unclassified.confidence = None;
    assert!(!rule(Match::All, vec![(Field::Confidence, Op::LessThan, "0.5")]).matches(&unclassified));
    assert!(rule(Match::All, vec![(Field::Confidence, Op::IsEmpty, "")]).matches(&unclassified));
}

#[test]
fn all_needs_every_condition_and_any_needs_one() {
    let conditions = vec![
        (Field::Category, Op::Is, "billing"),
        (Field::Sentiment, Op::Is, "positive"),
    ];
    assert!(!rule(Match::All, conditions.clone()).matches(&facts()));
    assert!(rule(Match::Any, conditions).matches(&facts()));
    assert!(rule(Match::All, vec![]).matches(&facts()), "no conditions: always");
    assert!(rule(Match::Any, vec![]).matches(&facts()), "no conditions: always");
}

#[test]
fn invalid_rules_are_refused_with_the_reason() {
    let mut bad = rule(Match::All, vec![]).definition;
    bad.conditions = vec![Condition {
        field: Field::Body,
        op: Op::Matches,
        value: "refund(".into(),
    }];
    let err = bad.validate().unwrap_err().to_string();
    assert!(err.contains("not a valid regular expression"), "{err}");

    bad.conditions = vec![Condition {
        field: Field::Subject,
        op: Op::LessThan,
        value: "3".into(),
    }];
    assert!(
        bad.validate()
            .unwrap_err()
            .to_string()
            .contains("cannot be compared as a number")
    );

    bad.conditions = vec![Condition {
        field: Field::Confidence,
        op: Op::AtLeast,
        value: "high".into(),
    }];
    assert!(bad.validate().unwrap_err().to_string().contains("not a number"));

    bad.conditions = vec![];
    bad.actions = vec![Action {
        kind: ActionKind::SetPriority,
        value: "very high".into(),
    }];
    assert!(bad.validate().unwrap_err().to_string().contains("not a priority"));

    bad.actions = vec![Action {
        kind: ActionKind::AutoReply,
        value: "Thanks, we are on it".into(),
    }];
    assert!(
        bad.validate()
            .unwrap_err()
            .to_string()
            .contains("automatic replies are not allowed"),
        "an automatic reply needs the rule's explicit permission"
    );
    bad.allow_auto_reply = true;
    bad.validate().expect("allowed explicitly");

    bad.trigger = Trigger::TimeInStatus;
    assert!(bad.validate().unwrap_err().to_string().contains("number of hours"));
    bad.after_hours = Some(72);
    bad.validate().expect("a time-based rule with hours");

    bad.actions.clear();
    assert!(bad.validate().unwrap_err().to_string().contains("no actions"));
}

#[test]
fn the_day_one_rules_are_valid() {
    for (_, definition) in switchboard_core::rules::library::day_one_rules() {
        definition
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", definition.name));
    }
}
