import { describe, expect, it } from 'vitest';
import type { AuditEvent, TicketSummary } from './backend';
import { actorOf, customerCandidates, describeTimeline, mergedInto, mergeRefusal, mergeTargets, splitRefusal, type TimelineContext } from './timeline';

const en: TimelineContext = { locale: 'en', agentName: 'Alice', category: (id) => ({ billing: 'Billing' })[id] ?? id };
const zh: TimelineContext = { locale: 'zh-CN', agentName: 'Alice', category: (id) => ({ billing: '账单' })[id] ?? id };

let nextId = 1;
function ev(kind: string, actor: string, data: Record<string, unknown> = {}): AuditEvent {
  return { id: nextId++, ticket_id: 7, kind, actor, data_json: JSON.stringify(data), created_at: 1_700_000_000_000 };
}

const texts = (events: AuditEvent[], ctx = en) => describeTimeline(events, ctx).map((e) => e.text);

describe('actorOf', () => {
  it('names the agent, rules, the AI, the SLA clock, channels and the app', () => {
    expect(actorOf('agent', en)).toEqual({ kind: 'agent', who: 'Alice' });
    expect(actorOf('rule:Angry complaints', en)).toEqual({ kind: 'rule', who: 'Rule ‘Angry complaints’' });
    expect(actorOf('llm', en)).toEqual({ kind: 'ai', who: 'AI' });
    expect(actorOf('ai:llm', en).kind).toBe('ai');
    expect(actorOf('local_model', en)).toEqual({ kind: 'ai', who: 'Offline model' });
    expect(actorOf('sla', en)).toEqual({ kind: 'sla', who: 'SLA' });
    expect(actorOf('wechat', en)).toEqual({ kind: 'channel', who: 'WeChat' });
    expect(actorOf('system', zh).kind).toBe('system');
    expect(actorOf('somebody', en)).toEqual({ kind: 'other', who: 'somebody' });
    expect(actorOf('agent', { ...en, agentName: '' }).who).toBe('You');
  });
});

