import { describe, expect, it } from 'vitest';
import { BackendError, type SavedView, type TicketView } from './backend';
import { translate } from './i18n/index.svelte';
import {
  badDates,
  dayOf,
  draftToFilter,
  emptyDraft,
  filterForView,
  filterToDraft,
  refusalText,
  savedTicketView,
  savedViewFor,
  savedViewKey,
  savedViewLabel,
  startOfDay,
} from './savedViews';
import { viewKey, viewLabel } from './views';

describe('saved view form ⇄ TicketFilter', () => {
  it('an empty form filters nothing', () => {
    expect(draftToFilter(emptyDraft())).toEqual({
      statuses: [],
      categories: [],
      priorities: [],
      sentiments: [],
      channels: [],
      queues: [],
      tags: [],
      assignee: null,
      customer: null,
      created_after: null,
      created_before: null,
    });
  });

  it('keeps the choices in a fixed order, trims text and drops blanks and repeats', () => {
    const filter = draftToFilter({
      ...emptyDraft(),
      statuses: ['pending', 'new'],
      priorities: ['low', 'urgent'],
      channels: ['wechat', 'email'],
      categories: [' billing ', 'billing', ''],
      tags: ['vip', ' vip', 'refund'],
      customer: '  chen ',
    });
    expect(filter.statuses).toEqual(['new', 'pending']);
    expect(filter.priorities).toEqual(['urgent', 'low']);
    expect(filter.channels).toEqual(['email', 'wechat']);
    expect(filter.categories).toEqual(['billing']);
    expect(filter.tags).toEqual(['vip', 'refund']);
    expect(filter.customer).toBe('chen');
  });

  it('writes me as @me, unassigned as @none, a name as itself, and a blank name as no filter', () => {
    expect(draftToFilter({ ...emptyDraft(), assignee: 'me' }).assignee).toBe('@me');
    expect(draftToFilter({ ...emptyDraft(), assignee: 'none' }).assignee).toBe('@none');
    expect(draftToFilter({ ...emptyDraft(), assignee: 'name', assigneeName: ' Dana ' }).assignee).toBe('Dana');
    expect(draftToFilter({ ...emptyDraft(), assignee: 'name', assigneeName: '  ' }).assignee).toBeNull();
    expect(draftToFilter({ ...emptyDraft(), assignee: 'any', assigneeName: 'Dana' }).assignee).toBeNull();
  });

  it('reads @me, @none and names back', () => {
    expect(filterToDraft({ assignee: '@me' })).toMatchObject({ assignee: 'me', assigneeName: '' });
    expect(filterToDraft({ assignee: '@none' })).toMatchObject({ assignee: 'none', assigneeName: '' });
    expect(filterToDraft({ assignee: 'Dana' })).toMatchObject({ assignee: 'name', assigneeName: 'Dana' });
    expect(filterToDraft({ assignee: null })).toMatchObject({ assignee: 'any' });
    expect(filterToDraft({})).toEqual(emptyDraft());
  });

  it('turns days into local midnights (after: at or after; before: before that day began) and back', () => {
    const filter = draftToFilter({ ...emptyDraft(), createdFrom: '2026-03-01', createdBefore: '2026-03-15' });
    expect(filter.created_after).toBe(new Date(2026, 2, 1).getTime());
    expect(filter.created_before).toBe(new Date(2026, 2, 15).getTime());
    const back = filterToDraft(filter, 'March');
    expect(back.createdFrom).toBe('2026-03-01');
    expect(back.createdBefore).toBe('2026-03-15');
    expect(back.name).toBe('March');
  });

  it('round-trips a full filter', () => {
    const filter = {
      statuses: ['new' as const, 'open' as const],
      categories: ['billing'],
      priorities: ['urgent' as const],
      sentiments: ['negative'],
      channels: ['email' as const],
      queues: ['Tier 2'],
      tags: ['vip'],
      assignee: '@none',
      customer: 'chen',
      created_after: new Date(2026, 0, 5).getTime(),
      created_before: new Date(2026, 1, 1).getTime(),
    };
    expect(draftToFilter(filterToDraft(filter, 'x'))).toEqual(filter);
  });

  it('knows a day from something that is not one', () => {
    expect(startOfDay('')).toBeNull();
    expect(startOfDay('2026-02-30')).toBeNull();
    expect(startOfDay('yesterday')).toBeNull();
    expect(dayOf(new Date(2026, 10, 30, 23, 59).getTime())).toBe('2026-11-30');
    expect(badDates({ ...emptyDraft(), createdFrom: '2026-13-01' })).toEqual({ from: true, before: false });
    expect(badDates(emptyDraft())).toEqual({ from: false, before: false });
  });
});

