// Analytics for the fake workspace, as commands::analytics answers them (crates/core/src/analytics/):
// a deterministic history of a few thousand tickets (seeded, relative to the fake's "now") counted into a
// Dashboard for the query's range and filters (days in the browser's time zone, weeks past 92 days), and
// Insights whose examples are the fake's real tickets (so a click opens one). The save dialogs answer
// window.__sbNextSave (null: the agent cancelled) or a path in ~/Documents.
import type {
  AnalyticsQuery,
  AppError,
  CalibrationBin,
  CategoryCorrections,
  CategoryName,
  Dashboard,
  DurationStats,
  Insights,
  RisingTopic,
  Rule,
  SavedReply,
  Series,
  TicketSummary,
  TimingBreakdown,
} from '../../src/lib/backend';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** As buckets::MAX_DAILY_DAYS. */
const MAX_DAILY_DAYS = 92;
const HISTORY_DAYS = 200;
const TICKETS = 3_000;

export interface AnalyticsHost {
  now: number;
  tickets(): TicketSummary[];
  taxonomy(): CategoryName[];
  rules(): Rule[];
  savedReplies(): SavedReply[];
  /** Files the save dialogs wrote, by path. */
  savedFiles(): Map<string, string>;
}

/** A ticket of the generated history: what the analytics count. */
interface Past {
  created: number;
  channel: string;
  queue: string | null;
  category: string | null;
  aiCategory: string | null;
  source: 'llm' | 'local_model' | null;
  confidence: number;
  priorityChanged: boolean;
  sentiment: string;
  firstResponse: number | null;
  resolvedAt: number | null;
  pending: boolean;
  sla: boolean;
  breaches: ('first' | 'next' | 'resolution')[];
  customer: number;
  rules: boolean;
  autoReply: boolean;
  reopened: boolean;
}

const CUSTOMER_NAMES = [
  'Li Wei', 'Maria Garcia', 'Chen Jing', 'James Smith', 'Wang Fang', 'Olivia Brown', 'Zhang Min', 'Noah Wilson', 'Liu Yang', 'Emma Davis',
  'Huang Lei', 'Lucas Martin', 'Zhao Xin', 'Sophia Lee', 'Wu Hao', 'Ethan Clark', 'Zhou Ting', 'Mia Lewis', 'Xu Ming', 'Ava Walker',
];
const QUEUES: (string | null)[] = ['Billing', 'Technical', 'After-sales', null, null];
const CHANNEL_WEIGHTS: [string, number][] = [['email', 55], ['wechat', 20], ['telegram', 12], ['phone', 13]];
const CATEGORY_WEIGHTS = [14, 16, 15, 13, 12, 10, 8, 4, 6, 2];
const SENTIMENT_WEIGHTS: [string, number][] = [['neutral', 50], ['negative', 28], ['positive', 17], ['', 5]];

function fail(code: string, message: string): AppError {
  return { code, message };
}

/** mulberry32: the same history on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Nearest-rank percentile of sorted values, as analytics::percentiles. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function stats(values: number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median_ms: percentile(sorted, 0.5), p90_ms: percentile(sorted, 0.9) };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function localMidnight(ms: number, days = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** As analytics::Buckets::new: local days, or weeks from Monday past 92 days. */
function buckets(from: number, to: number): { size: 'day' | 'week'; starts: number[] } {
  const end = Math.max(to, from + 1);
  const size = (end - from) / DAY > MAX_DAILY_DAYS ? 'week' : 'day';
  let date = new Date(localMidnight(from));
  if (size === 'week') date = new Date(localMidnight(date.getTime(), -((date.getDay() + 6) % 7)));
  const starts: number[] = [];
  for (let i = 0; ; i++) {
    const start = new Date(date.getFullYear(), date.getMonth(), date.getDate() + i * (size === 'week' ? 7 : 1)).getTime();
    if (start >= end) break;
    starts.push(start);
  }
  return { size, starts };
}

