// The agent's actions on tickets: on the list's selection when there is one, else on the open ticket
// (else the one under the cursor). Every action can be undone for a few seconds (see ../undo.ts).
import type { Priority, TagCount, TicketStatus, TicketSummary } from '../backend';
import type { MessageKey, Params } from '../i18n/index.svelte';
import { correctionOf } from '../triage';
import { MAX_SELECTION, planUndo, runUndo, type Before, type TicketChange, type UndoPlan } from '../undo';
import type { AppState } from './app.svelte';

/** How long the toast offers to undo. */
export const UNDO_MS = 8_000;
const DONE_MS = 3_000;

/** The toast after an action: what was done, and its undo while it lasts. */
export interface Toast {
  id: number;
  key: MessageKey;
  params: Params;
  plan: UndoPlan | null;
}

const snapshot = (t: TicketSummary): Before => ({
  id: t.id,
  status: t.status,
  assignee: t.assignee,
  tags: [...t.tags],
  snoozed_until: t.snoozed_until,
  category: t.category,
  priority: t.priority,
  queue: t.queue,
});

const STATUS_KEYS: Partial<Record<TicketStatus, MessageKey>> = {
  resolved: 'done.resolved',
  pending: 'done.pending',
  open: 'done.reopened',
};

export class TicketActions {
  /** Ids of the tickets selected in the list (x, the row checkboxes, shift+click). */
  selection = $state.raw<number[]>([]);
  toast = $state.raw<Toast | null>(null);
  busy = $state(false);
  /** Tags in use, most used first: the tag picker's suggestions. */
  tags = $state.raw<TagCount[]>([]);
  /** Queues holding tickets: the queue picker's choices. */
  queues = $state.raw<string[]>([]);

  private anchor: number | null = null;
  private toastSeq = 0;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly app: AppState;

  constructor(app: AppState) {
    this.app = app;
  }

  stop(): void {
    clearTimeout(this.toastTimer);
  }

  /** The agent's name as the backend assigns it ("Mine"), so `a` knows from the start whether it unassigns. */
  get me(): string | null {
    return this.app.workspace?.agent_name ?? null;
  }

  // ---------- the selection ----------

  isSelected(id: number): boolean {
    return this.selection.includes(id);
  }

  /** Selects or unselects the row at `index` (x, a row's checkbox). */
  toggle(index: number): void {
    const row = this.app.rowAt(index);
    if (!row) return;
    this.anchor = index;
    this.selection = this.isSelected(row.id)
      ? this.selection.filter((id) => id !== row.id)
      : [...this.selection, row.id].slice(0, MAX_SELECTION);
  }

  /** Shift+click: selects every loaded row from the last toggled one to `index`. */
  selectRange(index: number): void {
    if (this.anchor === null) return this.toggle(index);
    const [from, to] = this.anchor < index ? [this.anchor, index] : [index, this.anchor];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local scratch, never rendered
    const ids = new Set(this.selection);
    for (let i = from; i <= to; i++) {
      const row = this.app.rowAt(i);
      if (row) ids.add(row.id);
    }
    this.selection = [...ids].slice(0, MAX_SELECTION);
  }

  /** Every row loaded so far (at most what one action may change). */
  selectAllLoaded(): void {
    this.selection = this.app.loadedRows().slice(0, MAX_SELECTION).map((r) => r.id);
  }

  clearSelection(): void {
    this.selection = [];
    this.anchor = null;
  }

  /** What an action works on: the selection, else the open ticket, else the row under the cursor. */
  targets(): TicketSummary[] {
    if (this.selection.length > 0) {
      return this.selection.flatMap((id) => {
        const t = this.app.loadedById(id);
        return t ? [t] : [];
      });
    }
    const open = this.app.detail?.ticket ?? this.app.selected;
    return open ? [open] : [];
  }

  /** True when "assign" would unassign: every target is assigned to the agent already. */
  allMine(targets = this.targets()): boolean {
    return this.me !== null && targets.length > 0 && targets.every((t) => t.assignee === this.me);
  }

  // ---------- actions ----------

  setStatus(status: TicketStatus): Promise<boolean> {
    return this.apply({ kind: 'status', status });
  }

  /** Assigns the targets to the agent, or unassigns them when they all are already. */
  toggleAssign(): Promise<boolean> {
    return this.apply({ kind: 'assign', toMe: !this.allMine() });
  }

  assign(toMe: boolean): Promise<boolean> {
    return this.apply({ kind: 'assign', toMe });
  }

  tag(add: string[], remove: string[]): Promise<boolean> {
    return this.apply({ kind: 'tag', add, remove });
  }

  snooze(until: number | null): Promise<boolean> {
    return this.apply({ kind: 'snooze', until });
  }

  setCategory(category: string): Promise<boolean> {
    return this.apply({ kind: 'category', category });
  }

  setPriority(priority: Priority): Promise<boolean> {
    return this.apply({ kind: 'priority', priority });
  }

  /** Moves the targets into a queue, or out of any (null). */
  setQueue(queue: string | null): Promise<boolean> {
    return this.apply({ kind: 'queue', queue });
  }

