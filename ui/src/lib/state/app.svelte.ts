// Application state: workspace, views and counts, the paged ticket list, search, the open ticket.
// Everything goes through a `Backend`, so tests can drive this with a fake one.
import { AccountsState } from './accounts.svelte';
import { categoryList, setCategories } from './categories.svelte';
import { ComposerState } from './composer.svelte';
import { LlmState } from './llm.svelte';
import { OfflineModelState } from './offlineModel.svelte';
import { SavedRepliesState } from './savedReplies.svelte';
import { SavedViewsState } from './savedViews.svelte';
import { TicketActions } from './ticketActions.svelte';
import {
  BackendError,
  type Backend,
  type CategoryName,
  type ChannelKind,
  type ImportProgress,
  type ManualTicket,
  type ReplyFile,
  type SearchIndexing,
  type TicketDetail,
  type TicketSort,
  type TicketStatus,
  type TicketSummary,
  type TicketView,
  type TriageCorrection,
  type Unlisten,
  type ViewCount,
  type WorkspaceStatus,
} from '../backend';
import { t } from '../i18n/index.svelte';
import { correctionOf, isNoOp, mergeAgentFields } from '../triage';
import { viewKey } from '../views';
import { pagesFor, type Range } from '../virtual';

export const PAGE_SIZE = 100;
export const SEARCH_LIMIT = 200;
export const SEARCH_DEBOUNCE_MS = 150;
const REFRESH_DEBOUNCE_MS = 40;

export type Phase = 'loading' | 'welcome' | 'inbox' | 'failed';

export interface ErrorNotice {
  id: number;
  message: string;
}

export { viewKey };

/** The views the sidebar always lists, in its order; channels and categories follow. */
export const MAIN_VIEWS = [
  { kind: 'all_open' },
  { kind: 'mine' },
  { kind: 'unassigned' },
  { kind: 'needs_review' },
  { kind: 'urgent' },
  { kind: 'sla_at_risk' },
  { kind: 'pending' },
  { kind: 'snoozed' },
  { kind: 'resolved' },
] as const satisfies readonly TicketView[];

export const SORTS: readonly TicketSort[] = ['newest', 'oldest', 'priority', 'sla_due'];
const SORT_KEY = 'switchboard.sort';

/** The list order chosen earlier in this session (sessionStorage), newest first by default. */
function readSort(): TicketSort {
  try {
    const saved = globalThis.sessionStorage?.getItem(SORT_KEY);
    return SORTS.find((s) => s === saved) ?? 'newest';
  } catch {
    return 'newest';
  }
}

const CHANNEL_ORDER: ChannelKind[] = ['email', 'phone', 'telegram', 'wechat'];

interface Page {
  rows: TicketSummary[];
  generation: number;
}

export class AppState {
  phase = $state<Phase>('loading');
  workspace = $state.raw<WorkspaceStatus | null>(null);
  counts = $state.raw<ViewCount[]>([]);
  view = $state.raw<TicketView>({ kind: 'all_open' });
  /** Order of the list, for every view; remembered for the session. */
  sort = $state<TicketSort>(readSort());
  errors = $state<ErrorNotice[]>([]);
  importing = $state(false);
  importProgress = $state.raw<ImportProgress | null>(null);
  /** The search index catching up on many messages (searches wait for it), else null. */
  searchIndexing = $state.raw<SearchIndexing | null>(null);
  /** Clock for relative ages; ticks every 30 s. */
  now = $state(Date.now());

  // The paged list of the current view.
  /** Rows in the current view, as far as we know. */
  listTotal = $state(0);
  /** Bumped whenever a page lands, so `rowAt` readers re-run. */
  private pagesVersion = $state(0);
  // Deliberately not reactive: readers subscribe through `pagesVersion`.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pages = new Map<number, Page>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private inflight = new Map<number, number>();
  private generation = 0;
  private lastRange: Range = { start: 0, end: 0 };
  listLoading = $state(false);
  /** Bumped when the list is replaced (new view or new search) so the list scrolls to the top. */
  listEpoch = $state(0);

  // Search.
  query = $state('');
  searchQuery = $state('');
  searchResults = $state.raw<TicketSummary[] | null>(null);
  searching = $state(false);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchSeq = 0;