function bucketOf(starts: number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || ms < starts[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export class FakeAnalytics {
  static readonly COMMANDS = new Set(['analytics_dashboard', 'analytics_insights', 'save_chart_export', 'save_weekly_report']);

  private history: Past[] | null = null;

  constructor(private readonly host: AnalyticsHost) {}

  async handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    switch (cmd) {
      case 'analytics_dashboard':
        return this.dashboard(checkQuery(args.query, cmd));
      case 'analytics_insights':
        return this.insights(checkQuery(args.query, cmd));
      case 'save_chart_export': {
        const name = String(args.fileName);
        if (!/\.(csv|png)$/i.test(name)) throw fail('invalid_input', 'charts are exported as .csv or .png files');
        if (!Array.isArray(args.bytes)) throw 'invalid args `bytes` for command `save_chart_export`: expected a sequence';
        return this.save(name, `${(args.bytes as number[]).length} bytes`);
      }
      case 'save_weekly_report': {
        const query = checkQuery(args.query, cmd);
        const d = this.dashboard(query);
        const zh = args.chinese === true;
        const html = `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><title>${zh ? '客服周报' : 'Weekly support report'}</title><p>${d.volume.total_created}</p></html>`;
        return this.save(String(args.fileName), html);
      }
      default:
        throw fail('unknown_command', `The backend has no command "${cmd}".`);
    }
  }

  private save(fileName: string, content: string): string | null {
    const next = (globalThis as { __sbNextSave?: string | null }).__sbNextSave;
    const path = next === undefined ? `/home/agent/Documents/${fileName}` : next;
    if (path !== null) this.host.savedFiles().set(path, content);
    return path;
  }

  /** The generated history, made on first use (the taxonomy's first ten categories). */
  private past(): Past[] {
    if (this.history) return this.history;
    const rand = random(20_260_301);
    const ids = this.host.taxonomy().map((c) => c.id);
    const categories: [string, number][] = ids.map((id, i) => [id, CATEGORY_WEIGHTS[i] ?? 3]);
    const now = this.host.now;
    const out: Past[] = [];
    for (let i = 0; i < TICKETS; i++) {
      // More tickets lately (the business grows), and weekdays busier than weekends.
      let created = now - Math.pow(rand(), 1.25) * HISTORY_DAYS * DAY;
      const weekday = new Date(created).getDay();
      if ((weekday === 0 || weekday === 6) && rand() < 0.45) created -= 2 * DAY;
      const channel = weighted(rand, CHANNEL_WEIGHTS);
      const category = rand() < 0.04 ? null : weighted(rand, categories);
      const classified = rand() < 0.94;
      const corrected = rand() < (category === 'complaint' || category === 'technical_support' ? 0.32 : 0.1);
      const aiCategory = !classified ? null : corrected || category === null ? ids[Math.floor(rand() * ids.length)]! : category;
      const source = !classified ? null : rand() < 0.4 ? 'llm' : 'local_model';
      const confidence = Math.min(0.99, Math.max(0.2, (aiCategory === category ? 0.72 : 0.5) + (rand() - 0.5) * 0.5));
      const speed = channel === 'phone' ? 0.3 : channel === 'wechat' ? 0.7 : 1;
      const answered = rand() < 0.95;
      const firstResponse = answered ? Math.round(Math.exp(Math.log(95 * MINUTE * speed) + (rand() - 0.5) * 2.6)) : null;
      const resolution = Math.round(Math.exp(Math.log(26 * HOUR) + (rand() - 0.5) * 2.8));
      const resolvedAt = created + resolution < now && rand() < 0.93 ? created + resolution : null;
      const sla = rand() < 0.86;
      const breaches: Past['breaches'] = [];
      if (sla && (firstResponse === null || firstResponse > 4 * HOUR)) breaches.push('first');
      if (sla && rand() < 0.04) breaches.push('next');
      if (sla && resolution > 3 * DAY) breaches.push('resolution');
      const customer = Math.floor(Math.pow(rand(), 2.2) * 400);
      const rules = rand() < 0.38;
      const autoReply = rules && rand() < 0.3;
      out.push({
        created,
        channel,
        queue: QUEUES[Math.floor(rand() * QUEUES.length)]!,
        category,
        aiCategory,
        source,
        confidence,
        priorityChanged: classified && rand() < 0.08,
        sentiment: weighted(rand, SENTIMENT_WEIGHTS),
        firstResponse,
        resolvedAt,
        pending: resolvedAt === null && rand() < 0.3,
        sla,
        breaches,
        customer,
        rules,
        autoReply,
        reopened: resolvedAt !== null && rand() < (autoReply ? 0.14 : rules ? 0.08 : 0.05),
      });
    }
    out.sort((a, b) => a.created - b.created);
    this.history = out;
    return out;
  }

  private matching(q: AnalyticsQuery): Past[] {
    return this.past().filter(
      (p) =>
        (q.channel === null || p.channel === q.channel) &&
        (q.queue === null || p.queue === q.queue) &&
        (q.category === null || (q.category === '' ? p.category === null : p.category === q.category)),
    );
  }

  dashboard(q: AnalyticsQuery): Dashboard {
    const now = this.host.now;
    const { size, starts } = buckets(q.from, q.to);
    const n = starts.length;
    const zeros = () => new Array<number>(n).fill(0);
    const all = this.matching(q);
    const inRange = all.filter((p) => p.created >= q.from && p.created < q.to);
    const at = (ms: number) => bucketOf(starts, ms);

    const created = zeros();
    const resolved = zeros();
    for (const p of inRange) created[at(p.created)]!++;
    for (const p of all) if (p.resolvedAt !== null && p.resolvedAt >= q.from && p.resolvedAt < q.to) resolved[at(p.resolvedAt)]!++;

    const series = (key: (p: Past) => string): Series[] => {
      const by = new Map<string, number[]>();
      for (const p of inRange) {
        const k = key(p);
        if (!by.has(k)) by.set(k, zeros());
        by.get(k)![at(p.created)]!++;
      }
      return [...by.entries()]
        .map(([k, values]) => ({ key: k, values, total: values.reduce((s, v) => s + v, 0) }))
        .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
    };

    const open = zeros();
    const pending = zeros();
    starts.forEach((start, i) => {
      const end = Math.min(starts[i + 1] ?? q.to, now);
      if (start > now) return;
      for (const p of all) {
        if (p.created >= end) break;
        if (p.resolvedAt !== null && p.resolvedAt < end) continue;
        if (p.pending && p.created < end - DAY) pending[i]!++;
        else open[i]!++;
      }
    });

    const perPeriod = (value: (p: Past) => number | null) => {
      const lists: number[][] = starts.map(() => []);
      for (const p of inRange) {
        const v = value(p);
        if (v !== null) lists[at(p.created)]!.push(v);
      }
      return lists.map(stats);
    };
    const firstResponse = (p: Past) => p.firstResponse;
    const resolution = (p: Past) => (p.resolvedAt === null ? null : p.resolvedAt - p.created);
    const breakdown = (key: (p: Past) => string): TimingBreakdown[] => {
      const groups = new Map<string, Past[]>();
      for (const p of inRange) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
      return [...groups.entries()]
        .map(([k, ps]) => ({
          key: k,
          tickets: ps.length,
          first_response: stats(ps.map(firstResponse).filter((v): v is number => v !== null)),
          resolution: stats(ps.map(resolution).filter((v): v is number => v !== null)),
        }))
        .sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
    };

    const covered = inRange.filter((p) => p.sla);
    const breachesOf = (kind: Past['breaches'][number]) => {
      const out = zeros();
      for (const p of covered) if (p.breaches.includes(kind)) out[at(p.created)]!++;
      return out;
    };

    const classified = inRange.filter((p) => p.source !== null);
    const changed = (p: Past) => p.aiCategory !== p.category;
    const bySource = (['llm', 'local_model'] as const)
      .map((source) => {
        const ps = classified.filter((p) => p.source === source);
        return { source, classified: ps.length, category_changed: ps.filter(changed).length, priority_changed: ps.filter((p) => p.priorityChanged).length };
      })
      .filter((s) => s.classified > 0);
    const byCategory = new Map<string, Past[]>();
    for (const p of classified) byCategory.set(p.aiCategory ?? '', [...(byCategory.get(p.aiCategory ?? '') ?? []), p]);
    const categoryRows: CategoryCorrections[] = [...byCategory.entries()]
      .map(([category, ps]) => ({ category, classified: ps.length, changed: ps.filter(changed).length, rate: share(ps.filter(changed).length, ps.length) }))
      .sort((a, b) => b.classified - a.classified || a.category.localeCompare(b.category));
    const labels = [...new Set(classified.flatMap((p) => [p.aiCategory ?? '', p.category ?? '']))].sort((a, b) => {
      const ids = this.host.taxonomy().map((c) => c.id);
      return (ids.indexOf(a) + 1 || 99) - (ids.indexOf(b) + 1 || 99);
    });
    const counts = labels.map(() => labels.map(() => 0));
    for (const p of classified) counts[labels.indexOf(p.aiCategory ?? '')]![labels.indexOf(p.category ?? '')]!++;
    const edges: (number | null)[] = [null, 0.5, 0.6, 0.7, 0.8, 0.9, null];
    const calibration: CalibrationBin[] = edges.slice(0, -1).map((from, i) => {
      const to = edges[i + 1] ?? null;
      const ps = classified.filter((p) => (from === null || p.confidence >= from) && (to === null || p.confidence < to));
      const correct = ps.filter((p) => !changed(p)).length;
      return { from, to, count: ps.length, correct, accuracy: share(correct, ps.length) };
    });
    const costDays = new Map<string, { calls: number; tokens: number }>();
    for (const p of classified) {
      if (p.source !== 'llm') continue;
      const day = costDays.get(utcDay(p.created)) ?? { calls: 0, tokens: 0 };
      day.calls += 1;
      day.tokens += 1_150 + Math.round(p.confidence * 300);
      costDays.set(utcDay(p.created), day);
    }
    const costByDay = [...costDays.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, calls: c.calls, tokens: c.tokens, cost_usd: Math.round(c.tokens * 0.00000042 * 1e6) / 1e6 }));
    const tokens = costByDay.reduce((s, c) => s + c.tokens, 0);

    const ruled = inRange.filter((p) => p.rules);
    const auto = inRange.filter((p) => p.autoReply);
    const reopenRate = (ps: Past[]) => share(ps.filter((p) => p.reopened).length, ps.filter((p) => p.resolvedAt !== null).length);

    const perCustomer = new Map<number, number>();
    for (const p of inRange) perCustomer.set(p.customer, (perCustomer.get(p.customer) ?? 0) + 1);
    const top = [...perCustomer.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 10)
      .map(([id, tickets]) => ({ customer_id: id + 1, name: customerName(id), tickets }));
    const lastContact = new Map<number, number>();
    let repeat = 0;
    for (const p of all) {
      const before = lastContact.get(p.customer);
      if (p.created >= q.from && p.created < q.to && before !== undefined && p.created - before <= 7 * DAY) repeat++;
      lastContact.set(p.customer, p.created);
    }

    return {
      query: q,
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      bucket_size: size,
      periods: starts,
      volume: {
        created,
        resolved,
        total_created: inRange.length,
        total_resolved: resolved.reduce((s, v) => s + v, 0),
        by_channel: series((p) => p.channel),
        by_category: series((p) => p.category ?? ''),
        by_sentiment: series((p) => p.sentiment),
      },
      backlog: { open, pending },
      timings: {
        first_response: perPeriod(firstResponse),
        resolution: perPeriod(resolution),
        first_response_total: stats(inRange.map(firstResponse).filter((v): v is number => v !== null)),
        resolution_total: stats(inRange.map(resolution).filter((v): v is number => v !== null)),
      },
      timing_by_channel: breakdown((p) => p.channel),
      timing_by_category: breakdown((p) => p.category ?? ''),
      timing_by_queue: breakdown((p) => p.queue ?? ''),
      service_levels: {
        covered: covered.length,
        breached: covered.filter((p) => p.breaches.length > 0).length,
        compliance: share(covered.filter((p) => p.breaches.length === 0).length, covered.length),
        first_response_breaches: breachesOf('first'),
        next_response_breaches: breachesOf('next'),
        resolution_breaches: breachesOf('resolution'),
      },
      ai: {
        classified: classified.length,
        category_changed: classified.filter(changed).length,
        priority_changed: classified.filter((p) => p.priorityChanged).length,
        category_change_rate: share(classified.filter(changed).length, classified.length),
        priority_change_rate: share(classified.filter((p) => p.priorityChanged).length, classified.length),
        by_source: bySource,
        by_category: categoryRows,
        confusion: { labels, counts },
        calibration,
        cost_by_day: costByDay,
        cost_usd: costByDay.length > 0 ? Math.round(costByDay.reduce((s, c) => s + (c.cost_usd ?? 0), 0) * 1e6) / 1e6 : null,
        tokens,
      },
      automation: {
        tickets: inRange.length,
        handled_by_rules: ruled.length,
        auto_replied: auto.length,
        rules_share: share(ruled.length, inRange.length),
        auto_reply_share: share(auto.length, inRange.length),
        reopen_rate_rules: reopenRate(ruled),
        reopen_rate_auto_reply: reopenRate(auto),
        reopen_rate_all: reopenRate(inRange),
      },
      customers: {
        top,
        repeat_contacts: repeat,
        repeat_rate: share(repeat, inRange.length),
        customers: perCustomer.size,
        sentiment: ['positive', 'neutral', 'negative', '']
          .map((key) => {
            const values = zeros();
            for (const p of inRange) if (p.sentiment === key) values[at(p.created)]!++;
            return { key, values, total: values.reduce((s, v) => s + v, 0) };
          })
          .filter((s) => s.total > 0),
      },
    };
  }

  insights(q: AnalyticsQuery): Insights {
    const until = Math.min(q.to, this.host.now);
    const tickets = this.host.tickets().filter((t) => (q.channel === null || t.channel === q.channel) && (q.queue === null || t.queue === q.queue));
    // Topics rise in the week before the range ends: the fake's own tickets, whose words name them.
    const topic = (terms: string[], pattern: RegExp, recent: number, baseline: number): RisingTopic | null => {
      const examples = tickets
        .filter((t) => pattern.test(t.subject))
        .slice(0, 3)
        .map((t) => ({ ticket_id: t.id, number: t.number, subject: t.subject, created_at: t.created_at }));
      if (examples.length === 0 || until < this.host.now - 7 * DAY) return null;
      return { terms, recent, baseline, growth: Math.round(((recent + 1) / ((baseline + 1) / 4)) * 10) / 10, examples };
    };
    const rising = [
      topic(['refund', 'charged', 'order'], /refund|charged/i, 9, 6),
      topic(['快递', '运输中', '物流'], /快递|运输|Package/, 6, 3),
    ].filter((t): t is RisingTopic => t !== null);
    const d = this.dashboard(q);
    const replies = this.host.savedReplies();
    return {
      rising_topics: rising,
      corrected_categories: d.ai.by_category.filter((c) => c.classified >= 5 && (c.rate ?? 0) >= 0.2),
      unused_saved_replies: replies.slice(-2).map((r) => ({ id: r.id, title: r.title, uses: 0, sends: 0, mean_edit_ratio: null })),
      heavily_edited_saved_replies: replies.slice(0, 1).map((r) => ({ id: r.id, title: r.title, uses: 7, sends: 5, mean_edit_ratio: 0.62 })),
      silent_rules: this.host
        .rules()
        .filter((r) => r.enabled)
        .slice(-1)
        .map((r) => ({ id: r.id, name: r.definition.name, created_at: this.host.now - 40 * DAY })),
    };
  }
}

function customerName(id: number): string {
  const base = CUSTOMER_NAMES[id % CUSTOMER_NAMES.length]!;
  return id < CUSTOMER_NAMES.length ? base : `${base} (${id})`;
}

function checkQuery(raw: unknown, cmd: string): AnalyticsQuery {
  const q = raw as Partial<AnalyticsQuery> | null;
  if (!q || typeof q.from !== 'number' || typeof q.to !== 'number') throw `invalid args \`query\` for command \`${cmd}\`: missing field \`from\``;
  const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { from: q.from, to: q.to, channel: opt(q.channel), queue: opt(q.queue), category: opt(q.category) };
}
