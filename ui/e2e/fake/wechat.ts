// The fake's WeChat customer service (as src-tauri's check_wechat_account, save_wechat_account,
// list_chat_accounts, chat_reply_window): WeCom accepts any secret but `wrong` (refused as errcode 40001
// is, in words), a corp id `wwunknown` (40013) and an open_kfid `wkunknown` (95000); an empty secret uses
// the stored one when editing; a name containing `no-keychain` finds no keychain. Saving starts the
// account's sync, reported as account-sync events. The reply window of a WeChat ticket: 48 hours after
// the customer's last message, 5 replies (outbox items that did not fail) per customer message.
import type { AccountStatus, AppError, ChatAccountView, Message, OutboxItem, ReplyWindow, WechatAccountForm } from '../../src/lib/backend';

const WECOM_API = 'https://qyapi.weixin.qq.com';
const MINUTE = 60_000;
/** As wecom::REPLY_WINDOW_MS and wecom::REPLIES_PER_MESSAGE. */
export const REPLY_WINDOW_MS = 48 * 60 * MINUTE;
export const REPLIES_PER_MESSAGE = 5;

interface Account extends ChatAccountView {
  /** What the keychain holds for it. */
  secret: string;
  /** Bumped when its sync restarts or stops; a pass of an older generation ends quietly. */
  generation: number;
}

export interface WechatDeps {
  /** The next account id (all accounts share them). */
  nextId: () => number;
  emit: (event: string, payload: unknown) => Promise<void>;
  stepMs: () => number;
}

/** A ticket's window set by a test instead of computed: closing this many minutes from now (negative: closed), with these replies left. */
export interface WindowOverride {
  closesInMinutes: number;
  repliesLeft: number;
}

