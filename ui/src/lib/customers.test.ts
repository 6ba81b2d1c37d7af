import { describe, expect, it } from 'vitest';
import type { Order, Suggestion } from './backend';
import {
  acceptLabel,
  daysAgo,
  emptyMapping,
  fileName,
  isOpenOrder,
  mappingProblem,
  money,
  orderFormat,
  orderLabel,
  paymentChip,
  profileForm,
  profileUpdate,
  shippingChip,
  stateWord,
  suggestionWords,
  withInserted,
} from './customers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 9, 0);

function order(over: Partial<Order> = {}): Order {
  return { source: 'shopify', number: '#2001', status: 'paid', fulfillment_status: 'unfulfilled', total_cents: 134_900, currency: 'USD', placed_at: NOW - 5 * DAY, items: [], ...over };
}

function suggestion(over: Partial<Suggestion>): Suggestion {
  return {
    id: 'x',
    kind: 'open_order_status',
    action: { kind: 'insert_text', text: 'Your order #2001 is currently unfulfilled.' },
    order: order(),
    related_ticket_number: null,
    order_count: 2,
    lifetime_value_cents: 134_900,
    currency: 'USD',
    tier: null,
    ...over,
  };
}

describe('money', () => {
  it('formats hundredths in the currency and the locale', () => {
    expect(money(134_900, 'USD', 'en')).toBe('$1,349.00');
    expect(money(1250, 'EUR', 'en')).toBe('€12.50');
    expect(money(8800, 'CNY', 'zh-CN')).toBe('¥88.00');
    expect(money(8800, 'cny', 'en')).toBe('CN¥88.00');
    // Yen has no minor unit: the amount is rounded to whole yen.
    expect(money(150_000, 'JPY', 'en')).toBe('¥1,500');
  });

  it('shows the number (and the code) for no or an unknown currency', () => {
    expect(money(0, '', 'en')).toBe('0.00');
    expect(money(123_456, 'POINTS', 'en')).toBe('1,234.56 POINTS');
  });
});

describe('orders', () => {
  it('labels bare numbers with #', () => {
    expect(orderLabel('1001')).toBe('#1001');
    expect(orderLabel('#1001')).toBe('#1001');
    expect(orderLabel('AUR-2026-0388')).toBe('AUR-2026-0388');
  });

  it('is open until fulfilled, completed, cancelled, refunded or delivered (as the backend)', () => {
    expect(isOpenOrder({ status: 'paid', fulfillment_status: 'unfulfilled' })).toBe(true);
    expect(isOpenOrder({ status: 'processing', fulfillment_status: '' })).toBe(true);
    expect(isOpenOrder({ status: 'paid', fulfillment_status: 'fulfilled' })).toBe(false);
    expect(isOpenOrder({ status: 'completed', fulfillment_status: '' })).toBe(false);
    expect(isOpenOrder({ status: 'Refunded', fulfillment_status: 'unfulfilled' })).toBe(false);
    expect(isOpenOrder({ status: 'partially_refunded', fulfillment_status: 'partial' })).toBe(true);
  });

  it('turns payment and shipping states into chips', () => {
    expect(paymentChip({ status: 'paid' })).toEqual({ state: 'paid', tone: 'ok' });
    expect(paymentChip({ status: 'Partially refunded' })).toEqual({ state: 'partially_refunded', tone: 'muted' });
    expect(paymentChip({ status: 'pending' })).toEqual({ state: 'pending', tone: 'warn' });
    expect(paymentChip({ status: 'failed' })).toEqual({ state: 'failed', tone: 'danger' });
    expect(shippingChip({ status: 'paid', fulfillment_status: 'fulfilled' })).toEqual({ state: 'fulfilled', tone: 'ok' });
    expect(shippingChip({ status: 'paid', fulfillment_status: 'unfulfilled' })).toEqual({ state: 'unfulfilled', tone: 'warn' });
    // WooCommerce has no shipping state: an open order is "not shipped", a completed one needs no chip.
    expect(shippingChip({ status: 'processing', fulfillment_status: '' })).toEqual({ state: '', tone: 'warn' });
    expect(shippingChip({ status: 'completed', fulfillment_status: '' })).toBeNull();
  });

  it('words states in the agent’s language, unknown ones as the shop wrote them', () => {
    expect(stateWord('unfulfilled', 'en')).toBe('unfulfilled');
    expect(stateWord('unfulfilled', 'zh-CN')).toBe('未发货');
    expect(stateWord('wc-on-hold', 'en')).toBe('on hold');
    expect(stateWord('Partially refunded', 'zh-CN')).toBe('部分退款');
    expect(stateWord('Awaiting pickup', 'zh-CN')).toBe('Awaiting pickup');
    expect(stateWord('', 'en')).toBe('not shipped');
  });

  it('says how long ago an order was placed', () => {
    expect(daysAgo(NOW - 5 * DAY, NOW, 'en')).toBe('5 days ago');
    expect(daysAgo(NOW - DAY, NOW, 'en')).toBe('yesterday');
    expect(daysAgo(NOW - 60_000, NOW, 'zh-CN')).toBe('今天');
    expect(daysAgo(NOW - 5 * DAY, NOW, 'zh-CN')).toBe('5天前');
  });
});

