// The one door to the backend. Components and state modules talk to a `Backend`;
// `tauriBackend` implements it with the tauri-specta bindings, which nothing else imports.
import { commands, events } from './bindings';
import type {
  AccountSync,
  AnalyticsQuery,
  Dashboard,
  Insights,
  AppError,
  AuditEvent,
  CustomerMerge,
  CustomerProfile,
  OrderFormat,
  OrderImportSummary,
  ProfileUpdate,
  ReplyWindow,
  Suggestion,
  CategoryName,
  ChatAccountView,
  DryRunMatch,
  ConnectionCheck,
  DraftView,
  EmailAccountForm,
  EmailAccountView,
  EmailPreset,
  ImportProgress,
  ImportSummary,
  LlmPresetView,
  LlmSettingsForm,
  LlmSettingsView,
  LlmTestResult,
  LlmUsageDay,
  ManualTicket,
  ModelStatus,
  ModelTraining,
  NotificationSettings,
  NotificationStatus,
  OpenTicketRequested,
  OutboxItem,
  RemoteImage,
  ReplyFile,
  Rule,
  RuleDefinition,
  SavedReply,
  SavedReplyForm,
  SavedView,
  SavedViewCount,
  SearchIndexing,
  SlaSettings,
  TagCount,
  TelegramAccountForm,
  TelegramBot,
  TicketFilter,
  TicketDetail,
  TicketSort,
  TicketStatus,
  TicketSummary,
  TicketView,
  TicketsChanged,
  TriageCorrection,
  ViewCount,
  WechatAccountForm,
  WorkspaceStatus,
} from './bindings';

export type {
  AiQuality,
  AnalyticsQuery,
  Automation,
  CalibrationBin,
  CategoryCorrections,
  Dashboard,
  DurationStats,
  Insights,
  RisingTopic,
  SavedReplyUsage,
  Series,
  SilentRule,
  TimingBreakdown,
  TopCustomer,
  AuditEvent,
  ColumnMapping,
  CustomerMerge,
  CustomerProfile,
  Order,
  OrderFormat,
  OrderImportSummary,
  OrderItem,
  ProfileUpdate,
  Suggestion,
  SuggestionAction,
  SuggestionKind,
  AccountStatus,
  Action,
  ActionKind,
  BusinessHours,
  Condition,
  DryRunMatch,
  Field as RuleField,
  Match as RuleMatch,
  Op as RuleOp,
  OpenHours,
  PlannedAction,
  Rule,
  RuleDefinition,
  SlaPolicy,
  SlaSettings,
  TicketFilter,
  Trigger,
  RemoteImage,
  ReplyFile,
  ReplyWindow,
  AccountSync,
  AppError,
  Attachment,
  CategoryName,
  ChannelKind,
  ChatAccountView,
  CheckResult,
  ClassificationView,
  ConnectionCheck,
  Customer,
  CustomerIdentity,
  Direction,
  DraftView,
  EmailAccountForm,
  EmailAccountView,
  EmailPreset,
  ImportProgress,
  ImportSummary,
  LlmFailure,
  LlmFailureKind,
  LlmPresetView,
  LlmSettingsForm,
  LlmSettingsView,
  LlmTestResult,
  LlmUsageDay,
  MailServer,
  ManualTicket,
  Message,
  ModelStatus,
  ModelTraining,
  NotificationSettings,
  NotificationStatus,
  OpenTicketRequested,
  OutboxItem,
  OutboxState,
  Priority,
  SavedReply,
  SavedReplyForm,
  SavedView,
  SavedViewCount,
  SearchIndexing,
  ServerSecurity,
  TagCount,
  TelegramAccountForm,
  TelegramBot,
  TicketDetail,
  TicketSort,
  TicketStatus,
  TicketSummary,
  TicketView,
  TicketsChanged,
  TriageCorrection,
  ViewCount,
  WechatAccountForm,
  WorkspaceStatus,
} from './bindings';

/** What every generated command resolves to (the bindings' `typedError` shape). */
type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

/** A failed backend call: `code` is for branching, `message` is for people. */
export class BackendError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

export type Unlisten = () => void;

