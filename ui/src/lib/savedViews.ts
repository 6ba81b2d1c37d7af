// Saved views without UI: the form a view is edited in ⇄ the backend's `TicketFilter`, the filter a
// built-in view stands for ("Save current filters as view"), a saved view's key and label, and the
// backend's refusals in the agent's words.
import { BackendError, type ChannelKind, type Priority, type SavedView, type TicketFilter, type TicketStatus, type TicketView } from './backend';
import type { MessageKey } from './i18n/index.svelte';

export const FILTER_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];
export const FILTER_PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];
export const FILTER_SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const FILTER_CHANNELS: readonly ChannelKind[] = ['email', 'phone', 'telegram', 'wechat'];

/** The backend's limit on a view's name. */
export const NAME_MAX = 60;

/** Who the tickets are assigned to: anyone (no filter), the agent, nobody, or someone named. */
export type AssigneeChoice = 'any' | 'me' | 'none' | 'name';

/** The view form as the agent edits it; dates are the date inputs' `YYYY-MM-DD` (local days), '' for none. */
export interface ViewDraft {
  name: string;
  statuses: TicketStatus[];
  categories: string[];
  priorities: Priority[];
  sentiments: string[];
  channels: ChannelKind[];
  queues: string[];
  tags: string[];
  assignee: AssigneeChoice;
  assigneeName: string;
  customer: string;
  /** Created on this day or later. */
  createdFrom: string;
  /** Created before this day began. */
  createdBefore: string;
}

export function emptyDraft(): ViewDraft {
  return {
    name: '',
    statuses: [],
    categories: [],
    priorities: [],
    sentiments: [],
    channels: [],
    queues: [],
    tags: [],
    assignee: 'any',
    assigneeName: '',
    customer: '',
    createdFrom: '',
    createdBefore: '',
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local day of a time as a date input's value. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting the day `YYYY-MM-DD`; null for '' or something that is not a day. */
export function startOfDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3])) return null;
  return date.getTime();
}

function cleanList(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const s = item.trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/** The filter the form describes: empty lists and nulls where the agent chose nothing. */
export function draftToFilter(draft: ViewDraft): TicketFilter {
  const name = draft.assigneeName.trim();
  const assignee =
    draft.assignee === 'me' ? '@me' : draft.assignee === 'none' ? '@none' : draft.assignee === 'name' && name !== '' ? name : null;
  const customer = draft.customer.trim();
  return {
    statuses: FILTER_STATUSES.filter((s) => draft.statuses.includes(s)),
    categories: cleanList(draft.categories),
    priorities: FILTER_PRIORITIES.filter((p) => draft.priorities.includes(p)),
    sentiments: cleanList(draft.sentiments),
    channels: FILTER_CHANNELS.filter((c) => draft.channels.includes(c)),
    queues: cleanList(draft.queues),
    tags: cleanList(draft.tags),
    assignee,
    customer: customer === '' ? null : customer,
    created_after: startOfDay(draft.createdFrom),
    created_before: startOfDay(draft.createdBefore),
  };
}

/** The form showing a filter (and the view's name). */
export function filterToDraft(filter: TicketFilter, name = ''): ViewDraft {
  const assignee = filter.assignee?.trim() ?? '';
  return {
    name,
    statuses: [...(filter.statuses ?? [])],
    categories: [...(filter.categories ?? [])],
    priorities: [...(filter.priorities ?? [])],
    sentiments: [...(filter.sentiments ?? [])],
    channels: [...(filter.channels ?? [])],
    queues: [...(filter.queues ?? [])],
    tags: [...(filter.tags ?? [])],
    assignee: assignee === '' ? 'any' : assignee === '@me' ? 'me' : assignee === '@none' ? 'none' : 'name',
    assigneeName: assignee.startsWith('@') ? '' : assignee,
    customer: filter.customer ?? '',
    createdFrom: filter.created_after == null ? '' : dayOf(filter.created_after),
    createdBefore: filter.created_before == null ? '' : dayOf(filter.created_before),
  };
}

/** A date typed that is not a day (the date input lets some through while half typed). */
export function badDates(draft: ViewDraft): { from: boolean; before: boolean } {
  return {
    from: draft.createdFrom.trim() !== '' && startOfDay(draft.createdFrom) === null,
    before: draft.createdBefore.trim() !== '' && startOfDay(draft.createdBefore) === null,
  };
}

const OPEN_NOW: TicketStatus[] = ['new', 'open'];

/**
 * The filter a view stands for, as near as a filter can say it: the form "Save current filters as view"
 * starts from. A saved view gives its own filter; views a filter cannot express (needs review, SLA at
 * risk, snoozed) give their statuses only.
 */
export function filterForView(view: TicketView): TicketFilter {
  const open = { statuses: [...OPEN_NOW] };
  switch (view.kind) {
    case 'custom':
      return structuredClone(view.filter);
    case 'all_open':
    case 'needs_review':
    case 'sla_at_risk':
      return open;
    case 'mine':
      return { ...open, assignee: '@me' };
    case 'unassigned':
      return { ...open, assignee: '@none' };
    case 'urgent':
      return { ...open, priorities: ['urgent'] };
    case 'snoozed':
      return { statuses: [...OPEN_NOW, 'pending'] };
    case 'pending':
      return { statuses: ['pending'] };
    case 'resolved':
      return { statuses: ['resolved', 'closed'] };
    case 'channel':
      return { ...open, channels: [view.channel] };
    case 'category':
      return { ...open, categories: [view.category] };
    case 'queue':
      return { ...open, queues: [view.queue] };
  }
}

/** The view a saved view lists. */
export function savedTicketView(saved: Pick<SavedView, 'filter'>): TicketView {
  return { kind: 'custom', filter: saved.filter };
}

/** Stable string for a saved view (test ids): "saved-3". */
export function savedViewKey(saved: Pick<SavedView, 'id'>): string {
  return `saved-${saved.id}`;
}

/** The saved view a custom view is showing (the first with exactly its filter), if any. */
export function savedViewFor(view: TicketView, saved: readonly SavedView[]): SavedView | undefined {
  if (view.kind !== 'custom') return undefined;
  const key = JSON.stringify(view.filter);
  return saved.find((s) => JSON.stringify(s.filter) === key);
}

/** The name a saved view is shown by: its own, trimmed, as the backend stores it. */
export function savedViewLabel(saved: Pick<SavedView, 'name'>): string {
  return saved.name.trim();
}

const REFUSALS: [RegExp, MessageKey][] = [
  [/name of 1 to 60 characters/i, 'savedViews.error.name'],
  [/'created after' date must come before/i, 'savedViews.error.dates'],
];

/** The backend's refusal of a view in the agent's language (its own words when it is another one). */
export function refusalText(err: unknown, t: (key: MessageKey) => string): string {
  const message = err instanceof BackendError || err instanceof Error ? err.message : String(err);
  for (const [pattern, key] of REFUSALS) if (pattern.test(message)) return t(key);
  return message;
}