describe('the filter a view stands for', () => {
  it('says what the built-in views show as far as a filter can', () => {
    expect(filterForView({ kind: 'mine' })).toEqual({ statuses: ['new', 'open'], assignee: '@me' });
    expect(filterForView({ kind: 'unassigned' })).toEqual({ statuses: ['new', 'open'], assignee: '@none' });
    expect(filterForView({ kind: 'urgent' })).toEqual({ statuses: ['new', 'open'], priorities: ['urgent'] });
    expect(filterForView({ kind: 'resolved' })).toEqual({ statuses: ['resolved', 'closed'] });
    expect(filterForView({ kind: 'channel', channel: 'phone' })).toEqual({ statuses: ['new', 'open'], channels: ['phone'] });
    expect(filterForView({ kind: 'category', category: 'billing' })).toEqual({ statuses: ['new', 'open'], categories: ['billing'] });
    expect(filterForView({ kind: 'queue', queue: 'Tier 2' })).toEqual({ statuses: ['new', 'open'], queues: ['Tier 2'] });
  });

  it('gives a saved view its own filter, as a copy', () => {
    const view: TicketView = { kind: 'custom', filter: { tags: ['vip'] } };
    const copy = filterForView(view);
    expect(copy).toEqual({ tags: ['vip'] });
    copy.tags?.push('x');
    expect(view.filter.tags).toEqual(['vip']);
  });
});

describe("a saved view's key and label", () => {
  const saved: SavedView[] = [
    { id: 3, name: ' Urgent billing ', filter: { priorities: ['urgent'], categories: ['billing'] } },
    { id: 7, name: 'VIP', filter: { tags: ['vip'] } },
  ];

  it('has a stable key and its trimmed name', () => {
    expect(savedViewKey(saved[0]!)).toBe('saved-3');
    expect(savedViewLabel(saved[0]!)).toBe('Urgent billing');
  });

  it('is found from the view on screen, and names it in every language', () => {
    const view = savedTicketView(saved[1]!);
    expect(viewKey(view)).toBe('custom-{"tags":["vip"]}');
    expect(savedViewFor(view, saved)?.id).toBe(7);
    expect(savedViewFor({ kind: 'all_open' }, saved)).toBeUndefined();
    expect(viewLabel('en', view, saved)).toBe('VIP');
    expect(viewLabel('zh-CN', view, saved)).toBe('VIP');
    expect(viewLabel('en', { kind: 'custom', filter: { tags: ['other'] } }, saved)).toBe('Custom view');
    expect(viewLabel('zh-CN', { kind: 'custom', filter: {} })).toBe('自定义视图');
  });
});

describe("the backend's refusals in words", () => {
  it('translates the ones it knows and keeps the others', () => {
    const name = new BackendError('invalid_input', 'a view needs a name of 1 to 60 characters');
    const dates = new BackendError('invalid_input', "the 'created after' date must come before the 'created before' date");
    expect(refusalText(name, (k) => translate('en', k))).toBe('A view needs a name of 1 to 60 characters.');
    expect(refusalText(name, (k) => translate('zh-CN', k))).toBe('视图名称需为 1 到 60 个字符。');
    expect(refusalText(dates, (k) => translate('zh-CN', k))).toContain('必须早于');
    expect(refusalText(new BackendError('db', 'the disk is full'), (k) => translate('en', k))).toBe('the disk is full');
  });
});
