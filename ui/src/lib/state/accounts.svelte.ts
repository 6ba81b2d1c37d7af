// Accounts: the saved email accounts and chat accounts (Telegram bots, WeChat customer service), the provider presets, and
// each account's live sync status (the stored status, overlaid with the account-sync events that
// arrived since it was read; both kinds share one id space and one event).
import { syncView, type LiveSync, type SyncView } from '../accounts';
import type {
  AccountStatus,
  AccountSync,
  Backend,
  ChatAccountView,
  ConnectionCheck,
  EmailAccountForm,
  EmailAccountView,
  EmailPreset,
  TelegramAccountForm,
  TelegramBot,
  Unlisten,
  WechatAccountForm,
} from '../backend';

/** Re-read the list this long after a sync ends or fails (for lastSyncAt, retryAt, unreadable). */
const REFRESH_DEBOUNCE_MS = 250;
/** A "syncing" shown before any event (after save or Sync now) gives up after this long without one. */
export const EXPECT_SYNC_MS = 60_000;

export type Attention = 'error' | 'syncing' | null;

/** What the sync status of an account of any kind is read from. */
export interface Syncable {
  id: number;
  enabled: boolean;
  status: AccountStatus | null;
}

export class AccountsState {
  list = $state.raw<EmailAccountView[]>([]);
  /** Chat accounts (Telegram bots and WeChat customer-service accounts). */
  chats = $state.raw<ChatAccountView[]>([]);
  presets = $state.raw<EmailPreset[]>([]);
  /** True once the list was read at least once. */
  loaded = $state(false);
  loading = $state(false);
  /** Latest event per account id (replaced as a whole so readers re-run). */
  live = $state.raw<Record<number, LiveSync>>({});

  private seq = 0;
  private presetsRead = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers, never rendered
  private expectTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly backend: Backend;
  private readonly report: (err: unknown) => void;
  private readonly changed: () => void;

  /** `report` shows an error to the agent; `changed` runs after an account was added or removed. */
  constructor(backend: Backend, report: (err: unknown) => void, changed: () => void = () => {}) {
    this.backend = backend;
    this.report = report;
    this.changed = changed;
  }

  listen(): Promise<Unlisten> {
    return this.backend.onAccountSync((event) => this.apply(event));
  }

  stop(): void {
    clearTimeout(this.refreshTimer);
    for (const timer of this.expectTimers.values()) clearTimeout(timer);
    this.expectTimers.clear();
  }

  /** Where the account's sync stands right now. */
  status(account: Syncable): SyncView {
    return syncView(account.status, this.live[account.id]);
  }

  /** Red when an account cannot sync, busy while one syncs; for the sidebar. */
  get attention(): Attention {
    const states = [...this.list, ...this.chats].filter((a) => a.enabled).map((a) => this.status(a).state);
    if (states.includes('error')) return 'error';
    if (states.includes('syncing')) return 'syncing';
    return null;
  }

  apply(event: AccountSync): void {
    this.setLive({ ...event, seq: ++this.seq, at: Date.now() });
    this.clearExpect(event.accountId);
    if (event.state !== 'syncing') this.scheduleRefresh();
  }

