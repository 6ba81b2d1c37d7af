// Builds the document shown inside a message's sandboxed iframe.
// The backend has sanitized the HTML already; this adds a second wall: a CSP that lets
// nothing load (no remote images, fonts, styles, frames) and no scripts run, and a
// <base target="_blank"> so a clicked link cannot navigate the frame (the sandbox,
// which lacks allow-popups, then blocks the new window too).

export const MESSAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const BASE_STYLE = [
  'html{color-scheme:light}',
  'body{margin:0;padding:2px 2px 8px;font:14px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2430;word-wrap:break-word;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'table{max-width:100%}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 4px;padding-left:10px;border-left:3px solid #dfe3ea;color:#5b6475}',
  'a{color:#3b5bdb}',
].join('');

// Attributes through which markup can fetch something. The backend already drops remote image
// sources; renaming any that are left (to data-blocked-*) is a third wall that does not depend on
// the browser honouring the CSP before its preload scanner has run.
const START_TAG = /<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/g;
const FETCHING_ATTRIBUTE = /(\s)(src|srcset|background|poster|lowsrc|dynsrc)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;

function unquote(value: string): string {
  return value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value;
}

/** Markup with every attribute that would fetch from outside the mail renamed; `data:` stays. */
export function blockRemoteContent(html: string): { html: string; blocked: number } {
  let blocked = 0;
  const out = html.replace(START_TAG, (tag) =>
    tag.replace(FETCHING_ATTRIBUTE, (whole, space: string, name: string, eq: string, value: string) => {
      if (/^data:/i.test(unquote(value).trim())) return whole;
      blocked += 1;
      return `${space}data-blocked-${name.toLowerCase()}${eq}${value}`;
    }),
  );
  return { html: out, blocked };
}

export function messageSrcdoc(html: string): string {
  html = blockRemoteContent(html).html;
  return (
    '<!doctype html><html><head>' +
    `<meta http-equiv="Content-Security-Policy" content="${MESSAGE_CSP}">` +
    '<meta charset="utf-8"><base target="_blank">' +
    `<style>${BASE_STYLE}</style>` +
    `</head><body>${html}</body></html>`
  );
}

/**
 * The frame cannot be measured (no same-origin), so estimate its height: about 90 characters of
 * text to a 22 px line, plus a line for each block element (paragraphs, line breaks, quotes, list
 * items, table rows). Bounded, so a long mail scrolls inside its frame.
 */
export function estimateHtmlHeight(html: string, min = 72, max = 480): number {
  const blocks = (html.match(/<(p|div|br|li|tr|blockquote|h[1-6]|pre|hr)\b/gi) ?? []).length;
  const text = html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lines = Math.max(1, blocks) + Math.ceil(text.length / 90);
  return Math.round(Math.min(max, Math.max(min, lines * 22 + 24)));
}