describe('describeTimeline', () => {
  it('words the AI, the agent and rules, with what a field was when earlier events tell', () => {
    const events = [
      ev('ticket_created', 'email', { from: 'bob@example.com' }),
      ev('classified', 'llm', { category: 'billing', priority: 'normal', confidence: 0.92, needs_review: false }),
      ev('agent_corrected', 'agent', { category: null, priority: 'high', sentiment: null }),
      ev('rule_changed', 'rule:Angry complaints', { field: 'queue', from: null, to: 'Complaints' }),
      ev('rule_changed', 'rule:Angry complaints', { field: 'priority', from: 'high', to: 'urgent' }),
      ev('status_changed', 'agent', { from: 'open', to: 'resolved' }),
    ];
    expect(texts(events)).toEqual([
      'New ticket from bob@example.com by Email',
      'AI classified as Billing (92%), priority Normal',
      'Alice set priority Normal → High',
      'Rule ‘Angry complaints’ moved it to queue Complaints',
      'Rule ‘Angry complaints’ set priority High → Urgent',
      'Alice set status Open → Resolved',
    ]);
    expect(texts(events, zh)[2]).toBe('Alice将优先级从普通改为高');
    expect(texts(events, zh)[3]).toBe('规则“Angry complaints”将其移至队列 Complaints');
  });

  it('words the SLA clock, sending, tags, assignment, snoozes and merges, with tones and links', () => {
    const entries = describeTimeline(
      [
        ev('sla_breached', 'sla', { due_at: 1_700_000_000_000 }),
        ev('outbox_state', 'system', { state: 'failed', error: 'mailbox full' }),
        ev('tagged', 'agent', { added: ['vip'], removed: ['spam', 'old'] }),
        ev('assigned', 'agent', { from: 'Dana', to: null }),
        ev('merged_into', 'agent', { ticket: 1012, messages: 3 }),
        ev('split_to', 'agent', { ticket: 1040, messages: [5, 6] }),
        ev('split_from', 'agent', { ticket: 1001, messages: [5] }),
        ev('customer_merged', 'agent', { from: 'Bob M', merge: 2 }),
        ev('suggestion_accepted', 'agent', { id: 'x', kind: 'raise_priority' }),
      ],
      en,
    );
    expect(entries[0]).toMatchObject({ tone: 'danger', actor: 'sla' });
    expect(entries[0]!.text).toMatch(/^SLA target breached \(was due .+\)$/);
    expect(entries[1]).toMatchObject({ text: 'Reply could not be sent: mailbox full', tone: 'danger' });
    expect(entries[2]!.text).toBe('Alice tagged it vip and removed spam, old');
    expect(entries[3]!.text).toBe('Alice unassigned Dana');
    expect(entries[4]).toMatchObject({ text: 'Alice merged it into #1012 (3 messages moved)', ticket: 1012 });
    expect(entries[5]).toMatchObject({ text: 'Alice moved 2 messages to new ticket #1040', ticket: 1040 });
    expect(entries[6]!.text).toBe('Alice split this ticket off #1001 (1 message)');
    expect(entries[7]!.text).toBe('Alice merged customer Bob M into this ticket’s customer');
    expect(entries[8]!.text).toBe('Alice accepted a suggestion: raise the priority');
  });

  it('names the SLA target an SLA event is about, and falls back without one', () => {
    const events = [
      ev('sla_warning', 'sla', { due_at: 1_700_000_000_000, target: 'first_response' }),
      ev('sla_breached', 'sla', { due_at: 1_700_000_000_000, target: 'first_response' }),
      ev('sla_breached', 'sla', { due_at: 1_700_000_000_000, target: 'next_response' }),
      ev('sla_warning', 'sla', { due_at: 1_700_000_000_000, target: 'resolution' }),
      ev('sla_breached', 'sla', { due_at: 1_700_000_000_000, target: 'lunch' }),
      ev('sla_warning', 'sla', { due_at: 1_700_000_000_000 }),
    ];
    const [warn, breached, next, resolution, unknown, bare] = texts(events);
    expect(warn).toMatch(/^First response SLA due soon \(.+\)$/);
    expect(breached).toMatch(/^First response SLA breached \(was due .+\)$/);
    expect(next).toMatch(/^Next response SLA breached/);
    expect(resolution).toMatch(/^Resolution SLA due soon/);
    expect(unknown).toMatch(/^SLA target breached \(was due .+\)$/);
    expect(bare).toMatch(/^SLA target due soon \(.+\)$/);
    const chinese = texts(events, zh);
    expect(chinese[0]).toMatch(/^首次响应 SLA 即将到期（.+）$/);
    expect(chinese[1]).toMatch(/^首次响应 SLA 已超时（应于 .+ 完成）$/);
    expect(chinese[3]).toMatch(/^解决 SLA 即将到期/);
    expect(chinese[5]).toMatch(/^SLA 目标即将到期/);
    expect(describeTimeline(events, en).map((e) => e.tone)).toEqual(['warn', 'danger', 'danger', 'warn', 'danger', 'warn']);
  });

  it('still says something of kinds it does not know and of broken data', () => {
    const [unknown, broken] = describeTimeline([ev('escalated_to_manager', 'rule:VIP'), { ...ev('status_changed', 'agent'), data_json: 'not json' }], en);
    expect(unknown!.text).toBe('Rule ‘VIP’: escalated to manager');
    expect(broken!.text).toBe('Alice set status none');
  });
});

describe('merging and splitting', () => {
  it('finds the ticket a ticket was merged into, the latest merge winning', () => {
    expect(mergedInto([ev('status_changed', 'agent', { to: 'open' })])).toBeNull();
    expect(mergedInto([ev('merged_into', 'agent', { ticket: 1003 }), ev('merged_into', 'agent', { ticket: 1009 })])).toBe(1009);
  });

  it('refuses what the backend refuses', () => {
    expect(mergeRefusal(3, [])).toBe('noSources');
    expect(mergeRefusal(null, [2])).toBe('noTarget');
    expect(mergeRefusal(2, [1, 2])).toBe('itself');
    expect(mergeRefusal(3, [1, 2])).toBeNull();
    expect(splitRefusal(0, 3)).toBe('none');
    expect(splitRefusal(3, 3)).toBe('all');
    expect(splitRefusal(2, 3)).toBeNull();
  });

  const row = (id: number, number: number, address = `c${id}@example.com`): TicketSummary => ({ id, number, customer_name: `C${id}`, customer_address: address }) as TicketSummary;

  it('offers merge targets without the sources, a typed number first', () => {
    const found = [row(1, 1001), row(2, 1002), row(12, 1012), row(2, 1002)];
    expect(mergeTargets(found, [1], 'refund').map((t) => t.id)).toEqual([2, 12]);
    expect(mergeTargets(found, [1], '#1012').map((t) => t.id)).toEqual([12, 2]);
  });

  it('lists the customers behind tickets once each, without the customer at hand', () => {
    const found = [row(1, 1001, 'me@example.com'), row(2, 1002, 'bob@example.com'), row(3, 1003, 'BOB@example.com'), row(4, 1004, '+86 138')];
    expect(customerCandidates(found, ['Me@example.com'])).toEqual([
      { name: 'C2', address: 'bob@example.com', ticketId: 2 },
      { name: 'C4', address: '+86 138', ticketId: 4 },
    ]);
  });
});
