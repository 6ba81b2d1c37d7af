// An in-memory workspace that answers the backend's IPC commands the way the Rust side does:
// resolves with the value on success, rejects with an AppError `{ code, message }` on failure.
// Used by the end-to-end tests through @tauri-apps/api/mocks; it is never part of the app bundle.
import type {
  AccountStatus,
  AppError,
  AuditEvent,
  CategoryName,
  CheckResult,
  ConnectionCheck,
  DraftView,
  EmailAccountForm,
  EmailAccountView,
  EmailPreset,
  LlmPresetView,
  LlmSettingsForm,
  LlmSettingsView,
  LlmTestResult,
  LlmUsageDay,
  MailServer,
  NotificationSettings,
  NotificationStatus,
  ManualTicket,
  ModelStatus,
  Action,
  ActionKind,
  BusinessHours,
  Condition,
  DryRunMatch,
  PlannedAction,
  Rule,
  RuleDefinition,
  RuleField,
  SlaPolicy,
  SlaSettings,
  TicketFilter,
  ChannelKind,
  ClassificationView,
  Customer,
  Direction,
  ImportSummary,
  Message,
  OutboxItem,
  Priority,
  RemoteImage,
  SavedReply,
  SavedView,
  SavedViewCount,
  TagCount,
  TicketDetail,
  TicketSort,
  TicketStatus,
  TicketSummary,
  TicketView,
  TriageCorrection,
  ViewCount,
  WorkspaceStatus,
} from '../../src/lib/backend';
import { checkFiles, type StoredFile } from './files';
import { FakeAnalytics } from './analytics';
import { FakeCustomers } from './customers';
import { FakeTelegram } from './telegram';
import { FakeWechat, type WindowOverride } from './wechat';
import { bestSavedReply, detectLanguage, fillVariables, findOrderNumber } from '../../src/lib/savedReplies';

export interface FakeConfig {
  /** Start with the demo data already imported (skips the welcome screen). */
  seeded?: boolean;
  /** Add this many synthetic open tickets (for the 100,000-row list test). */
  bigCount?: number;
  /** Progress events sent while importing the demo. */
  importSteps?: number;
  /** Delay between two progress events, ms. */
  importStepMs?: number;
  /** Delay before every command answers, ms. */
  latencyMs?: number;
  /** Commands whose first call fails with the given error (read by install.ts). */
  failOnce?: Record<string, AppError>;
  /** Start with two email accounts: one synced (with unreadable mail kept aside), one failing. */
  sampleAccounts?: boolean;
  /** Start with two Telegram bots: one receiving, one whose token was revoked (a custom Bot API server). */
  sampleBots?: boolean;
  /** Start with one WeChat customer-service account that receives. */
  sampleWechat?: boolean;
  /** Reply windows of WeChat tickets set by the test (by ticket id) instead of computed from the messages. */
  replyWindows?: Record<number, WindowOverride>;
  /** How long "Test connection" takes, ms. */
  accountTestMs?: number;
  /** Progress events per folder while an account syncs. */
  syncSteps?: number;
  /** Delay between two sync progress events, ms. */
  syncStepMs?: number;
  /** How long the LLM "Test" takes, ms. */
  llmTestMs?: number;
  /** The search index is being rebuilt over this many messages: the first search waits for it, with progress. */
  searchIndexBacklog?: number;
  /** Start with a few days of LLM usage (default true). */
  llmUsage?: boolean;
  /** How long retraining the offline model takes, ms (default about a second). */
  trainingMs?: number;
  /** Retraining the offline model runs out of memory partway. */
  retrainFails?: boolean;
  /** Start with an LLM set up and on: a cloud one (DeepSeek, key stored) or one on this computer (Ollama). */
  llm?: 'cloud' | 'local' | null;
  /** How long the LLM takes to write a draft, ms (default 600). */
  draftMs?: number;
  /** The LLM fails every draft with this reason (the draft then comes from a saved reply, with a note). */
  llmDraftError?: string | null;
  /** Start with the 8 saved replies a new workspace has (default true). */
  savedReplies?: boolean;
  /** Stored notification settings (default: none stored, the backend's defaults). */
  notifications?: NotificationSettings;
  /** The desktop has no notification service: why, as notification_status reports it. */
  notificationsUnavailable?: string | null;
  /** Start with the day-one rules a new workspace gets (default true). */
  rules?: boolean;
  /** Ticket ids a rule prepared a draft for, with the draft's text. */
  preparedDrafts?: Record<number, string>;
  /** The agent's saved views to start with (none by default). */
  savedViews?: { name: string; filter: TicketFilter }[];
}

export type Emit = (event: string, payload: unknown) => Promise<void>;

interface Ticket extends TicketSummary {
  customerId: number;
  messages: Message[];
  outbox: OutboxItem[];
  /** The latest automatic classification (never the agent's). */
  ai: ClassificationView | null;
  /** Fields the agent set by hand, in the backend's order: category, priority, sentiment. */
  agentFields: string[];
}

const MINUTE = 60_000;

/** The backend's default taxonomy (crates/ai/src/taxonomy.rs). */
export const TAXONOMY: CategoryName[] = [
  { id: 'product_inquiry', name_en: 'Product inquiry', name_zh: '产品咨询' },
  { id: 'order_status', name_en: 'Order status', name_zh: '订单状态' },
  { id: 'shipping', name_en: 'Shipping & delivery', name_zh: '物流配送' },
  { id: 'returns_refunds', name_en: 'Returns & refunds', name_zh: '退换货与退款' },
  { id: 'technical_support', name_en: 'After-sales & technical support', name_zh: '售后与技术支持' },
  { id: 'billing', name_en: 'Billing & invoices', name_zh: '账单与发票' },
  { id: 'complaint', name_en: 'Complaint', name_zh: '投诉' },
  { id: 'suggestion', name_en: 'Suggestion', name_zh: '建议' },
  { id: 'account', name_en: 'Account', name_zh: '账户' },
  { id: 'spam_other', name_en: 'Spam & other', name_zh: '垃圾邮件及其他' },
];
const SENTIMENTS = ['negative', 'neutral', 'positive'];
const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];
const TRIAGE_FIELDS = ['category', 'priority', 'sentiment'] as const;
export const LOCAL_MODEL = 'local-nb-v1';
/** The offline model's labels before and after a retrain (as the demo workspace's). */
export const MODEL_EXAMPLES = 412;
export const RETRAINED_EXAMPLES = 419;
/** As worker::RETRAIN_AFTER_LABELS. */
const RETRAIN_AFTER_LABELS = 20;
/** Progress events of a retrain: 0..TRAINING_STEPS of TRAINING_STEPS. */
const TRAINING_STEPS = 36;
const LLM_MODEL = 'qwen2.5-7b-instruct';
// As the real store: "open" views hold new and open tickets that are not snoozed; pending ones have their own view.
const OPEN: TicketStatus[] = ['new', 'open'];
const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
/** Tags of the demo tickets, by ticket index (as if agents had tagged them). */
const DEMO_TAGS: Record<number, string[]> = { 0: ['vip', 'refund-delay'], 3: ['photos'], 5: ['vip'], 6: ['double-charge'], 12: ['vip'] };
/** Demo tickets put aside until later (index → hours from now). */
const DEMO_SNOOZES: Record<number, number> = { 9: 20 };

const CUSTOMERS: { name: string; channel: ChannelKind; address: string; extra?: [ChannelKind, string] }[] = [
  { name: 'Alice Johnson', channel: 'email', address: 'alice.johnson@example.com', extra: ['phone', '+1 415 555 0132'] },
  { name: '王芳', channel: 'wechat', address: 'wxid_wangfang88', extra: ['email', 'wang.fang@example.cn'] },
  { name: 'Bob Martinez', channel: 'phone', address: '+1 212 555 0187' },
  { name: '李雷', channel: 'email', address: 'li.lei@example.cn' },
  { name: 'Chen Wei', channel: 'telegram', address: '@chenwei' },
  { name: 'Sophie Dubois', channel: 'email', address: 'sophie.dubois@example.fr' },
  { name: '张伟', channel: 'phone', address: '+86 138 0013 8000' },
  { name: 'Maria Garcia', channel: 'email', address: 'maria.garcia@example.es' },
  { name: '刘洋', channel: 'wechat', address: 'wxid_liuyang' },
  { name: 'Tom Becker', channel: 'telegram', address: '@tbecker' },
  { name: '赵敏', channel: 'email', address: 'zhao.min@example.cn' },
  { name: 'Priya Patel', channel: 'email', address: 'priya@example.in' },
];

/** What the classifier made of a story; null: not classified yet. */
interface StoryAi {
  source: 'local_model' | 'llm';
  confidence: number;
  sentiment: 'negative' | 'neutral' | 'positive';
  entities: string[];
  next_step: string | null;
  /** The AI's priority when the agent has since set another one. */
  priority?: Priority;
}

interface Story {
  subject: string;
  category: string | null;
  priority: Priority;
  summary: string | null;
  thread: [Direction, string][];
  zh?: boolean;
  ai: StoryAi | null;
  /** Fields an agent already set by hand. */
  agent?: ('category' | 'priority' | 'sentiment')[];
}

const STORIES: Story[] = [
  {
    subject: 'Refund for order #48213 still not received',
    ai: { source: 'local_model', confidence: 0.41, sentiment: 'negative', entities: ['#48213'], next_step: 'Ask finance why the refund batch failed, then give the customer a date.' },
    category: 'billing',
    priority: 'high',
    summary: 'Customer returned a jacket three weeks ago and has not been refunded; wants a date.',
    thread: [
      ['inbound', 'Hi, I returned order #48213 three weeks ago and the refund still has not arrived. Could you tell me when I will get my money back?'],
      ['outbound', 'Thank you for reaching out! We have received your request and will reply within one business day.'],
      ['note', 'Return scanned at the warehouse on the 3rd. Refund batch failed — ask finance.'],
    ],
  },
  {
    subject: '重置密码后无法登录',
    ai: { source: 'llm', confidence: 0.88, sentiment: 'negative', entities: [], next_step: '核实身份后解除账户锁定，并提醒客户重新登录。' },
    category: 'account',
    priority: 'urgent',
    summary: '客户重置密码后一直提示“账户已锁定”，急需登录处理订单。',
    zh: true,
    thread: [
      ['inbound', '你好，我昨天重置了密码，但现在登录时一直提示“账户已锁定”。今天必须处理订单，请尽快帮忙！'],
    ],
  },
  {
    subject: 'Newsletter unsubscribe link does not work',
    ai: null,
    category: null,
    priority: 'low',
    summary: null,
    thread: [['inbound', 'HTML']],
  },
  {
    subject: 'Package arrived damaged',
    ai: { source: 'local_model', confidence: 0.92, sentiment: 'negative', entities: [], next_step: 'Confirm the replacement has shipped, then resolve.' },
    category: 'shipping',
    priority: 'normal',
    summary: 'Box crushed in transit; the lamp inside is broken. Photos attached.',
    thread: [
      ['inbound', 'The lamp I ordered arrived with the box crushed and the glass shade broken. Photos attached.'],
      ['outbound', 'I am sorry to hear that, Sophie. I have arranged a replacement; it ships tomorrow.'],
      ['inbound', 'Thank you, that was quick!'],
    ],
  },
  {
    subject: '发票抬头有误，需要重开',
    ai: { source: 'local_model', confidence: 0.86, sentiment: 'neutral', entities: ['上海星河科技有限公司'], next_step: '重新开具发票并发送给客户。' },
    category: 'billing',
    priority: 'normal',
    summary: null,
    zh: true,
    thread: [
      ['inbound', '上个月的发票抬头写成了旧公司名称，麻烦重新开具，新的抬头是“上海星河科技有限公司”。'],
      ['outbound', '您好，已收到，我们会在三个工作日内重新开具发票。'],
    ],
  },
  {
    subject: 'How do I export all my data?',
    ai: { source: 'llm', confidence: 0.95, sentiment: 'neutral', entities: ['CSV'], next_step: 'Send the export guide (Settings → Data → Export).' },
    category: 'technical_support',
    priority: 'low',
    summary: 'Wants a CSV export of all projects before the end of the quarter.',
    thread: [['inbound', 'Is there a way to export all my projects as CSV? I need it for an audit before the end of the quarter.']],
  },
  {
    subject: 'Subscription renewal charged twice',
    ai: { source: 'local_model', confidence: 0.92, sentiment: 'negative', entities: ['$129.00'], next_step: 'Reverse the duplicate $129.00 charge and confirm by email.' },
    category: 'billing',
    priority: 'urgent',
    summary: 'Two identical renewal charges on the same card on the 1st; wants one reversed.',
    thread: [
      ['inbound', 'My card was charged twice ($129.00 each) for the annual renewal on the 1st. Please reverse one of the charges.'],
      ['outbound', 'Thanks — we received your message and a specialist will get back to you shortly.'],
    ],
  },
  {
    subject: '快递一直显示“运输中”',
    ai: { source: 'local_model', confidence: 0.74, sentiment: 'negative', entities: [], next_step: '联系快递公司追踪包裹，必要时补发。', priority: 'normal' },
    agent: ['priority'],
    category: 'shipping',
    priority: 'high',
    summary: '包裹已停留在转运中心五天，客户询问是否丢件。',
    zh: true,
    thread: [
      ['inbound', '我的包裹（订单 AUR-2026-0388）已经在转运中心停留五天了，物流一直显示“运输中”，是不是丢件了？'],
      ['note', '已联系快递公司，等待回复。'],
    ],
  },
  {
    subject: 'Voicemail: callback about contract terms',
    ai: null,
    category: null,
    priority: 'normal',
    summary: null,
    thread: [['inbound', 'Transcript: Hi, this is Bob, I would like a call back about the early termination fee on the two-year plan.']],
  },
  {
    subject: 'App crashes when uploading photos',
    ai: { source: 'local_model', confidence: 0.63, sentiment: 'negative', entities: ['iPhone 13'], next_step: 'Forward the crash log to engineering.' },
    category: 'technical_support',
    priority: 'high',
    summary: null,
    thread: [
      ['inbound', 'Every time I try to upload more than 5 photos the app closes. iPhone 13, latest version.'],
      ['outbound', 'Could you send us the crash log? Settings → Privacy → Analytics → Analytics Data.'],
      ['inbound', 'Here it is.'],
    ],
  },
  {
    subject: '能否开通企业版试用？',
    ai: { source: 'llm', confidence: 0.9, sentiment: 'positive', entities: ['20 人', '30 天'], next_step: '为客户开通 30 天企业版试用。' },
    category: 'product_inquiry',
    priority: 'normal',
    summary: '客户希望为 20 人团队开通 30 天企业版试用。',
    zh: true,
    thread: [['inbound', '我们团队有 20 人，想先试用企业版 30 天，可以开通吗？']],
  },
  {
    subject: 'Change of delivery address',
    ai: { source: 'local_model', confidence: 0.92, sentiment: 'neutral', entities: ['AUR-2026-0517', '12 Harbour Street, Suite 4'], next_step: null },
    category: 'shipping',
    priority: 'normal',
    summary: null,
    thread: [
      ['inbound', 'Please deliver order AUR-2026-0517 to my office instead: 12 Harbour Street, Suite 4.'],
      ['outbound', 'Done — the courier has the new address.'],
    ],
  },
];

function preview(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 140);
}

// Stored as the backend keeps customer HTML: remote images only as inert sb-remote: references.
const TRACKER_HTML =
  '<p>Hello,</p><p>I clicked <a href="https://news.example/unsubscribe?u=42&amp;list=weekly">unsubscribe</a> three times but I still get the <b>weekly newsletter</b>.</p>' +
  '<p><img src="sb-remote:https://news.example/img/header.png?w=480&amp;v=2" alt="Weekly news" width="240"></p>' +
  '<p>Today it also asked me to confirm my account at <a href="https://news-account.example/login">https://news.example/account</a>, ' +
  'and there was a <a href="https://news.example@login.example/verify">news.example verification link</a> too. Is that really you? ' +
  'You can call me on <a href="tel:+442079460000">+44 20 7946 0000</a>.</p>' +
  '<blockquote>You are receiving this email because you signed up.<br><img src="sb-remote:https://cdn.example/broken/banner.png" alt="Sale banner"></blockquote>' +
  '<img src="sb-remote:https://tracker.example/p.gif?u=42&amp;c=7" width="1" height="1" alt="">' +
  '<p>Thanks,<br>Priya</p>';

/** What the "internet" serves to load_remote_images: a small PNG, except where the path says broken. */
const FAKE_IMAGE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAIAAADfzGvmAAAALElEQVR42mP4Op9hUCEG6+jbgwqNOoigg0bT0GgaGk1Do2loNA2NpqEh7iAA3lttfaSFOmkAAAAASUVORK5CYII=';