function fail(code: string, message: string): AppError {
  return { code, message };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeWechat {
  private accounts: Account[] = [];
  private readonly deps: WechatDeps;

  constructor(deps: WechatDeps) {
    this.deps = deps;
  }

  /** One account that receives. */
  addSamples(): void {
    const shop = this.create('WeChat support', 'ww7a3c9e1f20b4d6e8', 'wkR2d9QkEAAAx1', 'sample-secret', WECOM_API);
    shop.status = { accountId: shop.id, state: 'ok', message: null, lastSyncAt: Date.now() - 3 * MINUTE, retryAt: null };
  }

  get count(): number {
    return this.accounts.length;
  }

  has(id: unknown): boolean {
    return this.accounts.some((a) => a.id === id);
  }

  list(): ChatAccountView[] {
    return this.accounts.map(view);
  }

  handle(cmd: string, args: Record<string, unknown>): Promise<unknown> | unknown {
    switch (cmd) {
      case 'check_wechat_account':
        this.check(args.accountId, args.form as WechatAccountForm);
        return null;
      case 'save_wechat_account':
        return this.save(args.accountId, args.form as WechatAccountForm);
      case 'remove_email_account':
        return this.remove(args.accountId);
      default:
        throw `fake wechat: no command ${cmd}`;
    }
  }

  /** As chat_reply_window: null for other channels. */
  static replyWindow(
    ticket: { channel: string; messages: Message[]; outbox: OutboxItem[] },
    override: WindowOverride | undefined,
  ): ReplyWindow | null {
    if (ticket.channel !== 'wechat') return null;
    if (override) return { closesAt: Date.now() + override.closesInMinutes * MINUTE, repliesLeft: override.repliesLeft };
    const asked = Math.max(...ticket.messages.filter((m) => m.direction === 'inbound').map((m) => m.sent_at));
    if (!Number.isFinite(asked)) return null;
    const used = ticket.outbox.filter((o) => o.created_at >= asked && o.state !== 'failed').length;
    return { closesAt: asked + REPLY_WINDOW_MS, repliesLeft: Math.max(0, REPLIES_PER_MESSAGE - used) };
  }

  /** The secret to use: the form's, else the stored one of the account being edited. */
  private secretFor(accountId: unknown, form: WechatAccountForm): string {
    const typed = form.secret?.trim();
    if (typed) return typed;
    const stored = accountId === null || accountId === undefined ? undefined : this.accounts.find((a) => a.id === accountId)?.secret;
    if (!stored) throw fail('invalid_account', "Enter the customer-service app's secret.");
    return stored;
  }

  /** As wecom::check: a token for corp id + secret, then one read of the account's messages. */
  private check(accountId: unknown, form: WechatAccountForm): void {
    const secret = this.secretFor(accountId, form);
    if (form.corpId.trim() === 'wwunknown') throw fail('wechat', 'WeCom does not know this corp ID; check it in the admin console (My company)');
    if (secret === 'wrong') throw fail('wechat', "WeCom does not accept this secret; copy the customer-service app's secret again");
    if (form.openKfid.trim() === 'wkunknown') throw fail('wechat', 'WeCom does not know this customer-service account (open_kfid)');
  }

  private async save(accountId: unknown, form: WechatAccountForm): Promise<ChatAccountView> {
    const fresh = accountId === null || accountId === undefined;
    const account = fresh ? null : this.find(accountId);
    this.check(accountId, form);
    const secret = this.secretFor(accountId, form);
    if (form.name.includes('no-keychain')) {
      throw fail(
        'keychain_unavailable',
        'no keychain is available to store the secret securely (org.freedesktop.secrets was not provided by any .service files). On Linux, install and unlock GNOME Keyring or KWallet; Switchboard never stores secrets anywhere else',
      );
    }
    const apiBase = form.apiBase?.trim() || WECOM_API;
    let saved: Account;
    if (account) {
      account.name = form.name.trim();
      account.corpId = form.corpId.trim();
      account.address = form.openKfid.trim();
      account.apiBase = apiBase;
      account.secret = secret;
      saved = account;
    } else {
      saved = this.create(form.name.trim(), form.corpId.trim(), form.openKfid.trim(), secret, apiBase);
    }
    this.startSync(saved);
    return view(saved);
  }

  private remove(accountId: unknown): null {
    const account = this.find(accountId);
    account.generation++;
    this.accounts = this.accounts.filter((a) => a !== account);
    return null;
  }

  private find(id: unknown): Account {
    const account = this.accounts.find((a) => a.id === id);
    if (!account) throw fail('not_found', `chat account ${String(id)} does not exist`);
    return account;
  }

  private create(name: string, corpId: string, openKfid: string, secret: string, apiBase: string): Account {
    const account: Account = {
      id: this.deps.nextId(),
      channel: 'wechat',
      name,
      address: openKfid,
      apiBase,
      corpId,
      enabled: true,
      status: null,
      unreadable: 0,
      secret,
      generation: 0,
    };
    this.accounts.push(account);
    return account;
  }

  /** As the chat supervisor: connects (syncing), then receives (ok). */
  private startSync(account: Account): void {
    const generation = ++account.generation;
    const status = (state: string, extra: Partial<AccountStatus> = {}): AccountStatus => ({
      accountId: account.id,
      state,
      message: null,
      lastSyncAt: account.status?.lastSyncAt ?? null,
      retryAt: null,
      ...extra,
    });
    account.status = status('syncing');
    void (async () => {
      const live = () => account.generation === generation && this.accounts.includes(account);
      const send = (state: string) => this.deps.emit('account-sync', { accountId: account.id, state, message: null, folder: null, done: 0, total: 0 });
      await sleep(this.deps.stepMs());
      if (!live()) return;
      await send('syncing');
      await sleep(this.deps.stepMs() * 3);
      if (!live()) return;
      account.status = status('ok', { lastSyncAt: Date.now() });
      await send('ok');
    })();
  }
}

function view(account: Account): ChatAccountView {
  const { secret: _secret, generation: _generation, ...rest } = account;
  return structuredClone(rest);
}