  // Selection and the open ticket.
  cursor = $state(0);
  openId = $state<number | null>(null);
  detail = $state.raw<TicketDetail | null>(null);
  detailLoading = $state(false);
  private detailSeq = 0;
  sending = $state(false);

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private pendingIds = new Set<number>();
  /** An empty id list in tickets-changed means "many tickets changed": refresh everything. */
  private refreshAll = false;
  private unlisten: Unlisten[] = [];
  private clock: ReturnType<typeof setInterval> | undefined;
  private errorSeq = 0;

  readonly backend: Backend;
  /** Email accounts and their sync status (the settings screen, the sidebar's indicator). */
  readonly accounts: AccountsState;
  /** The LLM that classifies tickets (the AI settings screen). */
  readonly llm: LlmState;
  /** The offline model and its retraining (the AI settings screen). */
  readonly offlineModel: OfflineModelState;
  /** Each ticket's reply box: the text written so far and the drafts asked for. */
  readonly composer: ComposerState;
  /** The saved replies drafts start from (their manager). */
  readonly savedReplies: SavedRepliesState;
  /** The agent's saved views with their counts (the left pane), and the form editing one. */
  readonly savedViews: SavedViewsState;
  /** The list's selection and the actions on it or on the open ticket, with their undo. */
  readonly actions: TicketActions;

  constructor(backend: Backend) {
    this.backend = backend;
    this.accounts = new AccountsState(
      backend,
      (err) => this.report(err),
      () => void this.refreshWorkspace(),
    );
    this.llm = new LlmState(backend, (err) => this.report(err));
    this.offlineModel = new OfflineModelState(backend, (err) => this.report(err));
    this.composer = new ComposerState(backend);
    this.savedReplies = new SavedRepliesState(backend, (err) => this.report(err));
    this.savedViews = new SavedViewsState(backend, (err) => this.report(err));
    this.actions = new TicketActions(this);
  }

  // ---------- life cycle ----------

  async start(): Promise<void> {
    this.clock ??= setInterval(() => (this.now = Date.now()), 30_000);
    if (this.unlisten.length === 0) {
      try {
        this.unlisten.push(
          await this.backend.onTicketsChanged((p) => this.scheduleRefresh(p.ticket_ids)),
          await this.backend.onImportProgress((p) => (this.importProgress = p)),
          await this.backend.onSearchIndexing((p) => (this.searchIndexing = p.indexing ? p : null)),
          await this.accounts.listen(),
          await this.offlineModel.listen(),
          // A click on a desktop notification: the backend focused the window, the ticket opens here.
          await this.backend.onOpenTicketRequested((p) => void this.openTicket(p.ticketId)),
        );
      } catch (err) {
        this.report(err);
      }
    }
    await this.loadWorkspace();
    // Accounts' sync status for the sidebar (the settings screen reads the list itself when it opens).
    if ((this.workspace?.account_count ?? 0) > 0) void this.accounts.refresh();
  }

  /**
   * Tells the backend the UI language, which desktop notifications are written in. Only logged when it
   * fails: notifications in the other language are no reason to bother the agent.
   */
  async tellLanguage(language: 'en' | 'zh-CN'): Promise<void> {
    try {
      await this.backend.setUiLanguage(language);
    } catch (err) {
      console.error(err);
    }
  }

  stop(): void {
    this.actions.stop();
    for (const off of this.unlisten) off();
    this.unlisten = [];
    this.accounts.stop();
    this.offlineModel.stop();
    clearInterval(this.clock);
    this.clock = undefined;
    clearTimeout(this.searchTimer);
    clearTimeout(this.refreshTimer);
  }

  /** Reads the workspace status and shows the welcome screen (first run) or the inbox. */
  async loadWorkspace(afterImport = false): Promise<void> {
    if (this.phase !== 'welcome') this.phase = 'loading';
    try {
      const status = await this.backend.workspaceStatus();
      this.takeStatus(status);
      if (!afterImport && status.ticket_count === 0 && status.account_count === 0) {
        this.phase = 'welcome';
        return;
      }
      this.phase = 'inbox';
      await this.refreshCounts();
      this.resetList();
    } catch (err) {
      this.report(err);
      this.phase = 'failed';
    }
  }

  /** Re-reads the workspace status after accounts changed; the first account leaves the welcome screen. */
  async refreshWorkspace(): Promise<void> {
    try {
      const status = await this.backend.workspaceStatus();
      this.takeStatus(status);
      if (this.phase === 'welcome' && status.account_count > 0) await this.loadWorkspace();
    } catch (err) {
      this.report(err);
    }
  }

