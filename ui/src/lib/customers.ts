// Customers, their orders and the suggestions drawn from them, as the ticket pane shows them: money in
// the order's currency, order states as chips, and each suggestion's title and reason in the agent's
// language (the backend sends the facts, the UI words them). Pure: the locale is passed in.
import type { ColumnMapping, Order, OrderFormat, ProfileUpdate, Suggestion } from './backend';
import { translate, type Locale, type MessageKey } from './i18n/index.svelte';

const DAY = 24 * 60 * 60 * 1000;

/**
 * An amount in hundredths of `currency` (how the backend stores every total), e.g. "$1,349.00",
 * "¥1,349.00", "€12.50". An empty or unknown currency code shows the bare number (with the code).
 */
export function money(cents: number, currency: string, locale: Locale): string {
  const amount = cents / 100;
  const code = currency.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(amount);
    } catch {
      // Not a currency Intl knows: fall through to the number and the code.
    }
  }
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  return code ? `${number} ${code}` : number;
}

/** An order number as shops show it: "#1001" for a bare number, anything else as it is. */
export function orderLabel(number: string): string {
  const trimmed = number.trim();
  return /^\d+$/.test(trimmed) ? `#${trimmed}` : trimmed;
}

/** Not yet shipped or done (as the backend's Order::is_open): highlighted, and what suggestions point at. */
export function isOpenOrder(order: Pick<Order, 'status' | 'fulfillment_status'>): boolean {
  const words = `${order.status} ${order.fulfillment_status}`.toLowerCase().split(/\s+/);
  return !['fulfilled', 'completed', 'cancelled', 'refunded', 'delivered'].some((done) => words.includes(done));
}

export type ChipTone = 'ok' | 'warn' | 'muted' | 'danger';

export interface StateChip {
  /** The state as the shop wrote it, lower-cased ('' for an order without shipping state). */
  state: string;
  tone: ChipTone;
}

const KNOWN_STATES = new Set([
  'paid',
  'pending',
  'authorized',
  'partially_paid',
  'refunded',
  'partially_refunded',
  'voided',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'failed',
  'fulfilled',
  'unfulfilled',
  'partial',
  'delivered',
  'shipped',
]);

/** Shops write "Partially refunded", "partially_refunded" or "wc-on-hold"; one key for each. */
function stateKey(state: string): string {
  const lower = state.trim().toLowerCase().replace(/^wc-/, '');
  if (lower === 'on-hold' || lower === 'on hold' || lower === 'on_hold') return 'on-hold';
  return lower.replace(/[\s-]+/g, '_');
}

/** A state in the agent's words: known ones translated, anything else as the shop wrote it. */
export function stateWord(state: string, locale: Locale): string {
  const key = stateKey(state);
  if (key === '') return translate(locale, 'order.state.none');
  if (KNOWN_STATES.has(key)) return translate(locale, `order.state.${key}` as MessageKey);
  return state.trim();
}

/** The payment chip: paid is fine, money on its way is a warning, refunded or voided is muted, failed is bad. */
export function paymentChip(order: Pick<Order, 'status'>): StateChip {
  const key = stateKey(order.status);
  const tone: ChipTone = ['paid', 'completed'].includes(key)
    ? 'ok'
    : ['refunded', 'partially_refunded', 'voided', 'cancelled'].includes(key)
      ? 'muted'
      : key === 'failed'
        ? 'danger'
        : 'warn';
  return { state: key, tone };
}

/**
 * The shipping chip, or null when the shop has no shipping state and the payment state already says
 * the order is done (WooCommerce's "completed"). An open order's missing shipping state reads "not shipped".
 */
export function shippingChip(order: Pick<Order, 'status' | 'fulfillment_status'>): StateChip | null {
  const key = stateKey(order.fulfillment_status);
  if (key === '') return isOpenOrder(order) ? { state: '', tone: 'warn' } : null;
  const tone: ChipTone = ['fulfilled', 'delivered', 'shipped'].includes(key) ? 'ok' : key === 'cancelled' ? 'muted' : 'warn';
  return { state: key, tone };
}

/** "today", "yesterday", "5 days ago" (zh: "今天", "昨天", "5天前"). */
export function daysAgo(timestamp: number, now: number, locale: Locale): string {
  const days = Math.max(0, Math.floor((now - timestamp) / DAY));
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** Order date, day only: "Nov 25, 2026". */
export function orderDate(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(timestamp));
}

// ---------- suggestions ----------

export interface SuggestionWords {
  title: string;
  why: string;
}

/** The ticket's category, which tells a delivery problem from an unhappy customer. */
const DELIVERY = new Set(['shipping', 'order_status']);

function orders(count: number, locale: Locale): string {
  return count === 1 ? translate(locale, 'suggestion.oneOrder') : translate(locale, 'suggestion.orders', { count: new Intl.NumberFormat(locale).format(count) });
}

