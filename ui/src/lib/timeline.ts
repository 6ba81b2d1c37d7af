// A ticket's history (the backend's audit events) in the agent's words, and the small rules around
// merging and splitting tickets and customers that the UI checks before asking the backend. Pure: the
// locale and the category names come in, so it is easy to test.
import type { AuditEvent, TicketSummary } from './backend';
import { translate, type Locale, type MessageKey, type Params } from './i18n/index.svelte';
import { formatConfidence } from './triage';

/** Who or what did something, as the timeline marks it. */
export type ActorKind = 'agent' | 'rule' | 'ai' | 'sla' | 'channel' | 'system' | 'other';

export interface TimelineContext {
  locale: Locale;
  /** The agent of this workspace: the backend records the agent's own actions as `agent`. */
  agentName: string;
  /** A category id in the UI language. */
  category: (id: string) => string;
}

export interface TimelineEntry {
  id: number;
  kind: string;
  at: number;
  actor: ActorKind;
  /** Who or what, in words ("Rule ‘Angry complaints’", "AI", the agent's name). */
  who: string;
  text: string;
  /** A ticket the entry names (merged into, split off…), by number, for a link. */
  ticket: number | null;
  tone: 'normal' | 'warn' | 'danger';
}

type Data = Record<string, unknown>;

const CHANNELS = ['email', 'phone', 'telegram', 'wechat'] as const;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const SUGGESTIONS = ['open_order_status', 'apology_with_coupon', 'raise_priority', 'already_refunded', 'repeat_issue'] as const;

function parse(json: string): Data {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** What an SLA event's `data.target` names (the policy's three clocks). */
const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Who did it: the agent (by name), a rule, the AI or offline model, the SLA clock, a channel, the app. */
export function actorOf(actor: string, ctx: TimelineContext): { kind: ActorKind; who: string } {
  const tr = (key: MessageKey, params?: Params) => translate(ctx.locale, key, params);
  if (actor === 'agent') return { kind: 'agent', who: ctx.agentName || tr('timeline.actor.agent') };
  if (actor.startsWith('rule:')) return { kind: 'rule', who: tr('timeline.actor.rule', { name: actor.slice(5).trim() }) };
  if (actor === 'llm' || actor === 'ai' || actor.startsWith('ai:')) return { kind: 'ai', who: tr('timeline.actor.ai') };
  if (actor === 'local_model' || actor === 'local') return { kind: 'ai', who: tr('timeline.actor.localModel') };
  if (actor === 'sla') return { kind: 'sla', who: tr('timeline.actor.sla') };
  if (actor === 'system') return { kind: 'system', who: tr('timeline.actor.system') };
  if (isOneOf(CHANNELS, actor)) return { kind: 'channel', who: tr(`channel.${actor}`) };
  return { kind: 'other', who: actor };
}

/** What the ticket's fields were, as far as the events so far tell: for "normal → high". */
interface Known {
  priority: string | null;
  category: string | null;
  sentiment: string | null;
  queue: string | null;
  status: string | null;
}

function fieldValue(field: string, value: string | null, ctx: TimelineContext): string {
  const tr = (key: MessageKey) => translate(ctx.locale, key);
  if (value === null) return tr('timeline.none');
  if (field === 'priority' && isOneOf(PRIORITIES, value)) return tr(`priority.${value}`);
  if (field === 'status' && isOneOf(STATUSES, value)) return tr(`status.${value}`);
  if (field === 'sentiment' && isOneOf(SENTIMENTS, value)) return tr(`sentiment.${value}`);
  if (field === 'category') return ctx.category(value);
  return value;
}

function fieldName(field: string, ctx: TimelineContext): string {
  const fields = ['priority', 'category', 'sentiment', 'status', 'queue', 'assignee'] as const;
  return isOneOf(fields, field) ? translate(ctx.locale, `timeline.field.${field}`) : field;
}

/** "priority normal → high" or "priority high" when what it was is not known (or the same). */
function change(field: string, from: string | null, to: string | null, ctx: TimelineContext): string {
  const name = fieldName(field, ctx);
  const after = fieldValue(field, to, ctx);
  if (from === null || from === to) return translate(ctx.locale, 'timeline.changeTo', { field: name, to: after });
  return translate(ctx.locale, 'timeline.changeFromTo', { field: name, from: fieldValue(field, from, ctx), to: after });
}