  /** The workspace status and its categories, which every picker and chip reads. */
  private takeStatus(status: WorkspaceStatus): void {
    this.workspace = status;
    setCategories(status.categories);
  }

  /**
   * Saves the workspace's categories; pickers and chips show the new names at once. Throws the
   * backend's refusal (`invalid_input` with the reason) for the editor to show; nothing changes then.
   */
  async saveTaxonomy(categories: CategoryName[]): Promise<void> {
    this.takeStatus(await this.backend.saveTaxonomy(categories));
  }

  /** Puts the default categories back (throws like `saveTaxonomy`). */
  async resetTaxonomy(): Promise<void> {
    this.takeStatus(await this.backend.resetTaxonomy());
  }

  async openDemo(): Promise<void> {
    if (this.importing) return;
    this.importing = true;
    this.importProgress = null;
    try {
      await this.backend.openDemoWorkspace();
      await this.loadWorkspace(true);
    } catch (err) {
      this.report(err);
    } finally {
      this.importing = false;
    }
  }

  // ---------- errors ----------

  report(err: unknown): void {
    const message =
      err instanceof BackendError
        ? err.message
        : t('error.unknown', { message: err instanceof Error ? err.message : String(err) });
    console.error(err);
    this.errors = [...this.errors.slice(-2), { id: ++this.errorSeq, message }];
  }

  /** Shows our own words in the error banner (the backend's errors go through `report`). */
  notice(message: string): void {
    this.errors = [...this.errors.slice(-2), { id: ++this.errorSeq, message }];
  }

  dismissError(id: number): void {
    this.errors = this.errors.filter((e) => e.id !== id);
  }

  // ---------- views and counts ----------

  countFor(view: TicketView): number | undefined {
    if (view.kind === 'custom') return this.savedViews.countFor(view);
    const key = viewKey(view);
    return this.counts.find((c) => viewKey(c.view) === key)?.count;
  }

  /** One channel for each the backend reports a count for, in a fixed order. */
  get channels(): ChannelKind[] {
    return this.counts
      .flatMap((c) => (c.view.kind === 'channel' ? [c.view.channel] : []))
      .sort((a, b) => CHANNEL_ORDER.indexOf(a) - CHANNEL_ORDER.indexOf(b));
  }

  /** The categories open tickets have (the backend counts only those), in the taxonomy's order. */
  get categoryViews(): string[] {
    const order = categoryList().map((c) => c.id);
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return this.counts
      .flatMap((c) => (c.view.kind === 'category' ? [c.view.category] : []))
      .sort((a, b) => rank(a) - rank(b));
  }

  /** The queues open tickets are in (the backend counts only those), by name. */
  get queueViews(): string[] {
    return this.counts.flatMap((c) => (c.view.kind === 'queue' ? [c.view.queue] : [])).sort((a, b) => a.localeCompare(b));
  }

  /** Every view the sidebar lists, in its order (the palette offers the same). */
  get allViews(): TicketView[] {
    return [
      ...MAIN_VIEWS,
      ...this.channels.map((channel) => ({ kind: 'channel', channel }) as const),
      ...this.categoryViews.map((category) => ({ kind: 'category', category }) as const),
      ...this.queueViews.map((queue) => ({ kind: 'queue', queue }) as const),
    ];
  }

  async refreshCounts(): Promise<void> {
    try {
      const [counts] = await Promise.all([this.backend.viewCounts(), this.savedViews.refresh()]);
      this.counts = counts;
      if (!this.searchActive) {
        const count = this.countFor(this.view);
        if (count !== undefined) this.listTotal = count;
      }
      if (this.workspace) {
        const all = this.counts.reduce(
          (sum, c) => (c.view.kind === 'all_open' || c.view.kind === 'resolved' ? sum + c.count : sum),
          0,
        );
        if (all > this.workspace.ticket_count) this.workspace = { ...this.workspace, ticket_count: all };
      }
    } catch (err) {
      this.report(err);
    }
  }

  selectView(view: TicketView): void {
    this.view = view;
    this.clearSearch();
    this.resetList();
  }

  setSort(sort: TicketSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    try {
      globalThis.sessionStorage?.setItem(SORT_KEY, sort);
    } catch {
      // Storage disabled: the order lasts until the app closes anyway.
    }
    this.resetList();
  }

  // ---------- the list ----------

  get searchActive(): boolean {
    return this.searchResults !== null;
  }

