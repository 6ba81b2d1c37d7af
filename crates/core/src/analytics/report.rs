//! The printable weekly report: one self-contained HTML page (no scripts, no remote content) with the
//! week's figures, a chart of tickets in and out, and the suggestions. Customer text in it (names,
//! subjects) is escaped: the page is opened in a browser, and customer content is hostile.

use std::collections::HashMap;
use std::fmt::Write;

use chrono::TimeZone;

use super::insights::Insights;
use super::{Dashboard, DurationStats};

/// English or Simplified Chinese, and the names of the workspace's categories in that language.
pub struct ReportLabels {
    pub chinese: bool,
    pub category_names: HashMap<String, String>,
}

impl ReportLabels {
    fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        if self.chinese { zh } else { en }
    }

    fn category(&self, id: &str) -> String {
        if id.is_empty() {
            return self.t("Uncategorized", "未分类").to_string();
        }
        self.category_names.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A duration in words a team lead reads at a glance: minutes under two hours, hours under two days.
pub fn duration(ms: Option<i64>, labels: &ReportLabels) -> String {
    let Some(ms) = ms else { return "—".into() };
    let minutes = ms / 60_000;
    if minutes < 120 {
        format!("{minutes} {}", labels.t("min", "分钟"))
    } else if minutes < 48 * 60 {
        format!("{:.1} {}", minutes as f64 / 60.0, labels.t("h", "小时"))
    } else {
        format!("{:.1} {}", minutes as f64 / 1440.0, labels.t("days", "天"))
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
}

fn local_day(ms: i64, tz: &str) -> String {
    let tz: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::UTC);
    tz.timestamp_millis_opt(ms)
        .single()
        .map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string())
}

/// The report page for a dashboard and its suggestions.
pub fn weekly_html(d: &Dashboard, insights: &Insights, labels: &ReportLabels) -> String {
    let t = |en, zh| labels.t(en, zh);
    let lang = if labels.chinese { "zh-CN" } else { "en" };
    let title = format!(
        "{} {} – {}",
        t("Switchboard service report", "Switchboard 服务报告"),
        local_day(d.query.from, &d.time_zone),
        local_day(d.query.to - 1, &d.time_zone)
    );
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body><h1>{title}</h1>",
        title = escape(&title)
    );
    let figures = [
        (t("New tickets", "新工单"), d.volume.total_created.to_string()),
        (t("Resolved", "已解决"), d.volume.total_resolved.to_string()),
        (
            t("Median first response", "首次响应中位数"),
            duration(d.timings.first_response_total.median_ms, labels),
        ),
        (
            t("90% answered within", "90% 在此时间内响应"),
            duration(d.timings.first_response_total.p90_ms, labels),
        ),
        (
            t("Median resolution", "解决时长中位数"),
            duration(d.timings.resolution_total.median_ms, labels),
        ),
        (t("SLA compliance", "SLA 达标率"), percent(d.service_levels.compliance)),
        (
            t("AI category changed by agents", "AI 分类被修改"),
            percent(d.ai.category_change_rate),
        ),
        (
            t("Repeat contacts within 7 days", "7 天内重复联系"),
            percent(d.customers.repeat_rate),
        ),
    ];
    h.push_str("<section class=\"figures\">");
    for (name, value) in figures {
        let _ = write!(h, "<div><b>{}</b><span>{}</span></div>", escape(&value), escape(name));
    }
    h.push_str("</section>");
    let _ = write!(h, "<h2>{}</h2>", t("Tickets in and out", "新建与解决"));
    h.push_str(&bars_svg(d, labels));
    timing_table(
        &mut h,
        t("By channel", "按渠道"),
        &d.timing_by_channel,
        labels,
        |k| k.to_string(),
    );
    timing_table(
        &mut h,
        t("By category", "按分类"),
        &d.timing_by_category,
        labels,
        |k| labels.category(k),
    );
    if !d.customers.top.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2><table><tr><th>{}</th><th>{}</th></tr>",
            t("Customers who wrote most", "联系最多的客户"),
            t("Customer", "客户"),
            t("Tickets", "工单")
        );
        for c in &d.customers.top {
            let _ = write!(h, "<tr><td>{}</td><td>{}</td></tr>", escape(&c.name), c.tickets);
        }
        h.push_str("</table>");
    }
    suggestions(&mut h, insights, labels);
    h.push_str("</body></html>");
    h
}

