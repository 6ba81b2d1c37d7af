// Everything the agent can do from the command palette, in one list built from the app's state, and
// how typing filters and ranks it. Pure: the palette renders the list and `runCommand` carries it out.
import type { SavedView, TicketStatus, TicketSummary, TicketView } from './backend';
import { draftKeys } from './drafts';
import { LOCALE_NAMES, LOCALES, translate, type Locale, type MessageKey, type Params } from './i18n/index.svelte';
import { THEME_CHOICES, type ThemeChoice } from './theme.svelte';
import type { TriageField } from './triage';
import { viewKey, viewLabel } from './views';

export type CommandAction =
  | { kind: 'view'; view: TicketView }
  | { kind: 'saved-view'; op: 'new' | 'save-current' | 'edit' | 'delete' }
  | { kind: 'open-ticket'; number: number }
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'assign'; toMe: boolean }
  | { kind: 'tag' }
  | { kind: 'snooze' }
  | { kind: 'queue' }
  | { kind: 'undo' }
  | { kind: 'note' }
  | { kind: 'log-call' }
  | { kind: 'select-all' }
  | { kind: 'clear-selection' }
  | { kind: 'reply' }
  | { kind: 'draft' }
  | { kind: 'triage'; field: TriageField }
  | { kind: 'search' }
  | { kind: 'history' }
  | { kind: 'merge' }
  | { kind: 'split' }
  | { kind: 'locale'; locale: Locale }
  | { kind: 'theme'; theme: ThemeChoice }
  | { kind: 'accounts' }
  | { kind: 'ai-settings' }
  | { kind: 'saved-replies' }
  | { kind: 'notifications' }
  | { kind: 'rules' }
  | { kind: 'sla-settings' }
  | { kind: 'orders' }
  | { kind: 'analytics' }
  | { kind: 'help' };

export interface Command {
  /** Stable across languages (test ids). */
  id: string;
  label: string;
  /** The English label in other languages, so an agent can type either. */
  aliases: string[];
  /** A second, quieter line: the subject of a ticket found by number. */
  detail?: string;
  /** The shortcut that does the same outside the palette, keys pressed together. */
  keys: string[];
  /** The language or theme in use now. */
  current?: boolean;
  action: CommandAction;
}

export interface CommandContext {
  /** The inbox is on screen (not the welcome or loading screen). */
  inbox: boolean;
  /** The sidebar's views, channels included, in its order. */
  views: TicketView[];
  /** The open ticket (and how many messages it holds: a split needs two). */
  ticket: (Pick<TicketSummary, 'number' | 'status'> & { messages?: number }) | null;
  /** The open ticket's history is on screen instead of its conversation. */
  history?: boolean;
  /** A ticket is open or selected: replying, drafting and the pickers work on it (opening it first). */
  hasTarget: boolean;
  /** How many tickets are selected in the list (the actions then work on them). */
  selected?: number;
  /** Every ticket the actions would work on is assigned to the agent already ("assign" unassigns). */
  allMine?: boolean;
  /** The last action can still be undone. */
  canUndo?: boolean;
  /** The agent's saved views (after the sidebar's other views). */
  savedViews?: SavedView[];
  /** The saved view on screen, which "Edit view" and "Delete view" act on. */
  currentSavedView?: SavedView | null;
  locale: Locale;
  theme: ThemeChoice;
  mac: boolean;
}

const CLOSED: TicketStatus[] = ['resolved', 'closed'];