  /** Number of rows the list shows (view or search results). */
  get total(): number {
    return this.searchResults ? this.searchResults.length : this.listTotal;
  }

  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): TicketSummary | undefined {
    if (this.searchResults) return this.searchResults[index];
    void this.pagesVersion;
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  get selected(): TicketSummary | undefined {
    return this.rowAt(this.cursor);
  }

  private resetList(): void {
    this.actions.clearSelection();
    this.generation++;
    this.pages.clear();
    this.inflight.clear();
    this.pagesVersion++;
    this.listTotal = this.countFor(this.view) ?? 0;
    this.cursor = 0;
    this.listEpoch++;
    this.lastRange = { start: 0, end: Math.min(this.listTotal || PAGE_SIZE, 40) };
    // Load the first page even when the count is unknown or stale.
    void this.loadPage(0);
  }

  /** Called by the list with the rows it is about to show: fetches the pages it lacks. */
  ensureRange(range: Range): void {
    this.lastRange = range;
    if (this.searchResults) return;
    for (const page of pagesFor(range, PAGE_SIZE)) {
      const have = this.pages.get(page);
      if (have && have.generation === this.generation) continue;
      if (this.inflight.get(page) === this.generation) continue;
      void this.loadPage(page);
    }
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.generation;
    const view = this.view;
    this.inflight.set(page, generation);
    this.listLoading = true;
    try {
      const rows = await this.backend.listTickets(view, this.sort, PAGE_SIZE, page * PAGE_SIZE);
      if (generation !== this.generation) return;
      this.pages.set(page, { rows, generation });
      const end = page * PAGE_SIZE + rows.length;
      if (rows.length < PAGE_SIZE) {
        // The last page: the real total, whatever the counts said.
        if (end < this.listTotal || this.countFor(view) === undefined) this.listTotal = end;
        for (const p of [...this.pages.keys()]) if (p > page) this.pages.delete(p);
      } else if (end >= this.listTotal) {
        // Counts are stale or unknown and this page is full: allow one more row so the next page loads.
        this.listTotal = end + 1;
      }
      this.pagesVersion++;
    } catch (err) {
      if (generation === this.generation) this.report(err);
    } finally {
      if (this.inflight.get(page) === generation) this.inflight.delete(page);
      if (this.inflight.size === 0) this.listLoading = false;
    }
  }

  /** Marks every loaded page stale and refetches the visible ones; stale rows stay on screen meanwhile. */
  private reloadList(): void {
    this.generation++;
    this.inflight.clear();
    this.ensureRange(this.lastRange);
  }

  moveCursor(delta: number): void {
    if (this.total === 0) return;
    this.cursor = Math.max(0, Math.min(this.total - 1, this.cursor + delta));
  }

  // ---------- search ----------

  setQuery(text: string): void {
    this.query = text;
    clearTimeout(this.searchTimer);
    if (text.trim() === '') {
      this.clearSearch();
      return;
    }
    this.searchTimer = setTimeout(() => void this.runSearch(text.trim()), SEARCH_DEBOUNCE_MS);
  }

  clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchSeq++;
    this.query = '';
    this.searching = false;
    if (this.searchResults !== null) {
      this.actions.clearSelection();
      this.searchResults = null;
      this.searchQuery = '';
      this.cursor = 0;
      this.listEpoch++;
      this.listTotal = this.countFor(this.view) ?? this.listTotal;
      this.ensureRange(this.lastRange);
    }
  }

  private async runSearch(query: string, keepCursor = false): Promise<void> {
    const seq = ++this.searchSeq;
    this.searching = true;
    try {
      const results = await this.backend.searchTickets(query, SEARCH_LIMIT);
      if (seq !== this.searchSeq) return;
      if (!keepCursor) this.actions.clearSelection();
      this.searchResults = results;
      this.searchQuery = query;
      if (keepCursor) {
        this.cursor = Math.min(this.cursor, Math.max(0, results.length - 1));
      } else {
        this.cursor = 0;
        this.listEpoch++;
      }
    } catch (err) {
      if (seq === this.searchSeq) this.report(err);
    } finally {
      if (seq === this.searchSeq) this.searching = false;
    }
  }

  // ---------- the open ticket ----------

  async openTicket(id: number): Promise<void> {
    const seq = ++this.detailSeq;
    this.openId = id;
    if (this.detail?.ticket.id !== id) {
      this.detail = null;
      this.detailLoading = true;
    }
    try {
      const detail = await this.backend.getTicket(id);
      if (seq !== this.detailSeq) return;
      this.detail = detail;
      if (detail.ticket.unread) {
        await this.backend.markTicketRead(id);
        this.patchRow({ ...detail.ticket, unread: false });
        if (this.detail?.ticket.id === id) {
          this.detail = { ...this.detail, ticket: { ...this.detail.ticket, unread: false } };
        }
      }
    } catch (err) {
      if (seq === this.detailSeq) this.report(err);
    } finally {
      if (seq === this.detailSeq) this.detailLoading = false;
    }
  }

  /** The ticket numbered `number` among the rows loaded (the list, search results) or the open one. */
  loadedTicket(number: number): TicketSummary | undefined {
    if (this.detail?.ticket.number === number) return this.detail.ticket;
    return this.loadedRow(number)?.row;
  }

  /** The loaded row numbered `number` and where it is in the list shown. */
  private loadedRow(number: number): { row: TicketSummary; index: number } | undefined {
    if (this.searchResults) {
      const index = this.searchResults.findIndex((r) => r.number === number);
      const row = this.searchResults[index];
      if (row) return { row, index };
    }
    void this.pagesVersion;
    for (const [page, { rows }] of this.pages) {
      const i = rows.findIndex((r) => r.number === number);
      const row = rows[i];
      if (row) return { row, index: this.searchResults ? -1 : page * PAGE_SIZE + i };
    }
    return undefined;
  }

  /**
   * Opens the ticket numbered `number`: from the loaded rows (selecting it in the list), else by asking
   * the search for the number. False, with a notice, when there is no such ticket.
   */
  async openTicketNumber(number: number): Promise<boolean> {
    const loaded = this.loadedRow(number);
    if (loaded) {
      if (loaded.index >= 0) this.cursor = loaded.index;
      await this.openTicket(loaded.row.id);
      return true;
    }
    if (this.detail?.ticket.number === number) return true;
    try {
      const found = (await this.backend.searchTickets(String(number), SEARCH_LIMIT)).find((r) => r.number === number);
      if (found) {
        await this.openTicket(found.id);
        return true;
      }
      this.notice(t('palette.ticketNotFound', { number }));
    } catch (err) {
      this.report(err);
    }
    return false;
  }

  openSelected(): void {
    const row = this.selected;
    if (row) void this.openTicket(row.id);
  }

  private async reloadDetail(): Promise<void> {
    const id = this.openId;
    if (id === null) return;
    const seq = ++this.detailSeq;
    try {
      const detail = await this.backend.getTicket(id);
      if (seq === this.detailSeq) this.detail = detail;
    } catch (err) {
      if (seq === this.detailSeq) this.report(err);
    }
  }

  async setStatus(status: TicketStatus): Promise<void> {
    const detail = this.detail;
    if (!detail || detail.ticket.status === status) return;
    try {
      const ticket = await this.backend.setTicketStatus(detail.ticket.id, status);
      if (this.detail?.ticket.id === ticket.id) this.detail = { ...this.detail, ticket };
      this.patchRow(ticket);
      this.scheduleRefresh([ticket.id]);
    } catch (err) {
      this.report(err);
    }
  }

  /**
   * Logs a phone call or walk-in as a ticket and opens it. Throws the backend's refusal (`invalid_input`
   * naming the bad field) for the form to show; nothing is created then.
   */
  async logCall(form: ManualTicket): Promise<TicketSummary> {
    const ticket = await this.backend.logManualTicket(form);
    this.scheduleRefresh([ticket.id]);
    await this.openTicket(ticket.id);
    return ticket;
  }

  /** Adds an internal note (with its files) to the open ticket; true when the backend stored it. */
  async addNote(body: string, files: ReplyFile[] = []): Promise<boolean> {
    const detail = this.detail;
    if (!detail || body.trim() === '' || this.sending) return false;
    this.sending = true;
    try {
      await this.backend.addNote(detail.ticket.id, body, files);
      this.scheduleRefresh([detail.ticket.id]);
      return true;
    } catch (err) {
      this.report(err);
      return false;
    } finally {
      this.sending = false;
    }
  }

  /** Sends `body` (and the files) as a reply to the open ticket; true when it was accepted into the outbox. */
  async sendReply(body: string, files: ReplyFile[] = []): Promise<boolean> {
    const detail = this.detail;
    if (!detail || body.trim() === '' || this.sending) return false;
    this.sending = true;
    try {
      const item = await this.backend.sendReply(detail.ticket.id, body, files);
      // The message now lists the files.
      if (files.length > 0) this.scheduleRefresh([item.ticket_id]);
      if (this.detail?.ticket.id === item.ticket_id) {
        const outbox = this.detail.outbox.filter((o) => o.id !== item.id);
        this.detail = { ...this.detail, outbox: [...outbox, item] };
      }
      return true;
    } catch (err) {
      this.report(err);
      return false;
    } finally {
      this.sending = false;
    }
  }

  /** Puts a failed outbox item of the open ticket back in the queue; true when the backend accepted it. */
  async retryOutbox(outboxId: number): Promise<boolean> {
    try {
      const item = await this.backend.retryOutboxItem(outboxId);
      if (this.detail?.ticket.id === item.ticket_id) {
        this.detail = { ...this.detail, outbox: this.detail.outbox.map((o) => (o.id === item.id ? item : o)) };
      }
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }

  /**
   * Sets category, priority and/or sentiment of the open ticket by hand; fields not given stay as they are.
   * Re-choosing a value the AI picked confirms it (a training label); re-choosing the agent's own value is a no-op.
   * True when the backend accepted it.
   */
  async correct(change: Partial<TriageCorrection>): Promise<boolean> {
    const detail = this.detail;
    if (!detail) return false;
    const correction = correctionOf(change);
    if (isNoOp(detail, correction)) return true;
    try {
      const ticket = await this.backend.correctTicket(detail.ticket.id, correction);
      if (this.detail?.ticket.id === ticket.id) {
        this.detail = { ...this.detail, ticket, agent_fields: mergeAgentFields(this.detail.agent_fields, correction) };
      }
      this.patchRow(ticket);
      this.scheduleRefresh([ticket.id]);
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }

  /** The loaded rows of the list shown (a view's pages or the search results), in list order. */
  loadedRows(): TicketSummary[] {
    if (this.searchResults) return this.searchResults;
    void this.pagesVersion;
    return [...this.pages.entries()].sort(([a], [b]) => a - b).flatMap(([, page]) => page.rows);
  }

  /** The ticket with this id as loaded: the open one or a row of the list. */
  loadedById(id: number): TicketSummary | undefined {
    if (this.detail?.ticket.id === id) return this.detail.ticket;
    return this.loadedRows().find((r) => r.id === id);
  }

  /** Takes tickets the backend changed: their rows and the open ticket show them at once, then everything refreshes. */
  takeChanged(tickets: TicketSummary[]): void {
    for (const ticket of tickets) {
      this.patchRow(ticket);
      if (this.detail?.ticket.id === ticket.id) this.detail = { ...this.detail, ticket };
    }
    this.scheduleRefresh(tickets.map((t) => t.id));
  }

  /** Replaces a ticket's row wherever it is shown, without refetching. */
  private patchRow(ticket: TicketSummary): void {
    if (this.searchResults?.some((r) => r.id === ticket.id)) {
      this.searchResults = this.searchResults.map((r) => (r.id === ticket.id ? ticket : r));
    }
    let changed = false;
    for (const page of this.pages.values()) {
      const i = page.rows.findIndex((r) => r.id === ticket.id);
      if (i >= 0) {
        page.rows[i] = ticket;
        changed = true;
      }
    }
    if (changed) this.pagesVersion++;
  }

  // ---------- change notifications ----------

  /** Coalesces change notices (events, own mutations) into one refresh of counts, list and open ticket. */
  scheduleRefresh(ticketIds: number[]): void {
    if (ticketIds.length === 0) this.refreshAll = true;
    for (const id of ticketIds) this.pendingIds.add(id);
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const ids = [...this.pendingIds];
    const all = this.refreshAll;
    this.pendingIds.clear();
    this.refreshAll = false;
    if (this.phase !== 'inbox') return;
    await this.refreshCounts();
    if (this.searchResults !== null && this.searchQuery) {
      // A search typed since is on its way with fresh results: running the shown one again would
      // supersede it and bring the old query back.
      if (this.query.trim() === this.searchQuery) void this.runSearch(this.searchQuery, true);
    } else {
      this.reloadList();
    }
    if (this.openId !== null && (all || ids.includes(this.openId))) {
      await this.reloadDetail();
    }
  }
}
