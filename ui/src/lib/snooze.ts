// The snooze picker's choices: when "later today", "tomorrow" and "next Monday" are, from now.

export type SnoozeChoice = 'laterToday' | 'tomorrow' | 'nextWeek';

export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['laterToday', 'tomorrow', 'nextWeek'];

/** The morning hour tickets come back at on another day. */
const MORNING = 9;

/** When a choice wakes the ticket, in the local time of `now`: +3 h, tomorrow 9:00, next Monday 9:00. */
export function snoozeUntil(choice: SnoozeChoice, now: Date): Date {
  if (choice === 'laterToday') return new Date(now.getTime() + 3 * 60 * 60 * 1000);
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate(), MORNING);
  if (choice === 'tomorrow') {
    day.setDate(day.getDate() + 1);
    return day;
  }
  // Monday is 1; on a Monday, "next Monday" is a week away.
  const ahead = ((8 - day.getDay()) % 7) || 7;
  day.setDate(day.getDate() + ahead);
  return day;
}

/** A `datetime-local` input's value for a time (local, to the minute). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The time a `datetime-local` value means (local), or null when it is empty or not a time. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi);
}