  /** The presets (read once) and the list. */
  async load(): Promise<void> {
    if (!this.presetsRead) {
      try {
        this.presets = await this.backend.emailPresets();
        this.presetsRead = true;
      } catch (err) {
        this.report(err);
      }
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const seqAtStart = this.seq;
    this.loading = true;
    try {
      const [list, chats] = await Promise.all([this.backend.listEmailAccounts(), this.backend.listChatAccounts()]);
      this.list = list;
      this.chats = chats;
      // The stored status now covers what ended before the read; progress only comes from events.
      const next: Record<number, LiveSync> = {};
      for (const account of [...list, ...chats]) {
        const live = this.live[account.id];
        if (live && (live.seq > seqAtStart || live.state === 'syncing')) next[account.id] = live;
      }
      this.live = next;
      this.loaded = true;
    } catch (err) {
      this.report(err);
    } finally {
      this.loading = false;
    }
  }

  /** Tests the settings; throws a BackendError for the form to show. */
  test(form: EmailAccountForm, accountId: number | null): Promise<ConnectionCheck> {
    return this.backend.testEmailAccount(form, accountId);
  }

  /** Saves the account (throws a BackendError for the form to show); its sync starts right away. */
  async save(accountId: number | null, form: EmailAccountForm): Promise<EmailAccountView> {
    const seqBefore = this.seq;
    const view = await this.backend.saveEmailAccount(accountId, form);
    this.saved(this.list, view, seqBefore, (list) => (this.list = list));
    return view;
  }

  /** Asks Telegram whose bot the token is; throws a BackendError (the refusal in words) for the form to show. */
  checkTelegram(token: string, apiBase: string | null): Promise<TelegramBot> {
    return this.backend.checkTelegramBot(token, apiBase);
  }

  /** Saves a Telegram bot (throws a BackendError for the form to show); it starts receiving right away. */
  async saveTelegram(accountId: number | null, form: TelegramAccountForm): Promise<ChatAccountView> {
    const seqBefore = this.seq;
    const view = await this.backend.saveTelegramAccount(accountId, form);
    this.saved(this.chats, view, seqBefore, (list) => (this.chats = list));
    return view;
  }

  /** Asks WeCom whether the WeChat account works; throws a BackendError (the refusal in words) for the form to show. */
  checkWechat(accountId: number | null, form: WechatAccountForm): Promise<void> {
    return this.backend.checkWechatAccount(accountId, form);
  }

  /** Saves a WeChat customer-service account (throws a BackendError for the form to show); it starts receiving right away. */
  async saveWechat(accountId: number | null, form: WechatAccountForm): Promise<ChatAccountView> {
    const seqBefore = this.seq;
    const view = await this.backend.saveWechatAccount(accountId, form);
    this.saved(this.chats, view, seqBefore, (list) => (this.chats = list));
    return view;
  }

  /** Removes an account of either kind (its tickets stay); errors are reported. True when it is gone. */
  async remove(accountId: number): Promise<boolean> {
    try {
      await this.backend.removeAccount(accountId);
    } catch (err) {
      this.report(err);
      return false;
    }
    this.list = this.list.filter((a) => a.id !== accountId);
    this.chats = this.chats.filter((a) => a.id !== accountId);
    const { [accountId]: _gone, ...rest } = this.live;
    this.live = rest;
    this.clearExpect(accountId);
    this.changed();
    return true;
  }

  async syncNow(accountId: number): Promise<void> {
    this.expectSync(accountId);
    try {
      await this.backend.syncAccountNow(accountId);
    } catch (err) {
      this.dropExpected(accountId);
      this.report(err);
    }
  }

  // ---------- internals ----------

  /** Puts the saved account in its list (or adds it). Saving (re)starts its sync: shown unless its first event is here. */
  private saved<T extends { id: number }>(list: T[], view: T, seqBefore: number, set: (list: T[]) => void): void {
    const known = list.some((a) => a.id === view.id);
    set(known ? list.map((a) => (a.id === view.id ? view : a)) : [...list, view]);
    if ((this.live[view.id]?.seq ?? 0) <= seqBefore) this.expectSync(view.id);
    if (!known) this.changed();
  }

  private setLive(live: LiveSync): void {
    this.live = { ...this.live, [live.accountId]: live };
  }

  /** Shows "syncing" until the account's first event; gives up (and re-reads) if none comes. */
  private expectSync(accountId: number): void {
    this.setLive({ accountId, state: 'syncing', message: null, folder: null, done: 0, total: 0, seq: ++this.seq, at: Date.now() });
    this.clearExpect(accountId);
    this.expectTimers.set(
      accountId,
      setTimeout(() => {
        this.expectTimers.delete(accountId);
        this.dropExpected(accountId);
        void this.refresh();
      }, EXPECT_SYNC_MS),
    );
  }

  private dropExpected(accountId: number): void {
    this.clearExpect(accountId);
    const live = this.live[accountId];
    if (live && live.state === 'syncing' && live.total === 0 && live.folder === null) {
      const { [accountId]: _gone, ...rest } = this.live;
      this.live = rest;
    }
  }

  private clearExpect(accountId: number): void {
    clearTimeout(this.expectTimers.get(accountId));
    this.expectTimers.delete(accountId);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }
}
