//! Domain types shared by the store, the channels, the CLI and (through generated bindings) the UI.
//!
//! Ids and millisecond timestamps are `i64` here and `number` in TypeScript (both stay far below 2^53;
//! the shell's binding export casts them).

use serde::{Deserialize, Serialize};

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        #[sqlx(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> crate::Result<Self> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(crate::Error::Invalid(format!(
                        "unknown {} '{other}'", stringify!($name)
                    ))),
                }
            }
        }
    };
}

text_enum!(
    /// Where a conversation happens.
    ChannelKind { Email = "email", Phone = "phone", Telegram = "telegram", Wechat = "wechat" }
);
text_enum!(
    /// Lifecycle of a ticket.
    TicketStatus { New = "new", Open = "open", Pending = "pending", Resolved = "resolved", Closed = "closed" }
);
text_enum!(
    Priority { Urgent = "urgent", High = "high", Normal = "normal", Low = "low" }
);
text_enum!(
    /// Inbound from the customer, outbound to the customer, or an internal note between agents.
    Direction { Inbound = "inbound", Outbound = "outbound", Note = "note" }
);
text_enum!(
    /// Order of a ticket list.
    TicketSort { Newest = "newest", Oldest = "oldest", Priority = "priority", SlaDue = "sla_due" }
);
text_enum!(
    OutboxState { Queued = "queued", Sending = "sending", Sent = "sent", Failed = "failed" }
);

impl TicketStatus {
    /// Statuses that still need an agent's attention.
    pub fn is_open(self) -> bool {
        matches!(self, TicketStatus::New | TicketStatus::Open | TicketStatus::Pending)
    }
}

/// A saved filter over tickets, shown in the left pane with its live count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TicketView {
    AllOpen,
    /// Open tickets assigned to the agent of this workspace.
    Mine,
    Unassigned,
    NeedsReview,
    Urgent,
    /// Tickets put aside until a time; they come back by themselves.
    Snoozed,
    Pending,
    Resolved,
    Channel {
        channel: ChannelKind,
    },
    Category {
        category: String,
    },
    /// Open tickets in a team's queue (set by rules or by hand).
    Queue {
        queue: String,
    },
    /// Open tickets whose SLA is breached or due within the hour.
    SlaAtRisk,
    /// A custom view: the agent's own filter (saved views hold one each).
    Custom {
        filter: Box<crate::saved_views::TicketFilter>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ViewCount {
    pub view: TicketView,
    pub count: i64,
}

/// One row of the ticket list.
#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TicketSummary {
    pub id: i64,
    pub number: i64,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub category: Option<String>,
    pub sentiment: Option<String>,
    pub language: Option<String>,
    pub channel: ChannelKind,
    pub customer_name: String,
    pub customer_address: String,
    pub preview: String,
    pub summary: Option<String>,
    pub message_count: i64,
    pub needs_review: bool,
    pub unread: bool,
    pub auto_generated: bool,
    pub assignee: Option<String>,
    #[sqlx(json)]
    pub tags: Vec<String>,
    pub snoozed_until: Option<i64>,
    pub queue: Option<String>,
    /// The nearest SLA target still running (first response, next response or resolution).
    pub sla_due_at: Option<i64>,
    /// The SLA clocks are stopped while the ticket waits on the customer.
    pub sla_paused: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attachment {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub inline: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Message {
    pub id: i64,
    pub direction: Direction,
    pub author_name: String,
    pub author_address: String,
    pub subject: String,
    pub body_text: String,
    /// Already sanitized by the channel that parsed it; remote content is blocked.
    pub body_html: Option<String>,
    pub channel_message_id: Option<String>,
    pub sent_at: i64,
    pub auto_generated: bool,
    #[sqlx(skip)]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerIdentity {
    pub channel: ChannelKind,
    pub address: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Customer {
    pub id: i64,
    pub display_name: String,
    pub identities: Vec<CustomerIdentity>,
    pub ticket_count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OutboxItem {
    pub id: i64,
    pub ticket_id: i64,
    pub message_id: i64,
    pub state: OutboxState,
    pub body_text: String,
    pub error: Option<String>,
    pub attempts: i64,
    pub created_at: i64,
}

/// The latest automatic classification of a ticket, for the AI panel.
#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClassificationView {
    /// `llm` or `local_model` (the agent's own corrections are in `TicketDetail::agent_fields`).
    pub source: String,
    pub model: String,
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub sentiment: Option<String>,
    pub language: Option<String>,
    pub summary: Option<String>,
    #[sqlx(json)]
    pub entities: Vec<String>,
    pub next_step: Option<String>,
    pub confidence: Option<f64>,
    pub created_at: i64,
}

/// Everything the conversation pane shows for one ticket.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TicketDetail {
    pub ticket: TicketSummary,
    pub customer: Customer,
    pub messages: Vec<Message>,
    pub outbox: Vec<OutboxItem>,
    /// The latest run of the AI (LLM or local model), if any.
    pub ai: Option<ClassificationView>,
    /// Fields the agent has set by hand (they win over the AI): `category`, `priority`, `sentiment`.
    pub agent_fields: Vec<String>,
}
