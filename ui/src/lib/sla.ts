// SLA clocks as the list and the ticket show them, and the SLA settings as their editor edits them:
// targets as hours + minutes, opening hours as "HH:MM" text, holidays as dates. Pure, locale passed in.
import type { BusinessHours, Priority, SlaPolicy, SlaSettings, TicketSummary } from './backend';
import { translate, type Locale, type MessageKey, type Params } from './i18n/index.svelte';

const MINUTE = 60_000;

/** Due within this many minutes: the chip turns amber. */
export const SOON_MINUTES = 30;

/** What the SLA chip of a ticket says; null when the ticket has no SLA running. */
export type SlaChip =
  | { kind: 'paused' }
  | { kind: 'due'; minutes: number; soon: boolean; at: number }
  | { kind: 'breached'; minutes: number; at: number };

export function slaChip(ticket: Pick<TicketSummary, 'sla_due_at' | 'sla_paused'>, now: number): SlaChip | null {
  if (ticket.sla_paused) return { kind: 'paused' };
  const at = ticket.sla_due_at;
  if (at === null) return null;
  if (at <= now) return { kind: 'breached', minutes: Math.floor((now - at) / MINUTE), at };
  // Time left rounds up: 20 seconds left is "1m", never "0m".
  const minutes = Math.ceil((at - now) / MINUTE);
  return { kind: 'due', minutes, soon: minutes <= SOON_MINUTES, at };
}

/** A span of minutes in at most two units: "45m", "2h 10m", "3h", "1d 4h" (zh: "2小时10分钟"); or in one. */
export function duration(minutes: number, locale: Locale, units: 1 | 2 = 2): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts: [MessageKey, number][] =
    days > 0 ? [['duration.d', days], ['duration.h', hours]] : hours > 0 ? [['duration.h', hours], ['duration.m', mins]] : [['duration.m', mins]];
  const shown = parts.slice(0, units).filter(([, n], i) => i === 0 || n > 0);
  // Chinese runs the units together ("2小时10分钟"); English spaces them ("2h 10m").
  return shown.map(([key, n]) => translate(locale, key, { n })).join(locale === 'zh-CN' ? '' : ' ');
}

/** The chip's text: "2h 10m", "Breached 3h" (the largest unit: the row has little room), "Paused". */
export function slaChipText(chip: SlaChip, locale: Locale): string {
  switch (chip.kind) {
    case 'paused':
      return translate(locale, 'sla.paused');
    case 'due':
      return duration(chip.minutes, locale);
    case 'breached':
      return translate(locale, 'sla.breached', { time: duration(chip.minutes, locale, 1) });
  }
}

/** Which target the nearest running clock most likely is, from the conversation's shape. */
export type SlaTarget = 'first_response' | 'next_response' | 'resolution';

/**
 * The target that runs now: no agent reply yet → first response; the customer wrote last → next
 * response; otherwise → resolution. Automatic acknowledgements are no response. (The backend reports
 * only the nearest due time, not which target it belongs to.)
 */
export function runningTarget(messages: readonly { direction: string; sent_at: number; auto_generated?: boolean }[]): SlaTarget {
  const talk = messages
    .filter((m) => m.direction === 'inbound' || (m.direction === 'outbound' && !m.auto_generated))
    .sort((a, b) => a.sent_at - b.sent_at);
  if (!talk.some((m) => m.direction === 'outbound')) return 'first_response';
  if (talk[talk.length - 1]?.direction === 'inbound') return 'next_response';
  return 'resolution';
}

// ---------- the settings editor ----------

export interface TargetForm {
  hours: string;
  minutes: string;
}

export interface PolicyForm {
  name: string;
  /** '' fits any priority. */
  priority: Priority | '';
  queue: string;
  tier: string;
  first: TargetForm;
  next: TargetForm;
  resolution: TargetForm;
}

export interface DayForm {
  open: boolean;
  start: string;
  end: string;
}

export interface SlaForm {
  timeZone: string;
  /** Monday first. */
  days: DayForm[];
  holidays: string[];
  policies: PolicyForm[];
}