/** Every command that can run now, in the order the palette shows them before anything is typed. */
export function buildCommands(ctx: CommandContext): Command[] {
  const { locale } = ctx;
  const out: Command[] = [];
  const add = (
    id: string,
    key: MessageKey,
    action: CommandAction,
    extra: { keys?: string[]; params?: Params; current?: boolean } = {},
  ) => {
    const label = translate(locale, key, extra.params);
    const english = translate('en', key, extra.params);
    out.push({
      id,
      label,
      aliases: english === label ? [] : [english],
      keys: extra.keys ?? [],
      current: extra.current,
      action,
    });
  };

  if (ctx.inbox) {
    const ticket = ctx.ticket;
    const selected = ctx.selected ?? 0;
    if (ctx.canUndo) add('undo', 'palette.undo', { kind: 'undo' }, { keys: ['u'] });
    if (selected > 0) {
      add('resolve-selected', 'palette.resolveSelected', { kind: 'status', status: 'resolved' }, { keys: ['e'], params: { count: selected } });
    } else if (ticket) {
      const params = { number: ticket.number };
      if (CLOSED.includes(ticket.status)) add('reopen', 'palette.reopen', { kind: 'status', status: 'open' }, { params });
      else add('resolve', 'palette.resolve', { kind: 'status', status: 'resolved' }, { keys: ['e'], params });
    }
    if (selected > 0) {
      add('category', 'palette.category', { kind: 'triage', field: 'category' }, { keys: ['c'] });
      add('priority', 'palette.priority', { kind: 'triage', field: 'priority' }, { keys: ['p'] });
      add('clear-selection', 'palette.clearSelection', { kind: 'clear-selection' }, { keys: ['Esc'] });
    } else if (ctx.hasTarget) {
      add('reply', 'palette.reply', { kind: 'reply' }, { keys: ['r'] });
      add('draft', 'palette.draft', { kind: 'draft' }, { keys: draftKeys(ctx.mac) });
      add('category', 'palette.category', { kind: 'triage', field: 'category' }, { keys: ['c'] });
      add('priority', 'palette.priority', { kind: 'triage', field: 'priority' }, { keys: ['p'] });
      add('sentiment', 'palette.sentiment', { kind: 'triage', field: 'sentiment' }, { keys: ['s'] });
      add('note', 'palette.note', { kind: 'note' }, { keys: ['n'] });
    }
    if (selected > 1) {
      add('merge-selected', 'palette.mergeSelected', { kind: 'merge' }, { keys: ['m'], params: { count: selected } });
    } else if (selected === 0 && ticket) {
      const params = { number: ticket.number };
      add('history', ctx.history ? 'palette.conversation' : 'palette.history', { kind: 'history' }, { keys: ['h'], params });
      add('merge', 'palette.merge', { kind: 'merge' }, { keys: ['m'], params });
      if ((ticket.messages ?? 0) > 1) add('split', 'palette.split', { kind: 'split' }, { params });
    }
    if (selected > 0 || ctx.hasTarget) {
      if (ctx.allMine) add('unassign', 'palette.unassign', { kind: 'assign', toMe: false }, { keys: ['a'] });
      else add('assign', 'palette.assign', { kind: 'assign', toMe: true }, { keys: ['a'] });
      add('tag', 'palette.tag', { kind: 'tag' }, { keys: ['t'] });
      add('snooze', 'palette.snooze', { kind: 'snooze' }, { keys: ['z'] });
      add('queue', 'palette.queue', { kind: 'queue' }, { keys: ['q'] });
    }
    add('select-all', 'palette.selectAll', { kind: 'select-all' }, { keys: ['*'] });
    add('log-call', 'palette.logCall', { kind: 'log-call' }, { keys: ['l'] });
    add('search', 'palette.search', { kind: 'search' }, { keys: ['/'] });
    for (const view of ctx.views) {
      const id = `view-${viewKey(view)}`;
      const label = translate(locale, 'palette.goTo', { view: viewLabel(locale, view) });
      const english = translate('en', 'palette.goTo', { view: viewLabel('en', view) });
      out.push({ id, label, aliases: english === label ? [] : [english], keys: [], action: { kind: 'view', view } });
    }
    for (const saved of ctx.savedViews ?? []) {
      const view: TicketView = { kind: 'custom', filter: saved.filter };
      const label = translate(locale, 'palette.goTo', { view: saved.name });
      const english = translate('en', 'palette.goTo', { view: saved.name });
      out.push({ id: `view-saved-${saved.id}`, label, aliases: english === label ? [] : [english], keys: [], action: { kind: 'view', view } });
    }
    add('new-saved-view', 'palette.newSavedView', { kind: 'saved-view', op: 'new' });
    add('save-current-view', 'palette.saveCurrentView', { kind: 'saved-view', op: 'save-current' });
    const current = ctx.currentSavedView;
    if (current) {
      add('edit-view', 'palette.editView', { kind: 'saved-view', op: 'edit' }, { params: { name: current.name } });
      add('delete-view', 'palette.deleteView', { kind: 'saved-view', op: 'delete' }, { params: { name: current.name } });
    }
    // After the views: typing "pend" + Enter keeps going to the Pending view.
    if (selected > 0 || ctx.hasTarget) {
      add('pending', 'palette.pending', { kind: 'status', status: 'pending' }, { keys: ['Shift', 'P'] });
    }
  }

  add('analytics', 'palette.analytics', { kind: 'analytics' }, { keys: ['Shift', 'A'] });
  add('accounts', 'palette.accounts', { kind: 'accounts' });
  add('saved-replies', 'palette.savedReplies', { kind: 'saved-replies' });
  add('ai-settings', 'palette.aiSettings', { kind: 'ai-settings' });
  add('notifications', 'palette.notifications', { kind: 'notifications' });
  add('rules', 'palette.rules', { kind: 'rules' });
  add('sla-settings', 'palette.sla', { kind: 'sla-settings' });
  add('orders', 'palette.orders', { kind: 'orders' });
  for (const other of LOCALES.filter((l) => l !== locale)) {
    add(`locale-${other}`, 'palette.language', { kind: 'locale', locale: other }, { params: { language: LOCALE_NAMES[other] } });
  }
  for (const choice of THEME_CHOICES) {
    add(`theme-${choice}`, `palette.theme.${choice}`, { kind: 'theme', theme: choice }, { current: choice === ctx.theme });
  }
  add('help', 'palette.help', { kind: 'help' }, { keys: ['?'] });
  return out;
}

