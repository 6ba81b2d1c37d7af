import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BackendError,
  type Backend,
  type CategoryName,
  type ClassificationView,
  type AuditEvent,
  type CustomerMerge,
  type CustomerProfile,
  type DraftView,
  type ChatAccountView,
  type EmailAccountView,
  type NotificationSettings,
  type Rule,
  type SavedViewCount,
  type Suggestion,
  type TicketFilter,
  type TicketSort,
  type TicketSummary,
  type TicketView,
  type TicketsChanged,
  type TriageCorrection,
} from '../backend';
import { AppState, PAGE_SIZE } from './app.svelte';
import { categoryLabel, categoryList } from './categories.svelte';

const DEFAULTS: CategoryName[] = [
  { id: 'billing', name_en: 'Billing & invoices', name_zh: '账单与发票' },
  { id: 'shipping', name_en: 'Shipping & delivery', name_zh: '物流配送' },
];

function ticket(id: number, over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number: 1000 + id,
    subject: `Subject ${id}`,
    status: 'open',
    priority: 'normal',
    category: null,
    sentiment: null,
    language: null,
    channel: 'email',
    customer_name: `Customer ${id}`,
    customer_address: `c${id}@example.com`,
    preview: `Preview ${id}`,
    summary: null,
    message_count: 1,
    needs_review: false,
    unread: true,
    auto_generated: false,
    assignee: null,
    tags: [],
    snoozed_until: null,
    queue: null,
    sla_due_at: null,
    sla_paused: false,
    created_at: 0,
    updated_at: 0,
    ...over,
  };
}

