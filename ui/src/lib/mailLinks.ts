// The links of a message, for a list that shows where each really goes. The message frame is
// sandboxed, so links cannot be clicked there; the list is how the agent follows one, after seeing
// its real target and any sign that the text pretends to be another address.
// A pure function over the (backend-sanitized) markup, so it is tested without a browser.

export type LinkWarning = 'text_differs' | 'hidden_user';

export interface MailLink {
  /** The address as the browser would use it (entities decoded). */
  href: string;
  /** What the message shows for it (tags dropped, spaces collapsed). */
  text: string;
  /** The real host (punycode for international names), or the address of a mailto link. */
  target: string;
  warning: LinkWarning | null;
}

const ANCHOR = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a\s*>/gi;
const HREF = /(?:^|\s)href\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
// Text that reads as an address: an optional scheme, then a dotted host name.
const ADDRESS_LIKE = /^(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+\p{L}{2,})(?::\d+)?(?:[/?#]\S*)?$/iu;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function withoutWww(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** The host the text claims, if the text looks like an address at all. */
function claimedHost(text: string): string | null {
  const match = ADDRESS_LIKE.exec(text.trim());
  if (!match?.[1]) return null;
  try {
    return new URL(`http://${match[1]}`).hostname;
  } catch {
    return null;
  }
}

function describe(href: string, text: string): MailLink | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null; // relative links and cid: parts have no address outside the message
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') {
    return { href, text, target: decodeURIComponent(url.pathname), warning: null };
  }
  if (url.protocol === 'cid:') return null;
  if (url.username !== '' || url.password !== '') return { href, text, target: url.hostname, warning: 'hidden_user' };
  const claimed = claimedHost(text);
  const differs = claimed !== null && url.hostname !== '' && withoutWww(claimed) !== withoutWww(url.hostname);
  return { href, text, target: url.hostname || url.href, warning: differs ? 'text_differs' : null };
}

/** Each distinct link of the markup, in order; the first text seen for an address is kept. */
export function extractLinks(html: string): MailLink[] {
  const links: MailLink[] = [];
  for (const [, attributes = '', inner = ''] of html.matchAll(ANCHOR)) {
    const href = HREF.exec(attributes);
    if (!href) continue;
    const value = decodeEntities(href[2] ?? href[3] ?? href[4] ?? '').trim();
    if (value === '' || links.some((link) => link.href === value)) continue;
    const text = decodeEntities(inner.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    const link = describe(value, text);
    if (link) links.push(link);
  }
  return links;
}