/** The ticket number typed in the palette ("#1042" or "1042"), if that is all there is. */
export function ticketNumberIn(query: string): number | null {
  const match = /^#?\s*(\d{1,9})$/.exec(query.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The command for a typed ticket number: open it when it is loaded (with its subject), else find it
 * by searching. Null when the query is not a number.
 */
export function ticketCommand(query: string, loaded: (number: number) => TicketSummary | undefined, locale: Locale): Command | null {
  const number = ticketNumberIn(query);
  if (number === null) return null;
  const found = loaded(number);
  const key: MessageKey = found ? 'palette.openTicket' : 'palette.findTicket';
  return {
    id: 'open-ticket',
    label: translate(locale, key, { number }),
    aliases: [],
    detail: found?.subject,
    keys: [],
    action: { kind: 'open-ticket', number },
  };
}

const WORD_BREAK = /[\s\-–—:：·…“”"'()（）#/]+/;

function initials(text: string): string {
  return text
    .split(WORD_BREAK)
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

/**
 * How well `text` matches `query`, 0 for not at all: the start of the text beats the start of a word,
 * beats anywhere, beats every typed word found somewhere, beats word initials ("gp" → "Go to Pending").
 * Case-insensitive; Chinese matches by substring.
 */
export function matchScore(text: string, query: string): number {
  const hay = text.toLowerCase();
  const q = query.trim().toLowerCase();
  if (q === '') return 1;
  if (hay.startsWith(q)) return 6;
  const at = hay.indexOf(q);
  if (at > 0 && WORD_BREAK.test(hay[at - 1] ?? '')) return 5;
  if (at >= 0) return 4;
  const words = q.split(/\s+/);
  if (words.length > 1 && words.every((w) => hay.includes(w))) return 3;
  const compact = q.replace(/\s+/g, '');
  const first = initials(hay);
  if (first.startsWith(compact)) return 2;
  if (compact.length > 1 && compact[0] === first[0] && isSubsequence(compact, first)) return 1;
  return 0;
}

/** The commands matching `query`, best first; equally good ones keep their order. */
export function filterCommands(commands: Command[], query: string): Command[] {
  if (query.trim() === '') return commands;
  return commands
    .map((command, index) => {
      const score = Math.max(matchScore(command.label, query), ...command.aliases.map((a) => matchScore(a, query) - 0.5));
      return { command, index, score };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((c) => c.command);
}

/** Ctrl+K, or ⌘K on a Mac: opens (and closes) the palette from anywhere, even while typing. */
export function isPaletteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

/** The palette shortcut as the help and the button's tooltip show it. */
export function paletteKeys(mac: boolean): string[] {
  return mac ? ['⌘', 'K'] : ['Ctrl', 'K'];
}