export interface Backend {
  workspaceStatus(): Promise<WorkspaceStatus>;
  openDemoWorkspace(): Promise<ImportSummary>;
  viewCounts(): Promise<ViewCount[]>;
  listTickets(view: TicketView, sort: TicketSort, limit: number, offset: number): Promise<TicketSummary[]>;
  getTicket(ticketId: number): Promise<TicketDetail>;
  searchTickets(query: string, limit: number): Promise<TicketSummary[]>;
  /** Queues a reply with the agent's files (base64, see files.ts) in the outbox. */
  sendReply(ticketId: number, body: string, files?: ReplyFile[]): Promise<OutboxItem>;
  /** Puts a failed outbox item back in the queue; `invalid_input` when it has not failed. */
  retryOutboxItem(outboxId: number): Promise<OutboxItem>;
  setTicketStatus(ticketId: number, status: TicketStatus): Promise<TicketSummary>;
  markTicketRead(ticketId: number): Promise<void>;
  /** Sets category / priority / sentiment by hand (null: unchanged); the agent's choice wins over the AI. */
  correctTicket(ticketId: number, correction: TriageCorrection): Promise<TicketSummary>;
  onTicketsChanged(cb: (payload: TicketsChanged) => void): Promise<Unlisten>;
  onImportProgress(cb: (payload: ImportProgress) => void): Promise<Unlisten>;
  /** The search index catching up on many messages (a search waits for it): how far, then that it is over. */
  onSearchIndexing(cb: (payload: SearchIndexing) => void): Promise<Unlisten>;

  // ---------- acting on many tickets (each call at most 1000 ids, all-or-nothing) ----------
  /** Assigns the tickets to this workspace's agent (`toMe`) or unassigns them; returns them updated. */
  assignTickets(ticketIds: number[], toMe: boolean): Promise<TicketSummary[]>;
  /** Adds and removes tags (case-insensitive, 1–40 characters; `invalid_input` otherwise). */
  tagTickets(ticketIds: number[], add: string[], remove: string[]): Promise<TicketSummary[]>;
  /** The workspace's tags, most used first. */
  tagsInUse(): Promise<TagCount[]>;
  /** The same correction as correctTicket for every ticket, in one transaction (a missing ticket: none change). */
  correctTickets(ticketIds: number[], correction: TriageCorrection): Promise<TicketSummary[]>;
  /** Puts the tickets aside until `until` (ms epoch, in the future), or wakes them now with null. */
  snoozeTickets(ticketIds: number[], until: number | null): Promise<TicketSummary[]>;
  setTicketsStatus(ticketIds: number[], status: TicketStatus): Promise<TicketSummary[]>;
  /** Logs a phone call or walk-in as a ticket on the phone channel; `invalid_input` names the bad field. */
  logManualTicket(ticket: ManualTicket): Promise<TicketSummary>;
  /** Adds an internal note to the conversation; never sent to the customer. */
  addNote(ticketId: number, body: string, files?: ReplyFile[]): Promise<void>;

  // ---------- the workspace's ticket categories (taxonomy) ----------
  /**
   * Replaces the categories (tickets keep their ids) and returns the refreshed workspace status.
   * `invalid_input` with the reason when the taxonomy is refused (bad or repeated id, < 2, a name missing).
   */
  saveTaxonomy(categories: CategoryName[]): Promise<WorkspaceStatus>;
  /** Puts the default categories back and returns the refreshed workspace status. */
  resetTaxonomy(): Promise<WorkspaceStatus>;

  // ---------- email accounts ----------
  /** Server settings of the big providers, for the account form's picker. */
  emailPresets(): Promise<EmailPreset[]>;
  listEmailAccounts(): Promise<EmailAccountView[]>;
  /**
   * Tries IMAP and SMTP with the form's settings. A null/empty password uses the stored one of
   * `accountId`; `invalid_account` for a form problem, `keychain_unavailable` when it cannot be read.
   */
  testEmailAccount(form: EmailAccountForm, accountId: number | null): Promise<ConnectionCheck>;
  /**
   * Creates (`accountId` null) or updates an account; `password: null` keeps the stored one.
   * `keychain_unavailable`: there is no OS keychain and nothing was saved (the message says what to install).
   */
  saveEmailAccount(accountId: number | null, form: EmailAccountForm): Promise<EmailAccountView>;
  /** Removes an account of any channel (email or a chat bot): stops syncing, forgets its secret; its tickets stay. */
  removeAccount(accountId: number): Promise<void>;
  /** Checks the account for new mail now; progress comes as account-sync events. */
  syncAccountNow(accountId: number): Promise<void>;
  onAccountSync(cb: (payload: AccountSync) => void): Promise<Unlisten>;

