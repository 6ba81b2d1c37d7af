// Customers and orders for the fake workspace, as the Rust side answers them (crates/core/src/customers.rs,
// orders.rs, suggestions.rs and commands::customers): profiles of the demo customers with a few orders,
// profile updates with the backend's validation, order imports from the "files" below, and suggestions
// computed from the tickets and orders by the backend's rules. The open dialog of the dialog plugin is
// answered here too (the picked path; a test can set the next answer in window.__sbNextPick).
import type {
  AppError,
  ColumnMapping,
  Customer,
  CustomerIdentity,
  CustomerMerge,
  CustomerProfile,
  Order,
  OrderFormat,
  OrderImportSummary,
  Priority,
  ProfileUpdate,
  Suggestion,
  SuggestionAction,
  SuggestionKind,
  TicketSummary,
} from '../../src/lib/backend';

/** A 2×2 PNG as the backend would hand a WeChat customer's picture to the profile. */
export const SAMPLE_AVATAR =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGPwj75a0/aCAUIBACynBtNFJHRjAAAAAElFTkSuQmCC';

const DAY = 86_400_000;
/** As suggestions::VALUABLE_CENTS and REPEAT_DAYS. */
const VALUABLE_CENTS = 100_000;
const REPEAT_DAYS = 30;

/** A ticket of the fake workspace as this module reads (and, for a priority, changes) it. */
export interface HostTicket extends TicketSummary {
  customerId: number;
}

export interface CustomerHost {
  tickets(): HostTicket[];
  customers(): Customer[];
  emit(event: string, payload: unknown): Promise<void>;
  /** audit::record on a ticket's timeline. */
  record(ticketId: number, kind: string, actor: string, data: Record<string, unknown>): void;
}

/** A merge as customer_merges keeps it: the merged-away customer's own fields and what moved with it. */
interface MergeRecord {
  id: number;
  into: number;
  name: string;
  extra: Omit<Extra, 'orders'>;
  identities: CustomerIdentity[];
  tickets: number[];
  orders: Order[];
  createdAt: number;
  undone: boolean;
}

interface Extra {
  company: string | null;
  language: string | null;
  tier: string | null;
  tags: string[];
  notes: string;
  orders: Order[];
}

/** The picked file of the open dialog: the Shopify export below, unless a test said otherwise. */
export const ORDER_EXPORT = '/home/agent/Downloads/orders_export.csv';

/** The headers of the fake's CSV files, by path (read as commands::customers::import_orders reads them). */
const FILES: Record<string, string[]> = {
  [ORDER_EXPORT]: [
    'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Currency', 'Total', 'Created at',
    'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Phone',
  ],
  '/home/agent/Downloads/woocommerce-orders.csv': [
    'order_number', 'order_date', 'status', 'billing_first_name', 'billing_last_name', 'billing_email', 'billing_phone',
    'order_currency', 'order_total', 'item_name', 'item_quantity', 'item_price',
  ],
  '/home/agent/Downloads/crm-orders.csv': ['Order No', 'Ordered On', 'Client Email', 'Client Phone', 'Client', 'Paid', 'Shipped', 'Amount', 'Cur'],
};

/** Candidate headers (as orders::Columns::of) for the fields whose absence stops an import. */
const SHOP_COLUMNS = {
  shopify: { number: ['Name'], placed: ['Created at', 'Paid at'], email: ['Email'], phone: ['Phone', 'Billing Phone', 'Shipping Phone'] },
  woocommerce: {
    number: ['order_number', 'Order Number', 'order_id', 'Order ID'],
    placed: ['order_date', 'Order Date', 'date_created', 'Date'],
    email: ['billing_email', 'Billing Email', 'Email (Billing)', 'customer_email'],
    phone: ['billing_phone', 'Billing Phone', 'Phone (Billing)'],
  },
};

/** As orders::key: headers compared without case, spaces, underscores or a byte-order mark. */
function key(header: string): string {
  return header.trim().replace(/^\uFEFF/, '').toLowerCase().replace(/[ _]/g, '');
}