/** A local problem the form finds before asking the backend: the message key and its parameters. */
export interface FormProblem {
  key: MessageKey;
  params?: Params;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 540 → "09:00", 1440 → "24:00". */
export function clockOf(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** "9:00" / "09:00" → 540, "24:00" → 1440; null when it is not a time of day. */
export function minuteOf(text: string): number | null {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

export function targetOf(minutes: number | null): TargetForm {
  if (minutes === null) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

/** Hours + minutes as minutes; null when both are empty (no target), undefined when not whole numbers. */
export function minutesOf(target: TargetForm): number | null | undefined {
  const h = target.hours.trim();
  const m = target.minutes.trim();
  if (h === '' && m === '') return null;
  const whole = (s: string) => (s === '' ? 0 : /^\d+$/.test(s) ? Number(s) : NaN);
  const total = whole(h) * 60 + whole(m);
  return Number.isNaN(total) ? undefined : total;
}

export const DEFAULT_DAY: DayForm = { open: true, start: '09:00', end: '18:00' };

export function slaFormOf(settings: SlaSettings): SlaForm {
  const hours = settings.business_hours;
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = hours.days[i] ?? null;
    return day ? { open: true, start: clockOf(day.start_minute), end: clockOf(day.end_minute) } : { ...DEFAULT_DAY, open: false };
  });
  return {
    timeZone: hours.time_zone,
    days,
    holidays: [...hours.holidays].sort(),
    policies: settings.policies.map(policyFormOf),
  };
}

export function policyFormOf(p: SlaPolicy): PolicyForm {
  return {
    name: p.name,
    priority: p.priority ?? '',
    queue: p.queue ?? '',
    tier: p.tier ?? '',
    first: targetOf(p.first_response_minutes),
    next: targetOf(p.next_response_minutes),
    resolution: targetOf(p.resolution_minutes),
  };
}

export function newPolicyForm(): PolicyForm {
  return { name: '', priority: '', queue: '', tier: '', first: targetOf(null), next: targetOf(null), resolution: targetOf(null) };
}

const WEEKDAY_KEYS: MessageKey[] = ['weekday.mon', 'weekday.tue', 'weekday.wed', 'weekday.thu', 'weekday.fri', 'weekday.sat', 'weekday.sun'];

export function weekdayKey(index: number): MessageKey {
  return WEEKDAY_KEYS[index]!;
}

/** The settings to save, or the first local problem (a time that is not a time, a target that is not a number). */
export function slaSettingsOf(form: SlaForm): { settings: SlaSettings } | { problem: FormProblem } {
  const days: BusinessHours['days'] = [];
  for (const [i, day] of form.days.entries()) {
    if (!day.open) {
      days.push(null);
      continue;
    }
    const start = minuteOf(day.start);
    const end = minuteOf(day.end);
    if (start === null || end === null) {
      return { problem: { key: 'slaSettings.badTime', params: { day: i, time: start === null ? day.start : day.end } } };
    }
    days.push({ start_minute: start, end_minute: end });
  }
  const policies: SlaPolicy[] = [];
  for (const p of form.policies) {
    const targets = [p.first, p.next, p.resolution].map(minutesOf);
    if (targets.some((t) => t === undefined)) {
      return { problem: { key: 'slaSettings.badTarget', params: { name: p.name.trim() || '—' } } };
    }
    const [first, next, resolution] = targets as (number | null)[];
    const optional = (s: string) => (s.trim() === '' ? null : s.trim());
    policies.push({
      name: p.name.trim(),
      priority: p.priority === '' ? null : p.priority,
      queue: optional(p.queue),
      tier: optional(p.tier),
      first_response_minutes: first ?? null,
      next_response_minutes: next ?? null,
      resolution_minutes: resolution ?? null,
    });
  }
  return {
    settings: {
      policies,
      business_hours: { time_zone: form.timeZone.trim(), days, holidays: [...form.holidays].sort() },
    },
  };
}

/** The time zones this system knows (for the time zone field's suggestions). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
