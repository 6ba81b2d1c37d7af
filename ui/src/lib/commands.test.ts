import { describe, expect, it } from 'vitest';
import type { TicketSummary } from './backend';
import {
  buildCommands,
  filterCommands,
  isPaletteShortcut,
  matchScore,
  ticketCommand,
  ticketNumberIn,
  type CommandContext,
} from './commands';

const context = (over: Partial<CommandContext> = {}): CommandContext => ({
  inbox: true,
  views: [{ kind: 'all_open' }, { kind: 'pending' }, { kind: 'resolved' }, { kind: 'channel', channel: 'email' }],
  ticket: { number: 1042, status: 'open' },
  hasTarget: true,
  locale: 'en',
  theme: 'system',
  mac: false,
  ...over,
});

const ids = (ctx: CommandContext, query = '') => filterCommands(buildCommands(ctx), query).map((c) => c.id);

describe('buildCommands', () => {
  it('lists ticket actions, views, settings, language, theme and help, with their shortcuts', () => {
    const commands = buildCommands(context());
    expect(commands.map((c) => c.id)).toEqual([
      'resolve',
      'reply',
      'draft',
      'category',
      'priority',
      'sentiment',
      'note',
      'history',
      'merge',
      'assign',
      'tag',
      'snooze',
      'queue',
      'select-all',
      'log-call',
      'search',
      'view-all_open',
      'view-pending',
      'view-resolved',
      'view-channel-email',
      'new-saved-view',
      'save-current-view',
      'pending',
      'analytics',
      'accounts',
      'saved-replies',
      'ai-settings',
      'notifications',
      'rules',
      'sla-settings',
      'orders',
      'locale-zh-CN',
      'theme-light',
      'theme-dark',
      'theme-system',
      'help',
    ]);
    const byId = Object.fromEntries(commands.map((c) => [c.id, c]));
    expect(byId.resolve?.label).toBe('Resolve ticket #1042');
    expect(byId.resolve?.keys).toEqual(['e']);
    expect(byId.priority?.keys).toEqual(['p']);
    expect(byId.draft?.keys).toEqual(['Alt', 'D']);
    expect(byId['view-channel-email']?.label).toBe('Go to Email');
    expect(byId['locale-zh-CN']?.label).toBe('Switch language to 简体中文');
    expect(byId['theme-system']?.current).toBe(true);
    expect(byId['theme-dark']?.current).toBe(false);
    expect(byId.pending?.keys).toEqual(['Shift', 'P']);
    expect(byId.queue?.keys).toEqual(['q']);
    expect(byId.queue?.label).toBe('Move to queue…');
  });

  it('with a selection, offers the bulk actions on it instead of the open ticket', () => {
    const commands = buildCommands(context({ selected: 3, allMine: true, canUndo: true }));
    const byId = Object.fromEntries(commands.map((c) => [c.id, c]));
    expect(commands[0]?.id).toBe('undo');
    expect(byId['resolve-selected']?.label).toBe('Resolve the 3 selected tickets');
    expect(byId.resolve).toBeUndefined();
    expect(byId.unassign?.keys).toEqual(['a']);
    expect(byId.assign).toBeUndefined();
    for (const id of ['tag', 'snooze', 'queue', 'category', 'priority', 'clear-selection']) expect(byId[id], id).toBeDefined();
    expect(byId.reply).toBeUndefined();
  });

  it('offers the history, merging and (with two messages or more) splitting of the open ticket; merging a selection', () => {
    const open = Object.fromEntries(buildCommands(context({ ticket: { number: 1042, status: 'open', messages: 3 } })).map((c) => [c.id, c]));
    expect(open.history?.label).toBe('Show history of #1042');
    expect(open.history?.keys).toEqual(['h']);
    expect(open.merge?.label).toBe('Merge #1042 into another ticket…');
    expect(open.split?.label).toBe('Split #1042 into a new ticket…');
    expect(ids(context({ history: true, locale: 'zh-CN' }))).toContain('history');
    expect(buildCommands(context({ history: true })).find((c) => c.id === 'history')?.label).toBe('Show conversation of #1042');
    expect(ids(context({ ticket: { number: 1042, status: 'open', messages: 1 } }))).not.toContain('split');
    const many = Object.fromEntries(buildCommands(context({ selected: 2 })).map((c) => [c.id, c]));
    expect(many['merge-selected']?.label).toBe('Merge 2 selected tickets into another…');
    expect(many.merge).toBeUndefined();
    expect(ids(context({ selected: 1 }))).not.toContain('merge-selected');
  });

  it('offers reopen for a resolved ticket, and hides what needs a ticket when there is none', () => {
    expect(ids(context({ ticket: { number: 7, status: 'resolved' } }))).toContain('reopen');
    expect(ids(context({ ticket: { number: 7, status: 'resolved' } }))).not.toContain('resolve');
    const none = ids(context({ ticket: null, hasTarget: false }));
    for (const id of ['resolve', 'reopen', 'reply', 'draft', 'category', 'priority', 'sentiment']) expect(none).not.toContain(id);
    // A selected row is enough for replying and the pickers (they open it first), not for resolving.
    const selected = ids(context({ ticket: null, hasTarget: true }));
    expect(selected).toContain('priority');
    expect(selected).not.toContain('resolve');
  });

  it('outside the inbox keeps only what works everywhere', () => {
    expect(ids(context({ inbox: false }))).toEqual([
      'analytics',
      'accounts',
      'saved-replies',
      'ai-settings',
      'notifications',
      'rules',
      'sla-settings',
      'orders',
      'locale-zh-CN',
      'theme-light',
      'theme-dark',
      'theme-system',
      'help',
    ]);
  });

  it('goes to each saved view by name, and edits or deletes the one on screen', () => {
    const vip = { id: 4, name: 'VIP customers', filter: { tags: ['vip'] } };
    const plain = buildCommands(context({ savedViews: [vip] }));
    const go = plain.find((c) => c.id === 'view-saved-4');
    expect(go?.label).toBe('Go to VIP customers');
    expect(go?.action).toEqual({ kind: 'view', view: { kind: 'custom', filter: { tags: ['vip'] } } });
    expect(plain.map((c) => c.id)).not.toContain('edit-view');
    const onScreen = buildCommands(context({ savedViews: [vip], currentSavedView: vip, locale: 'zh-CN' }));
    const byId = Object.fromEntries(onScreen.map((c) => [c.id, c]));
    expect(byId['edit-view']?.label).toBe('编辑视图“VIP customers”');
    expect(byId['edit-view']?.aliases).toEqual(['Edit view “VIP customers”']);
    expect(byId['delete-view']?.action).toEqual({ kind: 'saved-view', op: 'delete' });
    expect(byId['new-saved-view']?.label).toBe('新建保存的视图');
  });

  it('speaks Chinese, and keeps the English label as an alias', () => {
    const commands = buildCommands(context({ locale: 'zh-CN', mac: true }));
    const pending = commands.find((c) => c.id === 'view-pending');
    expect(pending?.label).toBe('转到“等待中”');
    expect(pending?.aliases).toEqual(['Go to Pending']);
    expect(commands.find((c) => c.id === 'locale-en')?.label).toBe('切换语言为English');
    expect(commands.find((c) => c.id === 'draft')?.keys).toEqual(['⌥', 'D']);
  });
});