function fail(message: string, code = 'invalid_input'): AppError {
  return { code, message };
}

function order(source: string, number: string, status: string, fulfillment: string, currency: string, daysAgo: number, items: [string, number, number][], now: number): Order {
  return {
    source,
    number,
    status,
    fulfillment_status: fulfillment,
    total_cents: items.reduce((sum, [, quantity, price]) => sum + quantity * price, 0),
    currency,
    placed_at: now - daysAgo * DAY - 3 * 3_600_000,
    items: items.map(([name, quantity, price_cents]) => ({ name, quantity, price_cents })),
  };
}

/** The demo customers' profiles (by customer id, as in workspace.ts's CUSTOMERS); the others have none. */
function demoExtras(now: number): Record<number, Extra> {
  return {
    1: {
      company: 'Johnson Podcast Studio',
      language: 'en',
      tier: 'gold',
      tags: ['vip', 'wholesale'],
      notes: 'Buys for a team of four. Prefers email; invoices to the studio address.',
      orders: [
        order('shopify', '#2010', 'paid', 'fulfilled', 'USD', 9, [['Aurora Studio Monitor (pair)', 1, 109_900], ['Balanced XLR cable 3 m', 2, 2_450]], now),
        order('shopify', '#1872', 'refunded', 'fulfilled', 'USD', 24, [['Travel headphone case', 1, 18_900]], now),
      ],
    },
    2: {
      company: null,
      language: 'zh',
      tier: null,
      tags: [],
      notes: '',
      orders: [order('shopify', '#2031', 'paid', 'unfulfilled', 'CNY', 2, [['降噪蓝牙耳机', 1, 89_900]], now)],
    },
    4: {
      company: '星河科技',
      language: 'zh',
      tier: null,
      tags: ['企业客户'],
      notes: '发票抬头：上海星河科技有限公司。',
      orders: [order('woocommerce', '3150', 'completed', '', 'CNY', 30, [['会议室扬声器', 2, 129_900]], now)],
    },
    6: {
      company: null,
      language: 'fr',
      tier: null,
      tags: [],
      notes: 'Sent photos of the damaged lamp; replacement promised.',
      orders: [
        order('shopify', '#2001', 'paid', 'unfulfilled', 'USD', 5, [['Aurora Arc speaker', 2, 55_000]], now),
        order('shopify', '#1987', 'paid', 'fulfilled', 'USD', 41, [['Arc desk lamp', 1, 24_900]], now),
      ],
    },
    8: {
      company: 'García Estudio',
      language: 'es',
      tier: null,
      tags: [],
      notes: '',
      orders: [order('woocommerce', '3162', 'processing', '', 'EUR', 3, [['Aurora Mini speaker', 1, 7_900], ['Wall mount', 1, 1_900]], now)],
    },
    10: {
      company: 'Becker Events GmbH',
      language: 'de',
      tier: 'silver',
      tags: [],
      notes: '',
      orders: [order('shopify', '#1990', 'paid', 'fulfilled', 'EUR', 20, [['PA speaker set', 1, 84_000]], now)],
    },
    12: {
      company: null,
      language: 'en',
      tier: null,
      tags: ['newsletter'],
      notes: '',
      orders: [order('woocommerce', '3171', 'on-hold', '', 'INR', 1, [['Aurora Buds', 1, 499_900]], now)],
    },
  };
}

/** As Order::is_open. */
function isOpen(o: Order): boolean {
  const words = `${o.status} ${o.fulfillment_status}`.toLowerCase().split(/\s+/);
  return !['fulfilled', 'completed', 'cancelled', 'refunded', 'delivered'].some((done) => words.includes(done));
}

/** As ticket_actions::normalise_tag. */
function normaliseTag(tag: string): string {
  const clean = tag.split(/\s+/).filter(Boolean).join(' ');
  if (clean === '') throw fail('a tag cannot be empty');
  if ([...clean].length > 40) throw fail('a tag has at most 40 characters');
  return clean;
}

