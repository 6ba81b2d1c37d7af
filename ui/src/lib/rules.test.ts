import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from './backend';
import {
  actionInput,
  conditionInput,
  definitionOf,
  exportFileName,
  FIELDS,
  moved,
  newCondition,
  newRuleForm,
  opsFor,
  ruleFormOf,
  sendsAutomatically,
  withField,
  withOp,
} from './rules';

describe('opsFor', () => {
  it('offers numbers for confidence, inside/outside for business hours, text comparisons elsewhere', () => {
    expect(opsFor('confidence')).toEqual(['less_than', 'at_least', 'is_empty', 'is_set']);
    expect(opsFor('business_hours')).toEqual(['is']);
    for (const field of FIELDS.filter((f) => f !== 'confidence' && f !== 'business_hours')) {
      expect(opsFor(field), field).toEqual(['is', 'is_not', 'one_of', 'contains_any', 'matches', 'is_empty', 'is_set']);
      expect(opsFor(field), field).not.toContain('less_than');
    }
  });

  it('asks for a value from a list, a number, text, or none', () => {
    expect(conditionInput('priority', 'is')).toBe('select');
    expect(conditionInput('category', 'is_not')).toBe('select');
    expect(conditionInput('category', 'one_of')).toBe('text');
    expect(conditionInput('subject', 'is')).toBe('text');
    expect(conditionInput('confidence', 'at_least')).toBe('number');
    expect(conditionInput('business_hours', 'is')).toBe('select');
    expect(conditionInput('queue', 'is_empty')).toBe('none');
    expect(actionInput('escalate')).toBe('none');
    expect(actionInput('draft_ai')).toBe('none');
    expect(actionInput('auto_reply')).toBe('saved_reply');
    expect(actionInput('set_queue')).toBe('queue');
  });
});

describe('changing a condition', () => {
  const categories = ['billing', 'shipping'];

  it('keeps what still fits and resets what does not', () => {
    const c = newCondition('category', categories);
    expect(c).toEqual({ field: 'category', op: 'is', value: 'billing' });
    // Confidence has no "is": the first allowed comparison, the category value goes.
    expect(withField(c, 'confidence', categories)).toEqual({ field: 'confidence', op: 'less_than', value: '' });
    expect(withField(c, 'business_hours', categories)).toEqual({ field: 'business_hours', op: 'is', value: 'true' });
    expect(withField({ field: 'subject', op: 'contains_any', value: 'refund' }, 'text')).toEqual({ field: 'text', op: 'contains_any', value: 'refund' });
    expect(withField({ field: 'subject', op: 'is', value: 'urgent' }, 'priority')).toEqual({ field: 'priority', op: 'is', value: 'urgent' });
    expect(withField({ field: 'subject', op: 'is', value: 'hello' }, 'priority')).toEqual({ field: 'priority', op: 'is', value: 'urgent' });
    // A select value may seed a text list; a comparison without a value clears it.
    expect(withOp({ field: 'category', op: 'is', value: 'billing' }, 'one_of', categories)).toEqual({ field: 'category', op: 'one_of', value: 'billing' });
    expect(withOp({ field: 'tag', op: 'is', value: 'vip' }, 'is_set')).toEqual({ field: 'tag', op: 'is_set', value: '' });
  });
});

describe('rule form ⇄ RuleDefinition', () => {
  const stored: RuleDefinition = {
    name: 'Resolve after a week',
    trigger: 'time_in_status',
    after_hours: 168,
    match: 'any',
    conditions: [
      { field: 'status', op: 'is', value: 'pending' },
      { field: 'subject', op: 'matches', value: ' order\\s+#\\d+ ' },
      { field: 'tag', op: 'is_set', value: '' },
    ],
    actions: [
      { kind: 'add_note', value: 'Closed after 7 days.' },
      { kind: 'escalate', value: '' },
    ],
    allow_auto_reply: false,
    auto_reply_every_hours: 24,
    stop_after: true,
  };

  it('round-trips a stored definition', () => {
    expect(definitionOf(ruleFormOf(stored))).toEqual(stored);
  });

  it('fills what an exported definition leaves out with the backend defaults', () => {
    const form = ruleFormOf({ name: 'Tag VIPs', trigger: 'ticket_created', actions: [{ kind: 'add_tag', value: 'vip' }] });
    expect(form).toMatchObject({ match: 'all', conditions: [], allowAutoReply: false, autoReplyEveryHours: '24', stopAfter: false, afterHours: '' });
  });

  it('trims values (not regular expressions), drops after_hours unless time-based and values of valueless steps', () => {
    const form = newRuleForm();
    form.name = '  Billing  ';
    form.afterHours = '12';
    form.conditions = [
      { field: 'category', op: 'is', value: ' billing ' },
      { field: 'body', op: 'matches', value: ' a( ' },
      { field: 'queue', op: 'is_empty', value: 'left over' },
    ];
    form.actions = [
      { kind: 'set_queue', value: ' Billing ' },
      { kind: 'escalate', value: 'ignored' },
    ];
    expect(definitionOf(form)).toEqual({
      name: 'Billing',
      trigger: 'ticket_created',
      after_hours: null,
      match: 'all',
      conditions: [
        { field: 'category', op: 'is', value: 'billing' },
        { field: 'body', op: 'matches', value: ' a( ' },
        { field: 'queue', op: 'is_empty', value: '' },
      ],
      actions: [
        { kind: 'set_queue', value: 'Billing' },
        { kind: 'escalate', value: '' },
      ],
      allow_auto_reply: false,
      auto_reply_every_hours: 24,
      stop_after: false,
    });
  });

  it('sends hours only as whole numbers, so the backend names what is missing', () => {
    const form = { ...newRuleForm(), trigger: 'time_in_status' as const, afterHours: '2.5' };
    expect(definitionOf(form).after_hours).toBeNull();
    expect(definitionOf({ ...form, afterHours: ' 72 ' }).after_hours).toBe(72);
    expect(definitionOf({ ...form, allowAutoReply: true, autoReplyEveryHours: 'x' }).auto_reply_every_hours).toBe(0);
    expect(definitionOf({ ...form, allowAutoReply: false, autoReplyEveryHours: 'x' }).auto_reply_every_hours).toBe(24);
  });

  it('warns when the rule would reply by itself', () => {
    expect(sendsAutomatically({ allowAutoReply: false, actions: [{ kind: 'add_tag', value: 'x' }] })).toBe(false);
    expect(sendsAutomatically({ allowAutoReply: true, actions: [] })).toBe(true);
    expect(sendsAutomatically({ allowAutoReply: false, actions: [{ kind: 'auto_reply', value: 'Thanks' }] })).toBe(true);
  });
});

describe('helpers', () => {
  it('moves an item up or down, never past either end', () => {
    expect(moved([1, 2, 3], 1, -1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('names an export by its day', () => {
    expect(exportFileName(new Date(2026, 10, 3))).toBe('switchboard-rules-2026-11-03.json');
  });
});