describe('suggestion wording', () => {
  const ctx = { category: 'shipping', now: NOW };

  it('an open order: its state and age', () => {
    expect(suggestionWords(suggestion({}), ctx, 'en')).toEqual({
      title: 'Tell the customer where order #2001 stands',
      why: 'Order #2001 is unfulfilled — placed 5 days ago',
    });
    expect(suggestionWords(suggestion({}), ctx, 'zh-CN')).toEqual({
      title: '告诉客户订单 #2001 的进展',
      why: '订单 #2001 未发货，下单于5天前',
    });
  });

  it('a repeat buyer: orders and money, delivery problem or unhappy', () => {
    const s = suggestion({ kind: 'apology_with_coupon', id: 'apology_coupon' });
    expect(suggestionWords(s, ctx, 'en').why).toBe('Repeat buyer (2 orders, $1,349.00) with a delivery problem');
    expect(suggestionWords(s, { category: 'complaint', now: NOW }, 'en').why).toBe('Repeat buyer (2 orders, $1,349.00) who is unhappy');
    expect(suggestionWords(s, ctx, 'zh-CN').why).toBe('回头客（2 个订单，US$1,349.00）遇到配送问题');
  });

  it('a valuable customer: tier and money spent', () => {
    const s = suggestion({ kind: 'raise_priority', action: { kind: 'set_priority', priority: 'high' }, order: null, tier: 'gold' });
    expect(suggestionWords(s, ctx, 'en')).toEqual({
      title: 'Raise the priority to high',
      why: 'Valuable customer (gold tier / $1,349.00 spent)',
    });
    expect(suggestionWords({ ...s, lifetime_value_cents: 0 }, ctx, 'en').why).toBe('Valuable customer (gold tier)');
    expect(suggestionWords(s, ctx, 'zh-CN')).toEqual({ title: '将优先级提升为高', why: '重要客户（gold 等级 / 累计消费 US$1,349.00）' });
    expect(acceptLabel(s, 'en')).toBe('Raise to High');
  });

  it('a refund already made, and a repeat issue', () => {
    const refunded = suggestion({ kind: 'already_refunded', order: order({ number: '1998', status: 'refunded', total_cents: 4_500, placed_at: NOW - 12 * DAY }) });
    expect(suggestionWords(refunded, ctx, 'en').why).toBe('Order #1998 ($45.00) is marked refunded — placed 12 days ago');
    const repeat = suggestion({ kind: 'repeat_issue', action: { kind: 'open_ticket', ticket_id: 42 }, order: null, related_ticket_number: 1042 });
    expect(suggestionWords(repeat, ctx, 'en')).toEqual({
      title: 'Look at ticket #1042 first',
      why: 'This customer had a ticket on the same topic recently: #1042',
    });
    expect(suggestionWords(repeat, ctx, 'zh-CN').why).toBe('该客户最近有过同类问题的工单：#1042');
    expect(acceptLabel(repeat, 'en')).toBe('Open #1042');
  });

  it('inserts text into an empty box, or after what is there', () => {
    expect(withInserted('', 'Hello')).toBe('Hello');
    expect(withInserted('Hi Alice,\n\n', 'Your order…')).toBe('Hi Alice,\n\nYour order…');
  });
});

describe('profile form', () => {
  it('round-trips a profile into an update, empty fields as null and tags split', () => {
    const form = profileForm({ display_name: 'Alice', company: null, tier: 'gold', language: 'en', tags: ['vip', 'wholesale'], notes: '' });
    expect(form.tags).toBe('vip, wholesale');
    expect(profileUpdate({ ...form, name: ' Alice Johnson ', tags: 'vip, , 批发，wholesale ', company: '  ' })).toEqual({
      display_name: 'Alice Johnson',
      company: null,
      language: 'en',
      tier: 'gold',
      tags: ['vip', '批发', 'wholesale'],
      notes: '',
    });
  });
});

describe('order import form', () => {
  it('asks for the required columns before importing', () => {
    const m = emptyMapping();
    expect(mappingProblem(m)).toBe('orders.missingRequired');
    expect(mappingProblem({ ...m, number: 'Order', placed_at: 'Date' })).toBe('orders.missingContact');
    expect(mappingProblem({ ...m, number: 'Order', placed_at: 'Date', phone: 'Tel' })).toBeNull();
  });

  it('sends the shop formats bare and a mapping with empty columns as null', () => {
    expect(orderFormat('shopify', emptyMapping())).toEqual({ kind: 'shopify' });
    const format = orderFormat('mapped', { ...emptyMapping(), number: ' Order ', placed_at: 'Date', email: 'Mail' });
    expect(format).toEqual({
      kind: 'mapped',
      mapping: { number: 'Order', placed_at: 'Date', email: 'Mail', phone: null, customer_name: null, status: null, fulfillment_status: null, total: null, currency: null, item_name: null, item_quantity: null, item_price: null },
    });
    expect(fileName('C:\\Users\\me\\orders.csv')).toBe('orders.csv');
    expect(fileName('/home/me/export.csv')).toBe('export.csv');
  });
});
