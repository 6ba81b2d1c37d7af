// How a ticket view is named: a stable key (test ids, comparisons) and its label in a language.
import type { SavedView, TicketView } from './backend';
import { translate, type Locale } from './i18n/index.svelte';
import { categoryName } from './state/categories.svelte';

/** Stable string for a view: "all_open", "channel-email", "category-billing", … (also used in test ids). */
export function viewKey(view: TicketView): string {
  if (view.kind === 'channel') return `channel-${view.channel}`;
  if (view.kind === 'category') return `category-${view.category}`;
  if (view.kind === 'queue') return `queue-${view.queue}`;
  if (view.kind === 'custom') return `custom-${JSON.stringify(view.filter)}`;
  return view.kind;
}

/**
 * The view's name in `locale`: a channel's, a category's from the taxonomy, a saved view's own (from
 * `saved`, the agent's saved views), or the view's.
 */
export function viewLabel(locale: Locale, view: TicketView, saved: readonly SavedView[] = []): string {
  if (view.kind === 'channel') return translate(locale, `channel.${view.channel}`);
  if (view.kind === 'category') return categoryName(view.category, locale);
  if (view.kind === 'queue') return view.queue;
  if (view.kind === 'custom') {
    const key = JSON.stringify(view.filter);
    const named = saved.find((s) => JSON.stringify(s.filter) === key);
    if (named) return named.name.trim();
  }
  return translate(locale, `view.${view.kind}`);
}
