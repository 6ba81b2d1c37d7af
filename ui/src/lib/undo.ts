// Undoing the agent's last action on one or many tickets: from each ticket as it was before, the calls
// that put it back (the backend has no undo of its own; every action has an inverse command).
import type { Backend, Priority, TicketStatus, TicketSummary } from './backend';

/** What an action did to every ticket it was given. */
export type TicketChange =
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'assign'; toMe: boolean }
  | { kind: 'tag'; add: string[]; remove: string[] }
  | { kind: 'snooze'; until: number | null }
  | { kind: 'category'; category: string }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'queue'; queue: string | null };

/** One backend call of an undo. */
export type UndoStep =
  | { kind: 'status'; ids: number[]; status: TicketStatus }
  | { kind: 'assign'; ids: number[]; toMe: boolean }
  | { kind: 'tag'; ids: number[]; add: string[]; remove: string[] }
  | { kind: 'snooze'; ids: number[]; until: number | null }
  | { kind: 'correct'; ids: number[]; category: string | null; priority: Priority | null }
  | { kind: 'queue'; ids: number[]; queue: string | null };

export interface UndoPlan {
  steps: UndoStep[];
  /**
   * Tickets that cannot be put back exactly: assigned to someone else before (assignTickets knows only
   * "me" and nobody), or without a category before (a correction cannot clear one).
   */
  lost: number[];
}

/** Before-values that matter to an action, kept when it runs. */
export type Before = Pick<TicketSummary, 'id' | 'status' | 'assignee' | 'tags' | 'snoozed_until' | 'category' | 'priority' | 'queue'>;

const lower = (tags: string[]) => tags.map((t) => t.toLowerCase());

/** Groups ids by a key, keeping first-seen order, so tickets that go back the same way share one call. */
function grouped<V>(before: Before[], value: (t: Before) => V | undefined): { value: V; ids: number[] }[] {
  const groups = new Map<string, { value: V; ids: number[] }>();
  for (const t of before) {
    const v = value(t);
    if (v === undefined) continue;
    const key = JSON.stringify(v);
    const group = groups.get(key) ?? { value: v, ids: [] };
    group.ids.push(t.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The calls that undo `change` on the tickets as they were (`before`). `me` is the agent's name as the
 * backend assigns it (null while unknown), `now` the clock: a snooze that has run out meanwhile is not
 * set again (the backend refuses a time in the past), the ticket is simply awake.
 */
export function planUndo(change: TicketChange, before: Before[], me: string | null, now: number): UndoPlan {
  const lost: number[] = [];
  switch (change.kind) {
    case 'status':
      return {
        steps: grouped(before, (t) => (t.status === change.status ? undefined : t.status)).map((g) => ({ kind: 'status', ids: g.ids, status: g.value })),
        lost,
      };
    case 'assign': {
      const steps = grouped(before, (t) => {
        if (t.assignee === null) return change.toMe ? false : undefined;
        if (me !== null && t.assignee === me) return change.toMe ? undefined : true;
        lost.push(t.id);
        return undefined;
      }).map((g): UndoStep => ({ kind: 'assign', ids: g.ids, toMe: g.value }));
      return { steps, lost };
    }
    case 'tag': {
      const steps = grouped(before, (t) => {
        const had = lower(t.tags);
        // Put back the removed tags it had; take off the added ones it did not have.
        const add = t.tags.filter((tag) => lower(change.remove).includes(tag.toLowerCase()));
        const remove = change.add.filter((tag) => !had.includes(tag.toLowerCase()));
        return add.length === 0 && remove.length === 0 ? undefined : { add, remove };
      }).map((g): UndoStep => ({ kind: 'tag', ids: g.ids, add: g.value.add, remove: g.value.remove }));
      return { steps, lost };
    }
    case 'snooze': {
      const steps = grouped(before, (t) => {
        const was = t.snoozed_until !== null && t.snoozed_until > now ? t.snoozed_until : null;
        return was === change.until ? undefined : was;
      }).map((g): UndoStep => ({ kind: 'snooze', ids: g.ids, until: g.value }));
      return { steps, lost };
    }
    case 'category': {
      const steps = grouped(before, (t) => {
        if (t.category === change.category) return undefined;
        if (t.category === null) {
          lost.push(t.id);
          return undefined;
        }
        return t.category;
      }).map((g): UndoStep => ({ kind: 'correct', ids: g.ids, category: g.value, priority: null }));
      return { steps, lost };
    }
    case 'priority':
      return {
        steps: grouped(before, (t) => (t.priority === change.priority ? undefined : t.priority)).map(
          (g): UndoStep => ({ kind: 'correct', ids: g.ids, category: null, priority: g.value }),
        ),
        lost,
      };
    case 'queue': {
      // Queue names match without regard to case; a ticket in no queue goes back to none.
      const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
      return {
        steps: grouped(before, (t) => (same(t.queue, change.queue) ? undefined : t.queue)).map((g): UndoStep => ({ kind: 'queue', ids: g.ids, queue: g.value })),
        lost,
      };
    }
  }
}

type UndoBackend = Pick<Backend, 'setTicketsStatus' | 'assignTickets' | 'tagTickets' | 'snoozeTickets' | 'correctTickets' | 'setTicketsQueue'>;

/** Runs the plan's calls in order; returns the tickets as they are afterwards. Stops at the first refusal (it throws). */
export async function runUndo(backend: UndoBackend, plan: UndoPlan): Promise<TicketSummary[]> {
  const out: TicketSummary[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'status':
        out.push(...(await backend.setTicketsStatus(step.ids, step.status)));
        break;
      case 'assign':
        out.push(...(await backend.assignTickets(step.ids, step.toMe)));
        break;
      case 'tag':
        out.push(...(await backend.tagTickets(step.ids, step.add, step.remove)));
        break;
      case 'snooze':
        out.push(...(await backend.snoozeTickets(step.ids, step.until)));
        break;
      case 'correct':
        // Tickets that had the same value share one call, all or none.
        out.push(...(await backend.correctTickets(step.ids, { category: step.category, priority: step.priority, sentiment: null })));
        break;
      case 'queue':
        out.push(...(await backend.setTicketsQueue(step.ids, step.queue)));
        break;
    }
  }
  return out;
}

/** The ids the backend accepts in one call (commands::ticket_actions::MAX_SELECTION). */
export const MAX_SELECTION = 1000;

/** Ctrl+Z, or ⌘Z on a Mac (without Shift: that is redo elsewhere). */
export function isUndoShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}