describe('filterCommands', () => {
  it('matches case-insensitively, the start of the label first', () => {
    // "Set pending" (Shift+P) matches too, after the view: Enter still goes to Pending.
    expect(ids(context(), 'PEND')).toEqual(['view-pending', 'pending']);
    expect(ids(context(), 'theme')).toEqual(['theme-light', 'theme-dark', 'theme-system']);
    // "re" starts "Resolve" and "Reply" but only sits inside the others.
    expect(ids(context(), 're').slice(0, 2)).toEqual(['resolve', 'reply']);
  });

  it('matches word initials and several words in any order', () => {
    expect(ids(context(), 'gp')).toEqual(['view-pending']);
    expect(ids(context(), 'sp')).toEqual(['priority', 'pending']);
    expect(ids(context(), 'email go')).toEqual(['view-channel-email']);
  });

  it('matches Chinese labels, and English ones in Chinese', () => {
    const zh = context({ locale: 'zh-CN' });
    expect(ids(zh, '等待')).toEqual(['view-pending', 'pending']);
    expect(ids(zh, '深色')).toEqual(['theme-dark']);
    expect(ids(zh, 'pending')).toEqual(['view-pending', 'pending']);
  });

  it('keeps the order when nothing is typed, and finds nothing for nonsense', () => {
    expect(ids(context(), '  ')).toEqual(ids(context()));
    expect(ids(context(), 'xyzzy')).toEqual([]);
  });

  it('scores a match at a word start above one inside a word', () => {
    expect(matchScore('Go to Pending', 'go')).toBeGreaterThan(matchScore('Go to Pending', 'pend'));
    expect(matchScore('Go to Pending', 'pend')).toBeGreaterThan(matchScore('Go to Pending', 'ending'));
    expect(matchScore('Go to Pending', 'gtp')).toBeGreaterThan(0);
    expect(matchScore('Go to Pending', 'pg')).toBe(0);
  });
});

describe('ticket numbers', () => {
  const row = { id: 42, number: 1042, subject: 'Refund for order #48213' } as TicketSummary;
  const loaded = (n: number) => (n === 1042 ? row : undefined);

  it('reads "#1042" and "1042", nothing else', () => {
    expect(ticketNumberIn('#1042')).toBe(1042);
    expect(ticketNumberIn(' 1042 ')).toBe(1042);
    expect(ticketNumberIn('# 7')).toBe(7);
    expect(ticketNumberIn('1042a')).toBeNull();
    expect(ticketNumberIn('#')).toBeNull();
  });

  it('opens a loaded ticket (showing its subject), and finds one that is not loaded', () => {
    expect(ticketCommand('1042', loaded, 'en')).toMatchObject({
      label: 'Open ticket #1042',
      detail: 'Refund for order #48213',
      action: { kind: 'open-ticket', number: 1042 },
    });
    expect(ticketCommand('#77', loaded, 'zh-CN')).toMatchObject({ label: '查找工单 #77', detail: undefined });
    expect(ticketCommand('pending', loaded, 'en')).toBeNull();
  });
});

describe('isPaletteShortcut', () => {
  const key = (over: Partial<KeyboardEvent>) => ({ key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });
  it('is Ctrl+K or ⌘K, nothing more', () => {
    expect(isPaletteShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(key({ metaKey: true, key: 'K' }))).toBe(true);
    expect(isPaletteShortcut(key({}))).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, key: 'j' }))).toBe(false);
  });
});
