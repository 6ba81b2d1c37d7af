import { describe, expect, it } from 'vitest';
import type { CategoryName, TicketDetail } from './backend';
import {
  asSentiment,
  categoryOptions,
  classifiedAgo,
  correctionOf,
  fieldOrigin,
  filterOptions,
  formatConfidence,
  isLowConfidence,
  isNoOp,
  languageName,
  mergeAgentFields,
  optionForDigit,
  PRIORITIES,
} from './triage';

const TAXONOMY: CategoryName[] = [
  { id: 'product_inquiry', name_en: 'Product inquiry', name_zh: '产品咨询' },
  { id: 'order_status', name_en: 'Order status', name_zh: '订单状态' },
  { id: 'shipping', name_en: 'Shipping & delivery', name_zh: '物流配送' },
  { id: 'returns_refunds', name_en: 'Returns & refunds', name_zh: '退换货与退款' },
  { id: 'technical_support', name_en: 'After-sales & technical support', name_zh: '售后与技术支持' },
  { id: 'billing', name_en: 'Billing & invoices', name_zh: '账单与发票' },
  { id: 'complaint', name_en: 'Complaint', name_zh: '投诉' },
  { id: 'suggestion', name_en: 'Suggestion', name_zh: '建议' },
  { id: 'account', name_en: 'Account', name_zh: '账户' },
  { id: 'spam_other', name_en: 'Spam & other', name_zh: '垃圾邮件及其他' },
];

const ids = (options: { id: string }[]) => options.map((o) => o.id);

describe('category picker filtering', () => {
  const en = categoryOptions(TAXONOMY, 'en');
  const zh = categoryOptions(TAXONOMY, 'zh-CN');

  it('lists every category in taxonomy order for an empty query', () => {
    expect(ids(filterOptions(en, ''))).toEqual(TAXONOMY.map((c) => c.id));
    expect(ids(filterOptions(en, '   '))).toEqual(TAXONOMY.map((c) => c.id));
    expect(zh[3]!.label).toBe('退换货与退款');
  });

  it('matches word starts, case-insensitively', () => {
    expect(ids(filterOptions(en, 'ref'))).toEqual(['returns_refunds']);
    expect(ids(filterOptions(en, 'REF'))).toEqual(['returns_refunds']);
    expect(ids(filterOptions(en, 'tech'))).toEqual(['technical_support']);
    expect(ids(filterOptions(en, 'support'))).toEqual(['technical_support']);
  });

  it('ranks a name that starts with the query before one that only contains it', () => {
    // "s": Shipping, Suggestion, Spam start with it; "Order status" and "After-sales" have a word that does.
    const s = ids(filterOptions(en, 's'));
    expect(s.slice(0, 3)).toEqual(['shipping', 'suggestion', 'spam_other']);
    expect(s).toContain('order_status');
    // "in": Billing & "in"voices and Product "in"quiry have words starting with it; shipp"in"g only contains it.
    const within = ids(filterOptions(en, 'in'));
    expect(within.indexOf('product_inquiry')).toBeLessThan(within.indexOf('shipping'));
    expect(within.indexOf('billing')).toBeLessThan(within.indexOf('shipping'));
  });

  it('needs every token to match', () => {
    expect(ids(filterOptions(en, 'ship del'))).toEqual(['shipping']);
    expect(ids(filterOptions(en, 'ship refund'))).toEqual([]);
  });

  it('finds Chinese names, and the other language and the id as a fallback', () => {
    expect(ids(filterOptions(zh, '退款'))).toEqual(['returns_refunds']);
    expect(ids(filterOptions(zh, '发票'))).toEqual(['billing']);
    // An agent in the Chinese UI typing English still finds it.
    expect(ids(filterOptions(zh, 'ref'))).toEqual(['returns_refunds']);
    expect(ids(filterOptions(en, '物流'))).toEqual(['shipping']);
    expect(ids(filterOptions(en, 'spam_other'))).toEqual(['spam_other']);
  });

  it('puts a match in the shown name before a match in keywords', () => {
    const options = [
      { id: 'a', label: 'Alpha', keywords: ['refund'] },
      { id: 'b', label: 'Refund', keywords: [] },
    ];
    expect(ids(filterOptions(options, 'ref'))).toEqual(['b', 'a']);
  });
});

describe('digits', () => {
  it('pick the nth option, 1-based; anything else is null', () => {
    expect(optionForDigit(PRIORITIES, '1')).toBe('urgent');
    expect(optionForDigit(PRIORITIES, '4')).toBe('low');
    expect(optionForDigit(PRIORITIES, '5')).toBeNull();
    expect(optionForDigit(PRIORITIES, '0')).toBeNull();
    expect(optionForDigit(PRIORITIES, 'u')).toBeNull();
    expect(optionForDigit(PRIORITIES, '12')).toBeNull();
  });
});