// As switchboard_core::attachments::is_runnable: opened only by saving them first.
const RUNNABLE = new Set(
  'exe com bat cmd msi msp scr pif cpl ps1 psm1 vbs vbe js jse wsf wsh hta jar lnk reg sh bash zsh command app pkg dmg desktop appimage deb rpm run py pl rb php'.split(' '),
);

/** The files Priya's HTML mail came with: a harmless one, a program, and an SVG (never rendered inline). */
const HTML_MAIL_FILES = [
  { filename: 'newsletter-screenshot.pdf', content_type: 'application/pdf', size: 48_213 },
  { filename: 'unsubscribe-tool.exe', content_type: 'application/x-msdownload', size: 1_482_752 },
  { filename: 'logo.svg', content_type: 'image/svg+xml', size: 3_120 },
];

/** As commands::external::openable_link: web pages and mail addresses only, no hidden user name. */
function openableLink(raw: unknown): void {
  const link = String(raw);
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch (e) {
    throw fail('invalid_input', `'${link}' is not a link: ${String(e)}`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (!['http', 'https', 'mailto'].includes(scheme)) {
    throw fail('invalid_input', `links of the kind '${scheme}:' are not opened from a customer's message`);
  }
  if (url.username !== '' || url.password !== '') {
    throw fail('invalid_input', `'${link}' hides a user name before its real host, a phishing trick; it is not opened`);
  }
}

export class FakeWorkspace {
  private tickets: Ticket[] = [];
  private customers: Customer[] = [];
  private nextOutbox = 1;
  private nextMessage = 10_000;
  private populated = false;
  private readonly config: Required<Omit<FakeConfig, 'failOnce'>>;
  private accounts: FakeAccount[] = [];
  private nextAccount = 1;
  /** The LLM settings as the workspace stores them, and what the keychain holds for its key. */
  private llm: LlmSettingsForm | null = null;
  private llmKey: string | null = null;
  private usage: LlmUsageDay[] = [];
  /** Saved replies, as the saved_replies table; the LLM's draft failure (a test control). */
  private savedReplies: SavedReply[] = [];
  private nextSavedReply = 1;
  private llmDraftError: string | null;
  /** The offline model, and whether a retrain is running. */
  private model: ModelStatus;
  private training = false;
  /** The workspace's categories (the taxonomy setting; the default until edited). */
  private taxonomy: CategoryName[] = structuredClone(TAXONOMY);
  private readonly now = Date.now();
  private readonly emit: Emit;
  /** Files of replies still in the outbox, by outbox id: the sent message lists them. */
  private outboxFiles = new Map<number, StoredFile[]>();
  private nextAttachment = 50_000;
  private notifications: Required<NotificationSettings>;
  /** The language desktop notifications are written in (set_ui_language). */
  uiLanguage: 'en' | 'zh-CN' = 'en';
  /** Rules in the order they run; SLA policies and business hours (commands::workflow). */
  private rules: Rule[] = [];
  private nextRule = 1;
  private sla: SlaSettings = structuredClone(DEFAULT_SLA);
  /** The agent's saved views, in the left pane's order (saved_views). */
  private savedViews: SavedView[] = [];
  private nextSavedView = 1;
  /** Customer profiles, orders and suggestions (customers.ts). */
  private readonly customerCommands = new FakeCustomers({
    tickets: () => this.tickets,
    customers: () => this.customers,
    emit: (e, p) => this.emit(e, p),
    record: (ticketId, kind, actor, data) => this.record(ticketId, kind, actor, data),
  });
  /** Telegram bots (telegram.ts); their ids come from the same counter as email accounts'. */
  private readonly telegram = new FakeTelegram({
    nextId: () => this.nextAccount++,
    emit: (e, p) => this.emit(e, p),
    stepMs: () => this.config.syncStepMs,
  });
  /** WeChat customer-service accounts (wechat.ts); ids from the same counter. */
  private readonly wechat = new FakeWechat({
    nextId: () => this.nextAccount++,
    emit: (e, p) => this.emit(e, p),
    stepMs: () => this.config.syncStepMs,
  });
  /** The dashboard and its suggestions (analytics.ts). */
  private readonly analytics = new FakeAnalytics({
    now: this.now,
    tickets: () => this.tickets,
    taxonomy: () => this.taxonomy,
    rules: () => this.rules,
    savedReplies: () => this.savedReplies,
    savedFiles: () => this.savedFiles,
  });
  /** The events table: what happened to each ticket, by whom (audit::record), oldest first. */
  private events: AuditEvent[] = [];
  private nextEvent = 1;

  constructor(config: FakeConfig, emit: Emit) {
    this.config = {
      seeded: config.seeded ?? false,
      bigCount: config.bigCount ?? 0,
      importSteps: config.importSteps ?? 8,
      importStepMs: config.importStepMs ?? 60,
      latencyMs: config.latencyMs ?? 0,
      sampleAccounts: config.sampleAccounts ?? false,
      sampleBots: config.sampleBots ?? false,
      sampleWechat: config.sampleWechat ?? false,
      replyWindows: config.replyWindows ?? {},
      accountTestMs: config.accountTestMs ?? 600,
      syncSteps: config.syncSteps ?? 6,
      syncStepMs: config.syncStepMs ?? 180,
      llmTestMs: config.llmTestMs ?? 300,
      searchIndexBacklog: config.searchIndexBacklog ?? 0,
      llmUsage: config.llmUsage ?? true,
      trainingMs: config.trainingMs ?? 1_000,
      retrainFails: config.retrainFails ?? false,
      llm: config.llm ?? null,
      draftMs: config.draftMs ?? 600,
      llmDraftError: config.llmDraftError ?? null,
      savedReplies: config.savedReplies ?? true,
      notifications: config.notifications ?? {},
      notificationsUnavailable: config.notificationsUnavailable ?? null,
      rules: config.rules ?? true,
      preparedDrafts: config.preparedDrafts ?? {},
      savedViews: config.savedViews ?? [],
    };
    this.savedViews = this.config.savedViews.map((v) => ({ id: this.nextSavedView++, name: v.name, filter: structuredClone(v.filter) }));
    if (this.config.rules) {
      this.rules = DAY_ONE_RULES.map(([enabled, definition, lastError], i) => ({
        id: i + 1,
        enabled,
        definition: structuredClone(definition),
        last_error: lastError,
      }));
      this.nextRule = this.rules.length + 1;
    }
    this.notifications = { ...NOTIFICATION_DEFAULTS, ...this.config.notifications };
    this.llmDraftError = this.config.llmDraftError;
    if (this.config.savedReplies) {
      this.savedReplies = SAVED_REPLIES.map((r, i) => ({ id: i + 1, ...r }));
      this.nextSavedReply = this.savedReplies.length + 1;
    }
    if (this.config.llm === 'cloud') {
      this.llm = { ...LLM_SETUP, preset: 'deepseek', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat', priceInputPerMillion: 0.27, priceOutputPerMillion: 1.1 };
      this.llmKey = 'sk-deepseek-live';
    } else if (this.config.llm === 'local') {
      this.llm = { ...LLM_SETUP, preset: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' };
    }
    this.model = { name: LOCAL_MODEL, examples: MODEL_EXAMPLES, trainedAt: this.now - 2 * 24 * 60 * MINUTE, newLabels: 7 };
    this.emit = emit;
    if (this.config.llmUsage) this.usage = sampleUsage(this.now);
    if (this.config.seeded) this.populate();
    if (this.config.sampleAccounts) this.addSampleAccounts();
    if (this.config.sampleBots) this.telegram.addSamples();
    if (this.config.sampleWechat) this.wechat.addSamples();
  }

  // ---------- data ----------

  private populate(): void {
    this.customers = CUSTOMERS.map((c, i) => ({
      id: i + 1,
      display_name: c.name,
      identities: [{ channel: c.channel, address: c.address }, ...(c.extra ? [{ channel: c.extra[0], address: c.extra[1] }] : [])],
      ticket_count: 0,
    }));
    const statuses: TicketStatus[] = ['new', 'open', 'pending', 'open', 'new', 'resolved', 'open', 'closed'];
    const count = 36;
    for (let i = 0; i < count; i++) {
      const story = STORIES[i % STORIES.length]!;
      // Keep Chinese stories with Chinese-named customers and the HTML mail with Priya.
      const customerIndex = story.thread[0]![1] === 'HTML' ? 11 : story.zh ? [1, 3, 6, 8, 10][i % 5]! : [0, 2, 4, 5, 7, 9, 11][i % 7]!;
      const c = CUSTOMERS[customerIndex]!;
      const customer = this.customers[customerIndex]!;
      customer.ticket_count++;
      const id = i + 1;
      const updated = this.now - (i * 47 + (i % 3) * 13 + 2) * MINUTE;
      const created = updated - (story.thread.length * 95 + 30) * MINUTE;
      const round = Math.floor(i / STORIES.length);
      const subject = round === 0 ? story.subject : `${story.subject} (${round + 1})`;
      const messages: Message[] = story.thread.map(([direction, text], m) => {
        const isHtml = text === 'HTML';
        const body = isHtml ? 'Hello, I clicked unsubscribe three times but I still get the weekly newsletter. Thanks, Priya' : text;
        const auto = direction === 'outbound' && /received your (request|message)/.test(text);
        return {
          id: id * 100 + m,
          direction,
          author_name: direction === 'inbound' ? c.name : direction === 'note' ? 'Dana (agent)' : 'Switchboard Support',
          author_address: direction === 'inbound' ? c.address : direction === 'note' ? '' : 'support@switchboard.example',
          subject,
          body_text: body,
          body_html: isHtml ? TRACKER_HTML : null,
          channel_message_id: `<${id}.${m}@demo.example>`,
          sent_at: created + m * 95 * MINUTE,
          auto_generated: auto,
          attachments: isHtml
            ? HTML_MAIL_FILES.map((f, n) => ({ id: id * 10 + 5 + n, ...f, sha256: 'c'.repeat(64), inline: false }))
            : direction === 'inbound' && /attached|Here it is/.test(text)
              ? [
                  { id: id * 10 + 1, filename: m === 0 ? 'box-photo.jpg' : 'crash-log.txt', content_type: m === 0 ? 'image/jpeg' : 'text/plain', size: m === 0 ? 734_003 : 18_432, sha256: 'a'.repeat(64), inline: false },
                  ...(m === 0 ? [{ id: id * 10 + 2, filename: 'lamp-shade.jpg', content_type: 'image/jpeg', size: 1_268_761, sha256: 'b'.repeat(64), inline: false }] : []),
                ]
              : [],
        };
      });
      const last = story.thread[story.thread.length - 1]!;
      const language = story.zh ? 'zh' : 'en';
      const ai: ClassificationView | null = story.ai
        ? {
            source: story.ai.source,
            model: story.ai.source === 'llm' ? LLM_MODEL : LOCAL_MODEL,
            category: story.category,
            priority: story.ai.priority ?? story.priority,
            sentiment: story.ai.sentiment,
            language,
            summary: story.summary,
            entities: story.ai.entities,
            next_step: story.ai.next_step,
            confidence: story.ai.confidence,
            created_at: created + 2 * MINUTE,
          }
        : null;
      this.tickets.push({
        id,
        number: 1000 + id,
        subject,
        status: story.thread[0]![1] === 'HTML' ? 'open' : statuses[i % statuses.length]!,
        priority: story.priority,
        category: story.category,
        sentiment: ai?.sentiment ?? null,
        language: ai ? language : null,
        channel: c.channel,
        customer_name: c.name,
        customer_address: c.address,
        preview: preview(last[1] === 'HTML' ? messages[0]!.body_text : last[1]),
        summary: story.summary,
        message_count: messages.length,
        needs_review: i % 4 === 1 || i % 9 === 0,
        unread: i % 3 !== 2,
        auto_generated: false,
        assignee: i % 6 === 0 ? AGENT_NAME : i % 6 === 3 ? 'Dana' : null,
        tags: DEMO_TAGS[i] ?? [],
        snoozed_until: i in DEMO_SNOOZES ? Date.now() + DEMO_SNOOZES[i]! * 60 * MINUTE : null,
        queue: DEMO_QUEUES[i % DEMO_QUEUES.length]!,
        // Clocks of every kind: breached, due within 30 minutes, due in hours, none.
        sla_due_at: DEMO_SLA_MINUTES[i % DEMO_SLA_MINUTES.length] === null ? null : this.now + DEMO_SLA_MINUTES[i % DEMO_SLA_MINUTES.length]! * MINUTE,
        sla_paused: false,
        created_at: created,
        updated_at: updated,
        customerId: customer.id,
        messages,
        outbox: [],
        ai,
        agentFields: story.agent ?? [],
      });
    }
    for (let i = 0; i < this.config.bigCount; i++) {
      const id = 100_000 + i;
      const c = CUSTOMERS[i % CUSTOMERS.length]!;
      this.tickets.push({
        id,
        number: 5000 + i,
        subject: `Synthetic ticket ${i + 1}`,
        status: 'open',
        priority: (['normal', 'low', 'high', 'urgent'] as const)[i % 4]!,
        category: i % 5 === 0 ? null : 'Bulk',
        sentiment: null,
        language: 'en',
        channel: c.channel,
        customer_name: c.name,
        customer_address: c.address,
        preview: `Generated body of synthetic ticket ${i + 1}`,
        summary: null,
        message_count: 1,
        needs_review: false,
        unread: false,
        auto_generated: false,
        assignee: 'Dana',
        tags: [],
        snoozed_until: null,
        queue: null,
        sla_due_at: null,
        sla_paused: false,
        created_at: this.now - (200 + i) * MINUTE,
        updated_at: this.now - (200 + i) * MINUTE,
        customerId: (i % CUSTOMERS.length) + 1,
        messages: [
          {
            id: 1_000_000 + i,
            direction: 'inbound',
            author_name: c.name,
            author_address: c.address,
            subject: `Synthetic ticket ${i + 1}`,
            body_text: `Generated body of synthetic ticket ${i + 1}`,
            body_html: null,
            channel_message_id: null,
            sent_at: this.now - (200 + i) * MINUTE,
            auto_generated: false,
            attachments: [],
          },
        ],
        outbox: [],
        ai: null,
        agentFields: [],
      });
    }
    this.seedHistory();
    this.sort();
    this.populated = true;
  }

  /** As audit::record: one event of a ticket, now (or at `at` for the demo's past). */
  private record(ticketId: number, kind: string, actor: string, data: Record<string, unknown>, at = Date.now()): void {
    this.events.push({ id: this.nextEvent++, ticket_id: ticketId, kind, actor, data_json: JSON.stringify(data), created_at: at });
  }

  /** What the demo tickets went through before the app opened: arrival, the AI, rules, the team, the SLA clock. */
  private seedHistory(): void {
    const past: [number, string, string, Record<string, unknown>, number][] = [];
    for (const t of this.tickets.filter((x) => x.id < 100_000)) {
      const add = (kind: string, actor: string, data: Record<string, unknown>, at: number) => past.push([t.id, kind, actor, data, at]);
      const first = t.messages[0];
      t.messages.forEach((m, i) => {
        if (m.direction === 'inbound') {
          add(i === 0 ? 'ticket_created' : 'message_received', t.channel, { message_id: m.id, from: m.author_address, auto_generated: false }, m.sent_at);
        } else if (m.direction === 'note') {
          add('note_added', 'agent', { message_id: m.id, outbox_id: null, automatic: false }, m.sent_at);
        } else {
          add('reply_queued', 'agent', { message_id: m.id, outbox_id: m.id, automatic: false }, m.sent_at - 30_000);
          add('outbox_state', 'system', { outbox_id: m.id, state: 'sent', error: null }, m.sent_at);
        }
      });
      const start = first?.sent_at ?? t.created_at;
      if (t.ai) {
        add('classified', t.ai.source, { model: t.ai.model, category: t.ai.category, priority: t.ai.priority, sentiment: t.ai.sentiment, confidence: t.ai.confidence, needs_review: t.needs_review }, start + 2 * MINUTE);
      }
      if (t.queue) add('rule_changed', `rule:${t.queue} queue`, { field: 'queue', from: null, to: t.queue }, start + 2 * MINUTE);
      if (t.agentFields.length > 0) {
        const label = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, t.agentFields.includes(f) ? t[f] : null]));
        add('agent_corrected', 'agent', { model: 'agent', ...label, confidence: null, needs_review: false }, start + 40 * MINUTE);
      }
      if (t.assignee) add('assigned', 'agent', { from: null, to: t.assignee }, start + 45 * MINUTE);
      if (t.tags.length > 0) add('tagged', 'agent', { added: t.tags, removed: [] }, start + 50 * MINUTE);
      if (t.sla_due_at !== null && t.sla_due_at < this.now) add('sla_breached', 'sla', { due_at: t.sla_due_at, target: 'first_response' }, t.sla_due_at);
      if (t.status === 'resolved' || t.status === 'closed') add('status_changed', 'agent', { from: 'open', to: t.status }, t.updated_at);
    }
    past.sort((a, b) => a[4] - b[4]);
    for (const [id, kind, actor, data, at] of past) this.record(id, kind, actor, data, at);
  }

  private sort(): void {
    this.tickets.sort((a, b) => b.updated_at - a.updated_at || b.id - a.id);
  }

  /** The tickets in a list order (as tickets::list_sorted); `this.tickets` is kept newest first. */
  private sorted(sort: TicketSort): Ticket[] {
    if (sort === 'newest') return this.tickets;
    if (sort === 'oldest') return [...this.tickets].reverse();
    if (sort === 'sla_due') {
      // As tickets::list_sorted: the nearest running clock first, tickets without one (or paused) last.
      const due = (t: Ticket) => {
        const s = this.summary(t);
        return s.sla_due_at === null || s.sla_paused ? Infinity : s.sla_due_at;
      };
      return [...this.tickets].sort((a, b) => due(a) - due(b) || b.updated_at - a.updated_at || b.id - a.id);
    }
    return [...this.tickets].sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || b.updated_at - a.updated_at || b.id - a.id);
  }

  /** As tickets::view_filter. */
  private matches(view: TicketView, t: Ticket): boolean {
    const snoozed = t.snoozed_until !== null && t.snoozed_until > Date.now();
    const open = OPEN.includes(t.status) && !snoozed;
    switch (view.kind) {
      case 'all_open':
        return open;
      case 'mine':
        return open && t.assignee === AGENT_NAME;
      case 'unassigned':
        return open && t.assignee === null;
      case 'needs_review':
        return open && t.needs_review;
      case 'urgent':
        return open && t.priority === 'urgent';
      case 'snoozed':
        return snoozed && [...OPEN, 'pending'].includes(t.status);
      case 'pending':
        return t.status === 'pending';
      case 'resolved':
        return t.status === 'resolved' || t.status === 'closed';
      case 'channel':
        return open && t.channel === view.channel;
      case 'category':
        return open && t.category === view.category;
      case 'queue':
        return open && t.queue !== null && t.queue.toLowerCase() === view.queue.toLowerCase();
      case 'sla_at_risk': {
        const s = this.summary(t);
        return open && s.sla_due_at !== null && !s.sla_paused && s.sla_due_at <= Date.now() + 60 * MINUTE;
      }
      case 'custom':
        return this.fitsFilter(view.filter, t);
    }
  }

  /** As saved_views::filter_sql: empty lists do not filter, values in one list are alternatives. */
  private fitsFilter(filter: TicketFilter, t: Ticket): boolean {
    const texts = (items: string[] | undefined) => (items ?? []).map((s) => s.trim()).filter(Boolean);
    const anyOf = (items: string[], value: string | null) => items.length === 0 || (value !== null && items.includes(value));
    if (!anyOf(filter.statuses ?? [], t.status)) return false;
    if (!anyOf(texts(filter.categories), t.category)) return false;
    if (!anyOf(filter.priorities ?? [], t.priority)) return false;
    if (!anyOf(texts(filter.sentiments), t.sentiment)) return false;
    if (!anyOf(filter.channels ?? [], t.channel)) return false;
    if (!anyOf(texts(filter.queues), t.queue)) return false;
    const tags = texts(filter.tags);
    if (tags.length > 0 && !t.tags.some((tag) => tags.includes(tag))) return false;
    const assignee = filter.assignee?.trim() ?? '';
    if (assignee === '@none' && t.assignee !== null) return false;
    if (assignee === '@me' && t.assignee !== AGENT_NAME) return false;
    if (assignee !== '' && !assignee.startsWith('@') && t.assignee !== assignee) return false;
    const customer = filter.customer?.trim().toLowerCase() ?? '';
    if (customer !== '' && !`${t.customer_name}\n${t.customer_address}`.toLowerCase().includes(customer)) return false;
    if (filter.created_after != null && t.created_at < filter.created_after) return false;
    if (filter.created_before != null && t.created_at >= filter.created_before) return false;
    return true;
  }

  private summary(t: Ticket): TicketSummary {
    return {
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      category: t.category,
      sentiment: t.sentiment,
      language: t.language,
      channel: t.channel,
      customer_name: t.customer_name,
      customer_address: t.customer_address,
      preview: t.preview,
      summary: t.summary,
      message_count: t.message_count,
      needs_review: t.needs_review,
      unread: t.unread,
      auto_generated: t.auto_generated,
      assignee: t.assignee,
      // As the store: ordered by name.
      tags: [...t.tags].sort((a, b) => a.localeCompare(b)),
      snoozed_until: t.snoozed_until,
      queue: t.queue,
      // As sla::clocks: no clock on a closed ticket; a pending one keeps its due time, stopped.
      sla_due_at: t.status === 'resolved' || t.status === 'closed' ? null : t.sla_due_at,
      sla_paused: t.status === 'pending' && t.sla_due_at !== null,
      created_at: t.created_at,
      updated_at: t.updated_at,
    };
  }

  private find(id: unknown): Ticket {
    const t = this.tickets.find((x) => x.id === id);
    if (!t) throw fail('not_found', `Ticket ${String(id)} does not exist.`);
    return t;
  }

  // ---------- commands ----------

  async handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    if (this.config.latencyMs > 0) await sleep(this.config.latencyMs);
    switch (cmd) {
      case 'workspace_status':
        return this.workspaceStatus();
      case 'open_demo_workspace':
        return this.openDemo();
      case 'view_counts':
        return this.viewCounts();
      case 'list_tickets':
        return this.listTickets(args.view as TicketView, args.sort, num(args.limit, 'limit'), num(args.offset, 'offset'));
      case 'get_ticket':
        return this.getTicket(args.ticketId);
      case 'search_tickets':
        await this.waitForSearchIndex();
        return this.search(String(args.query ?? ''), num(args.limit, 'limit'));
      case 'customer_tickets':
        return this.customerTickets(num(args.customerId, 'customerId'), num(args.limit, 'limit'));
      case 'send_reply':
        return this.sendReply(args.ticketId, args.body, args.files);
      case 'retry_outbox_item':
        return this.retryOutbox(args.outboxId);
      case 'set_ticket_status':
        return this.setStatus(args.ticketId, args.status as TicketStatus);
      case 'correct_ticket':
        return this.correct(args.ticketId, args.correction);
      case 'correct_tickets':
        return this.correctMany(args.ticketIds, args.correction);
      case 'assign_tickets':
        return this.assignTickets(args.ticketIds, args.toMe);
      case 'tag_tickets':
        return this.tagTickets(args.ticketIds, args.add, args.remove);
      case 'tags_in_use':
        return this.tagsInUse();
      case 'snooze_tickets':
        return this.snoozeTickets(args.ticketIds, args.until);
      case 'set_tickets_status':
        return this.setTicketsStatus(args.ticketIds, args.status);
      case 'log_manual_ticket':
        return this.logManualTicket(args.ticket);
      case 'add_note':
        return this.addNote(args.ticketId, args.body, args.files);
      case 'notification_status':
        return { settings: { ...this.notifications }, unavailable: this.config.notificationsUnavailable } satisfies NotificationStatus;
      case 'save_notification_settings':
        return this.saveNotifications(args.settings);
      case 'set_ui_language':
        if (args.language !== 'en' && args.language !== 'zh-CN') {
          throw fail('invalid_input', `'${String(args.language)}' is not a UI language (en or zh-CN)`);
        }
        this.uiLanguage = args.language;
        return null;
      case 'save_taxonomy':
        return this.saveTaxonomy(args.categories);
      case 'reset_taxonomy':
        this.taxonomy = structuredClone(TAXONOMY);
        void this.emit('tickets-changed', { ticket_ids: [] });
        return this.workspaceStatus();
      case 'mark_ticket_read':
        this.find(args.ticketId).unread = false;
        return null;
      case 'email_presets':
        return structuredClone(PRESETS);
      case 'list_email_accounts':
        return this.accounts.map((a) => accountView(a));
      case 'test_email_account':
        return this.testAccount(args.form, args.accountId);
      case 'save_email_account':
        return this.saveAccount(args.accountId, args.form);
      case 'remove_email_account':
        if (this.wechat.has(args.accountId)) return this.wechat.handle(cmd, args);
        return this.telegram.has(args.accountId) ? this.telegram.handle(cmd, args) : this.removeAccount(args.accountId);
      case 'list_chat_accounts':
        return [...(this.telegram.handle(cmd, args) as unknown[]), ...this.wechat.list()];
      case 'check_wechat_account':
      case 'save_wechat_account':
        return this.wechat.handle(cmd, args);
      case 'chat_reply_window': {
        const ticket = this.find(args.ticketId);
        return FakeWechat.replyWindow(ticket, this.config.replyWindows[ticket.id]);
      }
      case 'check_telegram_bot':
      case 'save_telegram_account':
        return this.telegram.handle(cmd, args);
      case 'sync_account_now':
        this.startSync(this.findAccount(args.accountId));
        return null;
      case 'llm_presets_list':
        return structuredClone(LLM_PRESETS);
      case 'get_llm_settings':
        return this.llmView();
      case 'save_llm_settings':
        return this.saveLlm(args.form, args.apiKey);
      case 'test_llm_settings':
        return this.testLlm(args.form, args.apiKey);
      case 'llm_usage':
        return structuredClone(this.usage);
      case 'offline_model_status':
        return structuredClone(this.model);
      case 'retrain_offline_model':
        this.retrainModel();
        return null;
      case 'draft_reply':
        return this.draftReply(args.ticketId);
      case 'list_saved_replies':
        return this.listSavedReplies();
      case 'save_saved_reply':
        return this.saveSavedReply(args.id, args.form);
      case 'delete_saved_reply':
        return this.deleteSavedReply(args.id);
      case 'open_link':
        openableLink(args.url);
        return null;
      case 'open_attachment':
        return this.openAttachment(args.attachmentId);
      case 'save_attachment':
        return `/home/agent/Downloads/${this.findAttachment(args.attachmentId).filename}`;
      case 'load_remote_images':
        return this.loadRemoteImages(args.messageId);
      case 'list_rules':
        return structuredClone(this.rules);
      case 'save_rule':
        return this.saveRule(args.id, args.enabled, args.definition);
      case 'set_rule_enabled':
        if (typeof args.enabled !== 'boolean') throw 'invalid args `enabled` for command `set_rule_enabled`: expected a boolean';
        this.findRule(args.id).enabled = args.enabled;
        return null;
      case 'delete_rule':
        this.rules = this.rules.filter((r) => r.id !== num(args.id, 'id'));
        return null;
      case 'reorder_rules':
        return this.reorderRules(args.ids);
      case 'dry_run_rule':
        return this.dryRun(args.definition);
      case 'export_rules':
        return this.exportRules();
      case 'save_rules_file': {
        // As the shell: the agent picks a place (the test may cancel), the rules file is written there.
        const next = (globalThis as { __sbNextSave?: string | null }).__sbNextSave;
        const path = next === undefined ? `/home/agent/Documents/${String(args.fileName)}` : next;
        if (path !== null) this.savedFiles.set(path, this.exportRules());
        return path;
      }
      case 'import_rules':
        return this.importRules(args.json);
      case 'get_sla_settings':
        return structuredClone(this.sla);
      case 'save_sla_settings':
        return this.saveSla(args.settings);
      case 'list_queues':
        return this.listQueues();
      case 'set_tickets_queue':
        return this.setTicketsQueue(args.ticketIds, args.queue);
      case 'prepared_draft':
        this.find(args.ticketId);
        return this.config.preparedDrafts[num(args.ticketId, 'ticketId')] ?? null;
      case 'list_saved_views':
        return this.listSavedViews();
      case 'save_saved_view':
        return this.saveSavedView(args.id, args.name, args.filter);
      case 'delete_saved_view':
        this.savedViews = this.savedViews.filter((v) => v.id !== num(args.id, 'id'));
        return null;
      case 'ticket_timeline': {
        const id = num(args.ticketId, 'ticketId');
        return structuredClone(this.events.filter((e) => e.ticket_id === id));
      }
      case 'merge_tickets':
        return this.mergeTickets(args.target, args.sources);
      case 'split_ticket':
        return this.splitTicket(args.ticketId, args.messageIds);
      default:
        if (FakeCustomers.COMMANDS.has(cmd)) return this.customerCommands.handle(cmd, args);
        if (FakeAnalytics.COMMANDS.has(cmd)) return this.analytics.handle(cmd, args);
        throw fail('unknown_command', `The backend has no command "${cmd}".`);
    }
  }

  private findAttachment(id: unknown): Message['attachments'][number] {
    for (const ticket of this.tickets) {
      for (const message of ticket.messages) {
        const found = message.attachments.find((a) => a.id === id);
        if (found) return found;
      }
    }
    throw fail('not_found', `Attachment ${String(id)} does not exist.`);
  }

  /** As attachments::copy_to_open: programs and scripts are refused (by their last extension). */
  private openAttachment(id: unknown): null {
    const { filename } = this.findAttachment(id);
    const extension = filename.includes('.') ? filename.slice(filename.lastIndexOf('.') + 1).toLowerCase() : '';
    if (RUNNABLE.has(extension)) {
      throw fail('invalid_input', `'${filename}' is a program or script and is not opened from a customer's message; save it instead if you must`);
    }
    return null;
  }

  /** As remote_images::load: each distinct sb-remote: reference, loaded unless its path says "broken". */
  private loadRemoteImages(messageId: unknown): RemoteImage[] {
    const message = this.tickets.flatMap((t) => t.messages).find((m) => m.id === messageId);
    if (!message) throw fail('not_found', `Message ${String(messageId)} does not exist.`);
    const urls: string[] = [];
    for (const [, raw = ''] of (message.body_html ?? '').matchAll(/src="sb-remote:([^"]*)"/g)) {
      const url = raw.replace(/&amp;/g, '&');
      if (!urls.includes(url)) urls.push(url);
    }
    return urls.map((url) =>
      url.includes('broken')
        ? { url, data_url: null, error: 'the server answered 404 Not Found' }
        : { url, data_url: FAKE_IMAGE_PNG, error: null },
    );
  }

  // ---------- rules, queues and SLAs (as src-tauri/src/commands/workflow.rs) ----------

  private findRule(id: unknown): Rule {
    const rule = this.rules.find((r) => r.id === id);
    if (!rule) throw fail('invalid_input', `rule ${String(id)} does not exist`);
    return rule;
  }

  /** As rules::library::save: checked first; saving clears the rule's last error. */
  private saveRule(id: unknown, enabled: unknown, raw: unknown): Rule {
    if (typeof enabled !== 'boolean') throw 'invalid args `enabled` for command `save_rule`: expected a boolean';
    const definition = checkDefinition(raw, 'save_rule');
    validateRule(definition);
    if (id === null || id === undefined) {
      const rule: Rule = { id: this.nextRule++, enabled, definition, last_error: null };
      this.rules.push(rule);
      return structuredClone(rule);
    }
    const rule = this.findRule(id);
    Object.assign(rule, { enabled, definition, last_error: null });
    return structuredClone(rule);
  }

  private reorderRules(raw: unknown): null {
    if (!Array.isArray(raw)) throw 'invalid args `ids` for command `reorder_rules`: expected a sequence';
    const ids = raw as unknown[];
    const known = this.rules.map((r) => r.id);
    if (ids.length !== known.length || new Set(ids).size !== ids.length || ids.some((id) => !known.includes(id as number))) {
      throw fail('invalid_input', 'the new order must list every rule exactly once');
    }
    this.rules = ids.map((id) => this.rules.find((r) => r.id === id)!);
    return null;
  }

  /** As rules::library::dry_run: the newest 1,000 tickets as they stand, nothing changed. */
  private dryRun(raw: unknown): DryRunMatch[] {
    const definition = checkDefinition(raw, 'dry_run_rule');
    validateRule(definition);
    const recent = [...this.tickets].sort((a, b) => b.created_at - a.created_at || b.id - a.id).slice(0, 1000);
    const inHours = inBusinessHours(this.sla.business_hours, Date.now());
    const out: DryRunMatch[] = [];
    for (const t of recent) {
      if (!ruleMatches(definition, this.facts(t, inHours))) continue;
      out.push({ ticket_id: t.id, number: t.number, subject: t.subject, actions: definition.actions.map((a) => this.plan(definition, a, t)) });
    }
    return out;
  }

  private facts(t: Ticket, inHours: boolean): Facts {
    const body = [...t.messages].reverse().find((m) => m.direction === 'inbound')?.body_text ?? '';
    return {
      channel: t.channel,
      account: [],
      category: t.category,
      priority: t.priority,
      sentiment: t.sentiment,
      language: t.language,
      confidence: t.ai?.confidence ?? null,
      status: t.status,
      queue: t.queue,
      subject: t.subject,
      body,
      customer_tier: null,
      customer_tag: [],
      tag: t.tags,
      business_hours: inHours,
    };
  }

  /** As rules::apply::plan. */
  private plan(rule: RuleDefinition, action: Action, t: Ticket): PlannedAction {
    const value = (action.value ?? '').trim();
    const change = (field: string, from: string | null): PlannedAction => ({
      kind: action.kind,
      description: `${field}: ${from ?? '—'} → ${value}`,
      effective: from === null || from.toLowerCase() !== value.toLowerCase(),
    });
    const described = (description: string): PlannedAction => ({ kind: action.kind, description, effective: true });
    const savedReply = () => {
      if (!this.savedReplies.some((r) => r.title.trim() === value)) throw fail('invalid_input', `there is no saved reply called '${value}'`);
    };
    switch (action.kind) {
      case 'set_category':
        return change('category', t.category);
      case 'set_priority':
        return change('priority', t.priority);
      case 'set_queue':
        return change('queue', t.queue);
      case 'set_status':
        return change('status', t.status);
      case 'assign':
        return change('assignee', t.assignee);
      case 'add_tag':
        return { kind: action.kind, description: `tag: + ${value}`, effective: !t.tags.some((x) => x.toLowerCase() === value.toLowerCase()) };
      case 'add_note':
        return described(`note: ${value}`);
      case 'notify':
        return described(`notify: ${value}`);
      case 'escalate':
        return described(`escalate: priority ${t.priority} → urgent, tag + escalated, notify`);
      case 'draft_saved_reply':
        savedReply();
        return described(`draft from saved reply '${value}'`);
      case 'draft_ai':
        return described('draft a reply with the AI');
      case 'auto_reply': {
        savedReply();
        const why = !rule.allow_auto_reply
          ? 'automatic replies are not allowed for this rule'
          : t.auto_generated
            ? 'the message is an auto-reply, bulk mail or bounce'
            : t.channel === 'phone'
              ? 'phone tickets have no address to reply to'
              : null;
        return why === null
          ? described(`automatic reply '${value}'`)
          : { kind: action.kind, description: `automatic reply '${value}' (skipped: ${why})`, effective: false };
      }
    }
  }

  /** Files the fake shell "wrote" (save dialogs), by path, for the tests to read back. */
  readonly savedFiles = new Map<string, string>();

  private exportRules(): string {
    const file = { switchboard_rules: 1, rules: this.rules.map((r) => ({ enabled: r.enabled, ...r.definition })) };
    return JSON.stringify(file, null, 2);
  }

  /** As rules::library::import_json: all the file's rules after the existing ones, or (one is invalid) none. */
  private importRules(json: unknown): number {
    if (typeof json !== 'string') throw 'invalid args `json` for command `import_rules`: expected a string';
    let file: unknown;
    try {
      file = JSON.parse(json);
    } catch (err) {
      throw fail('invalid_input', `this is not a Switchboard rules file: ${(err as Error).message}`);
    }
    const rules = (file as { rules?: unknown })?.rules;
    if (typeof file !== 'object' || file === null || !('switchboard_rules' in file)) {
      throw fail('invalid_input', 'this is not a Switchboard rules file: missing field `switchboard_rules` at line 1 column 2');
    }
    if (!Array.isArray(rules)) throw fail('invalid_input', 'this is not a Switchboard rules file: missing field `rules`');
    const parsed = rules.map((r: unknown) => {
      const { enabled, ...definition } = (r ?? {}) as { enabled?: unknown } & Record<string, unknown>;
      if (typeof enabled !== 'boolean') throw fail('invalid_input', 'this is not a Switchboard rules file: missing field `enabled`');
      const def = checkDefinition(definition, 'import_rules', true);
      return { enabled, definition: def };
    });
    for (const r of parsed) validateRule(r.definition);
    for (const r of parsed) this.rules.push({ id: this.nextRule++, enabled: r.enabled, definition: r.definition, last_error: null });
    return parsed.length;
  }

  /** As sla::set_business_hours + policies::replace_all: both checked before either is stored. */
  private saveSla(raw: unknown): null {
    const settings = raw as SlaSettings;
    if (!settings || !Array.isArray(settings.policies) || !settings.business_hours) throw 'invalid args `settings` for command `save_sla_settings`';
    const hours = settings.business_hours;
    if (!isTimeZone(hours.time_zone)) throw fail('invalid_input', `'${hours.time_zone}' is not a time zone (e.g. Europe/Berlin)`);
    if (!Array.isArray(hours.days) || hours.days.length !== 7) throw fail('invalid_input', 'business hours need seven days, Monday first');
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (const day of hours.days) {
      if (day && (day.start_minute >= day.end_minute || day.end_minute > 24 * 60)) {
        throw fail('invalid_input', `opening hours ${clock(day.start_minute)}–${clock(day.end_minute)} are not a time range within a day`);
      }
    }
    if (hours.days.every((d) => d === null)) throw fail('invalid_input', 'business hours need at least one open day');
    for (const day of hours.holidays) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim()) || Number.isNaN(Date.parse(day.trim()))) {
        throw fail('invalid_input', `'${day}' is not a date (YYYY-MM-DD)`);
      }
    }
    for (const p of settings.policies) {
      if (p.name.trim() === '') throw fail('invalid_input', 'an SLA policy needs a name');
      for (const m of [p.first_response_minutes, p.next_response_minutes, p.resolution_minutes]) {
        if (m !== null && !(m >= 1 && m <= 525_600)) throw fail('invalid_input', `SLA policy '${p.name}': a target lies between 1 minute and a year`);
      }
    }
    const clean = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
    this.sla = {
      business_hours: { time_zone: hours.time_zone, days: structuredClone(hours.days), holidays: [...hours.holidays].map((d) => d.trim()).sort() },
      policies: settings.policies.map((p) => ({ ...p, name: p.name.trim(), queue: clean(p.queue), tier: clean(p.tier) })),
    };
    void this.emit('tickets-changed', { ticket_ids: [] });
    return null;
  }

  /** The first response due time of a new ticket under the first fitting policy (calendar minutes, simplified). */
  private firstResponseDue(priority: Priority, queue: string | null, from: number): number | null {
    const policy = this.sla.policies.find(
      (p) => (p.priority === null || p.priority === priority) && (p.queue === null || p.queue.toLowerCase() === queue?.toLowerCase()) && p.tier === null,
    );
    return policy?.first_response_minutes != null ? from + policy.first_response_minutes * MINUTE : null;
  }

  /** As workflow::queues_in_use: queues holding tickets, by name. */
  private listQueues(): string[] {
    const names = new Map<string, string>();
    for (const t of this.tickets) if (t.queue !== null && !names.has(t.queue.toLowerCase())) names.set(t.queue.toLowerCase(), t.queue);
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }

  /** As workflow::set_queue: 1–40 characters, trimmed; a known queue keeps its first spelling. */
  private setTicketsQueue(ids: unknown, queue: unknown): TicketSummary[] {
    if (queue !== null && typeof queue !== 'string') throw 'invalid args `queue` for command `set_tickets_queue`: expected a string or null';
    let name: string | null = null;
    if (queue !== null) {
      const clean = queue.trim();
      if (clean === '' || [...clean].length > 40) throw fail('invalid_input', 'a queue name has 1 to 40 characters');
      name = this.listQueues().find((q) => q.toLowerCase() === clean.toLowerCase()) ?? clean;
    }
    const tickets = this.selection(ids);
    for (const t of tickets) {
      if (t.queue === name) continue;
      this.record(t.id, 'queue_changed', 'agent', { from: t.queue, to: name });
      t.queue = name;
    }
    return this.changed(tickets);
  }

  private workspaceStatus(): WorkspaceStatus {
    return {
      data_dir: '/home/agent/.local/share/switchboard',
      account_count: this.accounts.length + this.telegram.count + this.wechat.count,
      ticket_count: this.tickets.length,
      demo: this.populated,
      // As open_demo_workspace sets it; a new workspace's agent is "Support".
      agent_name: this.populated ? AGENT_NAME : 'Support',
      categories: structuredClone(this.taxonomy),
    };
  }

  /** As commands::workspace::save_taxonomy: ids trimmed, then taxonomy::validate, names stored trimmed. */
  private saveTaxonomy(raw: unknown): WorkspaceStatus {
    if (!Array.isArray(raw)) throw 'invalid args `categories` for command `save_taxonomy`: expected a sequence';
    const categories = raw.map((c: unknown) => {
      const x = (c ?? {}) as Partial<Record<'id' | 'name_en' | 'name_zh', unknown>>;
      if (typeof x.id !== 'string' || typeof x.name_en !== 'string' || typeof x.name_zh !== 'string') {
        throw 'invalid args `categories` for command `save_taxonomy`: expected a CategoryName';
      }
      return { id: x.id.trim(), name_en: x.name_en, name_zh: x.name_zh };
    });
    if (categories.length < 2) throw fail('invalid_input', 'a taxonomy needs at least two categories');
    const seen = new Set<string>();
    for (const c of categories) {
      if (!/^[a-z0-9_]+$/.test(c.id)) throw fail('invalid_input', `'${c.id}' is not a valid category id (use a-z, 0-9 and _)`);
      if (seen.has(c.id)) throw fail('invalid_input', `the category id '${c.id}' is used twice`);
      seen.add(c.id);
      if (c.name_en.trim() === '' || c.name_zh.trim() === '') {
        throw fail('invalid_input', `the category '${c.id}' needs an English and a Chinese name`);
      }
    }
    this.taxonomy = categories.map((c) => ({ id: c.id, name_en: c.name_en.trim(), name_zh: c.name_zh.trim() }));
    void this.emit('tickets-changed', { ticket_ids: [] });
    return this.workspaceStatus();
  }

  private async openDemo(): Promise<ImportSummary> {
    const steps = this.config.importSteps;
    const total = 36 * 2;
    for (let s = 0; s <= steps; s++) {
      await this.emit('import-progress', { done: Math.round((total * s) / steps), total });
      if (s < steps) await sleep(this.config.importStepMs);
    }
    if (!this.populated) this.populate();
    await this.emit('tickets-changed', { ticket_ids: this.tickets.map((t) => t.id).slice(0, 1000) });
    return { imported: total, duplicates: 0, failed: 0, tickets_created: 36 };
  }

  /** As tickets::view_counts: the standard views, the channels, then each category open tickets have. */
  private viewCounts(): ViewCount[] {
    const views: TicketView[] = [
      { kind: 'all_open' },
      { kind: 'mine' },
      { kind: 'unassigned' },
      { kind: 'needs_review' },
      { kind: 'urgent' },
      { kind: 'sla_at_risk' },
      { kind: 'pending' },
      { kind: 'snoozed' },
      { kind: 'resolved' },
      { kind: 'channel', channel: 'email' },
      { kind: 'channel', channel: 'phone' },
      { kind: 'channel', channel: 'telegram' },
      { kind: 'channel', channel: 'wechat' },
    ];
    const counted = views.map((view) => ({ view, count: this.tickets.reduce((n, t) => (this.matches(view, t) ? n + 1 : n), 0) }));
    const categories = new Map<string, number>();
    for (const t of this.tickets) {
      if (t.category !== null && this.matches({ kind: 'all_open' }, t)) categories.set(t.category, (categories.get(t.category) ?? 0) + 1);
    }
    const byCategory = [...categories].sort(([a], [b]) => a.localeCompare(b)).map(([category, count]) => ({ view: { kind: 'category', category } as TicketView, count }));
    // Queues only while open tickets are in them.
    const queues = new Map<string, number>();
    for (const t of this.tickets) {
      if (t.queue !== null && this.matches({ kind: 'all_open' }, t)) queues.set(t.queue, (queues.get(t.queue) ?? 0) + 1);
    }
    const byQueue = [...queues].sort(([a], [b]) => a.localeCompare(b)).map(([queue, count]) => ({ view: { kind: 'queue', queue } as TicketView, count }));
    return [...counted, ...byCategory, ...byQueue];
  }

  /** As saved_views::with_counts: each view with the tickets its filter selects now (as list_tickets counts them). */
  private listSavedViews(): SavedViewCount[] {
    return this.savedViews.map((view) => ({
      view: structuredClone(view),
      count: this.tickets.reduce((n, t) => (this.fitsFilter(view.filter, t) ? n + 1 : n), 0),
    }));
  }

  /** As saved_views::save: a name of 1 to 60 characters (trimmed), the dates in order; `id` null adds one at the end. */
  private saveSavedView(id: unknown, rawName: unknown, rawFilter: unknown): SavedView {
    if (typeof rawName !== 'string') throw 'invalid args `name` for command `save_saved_view`: expected a string';
    if (!rawFilter || typeof rawFilter !== 'object') throw 'invalid args `filter` for command `save_saved_view`: expected a map';
    const filter = structuredClone(rawFilter as TicketFilter);
    const name = rawName.trim();
    if (name === '' || [...name].length > 60) throw fail('invalid_input', 'a view needs a name of 1 to 60 characters');
    if (filter.created_after != null && filter.created_before != null && filter.created_after >= filter.created_before) {
      throw fail('invalid_input', "the 'created after' date must come before the 'created before' date");
    }
    if (id === null || id === undefined) {
      const view = { id: this.nextSavedView++, name, filter };
      this.savedViews.push(view);
      return structuredClone(view);
    }
    const existing = this.savedViews.find((v) => v.id === num(id, 'id'));
    if (!existing) throw fail('invalid_input', `view ${String(id)} does not exist`);
    existing.name = name;
    existing.filter = filter;
    return structuredClone(existing);
  }

  private listTickets(view: TicketView, sort: unknown, limit: number, offset: number): TicketSummary[] {
    if (!view || typeof view !== 'object' || !('kind' in view)) throw fail('invalid_argument', 'Unknown view.');
    if (sort !== 'newest' && sort !== 'oldest' && sort !== 'priority' && sort !== 'sla_due') {
      throw `invalid args \`sort\` for command \`list_tickets\`: unknown variant \`${String(sort)}\`, expected one of \`newest\`, \`oldest\`, \`priority\`, \`sla_due\``;
    }
    const out: TicketSummary[] = [];
    let seen = 0;
    for (const t of this.sorted(sort)) {
      if (!this.matches(view, t)) continue;
      if (seen++ < offset) continue;
      out.push(this.summary(t));
      if (out.length >= limit) break;
    }
    return out;
  }

  private getTicket(id: unknown): TicketDetail {
    const t = this.find(id);
    const customer = this.customers.find((c) => c.id === t.customerId) ?? {
      id: t.customerId,
      display_name: t.customer_name,
      identities: [{ channel: t.channel, address: t.customer_address }],
      ticket_count: 1,
    };
    return {
      ticket: this.summary(t),
      customer: structuredClone(customer),
      messages: structuredClone(t.messages),
      outbox: structuredClone(t.outbox),
      ai: structuredClone(t.ai),
      agent_fields: [...t.agentFields],
    };
  }

  /** As SearchIndex::catch_up: a rebuild in progress makes the search wait, telling how far it has come. */
  private async waitForSearchIndex(): Promise<void> {
    const total = this.config.searchIndexBacklog;
    if (total === 0) return;
    for (let indexed = 0; indexed < total; indexed += 500) {
      await this.emit('search-indexing', { indexing: true, indexed, total });
      await sleep(250);
    }
    this.config.searchIndexBacklog = 0;
    await this.emit('search-indexing', { indexing: false, indexed: 0, total: 0 });
  }

  private search(query: string, limit: number): TicketSummary[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const out: TicketSummary[] = [];
    for (const t of this.tickets) {
      const hay = `${t.subject}\n${t.customer_name}\n${t.customer_address}\n${t.preview}\n${t.summary ?? ''}\n${t.messages.map((m) => m.body_text).join('\n')}`.toLowerCase();
      if (hay.includes(q)) out.push(this.summary(t));
      if (out.length >= limit) break;
    }
    return out;
  }

  /** As `customer_tickets`: the customer's tickets on every channel, newest activity first. */
  private customerTickets(customerId: number, limit: number): TicketSummary[] {
    return this.tickets
      .filter((t) => t.customerId === customerId)
      .sort((a, b) => b.updated_at - a.updated_at || b.id - a.id)
      .slice(0, limit)
      .map((t) => this.summary(t));
  }

  // ---------- the agent's actions on many tickets (commands::ticket_actions) ----------

  /** As `selection` + `ensure_exist`: at most 1000 ids, none empty, every ticket there before anything changes. */
  private selection(raw: unknown): Ticket[] {
    if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
      throw 'invalid args `ticketIds`: expected a sequence of integers';
    }
    if (raw.length > MAX_SELECTION) throw fail('invalid_input', `at most ${MAX_SELECTION} tickets can be changed at once`);
    if (raw.length === 0) throw fail('invalid_input', 'no tickets were selected');
    return raw.map((id) => {
      const t = this.tickets.find((x) => x.id === id);
      if (!t) throw fail('not_found', `ticket ${String(id)} not found`);
      return t;
    });
  }

  private changed(tickets: Ticket[]): TicketSummary[] {
    void this.emit('tickets-changed', { ticket_ids: tickets.map((t) => t.id) });
    return tickets.map((t) => this.summary(t));
  }

  private assignTickets(ids: unknown, toMe: unknown): TicketSummary[] {
    if (typeof toMe !== 'boolean') throw 'invalid args `toMe` for command `assign_tickets`: expected a boolean';
    const tickets = this.selection(ids);
    for (const t of tickets) {
      const to = toMe ? AGENT_NAME : null;
      if (t.assignee === to) continue;
      this.record(t.id, 'assigned', 'agent', { from: t.assignee, to });
      t.assignee = to;
    }
    return this.changed(tickets);
  }

  private tagTickets(ids: unknown, add: unknown, remove: unknown): TicketSummary[] {
    const names = (raw: unknown, arg: string) => {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) throw `invalid args \`${arg}\` for command \`tag_tickets\`: expected a sequence of strings`;
      return (raw as string[]).map(normaliseTag);
    };
    const adding = names(add, 'add');
    const removing = names(remove, 'remove').map((x) => x.toLowerCase());
    const tickets = this.selection(ids);
    // Tags match without regard to case; a tag the workspace has keeps its first spelling.
    const known = new Map(this.tickets.flatMap((t) => t.tags).map((tag) => [tag.toLowerCase(), tag]));
    for (const t of tickets) {
      const tags = t.tags.filter((tag) => !removing.includes(tag.toLowerCase()));
      const removed = t.tags.filter((tag) => !tags.includes(tag));
      const added: string[] = [];
      for (const tag of adding) {
        const spelled = known.get(tag.toLowerCase()) ?? tag;
        known.set(tag.toLowerCase(), spelled);
        if (!tags.some((x) => x.toLowerCase() === tag.toLowerCase())) {
          tags.push(spelled);
          added.push(spelled);
        }
      }
      if (added.length > 0 || removed.length > 0) this.record(t.id, 'tagged', 'agent', { added, removed });
      t.tags = tags.sort((a, b) => a.localeCompare(b));
    }
    return this.changed(tickets);
  }

  /** As ticket_actions::tags_in_use: most used first, then by name. */
  private tagsInUse(): TagCount[] {
    const counts = new Map<string, number>();
    for (const t of this.tickets) for (const tag of t.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].map(([name, tickets]) => ({ name, tickets })).sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name));
  }

  private snoozeTickets(ids: unknown, until: unknown): TicketSummary[] {
    if (until !== null && typeof until !== 'number') throw 'invalid args `until` for command `snooze_tickets`: expected a number or null';
    if (until !== null && until <= Date.now()) throw fail('invalid_input', 'a ticket can only be snoozed until a time in the future');
    const tickets = this.selection(ids);
    for (const t of tickets) {
      t.snoozed_until = until;
      this.record(t.id, until === null ? 'unsnoozed' : 'snoozed', 'agent', { until });
    }
    // The backend's clock wakes them when the time comes (tickets-changed then).
    if (until !== null && until - Date.now() < 2 ** 31 - 1) {
      setTimeout(() => void this.emit('tickets-changed', { ticket_ids: tickets.map((t) => t.id) }), until - Date.now() + 5);
    }
    return this.changed(tickets);
  }

  private setTicketsStatus(ids: unknown, status: unknown): TicketSummary[] {
    if (!STATUSES.includes(status as TicketStatus)) throw `invalid args \`status\` for command \`set_tickets_status\`: unknown variant \`${String(status)}\``;
    const tickets = this.selection(ids);
    for (const t of tickets) this.changeStatus(t, status as TicketStatus);
    return this.changed(tickets);
  }

  /** As manual_tickets::log_ticket: a ticket on the phone channel, the request as the customer's message, notes as a note. */
  private logManualTicket(raw: unknown): TicketSummary {
    const form = (raw ?? {}) as Partial<Record<keyof ManualTicket, unknown>>;
    const field = (key: keyof ManualTicket) => {
      if (typeof form[key] !== 'string') throw `invalid args \`ticket\` for command \`log_manual_ticket\`: missing field \`${key}\``;
      return (form[key] as string).trim();
    };
    const [name, contactRaw, subject, request, notes] = (['customer_name', 'customer_contact', 'subject', 'request', 'notes'] as const).map(field) as [string, string, string, string, string];
    if (name === '') throw fail('invalid_input', "the customer's name is missing");
    if (subject === '') throw fail('invalid_input', 'the subject is missing');
    if (request === '') throw fail('invalid_input', 'what the customer asked for is missing');
    const contact = normaliseContact(contactRaw);
    const channel: ChannelKind = contact.includes('@') ? 'email' : 'phone';
    let customer = this.customers.find((c) => c.identities.some((i) => i.address === contact));
    if (!customer) {
      customer = { id: this.customers.length + 1, display_name: name, identities: [{ channel, address: contact }], ticket_count: 0 };
      this.customers.push(customer);
    }
    customer.ticket_count++;
    const now = Date.now();
    const id = Math.max(0, ...this.tickets.map((t) => t.id)) + 1;
    const message = (direction: Direction, body: string, m: number): Message => ({
      id: this.nextMessage++,
      direction,
      author_name: direction === 'inbound' ? name : AGENT_NAME,
      author_address: direction === 'inbound' ? contact : '',
      subject,
      body_text: body,
      body_html: null,
      channel_message_id: null,
      sent_at: now + m,
      auto_generated: false,
      attachments: [],
    });
    const messages = [message('inbound', request, 0), ...(notes ? [message('note', notes, 1)] : [])];
    const ticket: Ticket = {
      id,
      number: Math.max(1000, ...this.tickets.map((t) => t.number)) + 1,
      subject,
      status: 'new',
      priority: 'normal',
      category: null,
      sentiment: null,
      language: null,
      channel: 'phone',
      customer_name: name,
      customer_address: contact,
      preview: preview(request),
      summary: null,
      message_count: messages.length,
      needs_review: false,
      unread: false,
      auto_generated: false,
      assignee: null,
      tags: [],
      snoozed_until: null,
      queue: null,
      sla_due_at: this.firstResponseDue('normal', null, now),
      sla_paused: false,
      created_at: now,
      updated_at: now,
      customerId: customer.id,
      messages,
      outbox: [],
      ai: null,
      agentFields: [],
    };
    this.tickets.push(ticket);
    this.record(id, 'logged_by_agent', 'agent', { channel: 'phone' });
    this.sort();
    void this.emit('tickets-changed', { ticket_ids: [id] });
    return this.summary(ticket);
  }

  /** As add_note: stored in the conversation as a note (with its files), never in the outbox. */
  private async addNote(id: unknown, body: unknown, rawFiles: unknown): Promise<null> {
    const t = this.find(id);
    if (typeof body !== 'string' || body.trim() === '') throw fail('invalid_input', 'the note is empty');
    const files = await checkFiles(rawFiles);
    t.messages.push({
      id: this.nextMessage++,
      direction: 'note',
      author_name: AGENT_NAME,
      author_address: '',
      subject: t.subject,
      body_text: body,
      body_html: null,
      channel_message_id: null,
      sent_at: Date.now(),
      auto_generated: false,
      attachments: this.attach(files),
    });
    t.message_count = t.messages.length;
    t.updated_at = Date.now();
    this.record(t.id, 'note_added', 'agent', { message_id: t.messages[t.messages.length - 1]!.id, outbox_id: null, automatic: false });
    this.sort();
    void this.emit('tickets-changed', { ticket_ids: [t.id] });
    return null;
  }

  private async sendReply(id: unknown, body: unknown, rawFiles: unknown): Promise<OutboxItem> {
    const t = this.find(id);
    if (typeof body !== 'string' || body.trim() === '') throw fail('invalid_argument', 'The reply is empty.');
    const files = await checkFiles(rawFiles);
    const item: OutboxItem = {
      id: this.nextOutbox++,
      ticket_id: t.id,
      message_id: this.nextMessage++,
      state: 'queued',
      body_text: body,
      error: null,
      attempts: 0,
      created_at: Date.now(),
    };
    t.outbox.push(item);
    this.record(t.id, 'reply_queued', 'agent', { message_id: item.message_id, outbox_id: item.id, automatic: false });
    this.outboxFiles.set(item.id, files);
    t.updated_at = Date.now();
    this.sort();
    void this.emit('tickets-changed', { ticket_ids: [t.id] });
    return structuredClone(item);
  }

  private attach(files: StoredFile[]): Message['attachments'] {
    return files.map((f) => ({ id: this.nextAttachment++, ...f }));
  }

  /** As commands::notifications::save_notification_settings: quiet hours both or neither, each 0–23. */
  private saveNotifications(raw: unknown): NotificationSettings {
    if (typeof raw !== 'object' || raw === null) throw 'invalid args `settings` for command `save_notification_settings`: expected a map';
    const next = { ...NOTIFICATION_DEFAULTS, ...(raw as NotificationSettings) };
    if (!PRIORITIES.includes(next.min_priority)) {
      throw 'invalid args `settings` for command `save_notification_settings`: unknown variant';
    }
    for (const hour of [next.quiet_from, next.quiet_until]) {
      if (hour !== null && (!Number.isInteger(hour) || hour < 0)) {
        throw 'invalid args `settings` for command `save_notification_settings`: expected u8';
      }
      if (hour !== null && hour > 23) throw fail('invalid_input', `${hour} is not an hour of the day (0–23)`);
    }
    if ((next.quiet_from === null) !== (next.quiet_until === null)) {
      throw fail('invalid_input', 'quiet hours need both a start and an end');
    }
    this.notifications = next;
    return { ...next };
  }

  /** As retry_outbox_item: only a failed item goes back to queued. */
  private async retryOutbox(outboxId: unknown): Promise<OutboxItem> {
    const id = num(outboxId, 'outboxId');
    for (const t of this.tickets) {
      const item = t.outbox.find((o) => o.id === id);
      if (!item) continue;
      if (item.state !== 'failed') throw fail('invalid_input', `outbox item ${id} has not failed`);
      item.state = 'queued';
      item.error = null;
      void this.emit('tickets-changed', { ticket_ids: [t.id] });
      return structuredClone(item);
    }
    throw fail('not_found', `outbox item ${id} does not exist`);
  }

  private async setStatus(id: unknown, status: TicketStatus): Promise<TicketSummary> {
    const t = this.find(id);
    if (!['new', 'open', 'pending', 'resolved', 'closed'].includes(status)) {
      throw fail('invalid_argument', `Unknown status "${String(status)}".`);
    }
    this.changeStatus(t, status);
    void this.emit('tickets-changed', { ticket_ids: [t.id] });
    return this.summary(t);
  }

  /** As tickets::set_status_in: an unchanged status is no event. */
  private changeStatus(t: Ticket, status: TicketStatus, actor = 'agent'): void {
    if (t.status === status) return;
    this.record(t.id, 'status_changed', actor, { from: t.status, to: status });
    t.status = status;
  }

  /**
   * As src-tauri/src/commands/triage.rs `agent_label`: the correction checked against the workspace's
   * taxonomy before anything is touched. `cmd` names the command in Tauri's deserialization errors.
   */
  private agentLabel(raw: unknown, cmd: string): TriageCorrection {
    if (!raw || typeof raw !== 'object') {
      // Tauri rejects arguments it cannot deserialize with a plain string.
      throw `invalid args \`correction\` for command \`${cmd}\`: expected a TriageCorrection`;
    }
    const c = raw as Partial<Record<keyof TriageCorrection, unknown>>;
    for (const key of TRIAGE_FIELDS) {
      const value = c[key];
      if (value !== null && value !== undefined && typeof value !== 'string') {
        throw `invalid args \`correction\` for command \`${cmd}\`: invalid type for ${key}`;
      }
    }
    const category = (c.category as string | null | undefined) ?? null;
    const priority = (c.priority as string | null | undefined) ?? null;
    const sentiment = (c.sentiment as string | null | undefined) ?? null;
    if (priority !== null && !PRIORITIES.includes(priority as Priority)) {
      throw `invalid args \`correction\` for command \`${cmd}\`: unknown variant \`${priority}\`, expected one of \`urgent\`, \`high\`, \`normal\`, \`low\``;
    }
    if (category !== null && !this.taxonomy.some((x) => x.id === category)) {
      throw fail('invalid_input', `'${category}' is not a category of this workspace`);
    }
    if (sentiment !== null && !SENTIMENTS.includes(sentiment)) {
      throw fail('invalid_input', `'${sentiment}' is not a sentiment`);
    }
    if (category === null && priority === null && sentiment === null) {
      throw fail('invalid_input', 'nothing to change');
    }
    return { category, priority: priority as Priority | null, sentiment };
  }

  /** As classification::record with Source::Agent on one ticket that exists. */
  private recordAgentLabel(t: Ticket, label: TriageCorrection): void {
    this.record(t.id, 'agent_corrected', 'agent', { model: 'agent', ...label, confidence: null, needs_review: false });
    if (label.category !== null) t.category = label.category;
    if (label.priority !== null) t.priority = label.priority;
    if (label.sentiment !== null) t.sentiment = label.sentiment;
    t.agentFields = TRIAGE_FIELDS.filter((f) => t.agentFields.includes(f) || label[f] !== null);
    t.needs_review = false;
    // The agent's label is one the offline model has not learnt from; enough of them start a retrain.
    this.model.newLabels++;
    if (this.model.newLabels >= RETRAIN_AFTER_LABELS) this.retrainModel();
  }

  /**
   * As src-tauri/src/commands/triage.rs: validates before touching the store, records the agent's fields
   * (they win over every later automatic run), clears needs_review, leaves updated_at alone.
   */
  private async correct(id: unknown, raw: unknown): Promise<TicketSummary> {
    const label = this.agentLabel(raw, 'correct_ticket');
    const t = this.find(id);
    this.recordAgentLabel(t, label);
    void this.emit('tickets-changed', { ticket_ids: [t.id] });
    return this.summary(t);
  }

  /**
   * As triage.rs `correct_tickets` + classification::record_many: at most 1000 ids, the correction
   * validated as correct_ticket's, then every ticket in one transaction: a missing one changes none.
   */
  private async correctMany(ids: unknown, raw: unknown): Promise<TicketSummary[]> {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
      throw 'invalid args `ticketIds` for command `correct_tickets`: expected a sequence of integers';
    }
    if (ids.length > MAX_SELECTION) throw fail('invalid_input', `at most ${MAX_SELECTION} tickets can be changed at once`);
    const label = this.agentLabel(raw, 'correct_tickets');
    if (ids.length === 0) throw fail('invalid_input', 'no tickets were selected');
    const tickets = (ids as number[]).map((id) => {
      const t = this.tickets.find((x) => x.id === id);
      if (!t) throw fail('not_found', `ticket ${String(id)} does not exist`);
      return t;
    });
    for (const t of tickets) this.recordAgentLabel(t, label);
    void this.emit('tickets-changed', { ticket_ids: ids });
    // As tickets::summaries: each ticket once, in the order asked.
    return [...new Set(tickets)].map((t) => this.summary(t));
  }

  // ---------- merging and splitting tickets (ticket_merging.rs) ----------

  /** As ticket_merging::recount: what the list shows of a ticket, from the messages it now holds. */
  private recount(t: Ticket): void {
    t.message_count = t.messages.length;
    const inbound = t.messages.filter((m) => m.direction === 'inbound').sort((a, b) => b.sent_at - a.sent_at || b.id - a.id)[0];
    if (inbound) t.preview = preview(inbound.body_text);
    t.updated_at = Math.max(t.updated_at, Date.now());
  }

  private ids(raw: unknown, arg: string, cmd: string): number[] {
    if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
      throw `invalid args \`${arg}\` for command \`${cmd}\`: expected a sequence of integers`;
    }
    return raw as number[];
  }

  private existing(id: number): Ticket {
    const t = this.tickets.find((x) => x.id === id);
    if (!t) throw fail('not_found', `ticket ${id} does not exist`);
    return t;
  }

  /** As ticket_merging::merge: every message, queued reply and tag of the sources moves; they close and point at the target. */
  private mergeTickets(rawTarget: unknown, rawSources: unknown): TicketSummary {
    const target = num(rawTarget, 'target');
    const sources = this.ids(rawSources, 'sources', 'merge_tickets');
    if (sources.length === 0) throw fail('invalid_input', 'choose the tickets to merge');
    if (sources.includes(target)) throw fail('invalid_input', 'a ticket cannot be merged into itself');
    const into = this.existing(target);
    const from = sources.map((id) => this.existing(id));
    const now = Date.now();
    for (const t of from) {
      const moved = t.messages.length;
      into.messages.push(...t.messages);
      t.messages = [];
      for (const item of t.outbox) item.ticket_id = into.id;
      into.outbox.push(...t.outbox);
      t.outbox = [];
      for (const tag of t.tags) if (!into.tags.includes(tag)) into.tags.push(tag);
      t.status = 'closed';
      t.snoozed_until = null;
      this.recount(t);
      this.record(t.id, 'merged_into', 'agent', { ticket: into.number, messages: moved });
      this.record(into.id, 'merged_from', 'agent', { ticket: t.number, messages: moved });
    }
    into.created_at = Math.min(into.created_at, ...from.map((t) => t.created_at));
    if (into.status === 'resolved' || into.status === 'closed') into.status = 'open';
    into.updated_at = Math.max(into.updated_at, now);
    this.recount(into);
    this.sort();
    void this.emit('tickets-changed', { ticket_ids: [into.id, ...sources] });
    return this.summary(into);
  }

  /** As ticket_merging::split: the chosen messages make a new ticket of the same customer; one has to stay. */
  private splitTicket(rawTicket: unknown, rawMessages: unknown): TicketSummary {
    const ticketId = num(rawTicket, 'ticketId');
    const ids = this.ids(rawMessages, 'messageIds', 'split_ticket');
    if (ids.length === 0) throw fail('invalid_input', 'choose the messages to move to a new ticket');
    const t = this.existing(ticketId);
    let subject: string | null = null;
    for (const id of ids) {
      const m = t.messages.find((x) => x.id === id);
      if (!m) throw fail('invalid_input', `message ${id} is not part of this ticket`);
      if (subject === null && m.direction === 'inbound') subject = m.subject;
    }
    if (ids.length >= t.messages.length) throw fail('invalid_input', 'at least one message has to stay on the ticket');
    const clean = subject?.replace(/^\s*((re|fwd?|aw|wg)\s*:|回复[:：]|转发[:：])\s*/i, '').trim() ?? '';
    const now = Date.now();
    const moved = t.messages.filter((m) => ids.includes(m.id));
    const created: Ticket = {
      ...this.summary(t),
      id: Math.max(0, ...this.tickets.map((x) => x.id)) + 1,
      number: Math.max(1000, ...this.tickets.map((x) => x.number)) + 1,
      subject: clean === '' ? t.subject : clean,
      status: 'open',
      summary: null,
      needs_review: false,
      unread: false,
      auto_generated: false,
      assignee: null,
      tags: [],
      snoozed_until: null,
      sla_due_at: null,
      sla_paused: false,
      created_at: now,
      updated_at: now,
      customerId: t.customerId,
      messages: moved,
      outbox: t.outbox.filter((o) => ids.includes(o.message_id)),
      ai: null,
      agentFields: [],
    };
    for (const item of created.outbox) item.ticket_id = created.id;
    t.messages = t.messages.filter((m) => !ids.includes(m.id));
    t.outbox = t.outbox.filter((o) => !ids.includes(o.message_id));
    this.tickets.push(created);
    this.recount(t);
    this.recount(created);
    this.record(t.id, 'split_to', 'agent', { ticket: created.number, messages: ids });
    this.record(created.id, 'split_from', 'agent', { ticket: t.number, messages: ids });
    this.sort();
    void this.emit('tickets-changed', { ticket_ids: [t.id, created.id] });
    return this.summary(created);
  }

  /** Deletes a ticket from the store, as if it went away behind the app's back (tests of missing tickets). */
  forgetTicket(id: number): void {
    this.tickets = this.tickets.filter((t) => t.id !== id);
  }

  // ---------- email accounts (as src-tauri/src/commands/accounts.rs) ----------

  private addSampleAccounts(): void {
    const now = Date.now();
    const support = this.createAccount(
      {
        name: 'Support',
        address: 'support@acme-shop.com',
        displayName: 'Acme Support',
        username: 'support@acme-shop.com',
        password: 'secret',
        imap: { host: 'mail.acme-shop.com', port: 993, security: 'tls' },
        smtp: { host: 'mail.acme-shop.com', port: 587, security: 'start_tls' },
        signature: '— The Acme support team',
        folders: ['INBOX', 'Support'],
        initialSyncDays: 90,
        sentFolder: null,
        addressIsList: false,
        localAiOnly: false,
      },
      'secret',
    );
    support.status = { accountId: support.id, state: 'ok', message: null, lastSyncAt: now - 4 * MINUTE, retryAt: null };
    support.unreadable = 2;
    support.synced = true;
    const aftersales = this.createAccount(
      {
        name: '售后',
        address: 'shouhou@163.com',
        displayName: 'Acme 售后',
        username: 'shouhou@163.com',
        password: 'secret',
        imap: { ...PRESETS.find((p) => p.id === '163')!.imap },
        smtp: { ...PRESETS.find((p) => p.id === '163')!.smtp },
        signature: '',
        folders: ['INBOX'],
        initialSyncDays: 30,
        sentFolder: '已发送',
        addressIsList: false,
        localAiOnly: false,
      },
      'secret',
    );
    aftersales.status = {
      accountId: aftersales.id,
      state: 'error',
      message: 'cannot reach imap.163.com:993 (connection timed out)',
      lastSyncAt: now - 3 * 60 * MINUTE,
      retryAt: now + 4 * MINUTE + 40_000,
    };
  }

  private findAccount(id: unknown): FakeAccount {
    const account = this.accounts.find((a) => a.id === id);
    if (!account) throw fail('not_found', `email account ${String(id)} does not exist`);
    return account;
  }

  private createAccount(form: EmailAccountForm, password: string): FakeAccount {
    const account: FakeAccount = {
      ...settingsOf(form),
      id: this.nextAccount++,
      enabled: true,
      password,
      status: null,
      unreadable: 0,
      synced: false,
      generation: 0,
    };
    this.accounts.push(account);
    return account;
  }

  private async testAccount(raw: unknown, accountId: unknown): Promise<ConnectionCheck> {
    const form = checkForm(raw);
    let password = form.password ?? '';
    if (password === '') {
      if (accountId === null || accountId === undefined) throw fail('invalid_account', 'Enter the password to test the connection.');
      password = this.findAccount(accountId).password;
    }
    await sleep(this.config.accountTestMs);
    const folders = form.folders.map((f) => f.trim()).filter((f) => f !== '');
    const watched = folders.length > 0 ? folders : ['INBOX'];
    const imap: CheckResult = (() => {
      const problem = serverProblem(form.imap, password);
      if (problem) return { ok: false, ...problem };
      const missing = watched.find((f) => /missing/i.test(f));
      if (missing) return { ok: false, step: 'folder', message: `the folder "${missing}" does not exist on ${form.imap.host}` };
      return { ok: true, step: null, message: `Logged in to ${form.imap.host} and opened ${watched.join(', ')}.` };
    })();
    const smtpProblem = serverProblem(form.smtp, password);
    const smtp: CheckResult = smtpProblem
      ? { ok: false, step: 'send', message: smtpProblem.step === 'auth' ? 'authentication failed: 535 5.7.8 Username and Password not accepted' : smtpProblem.message }
      : { ok: true, step: null, message: `Logged in to ${form.smtp.host}.` };
    return { imap, smtp };
  }

  private async saveAccount(accountId: unknown, raw: unknown): Promise<EmailAccountView> {
    const form = checkForm(raw);
    const password = form.password ? form.password : null;
    if (password === 'no-keychain') {
      throw fail(
        'keychain_unavailable',
        'no keychain is available to store the password securely (org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files). On Linux, install and unlock GNOME Keyring or KWallet; Switchboard never stores passwords anywhere else',
      );
    }
    let account: FakeAccount;
    if (accountId === null || accountId === undefined) {
      if (password === null) throw fail('invalid_account', "Enter the account's password.");
      account = this.createAccount(form, password);
    } else {
      account = this.findAccount(accountId);
      Object.assign(account, settingsOf(form));
      if (password !== null) account.password = password;
    }
    this.startSync(account);
    return accountView(account);
  }

  private removeAccount(accountId: unknown): null {
    const account = this.findAccount(accountId);
    account.generation++;
    this.accounts = this.accounts.filter((a) => a !== account);
    return null;
  }

  /** As the sync supervisor: (re)starts a pass in the background and reports it with account-sync events. */
  private startSync(account: FakeAccount): void {
    const generation = ++account.generation;
    account.status = { accountId: account.id, state: 'syncing', message: null, lastSyncAt: account.status?.lastSyncAt ?? null, retryAt: null };
    void this.runSync(account, generation);
  }

  private async runSync(account: FakeAccount, generation: number): Promise<void> {
    const live = () => account.generation === generation && this.accounts.includes(account);
    const send = (state: string, extra: { message?: string | null; folder?: string | null; done?: number; total?: number } = {}) =>
      this.emit('account-sync', { accountId: account.id, state, message: null, folder: null, done: 0, total: 0, ...extra });
    // The command has answered before its task's first event.
    await sleep(this.config.syncStepMs);
    if (!live()) return;
    const problem = serverProblem(account.imap, account.password);
    if (problem) {
      account.status = {
        accountId: account.id,
        state: 'error',
        message: problem.message,
        lastSyncAt: account.status?.lastSyncAt ?? null,
        retryAt: Date.now() + (problem.step === 'auth' ? 30 : 2) * MINUTE,
      };
      await send('error', { message: problem.message });
      return;
    }
    const total = account.synced ? 3 : account.initialSyncDays ? Math.min(40 * account.initialSyncDays, 240) : 480;
    const steps = this.config.syncSteps;
    for (const folder of account.folders) {
      const count = folder === 'INBOX' ? total : Math.ceil(total / 4);
      for (let s = 0; s <= steps; s++) {
        if (!live()) return;
        await send('syncing', { folder, done: Math.round((count * s) / steps), total: count });
        await sleep(this.config.syncStepMs);
      }
    }
    if (!live()) return;
    account.synced = true;
    account.status = { accountId: account.id, state: 'ok', message: null, lastSyncAt: Date.now(), retryAt: null };
    await send('ok');
  }

  // ---------- the LLM (as src-tauri/src/commands/llm.rs) ----------

  private llmView(): LlmSettingsView {
    return {
      settings: structuredClone(this.llm),
      hasApiKey: this.llmKey !== null,
      local: this.llm !== null && isLocalUrl(this.llm.baseUrl),
    };
  }

  private saveLlm(raw: unknown, apiKey: unknown): LlmSettingsView {
    const form = checkLlmForm(raw);
    const key = typeof apiKey === 'string' ? apiKey.trim() : null;
    if (key === 'no-keychain') {
      throw fail(
        'keychain_unavailable',
        'no keychain is available to store the API key securely (org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files). On Linux, install and unlock GNOME Keyring or KWallet; Switchboard never stores keys anywhere else',
      );
    }
    if (key === '') this.llmKey = null;
    else if (key !== null) this.llmKey = key;
    this.llm = form;
    return this.llmView();
  }

  private async testLlm(raw: unknown, apiKey: unknown): Promise<LlmTestResult> {
    const form = checkLlmForm(raw);
    const typed = typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey.trim() : null;
    const key = typed ?? this.llmKey;
    await sleep(this.config.llmTestMs);
    if (key === 'bad-key') {
      return {
        ok: false,
        message: 'the model provider refused the request (HTTP 401): invalid api key',
        category: null,
        latencyMs: 0,
        tokens: 0,
        failure: { kind: 'rejected', status: 401, seconds: null, detail: 'invalid api key' },
      };
    }
    const local = isLocalUrl(form.baseUrl);
    return {
      ok: true,
      message: `${form.model} answered and classified the sample ticket.`,
      category: 'shipping',
      latencyMs: local ? 1_930 : 842,
      tokens: 412,
      failure: null,
    };
  }

  // ---------- reply drafts and saved replies (as src-tauri/src/commands/drafts.rs) ----------

  /** What a draft is written from: the customer, their language, their last message, the order. */
  private draftContext(t: Ticket) {
    const customer = this.customers[t.customerId - 1]?.display_name ?? t.customer_name;
    const lastInbound = [...t.messages].reverse().find((m) => m.direction === 'inbound')?.body_text ?? '';
    const language = t.language && t.language !== '' ? t.language : detectLanguage(lastInbound);
    const orderNumber = findOrderNumber(t.ai?.entities ?? [], `${t.subject}\n${lastInbound}`);
    return { customer, language, lastInbound, orderNumber };
  }

  /**
   * By the LLM when one is set up and on (after `draftMs`), else — or when it fails, with a note saying
   * why — from the best saved reply with its variables filled; `no_draft` when none fits.
   */
  private async draftReply(id: unknown): Promise<DraftView> {
    const t = this.find(id);
    const ctx = this.draftContext(t);
    const best = bestSavedReply(this.savedReplies, { category: t.category, language: ctx.language, customerText: ctx.lastInbound });
    let note: string | null = null;
    const llm = this.llm;
    if (llm?.enabled) {
      await sleep(this.config.draftMs);
      const local = isLocalUrl(llm.baseUrl);
      const error =
        this.llmDraftError ?? (!local && this.llmKey === null ? 'the model provider refused the request (HTTP 401): no API key is stored' : null);
      if (error === null) {
        this.recordDraftUsage(llm);
        return {
          text: llmDraftText(t, ctx.customer, ctx.language, ctx.orderNumber),
          source: 'llm',
          savedReplyTitle: best?.title ?? null,
          language: ctx.language,
          note: null,
        };
      }
      note = `The AI could not write a draft (${error}); this one is a saved reply.`;
    }
    if (!best) {
      throw fail('no_draft', 'No saved reply fits this ticket and no AI service is configured: add a saved reply in Settings.');
    }
    return {
      text: fillVariables(best.body, {
        customerName: ctx.customer,
        ticketNumber: t.number,
        subject: t.subject,
        orderNumber: ctx.orderNumber,
        agentName: AGENT_NAME,
        language: ctx.language,
      }),
      source: 'saved_reply',
      savedReplyTitle: best.title,
      language: ctx.language,
      note,
    };
  }

  /** As usage::record: one more call today for the model. */
  private recordDraftUsage(llm: LlmSettingsForm): void {
    const day = new Date().toISOString().slice(0, 10);
    const [prompt, completion] = [1_180, 164];
    const cost = (prompt * (llm.priceInputPerMillion ?? 0) + completion * (llm.priceOutputPerMillion ?? 0)) / 1_000_000;
    const row = this.usage.find((u) => u.day === day && u.model === llm.model);
    if (row) {
      row.calls++;
      row.promptTokens += prompt;
      row.completionTokens += completion;
      row.costUsd = (row.costUsd ?? 0) + cost;
    } else {
      this.usage.unshift({ day, model: llm.model, calls: 1, promptTokens: prompt, completionTokens: completion, costUsd: cost });
    }
  }

  /** As saved_replies::list: by title, then id. */
  private listSavedReplies(): SavedReply[] {
    return structuredClone(
      [...this.savedReplies].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id - b.id)),
    );
  }

  /** As saved_replies::save: a title and a text are needed; empty category / language mean any. */
  private saveSavedReply(id: unknown, raw: unknown): SavedReply[] {
    if (!raw || typeof raw !== 'object') throw 'invalid args `form` for command: expected a SavedReplyForm';
    const form = raw as Partial<Record<'title' | 'body' | 'category' | 'language', unknown>>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const optional = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    const title = text(form.title).trim();
    const body = text(form.body);
    if (title === '' || body.trim() === '') throw fail('invalid_input', 'a saved reply needs a title and a text');
    const fields = { title, body, category: optional(form.category), language: optional(form.language) };
    if (id === null || id === undefined) {
      this.savedReplies.push({ id: this.nextSavedReply++, ...fields });
    } else {
      const reply = this.savedReplies.find((r) => r.id === id);
      if (!reply) throw fail('invalid_input', `saved reply ${String(id)} does not exist`);
      Object.assign(reply, fields);
    }
    return this.listSavedReplies();
  }

  private deleteSavedReply(id: unknown): SavedReply[] {
    this.savedReplies = this.savedReplies.filter((r) => r.id !== num(id, 'id'));
    return this.listSavedReplies();
  }

  /** Makes the LLM fail every draft with `reason` (null: it writes them again). */
  failLlmDrafts(reason: string | null): void {
    this.llmDraftError = reason;
  }

  // ---------- the offline model (as src-tauri/src/background.rs) ----------

  /**
   * Rings the background task's bell: the command answers at once, the retrain reports itself with
   * model-training events (progress, then done or failed). Also how the app retrains by itself.
   */
  retrainModel(): void {
    if (this.training) return;
    this.training = true;
    void this.runTraining().finally(() => (this.training = false));
  }

  private async runTraining(): Promise<void> {
    const send = (state: string, done: number, examples = 0, message: string | null = null) =>
      this.emit('model-training', { state, done, total: TRAINING_STEPS, examples, message });
    const step = this.config.trainingMs / (TRAINING_STEPS + 1);
    // The command has answered before the task's first event.
    await sleep(step);
    for (let done = 0; done <= TRAINING_STEPS; done++) {
      if (this.config.retrainFails && done > TRAINING_STEPS / 3) {
        await send('failed', 0, 0, 'training stopped: out of memory');
        return;
      }
      await send('training', done);
      await sleep(step);
    }
    this.model = { ...this.model, examples: RETRAINED_EXAMPLES, trainedAt: Date.now(), newLabels: 0 };
    await send('done', TRAINING_STEPS, RETRAINED_EXAMPLES);
  }

  // ---------- test controls ----------

  /** Moves an outbox item to a new state, as the sender would, and notifies the UI. */
  async setOutboxState(outboxId: number, state: OutboxItem['state'], error: string | null = null): Promise<void> {
    for (const t of this.tickets) {
      const item = t.outbox.find((o) => o.id === outboxId);
      if (!item) continue;
      item.state = state;
      item.error = error;
      if (state === 'sending') item.attempts++;
      if (state === 'sent') {
        t.messages.push({
          id: this.nextMessage++,
          direction: 'outbound',
          author_name: 'Switchboard Support',
          author_address: 'support@switchboard.example',
          subject: `Re: ${t.subject}`,
          body_text: item.body_text,
          body_html: null,
          channel_message_id: `<reply-${item.id}@switchboard.example>`,
          sent_at: Date.now(),
          auto_generated: false,
          attachments: this.attach(this.outboxFiles.get(item.id) ?? []),
        });
        t.message_count = t.messages.length;
      }
      await this.emit('tickets-changed', { ticket_ids: [t.id] });
      return;
    }
    throw new Error(`no outbox item ${outboxId}`);
  }
}