/** A suggestion's title and reason in the agent's language, from its kind and the facts it carries. */
export function suggestionWords(s: Suggestion, ctx: { category: string | null; now: number }, locale: Locale): SuggestionWords {
  const value = money(s.lifetime_value_cents, s.currency, locale);
  switch (s.kind) {
    case 'open_order_status': {
      const number = s.order ? orderLabel(s.order.number) : '';
      const state = s.order ? stateWord(s.order.fulfillment_status || s.order.status, locale) : '';
      const age = s.order ? daysAgo(s.order.placed_at, ctx.now, locale) : '';
      return {
        title: translate(locale, 'suggestion.open_order_status.title', { number }),
        why: translate(locale, 'suggestion.open_order_status.why', { number, state, age }),
      };
    }
    case 'apology_with_coupon': {
      const key = ctx.category !== null && DELIVERY.has(ctx.category) ? 'suggestion.apology_with_coupon.whyDelivery' : 'suggestion.apology_with_coupon.whyUnhappy';
      return {
        title: translate(locale, 'suggestion.apology_with_coupon.title'),
        why: translate(locale, key, { orders: orders(s.order_count, locale), value }),
      };
    }
    case 'raise_priority': {
      const priority = s.action.kind === 'set_priority' ? s.action.priority : 'high';
      const facts = [
        ...(s.tier ? [translate(locale, 'customer.tierValue', { tier: s.tier })] : []),
        ...(s.lifetime_value_cents > 0 ? [translate(locale, 'suggestion.raise_priority.spent', { value })] : []),
      ];
      return {
        title: translate(locale, 'suggestion.raise_priority.title', { priority: translate(locale, `priority.${priority}`).toLocaleLowerCase(locale) }),
        why: translate(locale, 'suggestion.raise_priority.why', { facts: facts.join(' / ') }),
      };
    }
    case 'already_refunded': {
      const number = s.order ? orderLabel(s.order.number) : '';
      return {
        title: translate(locale, 'suggestion.already_refunded.title'),
        why: translate(locale, 'suggestion.already_refunded.why', {
          number,
          value: s.order ? money(s.order.total_cents, s.order.currency, locale) : value,
          age: s.order ? daysAgo(s.order.placed_at, ctx.now, locale) : '',
        }),
      };
    }
    case 'repeat_issue': {
      const number = s.related_ticket_number ?? '';
      return {
        title: translate(locale, 'suggestion.repeat_issue.title', { number }),
        why: translate(locale, 'suggestion.repeat_issue.why', { number }),
      };
    }
  }
}

/** What the Accept button says: put the text in the reply, raise to a priority, open a ticket. */
export function acceptLabel(s: Suggestion, locale: Locale): string {
  switch (s.action.kind) {
    case 'insert_text':
      return translate(locale, 'suggestions.acceptText');
    case 'set_priority':
      return translate(locale, 'suggestions.acceptPriority', { priority: translate(locale, `priority.${s.action.priority}`) });
    case 'open_ticket':
      return translate(locale, 'suggestions.acceptOpen', { number: s.related_ticket_number ?? s.action.ticket_id });
  }
}

/** The reply box's text with a suggestion's text added: alone in an empty box, else after a blank line. */
export function withInserted(body: string, text: string): string {
  if (body.trim() === '') return text;
  return `${body.replace(/\s+$/, '')}\n\n${text}`;
}

// ---------- the profile form ----------

export interface ProfileForm {
  name: string;
  company: string;
  tier: string;
  language: string;
  /** Comma-separated, as typed. */
  tags: string;
  notes: string;
}

export function profileForm(p: { display_name: string; company: string | null; tier: string | null; language: string | null; tags: string[]; notes: string }): ProfileForm {
  return { name: p.display_name, company: p.company ?? '', tier: p.tier ?? '', language: p.language ?? '', tags: p.tags.join(', '), notes: p.notes };
}

/** The update as update_customer takes it: empty fields null, tags split on commas (the backend checks them). */
export function profileUpdate(form: ProfileForm): ProfileUpdate {
  const opt = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    display_name: form.name.trim(),
    company: opt(form.company),
    language: opt(form.language),
    tier: opt(form.tier),
    tags: form.tags
      .split(/[,，]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    notes: form.notes.trim(),
  };
}

// ---------- the order import ----------

export type ImportKind = OrderFormat['kind'];

export const MAPPING_FIELDS = [
  'number',
  'placed_at',
  'email',
  'phone',
  'customer_name',
  'status',
  'fulfillment_status',
  'total',
  'currency',
  'item_name',
  'item_quantity',
  'item_price',
] as const satisfies readonly (keyof ColumnMapping)[];

export type MappingForm = Record<keyof ColumnMapping, string>;

export function emptyMapping(): MappingForm {
  return Object.fromEntries(MAPPING_FIELDS.map((f) => [f, ''])) as MappingForm;
}

/** What is missing from the mapping before it is worth sending: the i18n key of the problem, or null. */
export function mappingProblem(form: MappingForm): 'orders.missingRequired' | 'orders.missingContact' | null {
  if (form.number.trim() === '' || form.placed_at.trim() === '') return 'orders.missingRequired';
  if (form.email.trim() === '' && form.phone.trim() === '') return 'orders.missingContact';
  return null;
}

/** The format import_orders takes; a mapping's empty optional columns go as null. */
export function orderFormat(kind: ImportKind, form: MappingForm): OrderFormat {
  if (kind !== 'mapped') return { kind };
  const opt = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    kind: 'mapped',
    mapping: {
      number: form.number.trim(),
      placed_at: form.placed_at.trim(),
      email: opt(form.email),
      phone: opt(form.phone),
      customer_name: opt(form.customer_name),
      status: opt(form.status),
      fulfillment_status: opt(form.fulfillment_status),
      total: opt(form.total),
      currency: opt(form.currency),
      item_name: opt(form.item_name),
      item_quantity: opt(form.item_quantity),
      item_price: opt(form.item_price),
    },
  };
}

/** The file name of a picked path, for "Reading orders.csv" (Windows or Unix separators). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