function optional(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

export class FakeCustomers {
  private readonly host: CustomerHost;
  private readonly now = Date.now();
  private readonly extras: Record<number, Extra>;
  /** Suggestion ids accepted or dismissed, per ticket (the events table). */
  private readonly settled = new Map<number, Set<string>>();
  /** How long an order import takes, ms: the UI's progress state shows meanwhile. */
  importMs = 500;
  private readonly merges: MergeRecord[] = [];

  constructor(host: CustomerHost) {
    this.host = host;
    this.extras = demoExtras(this.now);
  }

  /** The commands answered here; workspace.ts sends them on. */
  static readonly COMMANDS = new Set([
    'customer_profile',
    'update_customer',
    'import_orders',
    'ticket_suggestions',
    'settle_suggestion',
    'pick_order_file',
    'merge_customers',
    'customer_merges',
    'undo_customer_merge',
  ]);

  async handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    switch (cmd) {
      case 'customer_profile':
        return this.profile(args.customerId);
      case 'update_customer':
        return this.update(args.customerId, args.update as ProfileUpdate);
      case 'import_orders':
        return this.importOrders(args.path, args.format as OrderFormat);
      case 'ticket_suggestions':
        return this.suggestions(args.ticketId);
      case 'settle_suggestion':
        return this.settle(args.ticketId, args.suggestionId, args.accepted);
      case 'merge_customers':
        return this.merge(args.into, args.from);
      case 'customer_merges':
        return this.mergesInto(args.customerId);
      case 'undo_customer_merge':
        return this.undo(args.mergeId);
      case 'pick_order_file': {
        const next = (globalThis as { __sbNextPick?: string | null }).__sbNextPick;
        return next === undefined ? ORDER_EXPORT : next;
      }
      default:
        throw fail(`The backend has no command "${cmd}".`, 'unknown_command');
    }
  }

  private customer(id: unknown): Customer {
    const customer = this.host.customers().find((c) => c.id === id);
    if (!customer) throw fail(`customer ${String(id)} does not exist`);
    return customer;
  }

  private extra(id: number): Extra {
    this.extras[id] ??= { company: null, language: null, tier: null, tags: [], notes: '', orders: [] };
    return this.extras[id];
  }

  /** As customers::profile: orders newest first, the lifetime value in the currency most orders are in. */
  private profile(id: unknown): CustomerProfile {
    const customer = this.customer(id);
    const extra = this.extra(customer.id);
    const orders = [...extra.orders].sort((a, b) => b.placed_at - a.placed_at);
    const counts = new Map<string, number>();
    for (const o of orders) counts.set(o.currency, (counts.get(o.currency) ?? 0) + 1);
    const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    return structuredClone({
      id: customer.id,
      display_name: customer.display_name,
      company: extra.company,
      language: extra.language,
      tier: extra.tier,
      tags: extra.tags,
      notes: extra.notes,
      identities: customer.identities,
      ticket_count: this.host.tickets().filter((t) => t.customerId === customer.id).length,
      lifetime_value_cents: orders.filter((o) => o.currency === currency && o.status.toLowerCase() !== 'refunded').reduce((sum, o) => sum + o.total_cents, 0),
      currency,
      orders,
      // WeChat gives customers' pictures (the backend keeps them as data: URLs); a 2×2 PNG stands in.
      avatar: customer.identities.some((i) => i.channel === 'wechat') ? SAMPLE_AVATAR : null,
    });
  }

  /** As customers::update. */
  private update(id: unknown, update: ProfileUpdate): CustomerProfile {
    const customer = this.customer(id);
    const name = (update.display_name ?? '').trim();
    if (name === '') throw fail('a customer needs a name');
    const tags: string[] = [];
    for (const raw of update.tags ?? []) {
      const tag = normaliseTag(raw);
      if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
    const extra = this.extra(customer.id);
    Object.assign(extra, {
      company: optional(update.company),
      language: optional(update.language),
      tier: optional(update.tier),
      tags,
      notes: (update.notes ?? '').trim(),
    });
    customer.display_name = name;
    const changed: number[] = [];
    for (const t of this.host.tickets()) {
      if (t.customerId !== customer.id) continue;
      t.customer_name = name;
      changed.push(t.id);
    }
    void this.host.emit('tickets-changed', { ticket_ids: changed });
    return this.profile(customer.id);
  }

  /** As commands::customers::import_orders and orders::import_csv, for the fake's files. */
  private async importOrders(path: unknown, format: OrderFormat): Promise<OrderImportSummary> {
    const file = String(path);
    const headers = FILES[file];
    if (!headers) throw fail(`cannot read ${file}: No such file or directory (os error 2)`, 'import');
    const has = (candidates: string[]) => candidates.some((c) => headers.some((h) => key(h) === key(c)));
    const one = (column: string | null) => (column === null ? [] : [column]);
    const columns =
      format.kind === 'mapped'
        ? mappedColumns(format.mapping, one)
        : { ...SHOP_COLUMNS[format.kind], source: format.kind };
    await new Promise((resolve) => setTimeout(resolve, this.importMs));
    if (!has(columns.number)) {
      throw fail(`no order number column (looked for ${columns.number.join(', ')}); is this a ${columns.source} export?`);
    }
    if (!has(columns.placed)) throw fail(`no order date column (looked for ${columns.placed.join(', ')})`);
    if (!has(columns.email) && !has(columns.phone)) throw fail('no customer email or phone column: orders could not be linked');

    // The export holds a new order of Bob's (a new customer before: now linked by his phone number).
    const bob = this.host.customers().find((c) => c.display_name === 'Bob Martinez');
    if (bob) {
      const extra = this.extra(bob.id);
      extra.orders = extra.orders.filter((o) => o.number !== '#2104');
      extra.orders.push(order(columns.source === 'woocommerce' ? 'woocommerce' : columns.source === 'csv' ? 'csv' : 'shopify', '#2104', 'paid', 'unfulfilled', 'USD', 1, [['Aurora Arc speaker', 1, 55_000]], this.now));
    }
    void this.host.emit('tickets-changed', { ticket_ids: [] });
    return {
      orders: 128,
      customers_created: 17,
      skipped_rows: 3,
      problems: ["line 14: '31/02/2026' is not a date", "line 57: 'twelve' is not an amount", 'order #1187 has no email or phone'],
    };
  }

  /** As suggestions::for_ticket. */
  private suggestions(ticketId: unknown): Suggestion[] {
    const ticket = this.host.tickets().find((t) => t.id === ticketId);
    if (!ticket) throw fail(`Ticket ${String(ticketId)} does not exist.`, 'not_found');
    if (!['new', 'open', 'pending'].includes(ticket.status)) return [];
    const profile = this.profile(ticket.customerId);
    const zh = (ticket.language ?? profile.language ?? '').startsWith('zh');
    const category = ticket.category;
    const delivery = category === 'shipping' || category === 'order_status';
    const base = (id: string, kind: SuggestionKind, action: SuggestionAction, o: Order | null): Suggestion => ({
      id,
      kind,
      action,
      order: o ? structuredClone(o) : null,
      related_ticket_number: null,
      order_count: profile.orders.length,
      lifetime_value_cents: profile.lifetime_value_cents,
      currency: profile.currency,
      tier: profile.tier,
    });
    const found: Suggestion[] = [];

    const open = profile.orders.find(isOpen);
    const bare = open?.number.replace(/^#+/, '') ?? '';
    if (open && (delivery || (bare !== '' && (ticket.subject.includes(bare) || ticket.preview.includes(bare))))) {
      const state = open.fulfillment_status === '' ? open.status : open.fulfillment_status;
      const text = zh
        ? `您的订单 ${open.number} 目前的状态是：${state}。一有新进展我们会马上通知您。`
        : `Your order ${open.number} is currently ${state}. We will let you know as soon as that changes.`;
      found.push(base(`open_order:${open.number}`, 'open_order_status', { kind: 'insert_text', text }, open));
    }

    const unhappy = ticket.sentiment === 'negative' || category === 'complaint';
    if (profile.orders.length >= 2 && (delivery || unhappy)) {
      const text = zh
        ? '非常抱歉给您带来不便。作为我们的老顾客，我们为您准备了一张下次购物可用的 9 折优惠券。'
        : 'I am sorry for the trouble. As a thank-you for shopping with us again and again, here is a 10% coupon for your next order.';
      found.push(base('apology_coupon', 'apology_with_coupon', { kind: 'insert_text', text }, profile.orders[0] ?? null));
    }

    const refunded = category === 'returns_refunds' ? profile.orders.find((o) => o.status.toLowerCase() === 'refunded') : undefined;
    if (refunded) {
      const text = zh
        ? `订单 ${refunded.number} 的退款已经完成，款项会按原支付方式退回。`
        : `The refund for order ${refunded.number} has already been made to your original payment method.`;
      found.push(base(`refunded:${refunded.number}`, 'already_refunded', { kind: 'insert_text', text }, refunded));
    }

    const valuable = profile.lifetime_value_cents >= VALUABLE_CENTS || profile.tier !== null;
    if (valuable && (ticket.priority === 'normal' || ticket.priority === 'low')) {
      found.push(base('raise_priority', 'raise_priority', { kind: 'set_priority', priority: 'high' }, null));
    }

    if (category !== null) {
      const since = ticket.created_at - REPEAT_DAYS * DAY;
      const earlier = this.host
        .tickets()
        .filter((t) => t.customerId === ticket.customerId && t.id !== ticket.id && t.category === category && t.created_at >= since)
        .sort((a, b) => b.created_at - a.created_at)[0];
      if (earlier) {
        const s = base(`repeat:${earlier.number}`, 'repeat_issue', { kind: 'open_ticket', ticket_id: earlier.id }, null);
        s.related_ticket_number = earlier.number;
        found.push(s);
      }
    }

    const settled = this.settled.get(ticket.id);
    return found.filter((s) => !settled?.has(s.id));
  }

  /** As suggestions::settle: accepting a priority change applies it; either way the suggestion goes. */
  private settle(ticketId: unknown, suggestionId: unknown, accepted: unknown): null {
    if (typeof accepted !== 'boolean') throw 'invalid args `accepted` for command `settle_suggestion`: expected a boolean';
    const suggestion = this.suggestions(ticketId).find((s) => s.id === suggestionId);
    if (!suggestion) throw fail('that suggestion no longer applies to this ticket');
    const ticket = this.host.tickets().find((t) => t.id === ticketId)!;
    if (accepted && suggestion.action.kind === 'set_priority') {
      ticket.priority = suggestion.action.priority satisfies Priority;
    }
    const settled = this.settled.get(ticket.id) ?? new Set<string>();
    settled.add(suggestion.id);
    this.settled.set(ticket.id, settled);
    if (accepted && suggestion.action.kind === 'set_priority') {
      this.host.record(ticket.id, 'priority_changed', 'agent', { to: suggestion.action.priority });
    }
    this.host.record(ticket.id, accepted ? 'suggestion_accepted' : 'suggestion_dismissed', 'agent', { id: suggestion.id, kind: suggestion.kind });
    void this.host.emit('tickets-changed', { ticket_ids: [ticket.id] });
    return null;
  }

  /** As customer_merging::merge: `from`'s identities, tickets and orders move to `into`, its notes are kept there, it goes. */
  private merge(rawInto: unknown, rawFrom: unknown): number {
    if (typeof rawInto !== 'number' || typeof rawFrom !== 'number') throw 'invalid args for command `merge_customers`: expected integers';
    if (rawInto === rawFrom) throw fail('a customer cannot be merged with itself');
    const customers = this.host.customers();
    const from = customers.find((c) => c.id === rawFrom);
    if (!from) throw fail(`customer ${rawFrom} does not exist`);
    const into = customers.find((c) => c.id === rawInto);
    if (!into) throw fail(`customer ${rawInto} does not exist`);
    const fromExtra = this.extra(from.id);
    const intoExtra = this.extra(into.id);
    const tickets = this.host.tickets().filter((t) => t.customerId === from.id);
    const record: MergeRecord = {
      id: this.merges.length + 1,
      into: into.id,
      name: from.display_name,
      extra: { company: fromExtra.company, language: fromExtra.language, tier: fromExtra.tier, tags: [...fromExtra.tags], notes: fromExtra.notes },
      identities: [...from.identities],
      tickets: tickets.map((t) => t.id),
      orders: [...fromExtra.orders],
      createdAt: Date.now(),
      undone: false,
    };
    into.identities.push(...from.identities);
    intoExtra.orders.push(...fromExtra.orders);
    if (fromExtra.notes.trim() !== '') intoExtra.notes = `${intoExtra.notes}\n${fromExtra.notes}`.trim();
    for (const t of tickets) {
      t.customerId = into.id;
      t.customer_name = into.display_name;
    }
    into.ticket_count += tickets.length;
    customers.splice(customers.indexOf(from), 1);
    delete this.extras[from.id];
    this.merges.push(record);
    for (const t of tickets) this.host.record(t.id, 'customer_merged', 'agent', { from: record.name, merge: record.id });
    return record.id;
  }

  /** As customer_merging::merges_into: the merges into this customer not undone, newest first. */
  private mergesInto(customerId: unknown): CustomerMerge[] {
    if (typeof customerId !== 'number') throw 'invalid args `customerId` for command `customer_merges`: expected an integer';
    const into = this.host.customers().find((c) => c.id === customerId);
    return this.merges
      .filter((m) => m.into === customerId && !m.undone)
      .reverse()
      .map((m) => ({
        id: m.id,
        merged_name: m.name,
        identities: m.identities.filter((i) => into?.identities.includes(i)).map((i) => i.address),
        created_at: m.createdAt,
      }));
  }

  /** As customer_merging::undo: the customer comes back (a new id) with what came with it, and later tickets from its addresses. */
  private undo(mergeId: unknown): CustomerProfile {
    const record = this.merges.find((m) => m.id === mergeId);
    if (!record) throw fail(`merge ${String(mergeId)} does not exist`);
    if (record.undone) throw fail('this merge was already undone');
    const customers = this.host.customers();
    const into = customers.find((c) => c.id === record.into);
    const id = Math.max(0, ...customers.map((c) => c.id)) + 1;
    const identities = into ? record.identities.filter((i) => into.identities.includes(i)) : [];
    if (into) into.identities = into.identities.filter((i) => !identities.includes(i));
    const intoExtra = this.extra(record.into);
    const orders = record.orders.filter((o) => intoExtra.orders.includes(o));
    intoExtra.orders = intoExtra.orders.filter((o) => !orders.includes(o));
    this.extras[id] = { ...structuredClone(record.extra), orders };
    const addresses = identities.map((i) => i.address);
    const restored: Customer = { id, display_name: record.name, identities, ticket_count: 0 };
    customers.push(restored);
    const moved = this.host.tickets().filter((t) => t.customerId === record.into && (record.tickets.includes(t.id) || addresses.includes(t.customer_address)));
    for (const t of moved) {
      t.customerId = id;
      t.customer_name = record.name;
      this.host.record(t.id, 'customer_unmerged', 'agent', { merge: record.id });
    }
    restored.ticket_count = moved.length;
    if (into) into.ticket_count -= moved.length;
    record.undone = true;
    return this.profile(id);
  }
}

/** The candidate columns of a mapping (as orders::Columns::of for OrderFormat::Mapped). */
function mappedColumns(mapping: ColumnMapping, one: (column: string | null) => string[]) {
  return { source: 'csv', number: [mapping.number], placed: [mapping.placed_at], email: one(mapping.email), phone: one(mapping.phone) };
}