function list(items: string[], ctx: TimelineContext): string {
  return items.join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

function kindWords(kind: string): string {
  return kind.replace(/[_-]+/g, ' ').trim();
}

/** One event in words, given what the events before it said of the ticket (updated in place). */
function describe(event: AuditEvent, known: Known, ctx: TimelineContext): TimelineEntry {
  const data = parse(event.data_json);
  const { kind: actor, who } = actorOf(event.actor, ctx);
  const tr = (key: MessageKey, params: Params = {}) => translate(ctx.locale, key, { who, ...params });
  let text: string;
  let ticket: number | null = null;
  let tone: TimelineEntry['tone'] = 'normal';
  const messages = (v: unknown) => messageCount(Array.isArray(v) ? v.length : (num(v) ?? 0), ctx.locale);
  const time = (v: unknown) => {
    const at = num(v);
    return at === null ? '' : new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  };
  switch (event.kind) {
    case 'ticket_created': {
      const from = str(data.from);
      text = from ? tr('timeline.created', { from }) : tr('timeline.createdBare');
      break;
    }
    case 'message_received':
      text = tr('timeline.messageReceived', { from: str(data.from) ?? who });
      break;
    case 'logged_by_agent':
      text = tr('timeline.loggedCall');
      break;
    case 'status_changed': {
      const to = str(data.to);
      text = tr('timeline.changed', { change: change('status', str(data.from) ?? known.status, to, ctx) });
      known.status = to;
      break;
    }
    case 'priority_changed': {
      const to = str(data.to);
      text = tr('timeline.changed', { change: change('priority', str(data.from) ?? known.priority, to, ctx) });
      known.priority = to;
      break;
    }
    case 'classified': {
      const category = str(data.category);
      const confidence = formatConfidence(num(data.confidence), ctx.locale);
      const what = category ? ctx.category(category) : translate(ctx.locale, 'timeline.noCategory');
      text = confidence ? tr('timeline.classifiedConfidence', { category: what, confidence }) : tr('timeline.classified', { category: what });
      const priority = str(data.priority);
      if (priority) text += translate(ctx.locale, 'timeline.classifiedPriority', { priority: fieldValue('priority', priority, ctx) });
      if (data.needs_review === true) text += translate(ctx.locale, 'timeline.classifiedReview');
      known.category = category ?? known.category;
      known.priority = priority ?? known.priority;
      known.sentiment = str(data.sentiment) ?? known.sentiment;
      break;
    }
    case 'agent_corrected': {
      const parts: string[] = [];
      for (const field of ['priority', 'category', 'sentiment'] as const) {
        const to = str(data[field]);
        if (to === null) continue;
        parts.push(change(field, known[field], to, ctx));
        known[field] = to;
      }
      text = parts.length > 0 ? tr('timeline.changed', { change: list(parts, ctx) }) : tr('timeline.corrected');
      break;
    }
    case 'rule_changed': {
      const field = str(data.field) ?? '';
      if (field === 'tags') {
        text = tr('timeline.tagsAdded', { tags: str(data.added) ?? '' });
      } else if (field === 'queue') {
        text = tr('timeline.queueTo', { queue: str(data.to) ?? '' });
        known.queue = str(data.to);
      } else if (field === 'assignee') {
        text = tr('timeline.assignedTo', { name: str(data.to) ?? '' });
      } else {
        const to = str(data.to);
        const from = str(data.from) ?? (field in known ? known[field as keyof Known] : null);
        text = tr('timeline.changed', { change: change(field, from, to, ctx) });
        if (field in known) known[field as keyof Known] = to;
      }
      break;
    }
    case 'rule_failed':
      text = tr('timeline.ruleFailed', { error: str(data.error) ?? '' });
      tone = 'danger';
      break;
    case 'rule_notification':
      text = tr('timeline.notified', { text: str(data.text) ?? '' });
      break;
    case 'assigned': {
      const to = str(data.to);
      const from = str(data.from);
      text = to ? tr('timeline.assignedTo', { name: to }) : from ? tr('timeline.unassignedFrom', { name: from }) : tr('timeline.unassigned');
      break;
    }
    case 'tagged': {
      const added = strings(data.added);
      const removed = strings(data.removed);
      const parts: string[] = [];
      if (added.length > 0) parts.push(tr('timeline.tagsAdded', { tags: list(added, ctx) }));
      if (removed.length > 0) parts.push(added.length > 0 ? translate(ctx.locale, 'timeline.tagsRemovedToo', { tags: list(removed, ctx) }) : tr('timeline.tagsRemoved', { tags: list(removed, ctx) }));
      text = parts.length > 0 ? parts.join(translate(ctx.locale, 'timeline.and')) : tr('timeline.tagsChanged');
      break;
    }
    case 'queue_changed': {
      const to = str(data.to);
      const from = str(data.from) ?? known.queue;
      text = to ? tr('timeline.queueTo', { queue: to }) : from ? tr('timeline.queueOut', { queue: from }) : tr('timeline.queueNone');
      known.queue = to;
      break;
    }
    case 'snoozed':
      text = tr('timeline.snoozed', { time: time(data.until) });
      break;
    case 'unsnoozed':
      text = tr('timeline.unsnoozed');
      break;
    case 'reply_queued':
      text = data.automatic === true ? tr('timeline.autoReply') : tr('timeline.replied');
      break;
    case 'note_added':
      text = tr('timeline.note');
      break;
    case 'outbox_state': {
      const state = str(data.state);
      const error = str(data.error);
      if (state === 'sent') text = tr('timeline.sent');
      else if (state === 'failed') {
        text = tr('timeline.sendFailed', { error: error ?? '' });
        tone = 'danger';
      } else if (error) {
        text = tr('timeline.sendRetry', { error });
        tone = 'warn';
      } else text = tr('timeline.sending');
      break;
    }
    case 'sla_warning':
    case 'sla_breached': {
      const warning = event.kind === 'sla_warning';
      const target = isOneOf(SLA_TARGETS, data.target) ? translate(ctx.locale, `sla.target.${data.target}`) : null;
      const at = { time: time(data.due_at) };
      if (target) text = tr(warning ? 'timeline.slaWarningTarget' : 'timeline.slaBreachedTarget', { target, ...at });
      else text = tr(warning ? 'timeline.slaWarning' : 'timeline.slaBreached', at);
      tone = warning ? 'warn' : 'danger';
      break;
    }
    case 'merged_into':
      ticket = num(data.ticket);
      text = tr('timeline.mergedInto', { number: ticket ?? '?', messages: messages(data.messages) });
      break;
    case 'merged_from':
      ticket = num(data.ticket);
      text = tr('timeline.mergedFrom', { number: ticket ?? '?', messages: messages(data.messages) });
      break;
    case 'split_to':
      ticket = num(data.ticket);
      text = tr('timeline.splitTo', { number: ticket ?? '?', messages: messages(data.messages) });
      break;
    case 'split_from':
      ticket = num(data.ticket);
      text = tr('timeline.splitFrom', { number: ticket ?? '?', messages: messages(data.messages) });
      break;
    case 'customer_merged':
      text = tr('timeline.customerMerged', { name: str(data.from) ?? '' });
      break;
    case 'customer_unmerged':
      text = tr('timeline.customerUnmerged');
      break;
    case 'draft_prepared': {
      const saved = str(data.saved_reply);
      text = saved ? tr('timeline.draftSaved', { name: saved }) : tr('timeline.draft');
      break;
    }
    case 'suggestion_accepted':
    case 'suggestion_dismissed': {
      const k = data.kind;
      const what = isOneOf(SUGGESTIONS, k) ? translate(ctx.locale, `timeline.suggestion.${k}`) : translate(ctx.locale, 'timeline.suggestion.other');
      text = tr(event.kind === 'suggestion_accepted' ? 'timeline.suggestionAccepted' : 'timeline.suggestionDismissed', { what });
      break;
    }
    default:
      text = tr('timeline.unknown', { what: kindWords(event.kind) });
  }
  return { id: event.id, kind: event.kind, at: event.created_at, actor, who, text, ticket, tone };
}

/** "1 message", "3 messages" (zh: "3 条消息"). */
export function messageCount(count: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale).format(count);
  return count === 1 ? translate(locale, 'timeline.messagesOne') : translate(locale, 'timeline.messagesMany', { count: n });
}