/** A small fake Backend (the IPC-level fake used by the e2e tests lives in e2e/fake). */
function fakeBackend(size: number, opts: { reportedCount?: number } = {}) {
  const tickets = Array.from({ length: size }, (_, i) => ticket(i + 1));
  const ai = new Map<number, ClassificationView>();
  const agentFields = new Map<number, string[]>();
  let onChanged: ((p: TicketsChanged) => void) | null = null;
  let onOpenRequested: ((p: { ticketId: number }) => void) | null = null;
  const status = () => ({ data_dir: '/tmp/ws', account_count: 1, ticket_count: size, demo: false, agent_name: 'Support', categories: DEFAULTS });
  const backend = {
    workspaceStatus: vi.fn(async () => status()),
    openDemoWorkspace: vi.fn(async () => ({ imported: 0, duplicates: 0, failed: 0, tickets_created: 0 })),
    viewCounts: vi.fn(async () => [{ view: { kind: 'all_open' } as TicketView, count: opts.reportedCount ?? tickets.length }]),
    listTickets: vi.fn(async (_view: TicketView, _sort: TicketSort, limit: number, offset: number) => tickets.slice(offset, offset + limit)),
    getTicket: vi.fn(async (id: number) => {
      const t = tickets.find((x) => x.id === id);
      if (!t) throw new BackendError('not_found', `Ticket ${id} does not exist.`);
      return {
        ticket: { ...t },
        customer: { id: 1, display_name: t.customer_name, identities: [], ticket_count: 1 },
        messages: [],
        outbox: [],
        ai: ai.get(id) ?? null,
        agent_fields: agentFields.get(id) ?? [],
      };
    }),
    searchTickets: vi.fn(async (query: string, limit: number) => tickets.filter((t) => t.subject.includes(query)).slice(0, limit)),
    sendReply: vi.fn(async (ticketId: number, body: string) => ({
      id: 1,
      ticket_id: ticketId,
      message_id: 77,
      state: 'queued' as const,
      body_text: body,
      error: null,
      attempts: 0,
      created_at: 0,
    })),
    retryOutboxItem: vi.fn(async (outboxId: number) => ({
      id: outboxId,
      ticket_id: 4,
      message_id: 77,
      state: 'queued' as const,
      body_text: 'Thanks!',
      error: null,
      attempts: 1,
      created_at: 0,
    })),
    setTicketStatus: vi.fn(async (id: number, status: TicketSummary['status']) => ({ ...tickets[id - 1]!, status })),
    markTicketRead: vi.fn(async (id: number) => {
      tickets[id - 1]!.unread = false;
    }),
    correctTicket: vi.fn(async (id: number, c: TriageCorrection) => {
      const t = tickets[id - 1]!;
      if (c.category !== null) t.category = c.category;
      if (c.priority !== null) t.priority = c.priority;
      if (c.sentiment !== null) t.sentiment = c.sentiment;
      const fields = agentFields.get(id) ?? [];
      agentFields.set(id, (['category', 'priority', 'sentiment'] as const).filter((f) => fields.includes(f) || c[f] !== null));
      t.needs_review = false;
      return { ...t };
    }),
    correctTickets: vi.fn(async (ids: number[], c: TriageCorrection) =>
      ids.map((id) => Object.assign(tickets[id - 1]!, c.priority !== null ? { priority: c.priority } : {}, c.category !== null ? { category: c.category } : {})).map((t) => ({ ...t })),
    ),
    assignTickets: vi.fn(async (ids: number[], toMe: boolean) =>
      ids.map((id) => Object.assign(tickets[id - 1]!, { assignee: toMe ? 'Support' : null })).map((t) => ({ ...t })),
    ),
    tagTickets: vi.fn(async (ids: number[], add: string[], remove: string[]) =>
      ids
        .map((id) => tickets[id - 1]!)
        .map((t) => Object.assign(t, { tags: [...t.tags.filter((x) => !remove.includes(x)), ...add.filter((x) => !t.tags.includes(x))] }))
        .map((t) => ({ ...t })),
    ),
    tagsInUse: vi.fn(async () => []),
    snoozeTickets: vi.fn(async (ids: number[], until: number | null) =>
      ids.map((id) => Object.assign(tickets[id - 1]!, { snoozed_until: until })).map((t) => ({ ...t })),
    ),
    setTicketsStatus: vi.fn(async (ids: number[], status: TicketSummary['status']) =>
      ids.map((id) => Object.assign(tickets[id - 1]!, { status })).map((t) => ({ ...t })),
    ),
    logManualTicket: vi.fn(async () => ({ ...tickets[0]! })),
    addNote: vi.fn(async () => {}),
    onTicketsChanged: vi.fn(async (cb: (p: TicketsChanged) => void) => {
      onChanged = cb;
      return () => (onChanged = null);
    }),
    onImportProgress: vi.fn(async () => () => {}),
    onSearchIndexing: vi.fn(async () => () => {}),
    saveTaxonomy: vi.fn(async (categories: CategoryName[]) => ({ ...status(), categories })),
    resetTaxonomy: vi.fn(async () => ({ ...status(), categories: DEFAULTS })),
    // Email accounts (covered by accounts.test.ts); inert here.
    emailPresets: vi.fn(async () => []),
    listEmailAccounts: vi.fn(async () => []),
    testEmailAccount: vi.fn(async () => ({
      imap: { ok: true, step: null, message: '' },
      smtp: { ok: true, step: null, message: '' },
    })),
    saveEmailAccount: vi.fn(async (): Promise<EmailAccountView> => {
      throw new BackendError('invalid_account', 'not in this test');
    }),
    removeAccount: vi.fn(async () => {}),
    syncAccountNow: vi.fn(async () => {}),
    listChatAccounts: vi.fn(async () => []),
    checkTelegramBot: vi.fn(async () => ({ id: 1, username: 'shop_bot' })),
    saveTelegramAccount: vi.fn(async (): Promise<ChatAccountView> => {
      throw new BackendError('keychain_unavailable', 'no keychain');
    }),
    checkWechatAccount: vi.fn(async () => {}),
    saveWechatAccount: vi.fn(async (): Promise<ChatAccountView> => {
      throw new BackendError('keychain_unavailable', 'no keychain');
    }),
    chatReplyWindow: vi.fn(async () => null),
    onAccountSync: vi.fn(async () => () => {}),
    // The LLM settings (covered by llm.test.ts); inert here.
    llmPresets: vi.fn(async () => []),
    getLlmSettings: vi.fn(async () => ({ settings: null, hasApiKey: false, local: false })),
    saveLlmSettings: vi.fn(async () => ({ settings: null, hasApiKey: false, local: false })),
    testLlmSettings: vi.fn(async () => ({ ok: true, message: '', category: null, latencyMs: 0, tokens: 0, failure: null })),
    llmUsage: vi.fn(async () => []),
    // The offline model (covered by offlineModel.test.ts); inert here.
    offlineModelStatus: vi.fn(async () => ({ name: 'local', examples: 0, trainedAt: null, newLabels: 0 })),
    retrainOfflineModel: vi.fn(async () => {}),
    onModelTraining: vi.fn(async () => () => {}),
    // Drafts and saved replies (covered by composer.test.ts and savedReplies.test.ts); inert here.
    draftReply: vi.fn(async (): Promise<DraftView> => {
      throw new BackendError('no_draft', 'not in this test');
    }),
    listSavedReplies: vi.fn(async () => []),
    saveSavedReply: vi.fn(async () => []),
    deleteSavedReply: vi.fn(async () => []),
    notificationStatus: vi.fn(async () => ({ settings: {}, unavailable: null })),
    saveNotificationSettings: vi.fn(async (settings: NotificationSettings) => settings),
    setUiLanguage: vi.fn(async (): Promise<void> => {}),
    onOpenTicketRequested: vi.fn(async (cb: (p: { ticketId: number }) => void) => {
      onOpenRequested = cb;
      return () => (onOpenRequested = null);
    }),
    openLink: vi.fn(async (): Promise<void> => {}),
    openAttachment: vi.fn(async (): Promise<void> => {}),
    saveAttachment: vi.fn(async (): Promise<string | null> => null),
    loadRemoteImages: vi.fn(async () => []),
    // Rules and SLA settings (their screens read them themselves); inert here.
    listRules: vi.fn(async () => []),
    saveRule: vi.fn(async (): Promise<Rule> => {
      throw new BackendError('invalid_input', 'not in this test');
    }),
    setRuleEnabled: vi.fn(async (): Promise<void> => {}),
    deleteRule: vi.fn(async (): Promise<void> => {}),
    reorderRules: vi.fn(async (): Promise<void> => {}),
    dryRunRule: vi.fn(async () => []),
    saveRulesFile: vi.fn(async (): Promise<string | null> => null),
    importRules: vi.fn(async () => 0),
    getSlaSettings: vi.fn(async () => ({ policies: [], business_hours: { time_zone: 'UTC', days: [], holidays: [] } })),
    saveSlaSettings: vi.fn(async (): Promise<void> => {}),
    listQueues: vi.fn(async () => [...new Set(tickets.flatMap((t) => (t.queue ? [t.queue] : [])))].sort()),
    setTicketsQueue: vi.fn(async (ids: number[], queue: string | null) =>
      ids.map((id) => {
        const t = tickets.find((x) => x.id === id);
        if (!t) throw new BackendError('not_found', `ticket ${id} not found`);
        t.queue = queue;
        return { ...t };
      }),
    ),
    preparedDraft: vi.fn(async (): Promise<string | null> => null),
    customerProfile: vi.fn(async (id: number): Promise<CustomerProfile> => ({
      id,
      display_name: 'Customer',
      company: null,
      language: null,
      tier: null,
      tags: [],
      notes: '',
      identities: [],
      ticket_count: 1,
      lifetime_value_cents: 0,
      currency: '',
      orders: [],
      avatar: null,
    })),
    updateCustomer: vi.fn(async (): Promise<CustomerProfile> => {
      throw new BackendError('invalid_input', 'a customer needs a name');
    }),
    pickOrderFile: vi.fn(async (): Promise<string | null> => null),
    importOrders: vi.fn(async () => ({ orders: 0, customers_created: 0, problems: [], skipped_rows: 0 })),
    // Every ticket of this mock belongs to customer 1 (see getTicket).
    customerTickets: vi.fn(async (customerId: number, limit: number) =>
      customerId === 1 ? [...tickets].sort((a, b) => b.updated_at - a.updated_at).slice(0, limit) : [],
    ),
    ticketSuggestions: vi.fn(async (): Promise<Suggestion[]> => []),
    settleSuggestion: vi.fn(async (): Promise<void> => {}),
    listSavedViews: vi.fn(async (): Promise<SavedViewCount[]> => []),
    saveSavedView: vi.fn(async (id: number | null, name: string, filter: TicketFilter) => ({ id: id ?? 1, name, filter })),
    deleteSavedView: vi.fn(async (): Promise<void> => {}),
    ticketTimeline: vi.fn(async (): Promise<AuditEvent[]> => []),
    mergeTickets: vi.fn(async (target: number): Promise<TicketSummary> => ({ ...tickets[0]!, id: target })),
    splitTicket: vi.fn(async (): Promise<TicketSummary> => tickets[0]!),
    mergeCustomers: vi.fn(async (): Promise<number> => 1),
    customerMerges: vi.fn(async (): Promise<CustomerMerge[]> => []),
    undoCustomerMerge: vi.fn(async (): Promise<CustomerProfile> => {
      throw new BackendError('invalid_input', 'merge 1 does not exist');
    }),
    analyticsDashboard: vi.fn(async (): Promise<never> => {
      throw new BackendError('unknown_command', 'not in this test');
    }),
    analyticsInsights: vi.fn(async (): Promise<never> => {
      throw new BackendError('unknown_command', 'not in this test');
    }),
    saveChartExport: vi.fn(async (): Promise<string | null> => null),
    saveWeeklyReport: vi.fn(async (): Promise<string | null> => null),
  } satisfies Backend;
  return {
    backend,
    tickets,
    ai,
    agentFields,
    fire: (ids: number[]) => onChanged?.({ ticket_ids: ids }),
    clickNotification: (ticketId: number) => onOpenRequested?.({ ticketId }),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function started(size: number, opts?: { reportedCount?: number }) {
  const fake = fakeBackend(size, opts);
  const app = new AppState(fake.backend);
  await app.start();
  await vi.runOnlyPendingTimersAsync();
  return { app, ...fake };
}

describe('AppState', () => {
  it('takes the categories of a saved or reset taxonomy at once', async () => {
    const { app, backend } = await started(3);
    expect(categoryLabel('billing')).toBe('Billing & invoices');
    const edited: CategoryName[] = [
      { id: 'billing', name_en: 'Payments', name_zh: '付款' },
      { id: 'warranty', name_en: 'Warranty', name_zh: '保修' },
    ];
    await app.saveTaxonomy(edited);
    expect(backend.saveTaxonomy).toHaveBeenCalledWith(edited);
    expect(categoryLabel('billing')).toBe('Payments');
    expect(categoryList().map((c) => c.id)).toEqual(['billing', 'warranty']);
    expect(app.workspace?.categories).toEqual(edited);
    // An id the taxonomy no longer knows shows as it is.
    expect(categoryLabel('shipping')).toBe('shipping');

    await app.resetTaxonomy();
    expect(categoryLabel('billing')).toBe('Billing & invoices');
    expect(categoryLabel('shipping')).toBe('Shipping & delivery');
    app.stop();
  });

  it('leaves the categories as they were when the backend refuses the taxonomy', async () => {
    const { app, backend } = await started(3);
    backend.saveTaxonomy.mockRejectedValueOnce(new BackendError('invalid_input', 'a taxonomy needs at least two categories'));
    await expect(app.saveTaxonomy(DEFAULTS.slice(0, 1))).rejects.toThrow('a taxonomy needs at least two categories');
    expect(categoryList()).toEqual(DEFAULTS);
    expect(app.errors).toEqual([]);
    app.stop();
  });

  it('shows the welcome screen on first run', async () => {
    const fake = fakeBackend(0);
    fake.backend.workspaceStatus.mockResolvedValue({ data_dir: '/d', account_count: 0, ticket_count: 0, demo: false, agent_name: 'Support', categories: [] });
    const app = new AppState(fake.backend);
    await app.start();
    expect(app.phase).toBe('welcome');
    app.stop();
  });

  it('leaves the welcome screen for the inbox once the first email account is saved', async () => {
    const fake = fakeBackend(0);
    fake.backend.workspaceStatus.mockResolvedValue({ data_dir: '/d', account_count: 0, ticket_count: 0, demo: false, agent_name: 'Support', categories: [] });
    const app = new AppState(fake.backend);
    await app.start();
    expect(app.phase).toBe('welcome');
    expect(fake.backend.listEmailAccounts).not.toHaveBeenCalled();

    fake.backend.workspaceStatus.mockResolvedValue({ data_dir: '/d', account_count: 1, ticket_count: 0, demo: false, agent_name: 'Support', categories: [] });
    const server = { host: 'imap.example.com', port: 993, security: 'tls' as const };
    fake.backend.saveEmailAccount.mockResolvedValueOnce({
      id: 1,
      name: 'Support',
      address: 's@example.com',
      displayName: '',
      username: 's@example.com',
      imap: server,
      smtp: server,
      signature: '',
      folders: ['INBOX'],
      initialSyncDays: null,
      sentFolder: null,
      addressIsList: false,
      localAiOnly: false,
      enabled: true,
      status: null,
      unreadable: 0,
    });
    await app.accounts.save(null, {} as never);
    await vi.runOnlyPendingTimersAsync();
    expect(app.phase).toBe('inbox');
    expect(app.workspace?.account_count).toBe(1);
    app.stop();
  });

  it('loads counts and the first page, then only the pages it is asked for', async () => {
    const { app, backend } = await started(100_000);
    expect(app.phase).toBe('inbox');
    expect(app.total).toBe(100_000);
    expect(backend.listTickets).toHaveBeenCalledTimes(1);
    expect(backend.listTickets).toHaveBeenLastCalledWith({ kind: 'all_open' }, 'newest', PAGE_SIZE, 0);
    expect(app.rowAt(0)?.id).toBe(1);

    expect(app.rowAt(99_999)).toBeUndefined();
    app.ensureRange({ start: 99_980, end: 100_000 });
    app.ensureRange({ start: 99_985, end: 100_000 }); // already in flight: no second request
    await vi.runOnlyPendingTimersAsync();
    expect(backend.listTickets).toHaveBeenCalledTimes(2);
    expect(backend.listTickets).toHaveBeenLastCalledWith({ kind: 'all_open' }, 'newest', PAGE_SIZE, 99_900);
    expect(app.rowAt(99_999)?.id).toBe(100_000);
    app.stop();
  });

  it('trusts a short last page over a stale count', async () => {
    const { app } = await started(230, { reportedCount: 250 });
    expect(app.total).toBe(250);
    app.ensureRange({ start: 200, end: 250 });
    await vi.runOnlyPendingTimersAsync();
    expect(app.total).toBe(230);
    app.stop();
  });

  it('refreshes counts, visible pages and the open ticket on tickets-changed', async () => {
    const { app, backend, fire } = await started(50);
    await app.openTicket(3);
    const lists = backend.listTickets.mock.calls.length;
    const counts = backend.viewCounts.mock.calls.length;
    const gets = backend.getTicket.mock.calls.length;
    fire([3]);
    fire([4]); // coalesced with the first
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(backend.viewCounts.mock.calls.length).toBe(counts + 1);
    expect(backend.listTickets.mock.calls.length).toBe(lists + 1);
    expect(backend.getTicket.mock.calls.length).toBe(gets + 1);
    app.stop();
  });

  it('debounces search and ignores stale answers', async () => {
    const { app, backend } = await started(300);
    app.setQuery('S');
    app.setQuery('Su');
    app.setQuery('Subject 12');
    expect(backend.searchTickets).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(149);
    expect(backend.searchTickets).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.searchTickets).toHaveBeenCalledTimes(1);
    expect(backend.searchTickets).toHaveBeenCalledWith('Subject 12', 200);
    expect(app.searchActive).toBe(true);
    expect(app.total).toBe(11); // Subject 12 and 120..129
    app.clearSearch();
    expect(app.searchActive).toBe(false);
    expect(app.total).toBe(300);
    app.stop();
  });

  it('keeps the answer of the latest query when an older one arrives late', async () => {
    const { app, backend } = await started(300);
    const slow = ticket(999, { subject: 'stale' });
    backend.searchTickets.mockImplementationOnce(
      () => new Promise((resolve) => setTimeout(() => resolve([slow]), 1_000)),
    );
    app.setQuery('first');
    await vi.advanceTimersByTimeAsync(150); // the slow search is now in flight
    app.setQuery('Subject 7');
    await vi.advanceTimersByTimeAsync(150);
    expect(app.searchQuery).toBe('Subject 7');
    await vi.advanceTimersByTimeAsync(1_000); // the stale answer lands
    expect(app.searchQuery).toBe('Subject 7');
    expect(app.rowAt(0)?.subject).toBe('Subject 7');
    expect(app.searchResults?.some((t) => t.id === 999)).toBe(false);
    app.stop();
  });

  it('a change notice while a newly typed search is on its way never brings the old search back', async () => {
    const { app, backend, fire } = await started(300);
    app.setQuery('Subject 12');
    await vi.advanceTimersByTimeAsync(150);
    expect(app.searchQuery).toBe('Subject 12');
    // The next search is slow (the index catching up), and a change notice arrives meanwhile.
    const quick = backend.searchTickets.getMockImplementation()!;
    backend.searchTickets.mockImplementationOnce(
      (query: string, limit: number) => new Promise((resolve) => setTimeout(() => resolve(quick(query, limit)), 1_000)),
    );
    app.setQuery('Subject 7');
    await vi.advanceTimersByTimeAsync(150);
    fire([3]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(app.searchQuery).toBe('Subject 7');
    expect(app.rowAt(0)?.subject).toBe('Subject 7');
    app.stop();
  });

  it('marks an unread ticket read when it is opened and updates its row', async () => {
    const { app, backend } = await started(10);
    expect(app.rowAt(1)?.unread).toBe(true);
    app.cursor = 1;
    app.openSelected();
    await vi.runOnlyPendingTimersAsync();
    expect(backend.getTicket).toHaveBeenCalledWith(2);
    expect(backend.markTicketRead).toHaveBeenCalledWith(2);
    expect(app.rowAt(1)?.unread).toBe(false);
    expect(app.detail?.ticket.id).toBe(2);
    app.stop();
  });

  it('adds the outbox item a reply returns', async () => {
    const { app, backend } = await started(10);
    await app.openTicket(4);
    expect(await app.sendReply('Thanks!')).toBe(true);
    expect(backend.sendReply).toHaveBeenCalledWith(4, 'Thanks!', []);
    expect(app.detail?.outbox.map((o) => o.state)).toEqual(['queued']);
    expect(await app.sendReply('   ')).toBe(false);
    app.stop();
  });

  it('sends the files with a reply and a note', async () => {
    const { app, backend } = await started(10);
    await app.openTicket(4);
    const files = [{ filename: 'a.pdf', content_type: 'application/pdf', data_base64: 'JVBERg==' }];
    expect(await app.sendReply('Invoice attached', files)).toBe(true);
    expect(backend.sendReply).toHaveBeenCalledWith(4, 'Invoice attached', files);
    expect(await app.addNote('Copy of the invoice', files)).toBe(true);
    expect(backend.addNote).toHaveBeenCalledWith(4, 'Copy of the invoice', files);
    app.stop();
  });

  it('opens the ticket of a clicked desktop notification, loaded in the list or not', async () => {
    const { app, clickNotification } = await started(300);
    clickNotification(250);
    await vi.runOnlyPendingTimersAsync();
    expect(app.detail?.ticket.id).toBe(250);
    expect(app.openId).toBe(250);
    app.stop();
  });

  it('tells the backend the UI language and only logs a failure', async () => {
    const { app, backend } = await started(3);
    await app.tellLanguage('zh-CN');
    expect(backend.setUiLanguage).toHaveBeenCalledWith('zh-CN');
    backend.setUiLanguage.mockRejectedValueOnce(new BackendError('invalid_input', 'no'));
    await app.tellLanguage('en');
    expect(app.errors).toEqual([]);
    app.stop();
  });

  it('knows the agent from the workspace, so the first "assign" of a ticket of theirs unassigns it', async () => {
    const { app, tickets } = await started(5);
    expect(app.actions.me).toBe('Support');
    tickets[0]!.assignee = 'Support';
    app.takeChanged([{ ...tickets[0]! }]);
    app.cursor = 0;
    expect(app.actions.allMine()).toBe(true);
    app.stop();
  });

  it('retries a failed outbox item and reports a refusal', async () => {
    const { app, backend } = await started(10);
    await app.openTicket(4);
    await app.sendReply('Thanks!');
    app.detail = { ...app.detail!, outbox: app.detail!.outbox.map((o) => ({ ...o, state: 'failed' as const, error: 'boom', attempts: 1 })) };
    expect(await app.retryOutbox(1)).toBe(true);
    expect(backend.retryOutboxItem).toHaveBeenCalledWith(1);
    expect(app.detail?.outbox.map((o) => [o.state, o.error])).toEqual([['queued', null]]);
    backend.retryOutboxItem.mockRejectedValueOnce(new BackendError('invalid_input', 'outbox item 1 has not failed'));
    expect(await app.retryOutbox(1)).toBe(false);
    expect(app.errors.map((e) => e.message)).toEqual(['outbox item 1 has not failed']);
    app.stop();
  });

  it('reports backend errors in plain words and lets them be dismissed', async () => {
    const { app } = await started(10);
    await app.openTicket(999);
    expect(app.errors.map((e) => e.message)).toEqual(['Ticket 999 does not exist.']);
    app.dismissError(app.errors[0]!.id);
    expect(app.errors).toEqual([]);
    app.stop();
  });

  it('opens a ticket by number: a loaded row (selecting it), else by searching, else a notice', async () => {
    const { app, backend } = await started(300);
    expect(app.loadedTicket(1005)?.id).toBe(5);
    expect(app.loadedTicket(1250)).toBeUndefined();

    expect(await app.openTicketNumber(1005)).toBe(true);
    expect(app.cursor).toBe(4);
    expect(app.detail?.ticket.id).toBe(5);
    expect(backend.searchTickets).not.toHaveBeenCalled();

    backend.searchTickets.mockResolvedValueOnce([ticket(250), ticket(251, { number: 1250 + 1 })]);
    expect(await app.openTicketNumber(1250)).toBe(true);
    expect(backend.searchTickets).toHaveBeenLastCalledWith('1250', expect.any(Number));
    expect(app.detail?.ticket.id).toBe(250);

    backend.searchTickets.mockResolvedValueOnce([]);
    expect(await app.openTicketNumber(9999)).toBe(false);
    expect(app.errors.at(-1)?.message).toContain('#9999');
    expect(app.detail?.ticket.id).toBe(250);
    app.stop();
  });

  it('moves the cursor within the list', async () => {
    const { app } = await started(3);
    app.moveCursor(1);
    app.moveCursor(1);
    app.moveCursor(1);
    expect(app.cursor).toBe(2);
    app.moveCursor(-5);
    expect(app.cursor).toBe(0);
    app.stop();
  });

  it('corrects the open ticket: nulls for untouched fields, row and pane updated, agent fields merged', async () => {
    const { app, backend, ai } = await started(10);
    ai.set(2, {
      source: 'local_model',
      model: 'local-nb-v1',
      category: 'billing',
      priority: 'normal',
      sentiment: 'negative',
      language: 'en',
      summary: 'Wants a refund.',
      entities: ['#48213'],
      next_step: null,
      confidence: 0.41,
      created_at: 0,
    });
    await app.openTicket(2);
    expect(await app.correct({ category: 'returns_refunds' })).toBe(true);
    expect(backend.correctTicket).toHaveBeenCalledWith(2, { category: 'returns_refunds', priority: null, sentiment: null });
    expect(app.detail?.ticket.category).toBe('returns_refunds');
    expect(app.detail?.agent_fields).toEqual(['category']);
    expect(app.detail?.ai?.category).toBe('billing'); // the AI's answer stays on record
    expect(app.rowAt(1)?.category).toBe('returns_refunds');

    await app.correct({ priority: 'urgent' });
    expect(backend.correctTicket).toHaveBeenLastCalledWith(2, { category: null, priority: 'urgent', sentiment: null });
    expect(app.detail?.agent_fields).toEqual(['category', 'priority']);
    expect(app.rowAt(1)?.priority).toBe('urgent');

    // Choosing again what the agent already set sends nothing.
    backend.correctTicket.mockClear();
    expect(await app.correct({ priority: 'urgent' })).toBe(true);
    expect(backend.correctTicket).not.toHaveBeenCalled();
    app.stop();
  });

  it('confirms the AI by re-choosing its value, and reports a rejected correction', async () => {
    const { app, backend } = await started(10);
    await app.openTicket(3);
    await app.correct({ priority: 'normal' }); // the current value, not yet the agent's: a confirmation
    expect(backend.correctTicket).toHaveBeenCalledWith(3, { category: null, priority: 'normal', sentiment: null });
    expect(app.detail?.agent_fields).toEqual(['priority']);

    backend.correctTicket.mockRejectedValueOnce(new BackendError('invalid_input', "'nope' is not a category of this workspace"));
    expect(await app.correct({ category: 'nope' })).toBe(false);
    expect(app.errors.map((e) => e.message)).toEqual(["'nope' is not a category of this workspace"]);
    expect(app.detail?.ticket.category).toBeNull();
    app.stop();
  });

  it('corrects a selection in one correctTickets call; undo puts each value back, one call per value', async () => {
    const fake = fakeBackend(10);
    const { backend } = fake;
    (['low', 'high', 'urgent', 'low'] as const).forEach((p, i) => (fake.tickets[i]!.priority = p));
    const app = new AppState(backend);
    await app.start();
    await vi.runOnlyPendingTimersAsync();
    const ids = [0, 1, 2, 3].map((i) => app.rowAt(i)!.id);
    const was = ids.map((id) => app.loadedById(id)!.priority);
    for (const i of [0, 1, 2, 3]) app.actions.toggle(i);
    expect(await app.actions.setPriority('urgent')).toBe(true);
    expect(backend.correctTickets).toHaveBeenCalledTimes(1);
    expect(backend.correctTickets).toHaveBeenCalledWith(ids, { category: null, priority: 'urgent', sentiment: null });
    expect(backend.correctTicket).not.toHaveBeenCalled();
    expect(ids.map((id) => app.loadedById(id)?.priority)).toEqual(['urgent', 'urgent', 'urgent', 'urgent']);

    backend.correctTickets.mockClear();
    expect(await app.actions.undo()).toBe(true);
    // The one that was urgent already stays; the two low ones share a call.
    const back = backend.correctTickets.mock.calls.map(([callIds, c]) => [callIds, c.priority]);
    expect(back).toHaveLength(2);
    expect(back).toContainEqual([ids.filter((_, i) => was[i] === 'low'), 'low']);
    expect(back).toContainEqual([ids.filter((_, i) => was[i] === 'high'), 'high']);
    expect(ids.map((id) => app.loadedById(id)?.priority)).toEqual(was);
    app.stop();
  });

  it('a refused bulk correction is reported and changes no row', async () => {
    const { app, backend } = await started(10);
    const was = [0, 1, 2].map((i) => app.rowAt(i)!.priority);
    for (const i of [0, 1, 2]) app.actions.toggle(i);
    backend.correctTickets.mockRejectedValueOnce(new BackendError('not_found', 'ticket 2 does not exist'));
    expect(await app.actions.setPriority('low')).toBe(false);
    expect(app.errors.map((e) => e.message)).toEqual(['ticket 2 does not exist']);
    expect([0, 1, 2].map((i) => app.rowAt(i)!.priority)).toEqual(was);
    expect(backend.correctTicket).not.toHaveBeenCalled();
    app.stop();
  });

  it('does nothing without an open ticket', async () => {
    const { app, backend } = await started(3);
    expect(await app.correct({ category: 'billing' })).toBe(false);
    expect(backend.correctTicket).not.toHaveBeenCalled();
    app.stop();
  });
});