describe('confidence', () => {
  it('formats as a whole percentage in the locale', () => {
    expect(formatConfidence(0.92, 'en')).toBe('92%');
    expect(formatConfidence(0.416, 'en')).toBe('42%');
    expect(formatConfidence(1, 'zh-CN')).toBe('100%');
    expect(formatConfidence(0, 'en')).toBe('0%');
  });

  it('clamps out-of-range values and has no text without a confidence', () => {
    expect(formatConfidence(1.3, 'en')).toBe('100%');
    expect(formatConfidence(-0.2, 'en')).toBe('0%');
    expect(formatConfidence(null, 'en')).toBeNull();
    expect(formatConfidence(Number.NaN, 'en')).toBeNull();
  });

  it('flags below 50% as needing review', () => {
    expect(isLowConfidence(0.41)).toBe(true);
    expect(isLowConfidence(0.499)).toBe(true);
    expect(isLowConfidence(0.5)).toBe(false);
    expect(isLowConfidence(0.92)).toBe(false);
    expect(isLowConfidence(null)).toBe(false);
  });
});

describe('language and time', () => {
  it('names languages in the UI language, keeping unknown codes', () => {
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('ja', 'en')).toBe('Japanese');
    expect(languageName('zh', 'zh-CN')).toBe('中文');
    expect(languageName('en', 'zh-CN')).toBe('英语');
    expect(languageName('xx-invalid-tag-!', 'en')).toBe('xx-invalid-tag-!');
    expect(languageName(null, 'en')).toBeNull();
  });

  it('says when the AI ran', () => {
    const now = Date.UTC(2026, 10, 24, 12);
    expect(classifiedAgo(now - 10_000, now, 'en')).toBe('just now');
    expect(classifiedAgo(now - 5 * 60_000, now, 'en')).toBe('5m ago');
    expect(classifiedAgo(now - 3 * 3_600_000, now, 'zh-CN')).toBe('3小时前');
    expect(classifiedAgo(Date.UTC(2026, 5, 3, 12), now, 'en')).toBe('on Jun 3');
  });
});

describe('who decided a field', () => {
  function detail(over: Partial<TicketDetail> = {}): TicketDetail {
    return {
      ticket: {
        id: 1,
        number: 1001,
        subject: 's',
        status: 'open',
        priority: 'high',
        category: 'returns_refunds',
        sentiment: 'negative',
        language: 'en',
        channel: 'email',
        customer_name: 'c',
        customer_address: 'a',
        preview: '',
        summary: null,
        message_count: 1,
        needs_review: false,
        unread: false,
        auto_generated: false,
        assignee: null,
        tags: [],
        snoozed_until: null,
        queue: null,
        sla_due_at: null,
        sla_paused: false,
        created_at: 0,
        updated_at: 0,
      },
      customer: { id: 1, display_name: 'c', identities: [], ticket_count: 1 },
      messages: [],
      outbox: [],
      ai: {
        source: 'local_model',
        model: 'local-nb-v1',
        category: 'billing',
        priority: 'high',
        sentiment: 'negative',
        language: 'en',
        summary: null,
        entities: [],
        next_step: null,
        confidence: 0.41,
        created_at: 0,
      },
      agent_fields: ['category'],
      ...over,
    };
  }

  it('tells the agent, the AI and nobody apart', () => {
    expect(fieldOrigin(detail(), 'category')).toBe('agent');
    expect(fieldOrigin(detail(), 'priority')).toBe('ai');
    expect(fieldOrigin(detail({ ai: null, agent_fields: [] }), 'priority')).toBe('none');
    expect(asSentiment('angry')).toBeNull();
  });

  it('builds corrections and merges agent fields in canonical order', () => {
    expect(correctionOf({ category: 'billing' })).toEqual({ category: 'billing', priority: null, sentiment: null });
    expect(mergeAgentFields(['sentiment'], correctionOf({ category: 'billing' }))).toEqual(['category', 'sentiment']);
    expect(isNoOp(detail(), correctionOf({ category: 'returns_refunds' }))).toBe(true);
    expect(isNoOp(detail(), correctionOf({ category: 'billing' }))).toBe(false);
    expect(isNoOp(detail(), correctionOf({ priority: 'high' }))).toBe(false); // confirms the AI
    expect(isNoOp(detail(), correctionOf({}))).toBe(true);
  });
});