  /** Reads the queues in use for the queue picker. */
  async loadQueues(): Promise<void> {
    try {
      this.queues = await this.app.backend.listQueues();
    } catch (err) {
      this.app.report(err);
    }
  }

  /** Reads the tags in use for the tag picker. */
  async loadTags(): Promise<void> {
    try {
      this.tags = await this.app.backend.tagsInUse();
    } catch (err) {
      this.app.report(err);
    }
  }

  /**
   * A correction of the open ticket from its header's pickers (which confirm or correct the AI, see
   * AppState.correct), offered for undo like the other actions when it changes the category or priority.
   */
  async correctOpen(change: { category?: string; priority?: Priority; sentiment?: string }): Promise<boolean> {
    const ticket = this.app.detail?.ticket;
    if (!ticket) return false;
    const before = snapshot(ticket);
    const ok = await this.app.correct(change);
    if (!ok) return false;
    const undoable: TicketChange | null =
      change.category !== undefined && change.category !== before.category
        ? { kind: 'category', category: change.category }
        : change.priority !== undefined && change.priority !== before.priority
          ? { kind: 'priority', priority: change.priority }
          : null;
    if (undoable) this.offer(undoable, [ticket], planUndo(undoable, [before], this.me, Date.now()));
    return true;
  }

  /** Carries out `change` on the targets (all or nothing for bulk calls), then offers its undo. */
  async apply(change: TicketChange): Promise<boolean> {
    const targets = this.targets();
    if (targets.length === 0 || this.busy) return false;
    const before = targets.map(snapshot);
    this.busy = true;
    try {
      const after = await this.run(change, targets);
      this.app.takeChanged(after);
      if (change.kind === 'tag') void this.loadTags();
      if (change.kind === 'queue') void this.loadQueues();
      // Resolved, pending or snoozed tickets leave the view: the selection goes with them.
      if (change.kind === 'status' || change.kind === 'snooze') this.clearSelection();
      this.offer(change, targets, planUndo(change, before, this.me, Date.now()));
      return true;
    } catch (err) {
      this.app.report(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async run(change: TicketChange, targets: TicketSummary[]): Promise<TicketSummary[]> {
    const backend = this.app.backend;
    const ids = targets.map((t) => t.id);
    const only = ids.length === 1 ? ids[0]! : null;
    switch (change.kind) {
      case 'status':
        return only !== null ? [await backend.setTicketStatus(only, change.status)] : backend.setTicketsStatus(ids, change.status);
      case 'assign':
        return backend.assignTickets(ids, change.toMe);
      case 'tag':
        return backend.tagTickets(ids, change.add, change.remove);
      case 'snooze':
        return backend.snoozeTickets(ids, change.until);
      case 'category':
      case 'priority': {
        // One ticket: correctTicket; a selection: one correctTickets call, all or none.
        const correction = correctionOf(change.kind === 'category' ? { category: change.category } : { priority: change.priority });
        return only !== null ? [await backend.correctTicket(only, correction)] : backend.correctTickets(ids, correction);
      }
      case 'queue':
        return backend.setTicketsQueue(ids, change.queue);
    }
  }

  // ---------- undo ----------

  /** Puts the tickets of the last action back as they were. */
  async undo(): Promise<boolean> {
    const plan = this.toast?.plan;
    if (!plan || this.busy) return false;
    this.busy = true;
    try {
      this.app.takeChanged(await runUndo(this.app.backend, plan));
      this.show(plan.lost.length > 0 ? 'done.undonePartly' : 'done.undone', { count: plan.lost.length }, null, DONE_MS);
      return true;
    } catch (err) {
      this.app.report(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }

  private offer(change: TicketChange, targets: TicketSummary[], plan: UndoPlan): void {
    const one = targets.length === 1;
    // The toast names one ticket by number, many by how many (ToastBar turns these into words).
    const params: Params = one ? { number: targets[0]!.number } : { count: targets.length };
    let key: MessageKey;
    switch (change.kind) {
      case 'status':
        key = STATUS_KEYS[change.status] ?? 'done.status';
        params.status = change.status;
        break;
      case 'assign':
        key = change.toMe ? 'done.assigned' : 'done.unassigned';
        break;
      case 'tag':
        key = 'done.tagged';
        break;
      case 'snooze':
        key = change.until === null ? 'done.woken' : 'done.snoozed';
        break;
      case 'category':
        key = 'done.category';
        params.category = change.category;
        break;
      case 'priority':
        key = 'done.priority';
        params.priority = change.priority;
        break;
      case 'queue':
        key = change.queue === null ? 'done.unqueued' : 'done.queued';
        if (change.queue !== null) params.queue = change.queue;
        break;
    }
    params.one = one ? 1 : 0;
    this.show(key, params, plan.steps.length > 0 || plan.lost.length > 0 ? plan : null, UNDO_MS);
  }

  private show(key: MessageKey, params: Params, plan: UndoPlan | null, ms: number): void {
    clearTimeout(this.toastTimer);
    const id = ++this.toastSeq;
    this.toast = { id, key, params, plan };
    this.toastTimer = setTimeout(() => {
      if (this.toast?.id === id) this.toast = null;
    }, ms);
  }
}