/** As NotificationSettings::default(): everything on, every priority, no quiet hours. */
const NOTIFICATION_DEFAULTS: Required<NotificationSettings> = {
  enabled: true,
  new_tickets: true,
  replies_on_mine: true,
  min_priority: 'low',
  quiet_from: null,
  quiet_until: null,
};

/** The big providers, as crates/channels/src/email/presets.rs. */
const server = (host: string, port: number, security: MailServer['security']): MailServer => ({ host, port, security });
export const PRESETS: EmailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    domains: ['gmail.com', 'googlemail.com'],
    imap: server('imap.gmail.com', 993, 'tls'),
    smtp: server('smtp.gmail.com', 465, 'tls'),
    note: 'Turn on 2-step verification and create an app password (Google Account → Security → App passwords).',
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Office 365',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
    imap: server('outlook.office365.com', 993, 'tls'),
    smtp: server('smtp.office365.com', 587, 'start_tls'),
    note: 'Microsoft has turned password sign-in off for many accounts; it works only where your admin allows IMAP/SMTP basic authentication or app passwords.',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    imap: server('imap.mail.me.com', 993, 'tls'),
    smtp: server('smtp.mail.me.com', 587, 'start_tls'),
    note: 'Use an app-specific password (appleid.apple.com → Sign-In and Security). The user name is the part before @icloud.com.',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    domains: ['yahoo.com', 'ymail.com'],
    imap: server('imap.mail.yahoo.com', 993, 'tls'),
    smtp: server('smtp.mail.yahoo.com', 465, 'tls'),
    note: 'Generate an app password (Account security → Generate app password).',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm'],
    imap: server('imap.fastmail.com', 993, 'tls'),
    smtp: server('smtp.fastmail.com', 465, 'tls'),
    note: 'Create an app password with IMAP and SMTP access (Settings → Privacy & Security).',
  },
  {
    id: 'qq',
    label: 'QQ Mail / QQ 邮箱',
    domains: ['qq.com', 'foxmail.com'],
    imap: server('imap.qq.com', 993, 'tls'),
    smtp: server('smtp.qq.com', 465, 'tls'),
    note: 'Enable IMAP/SMTP in QQ Mail settings and log in with the authorization code (授权码), not your QQ password.',
  },
  {
    id: '163',
    label: '163 Mail / 网易邮箱',
    domains: ['163.com'],
    imap: server('imap.163.com', 993, 'tls'),
    smtp: server('smtp.163.com', 465, 'tls'),
    note: 'Enable IMAP/SMTP and use the client authorization code (客户端授权码).',
  },
  {
    id: '126',
    label: '126 Mail / 网易邮箱',
    domains: ['126.com'],
    imap: server('imap.126.com', 993, 'tls'),
    smtp: server('smtp.126.com', 465, 'tls'),
    note: 'Enable IMAP/SMTP and use the client authorization code (客户端授权码).',
  },
  {
    id: 'aliyun',
    label: 'Aliyun Mail / 阿里邮箱',
    domains: ['aliyun.com'],
    imap: server('imap.aliyun.com', 993, 'tls'),
    smtp: server('smtp.aliyun.com', 465, 'tls'),
    note: 'Enable IMAP/SMTP in the mailbox settings.',
  },
  {
    id: 'aliyun-enterprise',
    label: 'Alibaba Mail for business / 阿里企业邮箱',
    domains: [],
    imap: server('imap.qiye.aliyun.com', 993, 'tls'),
    smtp: server('smtp.qiye.aliyun.com', 465, 'tls'),
    note: 'Your administrator may need to allow IMAP/SMTP clients.',
  },
];

