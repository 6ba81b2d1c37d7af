// Pure formatting helpers (locale passed in, so they are easy to test).
import { translate, type Locale } from './i18n/index.svelte';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact age of a timestamp: "now", "5m", "3h", "2d" (zh: "刚刚", "5分钟" …); older than 30 days: a date. */
export function relativeAge(timestamp: number, now: number, locale: Locale): string {
  const diff = Math.max(0, now - timestamp);
  if (diff < MINUTE) return translate(locale, 'age.now');
  if (diff < HOUR) return translate(locale, 'age.minutes', { n: Math.floor(diff / MINUTE) });
  if (diff < DAY) return translate(locale, 'age.hours', { n: Math.floor(diff / HOUR) });
  if (diff < 30 * DAY) return translate(locale, 'age.days', { n: Math.floor(diff / DAY) });
  const date = new Date(timestamp);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** Full date and time for a message header. */
export function dateTime(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(timestamp),
  );
}

/** Human file size: "512 B", "14.2 KB", "3.1 MB". */
export function fileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return translate(locale, 'size.bytes', { n: bytes });
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return translate(locale, 'size.kb', { n: nf.format(bytes / 1024) });
  return translate(locale, 'size.mb', { n: nf.format(bytes / (1024 * 1024)) });
}

/** Collapses whitespace so a preview fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
