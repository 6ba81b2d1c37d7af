import { describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from './backend';
import { isUndoShortcut, planUndo, runUndo, type Before } from './undo';

const NOW = 1_700_000_000_000;

function before(id: number, over: Partial<Before> = {}): Before {
  return { id, status: 'open', assignee: null, tags: [], snoozed_until: null, category: 'billing', priority: 'normal', queue: null, ...over };
}

describe('planUndo', () => {
  it('puts each ticket back to its own status, one call per status', () => {
    const plan = planUndo({ kind: 'status', status: 'resolved' }, [before(1), before(2, { status: 'new' }), before(3), before(4, { status: 'resolved' })], null, NOW);
    expect(plan.steps).toEqual([
      { kind: 'status', ids: [1, 3], status: 'open' },
      { kind: 'status', ids: [2], status: 'new' },
    ]);
    expect(plan.lost).toEqual([]);
  });

  it('unassigns what was unassigned and cannot give back someone else’s ticket', () => {
    const toMe = planUndo({ kind: 'assign', toMe: true }, [before(1), before(2, { assignee: 'Me' }), before(3, { assignee: 'Dana' })], 'Me', NOW);
    expect(toMe.steps).toEqual([{ kind: 'assign', ids: [1], toMe: false }]);
    expect(toMe.lost).toEqual([3]);
    const unassign = planUndo({ kind: 'assign', toMe: false }, [before(1, { assignee: 'Me' }), before(2)], 'Me', NOW);
    expect(unassign.steps).toEqual([{ kind: 'assign', ids: [1], toMe: true }]);
  });

  it('takes off only the tags a ticket did not have and puts back the removed ones it had (any case)', () => {
    const plan = planUndo(
      { kind: 'tag', add: ['VIP'], remove: ['late'] },
      [before(1, { tags: ['vip', 'Late'] }), before(2, { tags: [] }), before(3, { tags: [] })],
      null,
      NOW,
    );
    expect(plan.steps).toEqual([
      { kind: 'tag', ids: [1], add: ['Late'], remove: [] },
      { kind: 'tag', ids: [2, 3], add: [], remove: ['VIP'] },
    ]);
  });

  it('snoozes again only where the old snooze is still ahead; otherwise wakes', () => {
    const plan = planUndo(
      { kind: 'snooze', until: NOW + 3_600_000 },
      [before(1), before(2, { snoozed_until: NOW + 60_000 }), before(3, { snoozed_until: NOW - 60_000 })],
      null,
      NOW,
    );
    expect(plan.steps).toEqual([
      { kind: 'snooze', ids: [1, 3], until: null },
      { kind: 'snooze', ids: [2], until: NOW + 60_000 },
    ]);
  });

  it('corrects category and priority back per ticket; a missing category cannot be restored', () => {
    const category = planUndo(
      { kind: 'category', category: 'shipping' },
      [before(1), before(2, { category: null }), before(3, { category: 'shipping' }), before(4, { category: 'returns_refunds' }), before(5)],
      null,
      NOW,
    );
    // Grouped by the value each ticket had: one call per distinct value.
    expect(category.steps).toEqual([
      { kind: 'correct', ids: [1, 5], category: 'billing', priority: null },
      { kind: 'correct', ids: [4], category: 'returns_refunds', priority: null },
    ]);
    expect(category.lost).toEqual([2]);
    const priority = planUndo(
      { kind: 'priority', priority: 'urgent' },
      [before(1, { priority: 'low' }), before(2, { priority: 'urgent' }), before(3, { priority: 'high' }), before(4, { priority: 'low' })],
      null,
      NOW,
    );
    expect(priority.steps).toEqual([
      { kind: 'correct', ids: [1, 4], category: null, priority: 'low' },
      { kind: 'correct', ids: [3], category: null, priority: 'high' },
    ]);
    expect(priority.lost).toEqual([]);
  });
});

describe('planUndo for queues', () => {
  it('puts each ticket back in the queue it was in (or in none), skipping those already there', () => {
    const plan = planUndo(
      { kind: 'queue', queue: 'Billing' },
      [before(1, { queue: 'Technical' }), before(2), before(3, { queue: 'billing' }), before(4, { queue: 'Technical' })],
      null,
      NOW,
    );
    expect(plan.steps).toEqual([
      { kind: 'queue', ids: [1, 4], queue: 'Technical' },
      { kind: 'queue', ids: [2], queue: null },
    ]);
    expect(plan.lost).toEqual([]);
  });
});

describe('runUndo', () => {
  it('calls the inverse commands in order and returns the tickets as they are then', async () => {
    const row = (id: number) => ({ id }) as TicketSummary;
    const backend = {
      setTicketsStatus: vi.fn(async (ids: number[]) => ids.map(row)),
      assignTickets: vi.fn(async (ids: number[]) => ids.map(row)),
      tagTickets: vi.fn(async (ids: number[]) => ids.map(row)),
      snoozeTickets: vi.fn(async (ids: number[]) => ids.map(row)),
      correctTickets: vi.fn(async (ids: number[]) => ids.map(row)),
      setTicketsQueue: vi.fn(async (ids: number[]) => ids.map(row)),
    };
    const out = await runUndo(backend, {
      steps: [
        { kind: 'status', ids: [1, 2], status: 'open' },
        { kind: 'correct', ids: [3], category: 'billing', priority: null },
        { kind: 'snooze', ids: [4], until: null },
        { kind: 'queue', ids: [5], queue: 'Billing' },
      ],
      lost: [],
    });
    expect(out.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(backend.setTicketsQueue).toHaveBeenCalledWith([5], 'Billing');
    expect(backend.setTicketsStatus).toHaveBeenCalledWith([1, 2], 'open');
    expect(backend.correctTickets).toHaveBeenCalledWith([3], { category: 'billing', priority: null, sentiment: null });
    expect(backend.snoozeTickets).toHaveBeenCalledWith([4], null);
    expect(backend.assignTickets).not.toHaveBeenCalled();
  });
});

describe('isUndoShortcut', () => {
  it('is Ctrl+Z or ⌘Z, not with Shift or Alt', () => {
    const key = (over: Partial<KeyboardEvent>) => ({ key: 'z', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });
    expect(isUndoShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isUndoShortcut(key({ metaKey: true }))).toBe(true);
    expect(isUndoShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoShortcut(key({}))).toBe(false);
  });
});