  // ---------- chat accounts (Telegram bots); removed with removeAccount, synced with account-sync events ----------
  /** The chat accounts, with their stored sync status. */
  listChatAccounts(): Promise<ChatAccountView[]>;
  /**
   * Asks Telegram (or the given Bot API server; null for Telegram's own) who the token belongs to.
   * `telegram`: Telegram refused the token (the message says what to do); `invalid_input`: not shaped like a token.
   */
  checkTelegramBot(token: string, apiBaseUrl: string | null): Promise<TelegramBot>;
  /**
   * Creates (`accountId` null; a token is required) or updates a bot; `token: null` keeps the stored one.
   * The token is checked with Telegram first (`telegram` when refused); `keychain_unavailable`: nothing was saved.
   */
  saveTelegramAccount(accountId: number | null, form: TelegramAccountForm): Promise<ChatAccountView>;
  /**
   * Asks WeCom whether the WeChat customer-service account works (a token for corp id + secret, then one
   * read of its messages). A null/empty secret uses the stored one of `accountId`. Throws the refusal in words.
   */
  checkWechatAccount(accountId: number | null, form: WechatAccountForm): Promise<void>;
  /**
   * Creates (`accountId` null; a secret is required) or updates a WeChat customer-service account after
   * checking it; `secret: null` keeps the stored one. `keychain_unavailable`: nothing was saved.
   */
  saveWechatAccount(accountId: number | null, form: WechatAccountForm): Promise<ChatAccountView>;
  /** Whether WeChat still takes replies on the ticket (until when, how many); null for other channels. */
  chatReplyWindow(ticketId: number): Promise<ReplyWindow | null>;

  // ---------- the LLM that classifies tickets ----------
  /** Endpoints of the common providers and local servers, for the AI settings' picker. */
  llmPresets(): Promise<LlmPresetView[]>;
  /** The saved settings (null when never configured), whether a key is stored, whether it runs here. */
  getLlmSettings(): Promise<LlmSettingsView>;
  /**
   * Saves the settings. `apiKey`: null keeps the stored key, "" removes it, anything else replaces it.
   * `invalid_llm`: the message says what to fix; `keychain_unavailable`: nothing was saved.
   */
  saveLlmSettings(form: LlmSettingsForm, apiKey: string | null): Promise<LlmSettingsView>;
  /** Classifies a sample ticket with the form's settings (and the given or the stored key). */
  testLlmSettings(form: LlmSettingsForm, apiKey: string | null): Promise<LlmTestResult>;
  /** Calls, tokens and estimated cost per day and model, newest first. */
  llmUsage(): Promise<LlmUsageDay[]>;

  // ---------- the offline model (classifies without an LLM, and when it cannot be used) ----------
  /** How many examples it learnt from, when it was trained, and the labels it has not seen yet. */
  offlineModelStatus(): Promise<ModelStatus>;
  /** Asks for a retrain and returns at once; progress, then done or failed, come as model-training events. */
  retrainOfflineModel(): Promise<void>;
  /** Every retrain, asked for or started by the app itself (after enough new labels). */
  onModelTraining(cb: (payload: ModelTraining) => void): Promise<Unlisten>;

  // ---------- reply drafts and saved replies ----------
  /**
   * Drafts a reply to the ticket for the agent to read and edit (it is never sent by itself): by the
   * LLM, else (offline, local-only account, or the LLM failed: `note` says why) from the best saved
   * reply. `no_draft` when no saved reply fits and no LLM is configured.
   */
  draftReply(ticketId: number): Promise<DraftView>;
  /** The saved replies, by title. */
  listSavedReplies(): Promise<SavedReply[]>;
  /** Creates (`id` null) or updates a saved reply and returns the new list; `invalid_input` without title or text. */
  saveSavedReply(id: number | null, form: SavedReplyForm): Promise<SavedReply[]>;
  /** Deletes a saved reply and returns the new list. */
  deleteSavedReply(id: number): Promise<SavedReply[]>;

