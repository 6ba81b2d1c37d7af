//! Hostile HTML through the real parse + ingest path: none of 100+ XSS vectors survives in what the
//! conversation view is given (no script, no event handler, no script URL, nothing remote).

use switchboard_channels::email::parse_message;
use switchboard_core::Store;
use switchboard_core::ingest::ingest;

/// Classic vectors (script tags, event handlers, URL schemes, SVG/MathML, CSS, meta refresh, forms,
/// frames, malformed markup), each wrapped in a few ways.
fn vectors() -> Vec<String> {
    let payloads = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<script/src=data:,alert(1)></script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=https://tracker.example/p.gif width=1 height=1>",
        "<img src=//tracker.example/p.gif>",
        "<img srcset=\"https://tracker.example/a.png 1x\">",
        "<body onload=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=https://evil.example></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=https://evil.example/x.swf></object>",
        "<embed src=https://evil.example/x.swf>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;avascript:alert(1)\">click</a>",
        "<a href=\"java\tscript:alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
        "<form action=https://evil.example><input name=q><button>go</button></form>",
        "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
        "<base href=https://evil.example/>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<style>body{background:url(https://tracker.example/bg.gif)}</style>",
        "<div style=\"background:url(https://tracker.example/bg.gif)\">x</div>",
        "<div style=\"width:expression(alert(1))\">x</div>",
        "<p onmouseover=alert(1)>hover</p>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<table background=https://tracker.example/t.gif><tr><td>x</td></tr></table>",
        "<img src=\"x\" /onerror=alert(1)>",
        "<img\nsrc=x\nonerror=alert(1)>",
        "<<script>alert(1)//<</script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "<object type=text/html data=\"javascript:alert(1)\"></object>",
        "<isindex action=javascript:alert(1) type=image>",
        "<img src=cid:ok@x onerror=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<x onclick=alert(1)>custom</x>",
        "<div onpointerenter=alert(1)>x</div>",
        "<button formaction=javascript:alert(1)>x</button>",
        "<img src=x:alert(1) onerror=eval(src)>",
        "\"><script>alert(1)</script>",
    ];
    let mut out = Vec::new();
    for payload in payloads {
        out.push(payload.to_string());
        out.push(format!(
            "<html><body><p>Hello, my order AUR-1 is late.</p>{payload}<p>Thanks</p></body></html>"
        ));
    }
    out
}

const FORBIDDEN: &[&str] = &[
    "<script",
    "javascript:",
    "vbscript:",
    "<iframe",
    "<object",
    "<embed",
    "<svg",
    "<math",
    "<form",
    "<meta",
    "<base",
    "<link",
    "<style",
    "url(",
    "expression(",
    "srcdoc",
    "srcset",
    "tracker.example",
    "evil.example",
    "data:text",
    "formaction",
    "<input",
    "<button",
    "<video",
    "<audio",
    "<template",
    "background=",
];

/// `html` without the inert `src="sb-remote:…"` references remote images are kept as (loaded only by
/// the backend, on the agent's request); anything fetchable left elsewhere still shows.
pub fn without_inert_references(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("src=\"sb-remote:") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "src=\"sb-remote:".len()..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

fn has_event_handler(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.match_indices(" on").any(|(i, _)| {
        let rest = &lower[i + 3..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        !name.is_empty() && rest[name.len()..].trim_start().starts_with('=')
    })
}

#[tokio::test]
async fn no_xss_vector_survives_parse_and_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let vectors = vectors();
    assert!(vectors.len() >= 100);
    for (i, html) in vectors.iter().enumerate() {
        let raw = format!(
            "From: Mallory <mallory{i}@example.com>\r\nSubject: Order question {i}\r\nMessage-ID: <xss{i}@example.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
        );
        let message = parse_message(raw.as_bytes()).unwrap();
        ingest(&store, &message).await.unwrap();
    }
    let stored: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT channel_message_id, body_html FROM messages ORDER BY id")
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert_eq!(stored.len(), vectors.len());
    for ((id, html), vector) in stored.iter().zip(&vectors) {
        let html = html.clone().unwrap_or_default();
        let lower = without_inert_references(&html).to_ascii_lowercase();
        for forbidden in FORBIDDEN {
            assert!(
                !lower.contains(forbidden),
                "{id}: {forbidden} survived in {html:?} (from {vector:?})"
            );
        }
        assert!(
            !has_event_handler(&html),
            "{id}: an event handler survived in {html:?} (from {vector:?})"
        );
    }
    // Harmless content stays: the customer's words are still there.
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM messages WHERE body_html LIKE '%order AUR-1 is late%'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(kept >= 50);
}
