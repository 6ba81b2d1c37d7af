import { describe, expect, it } from 'vitest';
import type { SavedReply } from './backend';
import {
  bestSavedReply,
  bodySegments,
  detectLanguage,
  draftFromSavedReply,
  fillVariables,
  findOrderNumber,
  insertVariable,
  toSavedReplyForm,
  unknownVariables,
  validateSavedReply,
  VARIABLES,
} from './savedReplies';

const reply = (id: number, title: string, category: string | null, language: string | null, body = 'Hi {{first_name}}'): SavedReply => ({
  id,
  title,
  body,
  category,
  language,
});

// As the 8 replies a new workspace starts with (titles, categories, languages).
const SEEDS: SavedReply[] = [
  reply(1, 'Where is my order', 'shipping', 'en', 'Thanks for getting in touch about {{order_number}}. Tracking details follow.'),
  reply(2, 'Refund started', 'returns_refunds', 'en'),
  reply(3, 'Invoice', 'billing', 'en'),
  reply(4, 'Thanks, we are on it', null, 'en', 'Thank you for your message about "{{subject}}".'),
  reply(5, '物流查询', 'shipping', 'zh'),
  reply(6, '退款处理', 'returns_refunds', 'zh'),
  reply(7, '发票', 'billing', 'zh'),
  reply(8, '已收到', null, 'zh'),
];

describe('fillVariables', () => {
  const values = {
    customerName: 'Sophie Dubois',
    ticketNumber: 1004,
    subject: 'Package arrived damaged',
    orderNumber: 'AUR-2026-0413',
    agentName: 'Aurora Audio Support',
    language: 'en',
  };

  it('fills every variable, as often as it appears', () => {
    const template = VARIABLES.map((v) => `{{${v}}}`).join('|') + ' {{first_name}}';
    expect(fillVariables(template, values)).toBe(
      'Sophie Dubois|Sophie|1004|Package arrived damaged|AUR-2026-0413|Aurora Audio Support Sophie',
    );
  });

  it('says "your order" / "您的订单" when no order number was found, and leaves unknown names alone', () => {
    expect(fillVariables('about {{order_number}} {{coupon}}', { ...values, orderNumber: null })).toBe('about your order {{coupon}}');
    expect(fillVariables('关于{{order_number}}', { ...values, orderNumber: null, language: 'zh' })).toBe('关于您的订单');
  });

  it('uses the whole name as the first name of a one-word (Chinese) name', () => {
    expect(fillVariables('{{first_name}}，您好', { ...values, customerName: '赵敏' })).toBe('赵敏，您好');
  });
});

describe('findOrderNumber', () => {
  it('finds order numbers like the backend (AUR-…, "order 1234567", 订单号)', () => {
    expect(findOrderNumber([], 'The lamp (order AUR-2026-0413) arrived broken')).toBe('AUR-2026-0413');
    expect(findOrderNumber([], 'My order number: 20261234 never came')).toBe('20261234');
    expect(findOrderNumber([], '我的订单号：88776655 还没发货')).toBe('88776655');
    expect(findOrderNumber([], 'Order AB-12 and 12345 are not order numbers')).toBeNull();
  });

  it('prefers what the AI found, but never an amount', () => {
    expect(findOrderNumber(['$129.00', '#48213'], 'order AUR-2026-0001')).toBe('#48213');
    expect(findOrderNumber(['$129.00', 'CSV'], 'charged twice')).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('tells Chinese, Japanese and English apart as the backend does', () => {
    expect(detectLanguage('我的订单什么时候发货？ order AUR-1')).toBe('zh');
    expect(detectLanguage('Where is my order?')).toBe('en');
    expect(detectLanguage('注文した商品がまだ届きません')).toBe('ja');
    expect(detectLanguage('')).toBe('en');
  });
});

describe('bestSavedReply', () => {
  const ticket = (category: string | null, language: string, customerText = '') => ({ category, language, customerText });

  it("picks the reply of the ticket's category and language first", () => {
    expect(bestSavedReply(SEEDS, ticket('shipping', 'en'))?.title).toBe('Where is my order');
    expect(bestSavedReply(SEEDS, ticket('billing', 'zh'))?.title).toBe('发票');
    expect(bestSavedReply(SEEDS, ticket('returns_refunds', 'zh'))?.title).toBe('退款处理');
  });

  it('falls back to the general reply of the language, and finds nothing for another language', () => {
    expect(bestSavedReply(SEEDS, ticket('account', 'en'))?.title).toBe('Thanks, we are on it');
    expect(bestSavedReply(SEEDS, ticket(null, 'zh'))?.title).toBe('已收到');
    expect(bestSavedReply(SEEDS, ticket('shipping', 'ja'))).toBeNull();
    expect(bestSavedReply([], ticket('shipping', 'en'))).toBeNull();
  });

  it('prefers a reply in the language over one for any language, then the most shared words', () => {
    const any = reply(9, 'Any', 'shipping', null);
    expect(bestSavedReply([any, ...SEEDS], ticket('shipping', 'en'))?.title).toBe('Where is my order');
    expect(bestSavedReply([any], ticket('shipping', 'ja'))?.title).toBe('Any');
    const tracking = reply(10, 'Tracking', null, 'en', 'Your tracking number follows');
    const general = reply(11, 'General', null, 'en', 'We are looking into it');
    expect(bestSavedReply([tracking, general], ticket(null, 'en', 'Where is my tracking number?'))?.title).toBe('Tracking');
  });
});

describe('the saved reply form', () => {
  it('starts from a reply or empty, and sends null for "any"', () => {
    expect(draftFromSavedReply(null)).toEqual({ title: '', body: '', category: '', language: '' });
    const draft = draftFromSavedReply(SEEDS[3]!);
    expect(draft).toMatchObject({ title: 'Thanks, we are on it', category: '', language: 'en' });
    expect(toSavedReplyForm({ ...draft, title: '  Thanks  ' })).toEqual({
      title: 'Thanks',
      body: SEEDS[3]!.body,
      category: null,
      language: 'en',
    });
  });

  it('needs a title and a text', () => {
    expect(validateSavedReply({ title: ' ', body: '\n', category: '', language: '' })).toEqual({
      title: 'savedReplyForm.needTitle',
      body: 'savedReplyForm.needBody',
    });
    expect(validateSavedReply({ title: 'T', body: 'B', category: '', language: '' })).toEqual({});
  });

  it('points out {{names}} that are not variables, once each', () => {
    expect(unknownVariables('Hi {{first_name}}, {{ order_no }} {{coupon}} {{coupon}} {{ first_name }}')).toEqual([
      '{{ order_no }}',
      '{{coupon}}',
    ]);
  });

  it('inserts a variable at the selection and puts the caret after it', () => {
    expect(insertVariable('Hi , thanks', 3, 3, 'first_name')).toEqual({ text: 'Hi {{first_name}}, thanks', caret: 17 });
    expect(insertVariable('Hi NAME', 3, 7, 'customer_name')).toEqual({ text: 'Hi {{customer_name}}', caret: 20 });
    expect(insertVariable('', 5, 9, 'agent_name')).toEqual({ text: '{{agent_name}}', caret: 14 });
  });

  it('cuts a body into text and variables', () => {
    expect(bodySegments('Hi {{first_name}}, about {{order_number}}.')).toEqual([
      { text: 'Hi ', variable: false },
      { text: '{{first_name}}', variable: true },
      { text: ', about ', variable: false },
      { text: '{{order_number}}', variable: true },
      { text: '.', variable: false },
    ]);
    expect(bodySegments('')).toEqual([]);
  });
});