  // ---------- desktop notifications ----------
  /** The notification settings, and why notifications cannot be shown here (null when they can). */
  notificationStatus(): Promise<NotificationStatus>;
  /** Saves the settings and returns them as stored; `invalid_input` names a bad quiet hour. */
  saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings>;
  /** Tells the backend the UI language, which desktop notifications are written in. */
  setUiLanguage(language: 'en' | 'zh-CN'): Promise<void>;
  /** The agent clicked a desktop notification (the backend has focused the window already). */
  onOpenTicketRequested(cb: (payload: OpenTicketRequested) => void): Promise<Unlisten>;

  // ---------- leaving the app from a customer's message (only on the agent's click) ----------
  /** Opens a link in the system browser; `invalid_input` (the message says why) unless http(s)/mailto without user:pass@. */
  openLink(url: string): Promise<void>;
  /** Opens the attachment in the system's program for it; programs and scripts are refused (save them instead). */
  openAttachment(attachmentId: number): Promise<void>;
  /** Asks where to save the attachment and saves it: the path, or null when the agent cancelled. */
  saveAttachment(attachmentId: number): Promise<string | null>;
  /** Fetches the message's remote images in the backend: each as a `data:` URL, or why it was not loaded. */
  loadRemoteImages(messageId: number): Promise<RemoteImage[]>;

  // ---------- rules (automations), queues and SLAs ----------
  /** The rules in the order they run. */
  listRules(): Promise<Rule[]>;
  /** Creates (`id` null) or replaces a rule; `invalid_input` with a clear reason when it is not valid. */
  saveRule(id: number | null, enabled: boolean, definition: RuleDefinition): Promise<Rule>;
  setRuleEnabled(id: number, enabled: boolean): Promise<void>;
  deleteRule(id: number): Promise<void>;
  /** Puts the rules in this order (every rule id exactly once). */
  reorderRules(ids: number[]): Promise<void>;
  /** Which of the last 1,000 tickets the rule would match and what it would do; changes nothing. */
  dryRunRule(definition: RuleDefinition): Promise<DryRunMatch[]>;
  /** All rules as a JSON file's text. */
  /** Saves the rules as a JSON file the agent places (suggested as `fileName`); null when they cancelled. */
  saveRulesFile(fileName: string): Promise<string | null>;
  /** Adds the rules of an exported file after the existing ones (all or none); returns how many. */
  importRules(json: string): Promise<number>;
  /** SLA policies (first fitting one applies) and the business hours their clocks run in. */
  getSlaSettings(): Promise<SlaSettings>;
  /** Saves business hours and policies (both checked first); open tickets' clocks are recomputed. */
  saveSlaSettings(settings: SlaSettings): Promise<void>;
  /** Queues that hold tickets now, for pickers. */
  listQueues(): Promise<string[]>;
  /** Moves tickets into a queue, or out of any (null); returns them updated. */
  setTicketsQueue(ticketIds: number[], queue: string | null): Promise<TicketSummary[]>;
  /** A draft a rule prepared for this ticket, if any: the composer offers it, sending stays the agent's. */
  preparedDraft(ticketId: number): Promise<string | null>;

  // ---------- customers, their orders and suggestions from them ----------
  /** The customer's profile: contacts on every channel, tier, tags, notes and orders (newest first). */
  customerProfile(customerId: number): Promise<CustomerProfile>;
  /** Saves what the agent edited; `invalid_input` says why (a name is needed, a tag is too long). */
  updateCustomer(customerId: number, update: ProfileUpdate): Promise<CustomerProfile>;
  /** Asks the agent for a CSV file (the system's open dialog): its path, or null when they cancelled. */
  pickOrderFile(title: string): Promise<string | null>;
  /** Imports the orders of a CSV export; `invalid_input` when the file is not that format (the reason in words). */
  importOrders(path: string, format: OrderFormat): Promise<OrderImportSummary>;
  /** The customer's tickets on every channel (merged customers included), newest activity first. */
  customerTickets(customerId: number, limit: number): Promise<TicketSummary[]>;
  /** Suggestions for the ticket from the customer's orders and history, each with its facts. */
  ticketSuggestions(ticketId: number): Promise<Suggestion[]>;
  /** Accepts (a priority change is applied by the backend) or dismisses a suggestion; either way it goes. */
  settleSuggestion(ticketId: number, suggestionId: string, accepted: boolean): Promise<void>;