/** The ticket's events in words, oldest first (as the backend lists them). */
export function describeTimeline(events: AuditEvent[], ctx: TimelineContext): TimelineEntry[] {
  const known: Known = { priority: null, category: null, sentiment: null, queue: null, status: null };
  return events.map((event) => describe(event, known, ctx));
}

/** The ticket this one was merged into (its number), if it was: the latest merge wins. */
export function mergedInto(events: AuditEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.kind === 'merged_into') return num(parse(event.data_json).ticket);
  }
  return null;
}

/** Why the merge cannot go ahead, as the backend would refuse it (ticket_merging::merge); null when it can. */
export function mergeRefusal(target: number | null, sources: number[]): 'noSources' | 'noTarget' | 'itself' | null {
  if (sources.length === 0) return 'noSources';
  if (target === null) return 'noTarget';
  if (sources.includes(target)) return 'itself';
  return null;
}

/** Why the split cannot go ahead (ticket_merging::split): nothing chosen, or every message chosen. */
export function splitRefusal(chosen: number, total: number): 'none' | 'all' | null {
  if (chosen === 0) return 'none';
  if (chosen >= total) return 'all';
  return null;
}

/**
 * Tickets a merge could go into, from a search: not the ones being merged, and (for a typed number)
 * the ticket with that number first.
 */
export function mergeTargets(found: TicketSummary[], sources: number[], query: string): TicketSummary[] {
  const wanted = /^#?\s*(\d{1,9})$/.exec(query.trim());
  const number = wanted ? Number(wanted[1]) : null;
  const seen = new Set<number>();
  const out = found.filter((t) => !sources.includes(t.id) && !seen.has(t.id) && seen.add(t.id));
  if (number === null) return out;
  return [...out.filter((t) => t.number === number), ...out.filter((t) => t.number !== number)];
}

/** Someone a customer could be merged with, as a ticket search finds them. */
export interface CustomerCandidate {
  name: string;
  address: string;
  /** A ticket of theirs: its detail names the customer record. */
  ticketId: number;
}

/** The customers behind a ticket search, each once (by address), without the customer at hand. */
export function customerCandidates(found: TicketSummary[], ownAddresses: string[]): CustomerCandidate[] {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  const seen = new Set<string>();
  const out: CustomerCandidate[] = [];
  for (const t of found) {
    const key = t.customer_address.toLowerCase();
    if (own.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: t.customer_name, address: t.customer_address, ticketId: t.id });
  }
  return out;
}