fn timing_table(
    h: &mut String,
    heading: &str,
    rows: &[super::TimingBreakdown],
    labels: &ReportLabels,
    name: impl Fn(&str) -> String,
) {
    if rows.is_empty() {
        return;
    }
    let t = |en, zh| labels.t(en, zh);
    let _ = write!(
        h,
        "<h2>{heading}</h2><table><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("Tickets", "工单"),
        t("First response (median / 90%)", "首次响应（中位数 / 90%）"),
        t("Resolution (median / 90%)", "解决时长（中位数 / 90%）"),
        t("Resolved", "已解决")
    );
    let pair = |s: &DurationStats| format!("{} / {}", duration(s.median_ms, labels), duration(s.p90_ms, labels));
    for row in rows {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&name(&row.key)),
            row.tickets,
            pair(&row.first_response),
            pair(&row.resolution),
            row.resolution.count
        );
    }
    h.push_str("</table>");
}

fn suggestions(h: &mut String, insights: &Insights, labels: &ReportLabels) {
    let t = |en, zh| labels.t(en, zh);
    let _ = write!(h, "<h2>{}</h2><ul>", t("What to improve", "改进建议"));
    let mut any = false;
    for topic in &insights.rising_topics {
        any = true;
        let examples: Vec<String> = topic
            .examples
            .iter()
            .map(|e| format!("#{} {}", e.number, escape(&e.subject)))
            .collect();
        let _ = write!(
            h,
            "<li>{} <b>{}</b>: {} → {} ({})</li>",
            t("Rising topic", "上升话题"),
            escape(&topic.terms.join(", ")),
            topic.baseline,
            topic.recent,
            examples.join("; ")
        );
    }
    for c in &insights.corrected_categories {
        any = true;
        let _ = write!(
            h,
            "<li>{} <b>{}</b> ({}): {}</li>",
            t("Agents often change the AI's category", "客服经常修改 AI 的分类"),
            escape(&labels.category(&c.category)),
            percent(Some(c.rate)),
            t(
                "retrain the offline model or reword the category",
                "重新训练离线模型或修改分类说明"
            )
        );
    }
    for r in &insights.heavily_edited_saved_replies {
        any = true;
        let _ = write!(
            h,
            "<li>{} <b>{}</b> ({})</li>",
            t("Saved reply rewritten before sending", "快捷回复发送前常被大幅修改"),
            escape(&r.title),
            percent(r.mean_edit_ratio)
        );
    }
    for r in &insights.unused_saved_replies {
        any = true;
        let _ = write!(
            h,
            "<li>{} <b>{}</b></li>",
            t("Saved reply never used", "从未使用的快捷回复"),
            escape(&r.title)
        );
    }
    for r in &insights.silent_rules {
        any = true;
        let _ = write!(
            h,
            "<li>{} <b>{}</b></li>",
            t("Rule never fired", "从未触发的规则"),
            escape(&r.name)
        );
    }
    if !any {
        let _ = write!(
            h,
            "<li>{}</li>",
            t("Nothing stands out this week.", "本周没有需要注意的问题。")
        );
    }
    h.push_str("</ul>");
}

/// Created and resolved per period as paired bars.
fn bars_svg(d: &Dashboard, labels: &ReportLabels) -> String {
    let n = d.periods.len().max(1);
    let max = d
        .volume
        .created
        .iter()
        .chain(&d.volume.resolved)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let (width, height) = (720.0, 180.0);
    let slot = width / n as f64;
    let bar = (slot / 2.0 - 2.0).max(1.0);
    let mut svg = format!(
        "<svg class=\"bars\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"{}\">",
        height + 20.0,
        escape(labels.t("New and resolved tickets per period", "每个时段的新建与已解决工单"))
    );
    for (i, (&created, &resolved)) in d.volume.created.iter().zip(&d.volume.resolved).enumerate() {
        let x = i as f64 * slot;
        for (offset, value, class) in [(0.0, created, "created"), (bar + 1.0, resolved, "resolved")] {
            let h = value as f64 / max * height;
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\"><title>{value}</title></rect>",
                x + offset,
                height - h
            );
        }
    }
    let _ = write!(
        svg,
        "</svg><p class=\"legend\"><i class=\"created\"></i>{} <i class=\"resolved\"></i>{}</p>",
        labels.t("New", "新建"),
        labels.t("Resolved", "已解决")
    );
    svg
}

const STYLE: &str = "body{font:14px/1.5 system-ui,sans-serif;color:#1c1c1e;max-width:780px;margin:24px auto;padding:0 16px}\
h1{font-size:22px}h2{font-size:16px;margin-top:28px}\
.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}\
.figures div{border:1px solid #ddd;border-radius:8px;padding:10px}.figures b{display:block;font-size:20px}\
.figures span{color:#555;font-size:12px}table{border-collapse:collapse;width:100%}\
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left}.bars{width:100%}\
rect.created,i.created{fill:#3b6fd8;background:#3b6fd8}rect.resolved,i.resolved{fill:#2f9e6e;background:#2f9e6e}\
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}\
@media print{body{margin:0}.figures div{break-inside:avoid}}";