  // ---------- saved views (the agent's own filters in the left pane) ----------
  /** The saved views in the left pane's order, each with how many tickets it shows now. */
  listSavedViews(): Promise<SavedViewCount[]>;
  /** Creates (`id` null) or replaces a saved view; `invalid_input` says why (the name, the dates). */
  saveSavedView(id: number | null, name: string, filter: TicketFilter): Promise<SavedView>;
  deleteSavedView(id: number): Promise<void>;

  // ---------- a ticket's history; merging and splitting tickets and customers ----------
  /** Everything that happened to the ticket, oldest first: what (`kind`, `data_json`), who or what (`actor`), when. */
  ticketTimeline(ticketId: number): Promise<AuditEvent[]>;
  /**
   * Merges `sources` into `target`: their messages, outbox and tags move, they close and point at it.
   * `invalid_input` for no sources or a ticket into itself, `not_found` for a missing ticket. Returns the target.
   */
  mergeTickets(target: number, sources: number[]): Promise<TicketSummary>;
  /**
   * Moves the chosen messages into a new ticket of the same customer and returns it; `invalid_input` for
   * none chosen, a message of another ticket, or every message (one has to stay).
   */
  splitTicket(ticketId: number, messageIds: number[]): Promise<TicketSummary>;
  /** Merges customer `from` into `into` (identities, tickets, orders move; `from` goes); returns the merge's id. */
  mergeCustomers(into: number, from: number): Promise<number>;
  /** Merges into this customer that can still be undone, newest first. */
  customerMerges(customerId: number): Promise<CustomerMerge[]>;
  /** Undoes a merge: the customer comes back (with a new id) and its profile is returned. */
  undoCustomerMerge(mergeId: number): Promise<CustomerProfile>;

  // ---------- analytics ----------
  /** Every figure of the dashboard for tickets created in the query's range, narrowed by its filters. */
  analyticsDashboard(query: AnalyticsQuery): Promise<Dashboard>;
  /** Suggestions: rising topics (the week before the range ends), often-corrected categories, unused replies, silent rules. */
  analyticsInsights(query: AnalyticsQuery): Promise<Insights>;
  /** Saves a chart's CSV or PNG where the agent picks (`.csv` / `.png` only): the path, or null when they cancelled. */
  saveChartExport(fileName: string, bytes: number[]): Promise<string | null>;
  /** Writes the printable weekly report (HTML) for the query where the agent picks: the path, or null when cancelled. */
  saveWeeklyReport(query: AnalyticsQuery, chinese: boolean, fileName: string): Promise<string | null>;
}

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Turns anything a call can fail with into a BackendError. */
export function toBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  if (isAppError(err)) return new BackendError(err.code, err.message);
  if (err instanceof Error) return new BackendError('ipc', err.message);
  if (typeof err === 'string') return new BackendError('ipc', err);
  return new BackendError('unknown', String(err));
}

async function unwrap<T>(pending: Promise<Result<T, AppError>>): Promise<T> {
  let result: Result<T, AppError>;
  try {
    result = await pending;
  } catch (err) {
    throw toBackendError(err);
  }
  if (result.status === 'ok') return result.data;
  throw toBackendError(result.error);
}