/** The LLM endpoints, as crates/ai/src/llm/presets.rs. */
const cloud = (id: string, label: string, baseUrl: string, model: string, note: string): LlmPresetView => ({
  id,
  label,
  baseUrl,
  model,
  keyHeader: null,
  needsKey: true,
  local: false,
  note,
});
const localLlm = (id: string, label: string, baseUrl: string, model: string, note: string): LlmPresetView => ({
  id,
  label,
  baseUrl,
  model,
  keyHeader: null,
  needsKey: false,
  local: true,
  note,
});
export const LLM_PRESETS: LlmPresetView[] = [
  cloud('openai', 'OpenAI', 'https://api.openai.com/v1', 'gpt-4o-mini', 'API key from platform.openai.com → API keys.'),
  {
    ...cloud(
      'azure',
      'Azure OpenAI',
      'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
      'your-deployment-name',
      "Replace YOUR-RESOURCE with your resource name; the model is your deployment's name. The key is sent in the api-key header.",
    ),
    keyHeader: 'api-key',
  },
  cloud('deepseek', 'DeepSeek', 'https://api.deepseek.com/v1', 'deepseek-chat', 'API key from platform.deepseek.com.'),
  cloud(
    'qwen',
    'Qwen (DashScope) / 通义千问',
    'https://dashscope.aliyuncs.com/compatible-mode/v1',
    'qwen-plus',
    "DashScope API key; this is DashScope's OpenAI-compatible mode.",
  ),
  cloud('moonshot', 'Moonshot (Kimi)', 'https://api.moonshot.cn/v1', 'moonshot-v1-8k', 'API key from platform.moonshot.cn.'),
  cloud('zhipu', 'Zhipu GLM / 智谱', 'https://open.bigmodel.cn/api/paas/v4', 'glm-4-flash', 'API key from open.bigmodel.cn.'),
  localLlm('ollama', 'Ollama (this computer)', 'http://localhost:11434/v1', 'llama3.2', 'Run `ollama pull llama3.2` first. Nothing leaves this computer.'),
  localLlm('lmstudio', 'LM Studio (this computer)', 'http://localhost:1234/v1', 'local-model', "Start LM Studio's local server. Nothing leaves this computer."),
  localLlm('llamacpp', 'llama.cpp server (this computer)', 'http://localhost:8080/v1', 'local', 'Start `llama-server -m model.gguf`. Nothing leaves this computer.'),
  localLlm('vllm', 'vLLM', 'http://localhost:8000/v1', 'your-model', '`vllm serve MODEL`; on another machine, use its address.'),
];

