// Pure logic of saved replies (canned answers with {{variables}}): the form's draft and what it sends,
// validation, the variables a body may use, and — as the backend does it (crates/ai/src/drafts.rs) —
// filling them and picking the reply that fits a ticket. No Svelte, no backend.
import type { SavedReply, SavedReplyForm } from './backend';
import type { MessageKey } from './i18n/index.svelte';

/** The variables a saved reply's text may use, in the order the help lists them. */
export const VARIABLES = ['customer_name', 'first_name', 'ticket_number', 'subject', 'order_number', 'agent_name'] as const;
export type Variable = (typeof VARIABLES)[number];

/** How a variable is written in a saved reply: `{{customer_name}}`. */
export function variableToken(name: Variable): string {
  return `{{${name}}}`;
}

/** The languages a saved reply can be written in (ISO 639-1, as the backend stores them). */
export const REPLY_LANGUAGES = ['en', 'zh'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/** Each language by its own name, the same in every UI language. */
export const REPLY_LANGUAGE_NAMES: Record<ReplyLanguage, string> = { en: 'English', zh: '中文' };

export function replyLanguageName(code: string): string {
  return (REPLY_LANGUAGE_NAMES as Record<string, string>)[code] ?? code;
}

/** What the form edits, as typed: '' for "any category" / "any language". */
export interface SavedReplyDraft {
  title: string;
  body: string;
  category: string;
  language: string;
}

export function emptySavedReplyDraft(): SavedReplyDraft {
  return { title: '', body: '', category: '', language: '' };
}

export function draftFromSavedReply(reply: SavedReply | null): SavedReplyDraft {
  if (!reply) return emptySavedReplyDraft();
  return { title: reply.title, body: reply.body, category: reply.category ?? '', language: reply.language ?? '' };
}

/** What Save sends: the title trimmed, the text as typed, null for "any". */
export function toSavedReplyForm(draft: SavedReplyDraft): SavedReplyForm {
  return {
    title: draft.title.trim(),
    body: draft.body,
    category: draft.category === '' ? null : draft.category,
    language: draft.language === '' ? null : draft.language,
  };
}

export type SavedReplyField = 'title' | 'body';

/** What must be fixed before saving (the backend refuses an empty title or text). */
export function validateSavedReply(draft: SavedReplyDraft): Partial<Record<SavedReplyField, MessageKey>> {
  const problems: Partial<Record<SavedReplyField, MessageKey>> = {};
  if (draft.title.trim() === '') problems.title = 'savedReplyForm.needTitle';
  if (draft.body.trim() === '') problems.body = 'savedReplyForm.needBody';
  return problems;
}

/** `{{names}}` in the text that are not variables: they would reach the customer as typed. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(VARIABLES);
  const found: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    const name = match[1] ?? '';
    if (!known.has(name) && !found.includes(match[0])) found.push(match[0]);
  }
  return found;
}

/** Inserts `{{name}}` into `text` at the selection, replacing it; returns the text and the caret after it. */
export function insertVariable(text: string, start: number, end: number, name: Variable): { text: string; caret: number } {
  const token = variableToken(name);
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

/** A body on one line, for the list. */
export function bodyPreview(body: string): string {
  return body.replace(/\s+/g, ' ').trim();
}

// ---------- as the backend drafts offline (used by the e2e fake backend, tested here) ----------

/** As extract::detect_language: `zh`, `ja`, `ko` or `en`. */
export function detectLanguage(text: string): string {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  if (kana > 0 && kana * 5 >= han) return 'ja';
  if (hangul > han) return 'ko';
  if (han > 0 && han * 3 >= Math.floor(latin / 2)) return 'zh';
  return 'en';
}

const ORDER = /\b[A-Z]{2,5}-\d{4}-\d{3,}\b|(?:订单号?|order\s*(?:no\.?|number|#)?)\s*[:：#]?\s*(\d{6,})/gi;
const MONEY = /[$€¥￥]/;

/**
 * As DraftContext::order_number: the first entity the AI found that has a digit and is no amount,
 * else the first order number in the text (`AUR-2026-0413`, `order 1234567`, `订单号 1234567`).
 */
export function findOrderNumber(entities: readonly string[], text: string): string | null {
  const found = [...entities];
  for (const match of text.matchAll(ORDER)) found.push((match[1] ?? match[0]).trim());
  return found.find((e) => /\d/.test(e) && !MONEY.test(e)) ?? null;
}

export interface VariableValues {
  customerName: string;
  ticketNumber: number;
  subject: string;
  orderNumber: string | null;
  agentName: string;
  /** The customer's language: a missing order number reads "your order" / "您的订单". */
  language: string;
}

/** As drafts::fill_variables: every known variable gets a value, never a raw `{{…}}`. */
export function fillVariables(template: string, values: VariableValues): string {
  const name = values.customerName.trim();
  const first = name.split(/\s+/)[0] ?? name;
  const order = values.orderNumber ?? (values.language === 'zh' ? '您的订单' : 'your order');
  const filled: Record<Variable, string> = {
    customer_name: name,
    first_name: first,
    ticket_number: String(values.ticketNumber),
    subject: values.subject,
    order_number: order,
    agent_name: values.agentName,
  };
  return VARIABLES.reduce((text, v) => text.split(variableToken(v)).join(filled[v]), template);
}

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 2) out.add(w);
  return out;
}

/**
 * As drafts::best_saved_reply: among the replies in the ticket's language (or any language) and of its
 * category (or any category), the one of its category first, then of its language, then the one sharing
 * most words with the customer's last message. Null when none fits.
 */
export function bestSavedReply(
  replies: readonly SavedReply[],
  ticket: { category: string | null; language: string; customerText: string },
): SavedReply | null {
  const customer = words(ticket.customerText);
  let best: SavedReply | null = null;
  let bestScore: number[] = [];
  for (const r of replies) {
    if (r.language !== null && r.language !== ticket.language) continue;
    if (r.category !== null && r.category !== ticket.category) continue;
    const overlap = [...words(r.body)].filter((w) => customer.has(w)).length;
    const score = [r.category !== null ? 1 : 0, r.language !== null ? 1 : 0, overlap];
    // max_by_key keeps the last of equals.
    if (best === null || compareScores(score, bestScore) >= 0) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A body cut into plain text and `{{variables}}` (known or not), for showing them apart. */
export function bodySegments(body: string): { text: string; variable: boolean }[] {
  const out: { text: string; variable: boolean }[] = [];
  let last = 0;
  for (const match of body.matchAll(/\{\{\s*[^{}]*?\s*\}\}/g)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: body.slice(last, at), variable: false });
    out.push({ text: match[0], variable: true });
    last = at + match[0].length;
  }
  if (last < body.length) out.push({ text: body.slice(last), variable: false });
  return out;
}