export const tauriBackend: Backend = {
  workspaceStatus: () => unwrap(commands.workspaceStatus()),
  openDemoWorkspace: () => unwrap(commands.openDemoWorkspace()),
  viewCounts: () => unwrap(commands.viewCounts()),
  listTickets: (view, sort, limit, offset) => unwrap(commands.listTickets(view, sort, limit, offset)),
  getTicket: (ticketId) => unwrap(commands.getTicket(ticketId)),
  searchTickets: (query, limit) => unwrap(commands.searchTickets(query, limit)),
  sendReply: (ticketId, body, files = []) => unwrap(commands.sendReply(ticketId, body, files)),
  retryOutboxItem: (outboxId) => unwrap(commands.retryOutboxItem(outboxId)),
  setTicketStatus: (ticketId, status) => unwrap(commands.setTicketStatus(ticketId, status)),
  markTicketRead: async (ticketId) => {
    await unwrap(commands.markTicketRead(ticketId));
  },
  correctTicket: (ticketId, correction) => unwrap(commands.correctTicket(ticketId, correction)),
  assignTickets: (ticketIds, toMe) => unwrap(commands.assignTickets(ticketIds, toMe)),
  tagTickets: (ticketIds, add, remove) => unwrap(commands.tagTickets(ticketIds, add, remove)),
  tagsInUse: () => unwrap(commands.tagsInUse()),
  correctTickets: (ticketIds, correction) => unwrap(commands.correctTickets(ticketIds, correction)),
  snoozeTickets: (ticketIds, until) => unwrap(commands.snoozeTickets(ticketIds, until)),
  setTicketsStatus: (ticketIds, status) => unwrap(commands.setTicketsStatus(ticketIds, status)),
  logManualTicket: (ticket) => unwrap(commands.logManualTicket(ticket)),
  addNote: async (ticketId, body, files = []) => {
    await unwrap(commands.addNote(ticketId, body, files));
  },
  onTicketsChanged: (cb) => events.ticketsChanged.listen((event) => cb(event.payload)),
  onImportProgress: (cb) => events.importProgress.listen((event) => cb(event.payload)),
  onSearchIndexing: (cb) => events.searchIndexing.listen((event) => cb(event.payload)),
  saveTaxonomy: (categories) => unwrap(commands.saveTaxonomy(categories)),
  resetTaxonomy: () => unwrap(commands.resetTaxonomy()),
  emailPresets: async () => {
    // The one command that cannot fail on the Rust side, so it comes without the Result wrapper.
    try {
      return await commands.emailPresets();
    } catch (err) {
      throw toBackendError(err);
    }
  },
  listEmailAccounts: () => unwrap(commands.listEmailAccounts()),
  testEmailAccount: (form, accountId) => unwrap(commands.testEmailAccount(form, accountId)),
  saveEmailAccount: (accountId, form) => unwrap(commands.saveEmailAccount(accountId, form)),
  // The command removes an account of any channel, despite its name.
  removeAccount: async (accountId) => {
    await unwrap(commands.removeEmailAccount(accountId));
  },
  syncAccountNow: async (accountId) => {
    await unwrap(commands.syncAccountNow(accountId));
  },
  onAccountSync: (cb) => events.accountSync.listen((event) => cb(event.payload)),
  listChatAccounts: () => unwrap(commands.listChatAccounts()),
  checkTelegramBot: (token, apiBaseUrl) => unwrap(commands.checkTelegramBot(token, apiBaseUrl)),
  saveTelegramAccount: (accountId, form) => unwrap(commands.saveTelegramAccount(accountId, form)),
  checkWechatAccount: async (accountId, form) => {
    await unwrap(commands.checkWechatAccount(accountId, form));
  },
  saveWechatAccount: (accountId, form) => unwrap(commands.saveWechatAccount(accountId, form)),
  chatReplyWindow: (ticketId) => unwrap(commands.chatReplyWindow(ticketId)),
  llmPresets: async () => {
    // Cannot fail on the Rust side either, so it comes without the Result wrapper.
    try {
      return await commands.llmPresetsList();
    } catch (err) {
      throw toBackendError(err);
    }
  },
  getLlmSettings: () => unwrap(commands.getLlmSettings()),
  saveLlmSettings: (form, apiKey) => unwrap(commands.saveLlmSettings(form, apiKey)),
  testLlmSettings: (form, apiKey) => unwrap(commands.testLlmSettings(form, apiKey)),
  llmUsage: () => unwrap(commands.llmUsage()),
  offlineModelStatus: () => unwrap(commands.offlineModelStatus()),
  retrainOfflineModel: async () => {
    // Only rings the background task's bell, so it comes without the Result wrapper.
    try {
      await commands.retrainOfflineModel();
    } catch (err) {
      throw toBackendError(err);
    }
  },
  onModelTraining: (cb) => events.modelTraining.listen((event) => cb(event.payload)),
  draftReply: (ticketId) => unwrap(commands.draftReply(ticketId)),
  listSavedReplies: () => unwrap(commands.listSavedReplies()),
  saveSavedReply: (id, form) => unwrap(commands.saveSavedReply(id, form)),
  deleteSavedReply: (id) => unwrap(commands.deleteSavedReply(id)),
  notificationStatus: () => unwrap(commands.notificationStatus()),
  saveNotificationSettings: (settings) => unwrap(commands.saveNotificationSettings(settings)),
  setUiLanguage: async (language) => {
    await unwrap(commands.setUiLanguage(language));
  },
  onOpenTicketRequested: (cb) => events.openTicketRequested.listen((event) => cb(event.payload)),
  openLink: async (url) => {
    await unwrap(commands.openLink(url));
  },
  openAttachment: async (attachmentId) => {
    await unwrap(commands.openAttachment(attachmentId));
  },
  saveAttachment: (attachmentId) => unwrap(commands.saveAttachment(attachmentId)),
  loadRemoteImages: (messageId) => unwrap(commands.loadRemoteImages(messageId)),
  listRules: () => unwrap(commands.listRules()),
  saveRule: (id, enabled, definition) => unwrap(commands.saveRule(id, enabled, definition)),
  setRuleEnabled: async (id, enabled) => {
    await unwrap(commands.setRuleEnabled(id, enabled));
  },
  deleteRule: async (id) => {
    await unwrap(commands.deleteRule(id));
  },
  reorderRules: async (ids) => {
    await unwrap(commands.reorderRules(ids));
  },
  dryRunRule: (definition) => unwrap(commands.dryRunRule(definition)),
  saveRulesFile: (fileName) => unwrap(commands.saveRulesFile(fileName)),
  importRules: (json) => unwrap(commands.importRules(json)),
  getSlaSettings: () => unwrap(commands.getSlaSettings()),
  saveSlaSettings: async (settings) => {
    await unwrap(commands.saveSlaSettings(settings));
  },
  listQueues: () => unwrap(commands.listQueues()),
  setTicketsQueue: (ticketIds, queue) => unwrap(commands.setTicketsQueue(ticketIds, queue)),
  preparedDraft: (ticketId) => unwrap(commands.preparedDraft(ticketId)),
  customerProfile: (customerId) => unwrap(commands.customerProfile(customerId)),
  updateCustomer: (customerId, update) => unwrap(commands.updateCustomer(customerId, update)),
  // The dialog runs in the shell: the web view has no file-system permission of its own.
  pickOrderFile: (title) => unwrap(commands.pickOrderFile(title)),
  importOrders: (path, format) => unwrap(commands.importOrders(path, format)),
  customerTickets: (customerId, limit) => unwrap(commands.customerTickets(customerId, limit)),
  ticketSuggestions: (ticketId) => unwrap(commands.ticketSuggestions(ticketId)),
  settleSuggestion: async (ticketId, suggestionId, accepted) => {
    await unwrap(commands.settleSuggestion(ticketId, suggestionId, accepted));
  },
  listSavedViews: () => unwrap(commands.listSavedViews()),
  saveSavedView: (id, name, filter) => unwrap(commands.saveSavedView(id, name, filter)),
  deleteSavedView: async (id) => {
    await unwrap(commands.deleteSavedView(id));
  },
  ticketTimeline: (ticketId) => unwrap(commands.ticketTimeline(ticketId)),
  mergeTickets: (target, sources) => unwrap(commands.mergeTickets(target, sources)),
  splitTicket: (ticketId, messageIds) => unwrap(commands.splitTicket(ticketId, messageIds)),
  mergeCustomers: (into, from) => unwrap(commands.mergeCustomers(into, from)),
  customerMerges: (customerId) => unwrap(commands.customerMerges(customerId)),
  undoCustomerMerge: (mergeId) => unwrap(commands.undoCustomerMerge(mergeId)),
  analyticsDashboard: (query) => unwrap(commands.analyticsDashboard(query)),
  analyticsInsights: (query) => unwrap(commands.analyticsInsights(query)),
  saveChartExport: (fileName, bytes) => unwrap(commands.saveChartExport(fileName, bytes)),
  saveWeeklyReport: (query, chinese, fileName) => unwrap(commands.saveWeeklyReport(query, chinese, fileName)),
};