/** As settings::is_local_url: the host is localhost or a loopback address. */
function isLocalUrl(url: string): boolean {
  const trimmed = url.trim();
  const rest = trimmed.includes('://') ? trimmed.slice(trimmed.indexOf('://') + 3) : trimmed;
  const host = rest.split(/[/:]/)[0] ?? '';
  return host === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** As LlmSettings::validate (after the form's conversion): rejects what cannot work with `invalid_llm`. */
function checkLlmForm(raw: unknown): LlmSettingsForm {
  if (!raw || typeof raw !== 'object') {
    throw 'invalid args `form` for command: expected an LlmSettingsForm';
  }
  const form = raw as LlmSettingsForm;
  for (const [name, value] of [
    ['priceInputPerMillion', form.priceInputPerMillion],
    ['priceOutputPerMillion', form.priceOutputPerMillion],
  ] as const) {
    if (typeof value !== 'number') throw `invalid args \`form\` for command: invalid type: ${String(value)}, expected f64 (${name})`;
  }
  if (!Number.isInteger(form.timeoutSeconds) || form.timeoutSeconds < 0) {
    throw `invalid args \`form\` for command: invalid value: ${String(form.timeoutSeconds)}, expected u32`;
  }
  const url = form.baseUrl.trim();
  if (!(url.startsWith('https://') || url.startsWith('http://'))) {
    throw fail('invalid_llm', 'the base URL must start with https:// (or http:// for a server on this computer)');
  }
  if (url.startsWith('http://') && !isLocalUrl(url)) {
    throw fail('invalid_llm', 'an API key would travel unencrypted: use https:// for servers that are not on this computer');
  }
  if (url.includes('YOUR-RESOURCE')) {
    throw fail('invalid_llm', 'replace YOUR-RESOURCE in the base URL with your Azure resource name');
  }
  if (form.model.trim() === '') throw fail('invalid_llm', 'the model name is needed');
  return {
    enabled: form.enabled,
    preset: form.preset,
    baseUrl: url,
    model: form.model.trim(),
    keyHeader: form.keyHeader && form.keyHeader.trim() !== '' ? form.keyHeader : null,
    extraHeaders: form.extraHeaders.filter(([name]) => name.trim() !== ''),
    priceInputPerMillion: Math.max(0, form.priceInputPerMillion ?? 0),
    priceOutputPerMillion: Math.max(0, form.priceOutputPerMillion ?? 0),
    maskPersonalData: form.maskPersonalData,
    timeoutSeconds: form.timeoutSeconds,
  };
}

/** A few days of LLM calls: two models yesterday, a local one, and one day older than 30 days. */
function sampleUsage(now: number): LlmUsageDay[] {
  const day = (ago: number) => new Date(now - ago * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  const cost = (prompt: number, completion: number, inPrice: number, outPrice: number) =>
    (prompt * inPrice + completion * outPrice) / 1_000_000;
  const row = (ago: number, model: string, calls: number, promptTokens: number, completionTokens: number, costUsd: number): LlmUsageDay => ({
    day: day(ago),
    model,
    calls,
    promptTokens,
    completionTokens,
    costUsd,
  });
  // Newest first, then by model, as usage::daily.
  return [
    row(0, 'gpt-4o-mini', 42, 18_340, 2_150, cost(18_340, 2_150, 0.15, 0.6)),
    row(1, 'deepseek-chat', 310, 131_200, 15_800, cost(131_200, 15_800, 0.27, 1.1)),
    row(1, 'gpt-4o-mini', 1_250, 540_000, 61_000, cost(540_000, 61_000, 0.15, 0.6)),
    row(4, 'llama3.2', 96, 40_512, 4_608, 0),
    row(41, 'gpt-4o-mini', 800, 350_000, 40_000, cost(350_000, 40_000, 0.15, 0.6)),
  ];
}

type AccountSettings = Omit<EmailAccountView, 'id' | 'enabled' | 'status' | 'unreadable'>;

interface FakeAccount extends AccountSettings {
  id: number;
  enabled: boolean;
  /** What the keychain holds for it. */
  password: string;
  status: AccountStatus | null;
  unreadable: number;
  /** The first full sync is done (later passes only find a few new messages). */
  synced: boolean;
  /** Bumped when its sync restarts or stops; a pass of an older generation ends quietly. */
  generation: number;
}

function accountView(a: FakeAccount): EmailAccountView {
  return structuredClone({
    id: a.id,
    name: a.name,
    address: a.address,
    displayName: a.displayName,
    username: a.username,
    imap: a.imap,
    smtp: a.smtp,
    signature: a.signature,
    folders: a.folders,
    initialSyncDays: a.initialSyncDays,
    sentFolder: a.sentFolder,
    addressIsList: a.addressIsList,
    localAiOnly: a.localAiOnly,
    enabled: a.enabled,
    status: a.status,
    unreadable: a.unreadable,
  });
}

function isLoopback(host: string): boolean {
  return ['localhost', '127.0.0.1', '::1'].includes(host) || /^127\./.test(host);
}

/** As EmailAccountForm::settings: rejects what cannot work with `invalid_account`. */
function checkForm(raw: unknown): EmailAccountForm {
  if (!raw || typeof raw !== 'object') {
    throw 'invalid args `form` for command: expected an EmailAccountForm';
  }
  const form = raw as EmailAccountForm;
  for (const side of [form.imap, form.smtp]) {
    if (!side || typeof side.host !== 'string' || !Number.isInteger(side.port) || side.port < 1 || side.port > 65_535) {
      throw `invalid args \`form\` for command: invalid server ${JSON.stringify(side)}`;
    }
    if (!['tls', 'start_tls', 'plain'].includes(side.security)) {
      throw `invalid args \`form\` for command: unknown variant \`${String(side.security)}\`, expected one of \`tls\`, \`start_tls\`, \`plain\``;
    }
  }
  if (!form.address.includes('@')) throw fail('invalid_account', 'The email address is not valid.');
  if (form.imap.host.trim() === '' || form.smtp.host.trim() === '') {
    throw fail('invalid_account', 'Both the IMAP and the SMTP server are needed.');
  }
  if (form.username.trim() === '') throw fail('invalid_account', 'The user name is needed (often the email address).');
  for (const side of [form.imap, form.smtp]) {
    if (side.security === 'plain' && !isLoopback(side.host.trim())) {
      throw fail('invalid_account', `${side.host.trim()} would be contacted without encryption; plain connections are only allowed to this machine`);
    }
  }
  return form;
}

function settingsOf(form: EmailAccountForm): AccountSettings {
  const folders = form.folders.map((f) => f.trim()).filter((f) => f !== '');
  return {
    name: form.name.trim(),
    address: form.address.trim(),
    displayName: form.displayName.trim(),
    username: form.username.trim(),
    imap: { ...form.imap, host: form.imap.host.trim() },
    smtp: { ...form.smtp, host: form.smtp.host.trim() },
    signature: form.signature,
    folders: folders.length > 0 ? folders : ['INBOX'],
    initialSyncDays: form.initialSyncDays && form.initialSyncDays > 0 ? form.initialSyncDays : null,
    sentFolder: form.sentFolder && form.sentFolder.trim() !== '' ? form.sentFolder : null,
    addressIsList: form.addressIsList,
    localAiOnly: form.localAiOnly,
  };
}

/** What connecting to `server` with `password` runs into: an unknown host (*.invalid), a wrong password. */
function serverProblem(server: MailServer, password: string): { step: string; message: string } | null {
  if (server.host.endsWith('.invalid')) {
    return { step: 'dns', message: `cannot find the server ${server.host}: failed to lookup address information: Name or service not known` };
  }
  if (password === 'wrong') {
    return { step: 'auth', message: 'the server refused the user name or password ([AUTHENTICATIONFAILED] Invalid credentials (Failure))' };
  }
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** As commands::ticket_actions::MAX_SELECTION. */
const MAX_SELECTION = 1000;
const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];

/** As ticket_actions::normalise_tag: trimmed, inner whitespace collapsed, 1–40 characters. */
function normaliseTag(tag: string): string {
  const clean = tag.split(/\s+/).filter(Boolean).join(' ');
  if (clean === '') throw fail('invalid_input', 'a tag cannot be empty');
  if ([...clean].length > 40) throw fail('invalid_input', 'a tag has at most 40 characters');
  return clean;
}

/** As manual_tickets::normalise_contact: an email address lower-cased, or a phone number as + and digits. */
function normaliseContact(raw: string): string {
  const contact = raw.trim();
  if (contact.includes('@')) {
    const at = contact.lastIndexOf('@');
    if (at === 0 || !contact.slice(at + 1).includes('.') || /\s/.test(contact)) throw fail('invalid_input', `'${contact}' is not an email address`);
    return contact.toLowerCase();
  }
  const digits = contact.replace(/\D/g, '');
  if (!/^[0-9 +\-().]*$/.test(contact) || digits.length < 5 || digits.length > 15) {
    throw fail('invalid_input', `'${contact}' is neither a phone number nor an email address`);
  }
  return contact.startsWith('+') ? `+${digits}` : digits;
}

function fail(code: string, message: string): AppError {
  return { code, message };
}

function num(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw fail('invalid_argument', `"${name}" must be a non-negative integer, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** The name replies of the demo workspace are signed with, and its agent's: "Mine" is what is assigned to it. */
export const AGENT_NAME = 'Aurora Audio Support';

/** What the fake's LLM settings start from when a test begins with one set up. */
const LLM_SETUP: LlmSettingsForm = {
  enabled: true,
  preset: 'custom',
  baseUrl: '',
  model: '',
  keyHeader: null,
  extraHeaders: [],
  priceInputPerMillion: 0,
  priceOutputPerMillion: 0,
  maskPersonalData: true,
  timeoutSeconds: 60,
};

/** The saved replies a new workspace starts with (crates/core/migrations/…_saved_replies.sql). */
export const SAVED_REPLIES: Omit<SavedReply, 'id'>[] = [
  {
    title: 'Where is my order',
    body: 'Hi {{first_name}},\n\nThanks for getting in touch about {{order_number}}. I have checked your order and will send you the tracking details as soon as the carrier updates them — usually within one working day.\n\nBest regards,\n{{agent_name}}',
    category: 'shipping',
    language: 'en',
  },
  {
    title: 'Refund started',
    body: 'Hi {{first_name}},\n\nI am sorry the item did not work out. I have started the refund for {{order_number}}; it will reach your original payment method within 5–7 working days.\n\nBest regards,\n{{agent_name}}',
    category: 'returns_refunds',
    language: 'en',
  },
  {
    title: 'Invoice',
    body: 'Hi {{first_name}},\n\nPlease find the corrected invoice for {{order_number}} attached. Let me know if anything else on it needs changing.\n\nBest regards,\n{{agent_name}}',
    category: 'billing',
    language: 'en',
  },
  {
    title: 'Thanks, we are on it',
    body: 'Hi {{first_name}},\n\nThank you for your message about "{{subject}}". We are looking into it and will get back to you within one working day (ticket #{{ticket_number}}).\n\nBest regards,\n{{agent_name}}',
    category: null,
    language: 'en',
  },
  {
    title: '物流查询',
    body: '{{customer_name}}，您好：\n\n感谢您的来信。关于订单 {{order_number}}，我们已联系物流公司，一旦有最新物流信息会第一时间通知您，通常在一个工作日内。\n\n祝好！\n{{agent_name}}',
    category: 'shipping',
    language: 'zh',
  },
  {
    title: '退款处理',
    body: '{{customer_name}}，您好：\n\n非常抱歉给您带来不便。订单 {{order_number}} 的退款已经提交，预计 5–7 个工作日退回原支付账户。\n\n祝好！\n{{agent_name}}',
    category: 'returns_refunds',
    language: 'zh',
  },
  {
    title: '发票',
    body: '{{customer_name}}，您好：\n\n已为订单 {{order_number}} 重新开具发票，请查收附件。如还有需要修改的地方，请随时告诉我们。\n\n祝好！\n{{agent_name}}',
    category: 'billing',
    language: 'zh',
  },
  {
    title: '已收到',
    body: '{{customer_name}}，您好：\n\n您关于“{{subject}}”的来信已收到，我们正在处理，会在一个工作日内回复您（工单号 #{{ticket_number}}）。\n\n祝好！\n{{agent_name}}',
    category: null,
    language: 'zh',
  },
];

/** What the fake LLM writes: a reply in the customer's language that uses only facts of the ticket. */
function llmDraftText(t: TicketSummary, customer: string, language: string, order: string | null): string {
  if (language === 'zh') {
    const about = order ? `订单 ${order} ` : '您的订单';
    const line: Record<string, string> = {
      shipping: `我们已经联系物流公司核实${about}的最新情况，有结果会第一时间告诉您。`,
      billing: `我们正在核对${about}的账单信息，确认后会通过邮件回复您。`,
      account: '我们已请账户团队检查您的登录情况，恢复后会立即通知您。',
      product_inquiry: '我们正在确认具体方案，稍后会把详细信息发给您。',
    };
    return `${customer}，您好：\n\n感谢您就“${t.subject}”联系我们，给您带来不便非常抱歉。${line[t.category ?? ''] ?? '我们正在处理，会在一个工作日内回复您。'}\n\n祝好！\n${AGENT_NAME}`;
  }
  const first = customer.trim().split(/\s+/)[0] ?? customer;
  const about = order ?? 'your order';
  const line: Record<string, string> = {
    shipping: `I have asked the carrier for an update on ${about} and will send you the details as soon as I have them.`,
    billing: `I am checking ${about} with our billing team and will confirm the next step by email.`,
    returns_refunds: `I am checking the return of ${about} and will confirm the next step by email.`,
    technical_support: 'Our technical team is looking at what you described. Could you tell me which app version you are using?',
  };
  return `Hi ${first},\n\nThank you for writing to us about "${t.subject}", and I am sorry for the trouble. ${line[t.category ?? ''] ?? 'I am looking into it and will get back to you within one working day.'}\n\nBest regards,\n${AGENT_NAME}`;
}

// ---------- rules, queues and SLAs (as crates/core/src/rules, sla, workflow.rs) ----------

/** Queues of the demo tickets, round and round (null: in no queue). */
const DEMO_QUEUES: (string | null)[] = ['Billing', 'Technical', null, 'After-sales', null, 'Technical'];
/** Minutes until each demo ticket's nearest SLA target (negative: breached), round and round; null: no SLA. */
const DEMO_SLA_MINUTES: (number | null)[] = [-190, 20, 130, null, 55, 600, 1_560, -45, 320];

/** A new workspace's SLA settings (the workflow migration; office hours in the machine's time zone). */
const DEFAULT_SLA: SlaSettings = {
  policies: [
    { name: 'Urgent', priority: 'urgent', queue: null, tier: null, first_response_minutes: 60, next_response_minutes: 120, resolution_minutes: 480 },
    { name: 'High', priority: 'high', queue: null, tier: null, first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 1440 },
    { name: 'Normal', priority: 'normal', queue: null, tier: null, first_response_minutes: 480, next_response_minutes: 960, resolution_minutes: 4800 },
    { name: 'Low', priority: 'low', queue: null, tier: null, first_response_minutes: 1440, next_response_minutes: 2880, resolution_minutes: 9600 },
  ],
  business_hours: {
    time_zone: 'Asia/Shanghai',
    days: [...Array(5).fill({ start_minute: 540, end_minute: 1080 }), null, null],
    holidays: [],
  },
};

const cond = (field: RuleField, op: Condition['op'], value = ''): Condition => ({ field, op, value });
const act = (kind: ActionKind, value = ''): Action => ({ kind, value });
const ruleDef = (name: string, trigger: RuleDefinition['trigger'], conditions: Condition[], actions: Action[], extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name,
  trigger,
  after_hours: null,
  match: 'all',
  conditions,
  actions,
  allow_auto_reply: false,
  auto_reply_every_hours: 24,
  stop_after: false,
  ...extra,
});

/** As rules::library::day_one_rules (enabled, definition, last error the demo shows). */
const DAY_ONE_RULES: [boolean, RuleDefinition, string | null][] = [
  [true, ruleDef('Angry complaints', 'classified', [cond('category', 'is', 'complaint'), cond('sentiment', 'is', 'negative')], [act('set_priority', 'high'), act('set_queue', 'Complaints')]), null],
  [true, ruleDef('Close confident spam', 'classified', [cond('category', 'is', 'spam_other'), cond('confidence', 'at_least', '0.8')], [act('add_tag', 'spam'), act('set_status', 'closed')]), null],
  [true, ruleDef('Billing queue', 'classified', [cond('category', 'is', 'billing')], [act('set_queue', 'Billing')]), null],
  [true, ruleDef('Technical queue', 'classified', [cond('category', 'is', 'technical_support')], [act('set_queue', 'Technical')]), null],
  [true, ruleDef('After-sales queue', 'classified', [cond('category', 'one_of', 'order_status, shipping, returns_refunds')], [act('set_queue', 'After-sales')]), null],
  [true, ruleDef('Legal threats', 'ticket_created', [cond('text', 'contains_any', 'lawyer, attorney, chargeback, legal action, 律师, 起诉, 法院')], [act('escalate')]), null],
  [true, ruleDef('Announce SLA breaches', 'sla_breached', [], [act('add_tag', 'sla-breached'), act('notify', 'SLA breached')]), null],
  [
    true,
    ruleDef(
      'Resolve after a week waiting on the customer',
      'time_in_status',
      [cond('status', 'is', 'pending')],
      [act('add_note', 'Resolved automatically: no answer from the customer for 7 days.'), act('set_status', 'resolved')],
      { after_hours: 168 },
    ),
    null,
  ],
  [
    false,
    ruleDef('Acknowledge new mail outside business hours', 'ticket_created', [cond('channel', 'is', 'email'), cond('business_hours', 'is', 'false')], [act('auto_reply', 'Thanks, we are on it')], {
      allow_auto_reply: true,
    }),
    "there is no saved reply called 'Thanks, we are on it'",
  ],
];

const TRIGGER_NAMES = ['ticket_created', 'classified', 'customer_replied', 'agent_replied', 'status_changed', 'sla_warning', 'sla_breached', 'time_in_status'];
const FIELD_NAMES = ['channel', 'account', 'category', 'priority', 'sentiment', 'language', 'confidence', 'status', 'queue', 'subject', 'body', 'text', 'customer_tier', 'customer_tag', 'tag', 'business_hours'];
const OP_NAMES = ['is', 'is_not', 'one_of', 'contains_any', 'matches', 'is_empty', 'is_set', 'less_than', 'at_least'];
const ACTION_NAMES = ['set_category', 'set_priority', 'set_queue', 'set_status', 'add_tag', 'assign', 'add_note', 'notify', 'draft_saved_reply', 'draft_ai', 'auto_reply', 'escalate'];

/** Rust's Debug name of a snake_case variant: business_hours → BusinessHours. */
const debugName = (name: string) => name.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** As serde reading a RuleDefinition: the shape and the variants, with the defaults it fills in. */
function checkDefinition(raw: unknown, cmd: string, inFile = false): RuleDefinition {
  const bad = (what: string) => {
    if (inFile) return fail('invalid_input', `this is not a Switchboard rules file: ${what}`);
    return `invalid args \`definition\` for command \`${cmd}\`: ${what}`;
  };
  if (!raw || typeof raw !== 'object') throw bad('expected a RuleDefinition');
  const d = raw as Record<string, unknown>;
  if (typeof d.name !== 'string') throw bad('missing field `name`');
  if (!TRIGGER_NAMES.includes(d.trigger as string)) throw bad(`unknown variant \`${String(d.trigger)}\``);
  if (!Array.isArray(d.actions)) throw bad('missing field `actions`');
  const conditions = (Array.isArray(d.conditions) ? d.conditions : []).map((c: Record<string, unknown>) => {
    if (!FIELD_NAMES.includes(c?.field as string)) throw bad(`unknown variant \`${String(c?.field)}\``);
    if (!OP_NAMES.includes(c?.op as string)) throw bad(`unknown variant \`${String(c?.op)}\``);
    return { field: c.field as RuleField, op: c.op as Condition['op'], value: typeof c.value === 'string' ? c.value : '' };
  });
  const actions = (d.actions as Record<string, unknown>[]).map((a) => {
    if (!ACTION_NAMES.includes(a?.kind as string)) throw bad(`unknown variant \`${String(a?.kind)}\``);
    return { kind: a.kind as ActionKind, value: typeof a.value === 'string' ? a.value : '' };
  });
  const hours = (v: unknown, fallback: number | null) => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(`invalid value: ${JSON.stringify(v)}, expected u32`);
    return v;
  };
  return {
    name: d.name,
    trigger: d.trigger as RuleDefinition['trigger'],
    after_hours: hours(d.after_hours, null),
    match: d.match === 'any' ? 'any' : 'all',
    conditions,
    actions,
    allow_auto_reply: d.allow_auto_reply === true,
    auto_reply_every_hours: hours(d.auto_reply_every_hours, 24) ?? 24,
    stop_after: d.stop_after === true,
  };
}

/** As RuleDefinition::validate: the first problem, in the backend's words. */
function validateRule(def: RuleDefinition): void {
  const name = def.name.trim();
  if (name === '') throw fail('invalid_input', 'a rule needs a name');
  const invalid = (what: string) => fail('invalid_input', `rule '${name}': ${what}`);
  if ([...name].length > 80) throw invalid('the name is longer than 80 characters');
  if (def.actions.length === 0) throw invalid('it has no actions');
  if (def.trigger === 'time_in_status' && !def.after_hours) throw invalid('a time-based rule needs a number of hours');
  for (const c of def.conditions ?? []) {
    const value = (c.value ?? '').trim();
    const numeric = c.field === 'confidence';
    if ((c.op === 'less_than' || c.op === 'at_least') && !numeric) throw invalid(`${debugName(c.field)} cannot be compared as a number`);
    if (c.op === 'less_than' || c.op === 'at_least') {
      const n = Number(value);
      if (value === '' || Number.isNaN(n)) throw invalid(`'${c.value ?? ''}' is not a number`);
      if (n < 0 || n > 1) throw invalid('a confidence lies between 0 and 1');
    } else if (c.op === 'matches') {
      try {
        new RegExp(c.value ?? '', 'i');
      } catch (err) {
        throw invalid(`'${c.value ?? ''}' is not a valid regular expression: regex parse error: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
      }
    } else if (c.op !== 'is_empty' && c.op !== 'is_set' && value === '') {
      throw invalid(`the condition on ${debugName(c.field)} has no value`);
    }
    if (c.field === 'business_hours' && value !== 'true' && value !== 'false') throw invalid("business hours are 'true' (inside) or 'false' (outside)");
  }
  for (const a of def.actions) {
    const value = (a.value ?? '').trim();
    if (a.kind === 'set_priority' && !PRIORITIES.includes(value as Priority)) throw invalid(`'${value}' is not a priority`);
    if (a.kind === 'set_status' && !STATUSES.includes(value as TicketStatus)) throw invalid(`'${value}' is not a status`);
    if (a.kind === 'add_tag') {
      try {
        normaliseTag(value);
      } catch (err) {
        throw invalid((err as AppError).message);
      }
    }
    if (!['set_priority', 'set_status', 'add_tag', 'escalate', 'draft_ai'].includes(a.kind) && value === '') throw invalid(`the action ${debugName(a.kind)} has no value`);
    if (a.kind === 'auto_reply' && !def.allow_auto_reply) throw invalid('it sends an automatic reply but automatic replies are not allowed for it');
  }
  if (def.allow_auto_reply && def.auto_reply_every_hours === 0) throw invalid('automatic replies need at least one hour between them');
}

/** What a rule's conditions read about a ticket (rules::facts). */
interface Facts {
  channel: string;
  account: string[];
  category: string | null;
  priority: string;
  sentiment: string | null;
  language: string | null;
  confidence: number | null;
  status: string;
  queue: string | null;
  subject: string;
  body: string;
  customer_tier: string | null;
  customer_tag: string[];
  tag: string[];
  business_hours: boolean;
}

/** As evaluate::text_holds over a field's values (tags hold many, most fields one). */
function textHolds(op: Condition['op'], value: string, raw: string, values: string[]): boolean {
  const list = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const same = (v: string) => v.toLowerCase() === value.toLowerCase();
  switch (op) {
    case 'is_empty':
      return values.length === 0;
    case 'is_set':
      return values.length > 0;
    case 'is':
      return values.some(same);
    case 'is_not':
      return !values.some(same);
    case 'one_of':
      return values.some((v) => list.includes(v.toLowerCase()));
    case 'contains_any':
      return values.some((v) => list.some((k) => v.toLowerCase().includes(k)));
    case 'matches': {
      const re = new RegExp(raw, 'i');
      return values.some((v) => re.test(v));
    }
    default:
      return false;
  }
}

function conditionHolds(c: Condition, f: Facts): boolean {
  const value = (c.value ?? '').trim();
  const raw = c.value ?? '';
  if (c.field === 'confidence') {
    if (f.confidence === null) return c.op === 'is_empty';
    if (c.op === 'less_than') return f.confidence < Number(value);
    if (c.op === 'at_least') return f.confidence >= Number(value);
    return c.op === 'is_set';
  }
  if (c.field === 'business_hours') return (value === 'true') === f.business_hours;
  if (c.field === 'text') return textHolds(c.op, value, raw, [`${f.subject}\n${f.body}`]);
  const v = f[c.field];
  const values = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
  return textHolds(c.op, value, raw, values);
}

function ruleMatches(def: RuleDefinition, f: Facts): boolean {
  const conditions = def.conditions ?? [];
  if (def.match === 'any') return conditions.length === 0 || conditions.some((c) => conditionHolds(c, f));
  return conditions.every((c) => conditionHolds(c, f));
}

function isTimeZone(tz: string): boolean {
  if (tz.trim() === '' || tz !== tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** As Calendar::is_open: the weekday, time and date in the workspace's zone against its hours and holidays. */
function inBusinessHours(hours: BusinessHours, at: number): boolean {
  const tz = isTimeZone(hours.time_zone) ? hours.time_zone : 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (hours.holidays.includes(date)) return false;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '');
  const day = hours.days[weekday] ?? null;
  if (!day) return false;
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return minute >= day.start_minute && minute < day.end_minute;
}

export type { SlaPolicy };
