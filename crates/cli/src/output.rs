//! Printing tickets for people (aligned text) or programs (`--json`).

use chrono::{DateTime, Utc};
use switchboard_core::model::{TicketDetail, TicketSummary};

pub fn ticket_list(tickets: &[TicketSummary], json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(tickets)?);
        return Ok(());
    }
    if tickets.is_empty() {
        println!("no tickets");
    }
    for t in tickets {
        println!(
            "#{:<6} {:<8} {:<6} {:<16} {:<28} {}",
            t.number,
            t.status.as_str(),
            t.priority.as_str(),
            time(t.updated_at),
            truncate(&t.customer_name, 28),
            truncate(&t.subject, 80)
        );
    }
    Ok(())
}

pub fn ticket_detail(detail: &TicketDetail, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(detail)?);
        return Ok(());
    }
    let t = &detail.ticket;
    println!("#{} {}", t.number, t.subject);
    println!("status {} · priority {} · channel {}", t.status, t.priority, t.channel);
    let addresses: Vec<&str> = detail.customer.identities.iter().map(|i| i.address.as_str()).collect();
    println!("customer {} <{}>", detail.customer.display_name, addresses.join(", "));
    for m in &detail.messages {
        println!();
        let marker = if m.auto_generated { " [auto-generated]" } else { "" };
        println!(
            "── {} · {} <{}> · {}{marker}",
            m.direction,
            m.author_name,
            m.author_address,
            time(m.sent_at)
        );
        println!("{}", m.body_text.trim_end());
        for a in &m.attachments {
            println!("  📎 {} ({}, {} bytes)", a.filename, a.content_type, a.size);
        }
    }
    for item in &detail.outbox {
        println!(
            "outbox #{}: {}{}",
            item.id,
            item.state,
            item.error.as_deref().map(|e| format!(" — {e}")).unwrap_or_default()
        );
    }
    Ok(())
}

fn time(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms).map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
