// The fake's Telegram bots (as src-tauri's check_telegram_bot, save_telegram_account, list_chat_accounts):
// `123456:TEST-token` is the one token Telegram knows (the bot switchboard_test_bot); any other token
// shaped `digits:secret` is refused with `telegram`, anything else is not a token; a name containing
// `no-keychain` finds no keychain. Saving starts the bot's sync, reported as account-sync events.
import type { AccountStatus, AppError, ChatAccountView, TelegramAccountForm, TelegramBot } from '../../src/lib/backend';

export const TEST_TOKEN = '123456:TEST-token';
const TELEGRAM_API = 'https://api.telegram.org';
const MINUTE = 60_000;

interface Bot extends ChatAccountView {
  /** What the keychain holds for it. */
  token: string;
  /** Bumped when its sync restarts or stops; a pass of an older generation ends quietly. */
  generation: number;
}

export interface TelegramDeps {
  /** The next account id (email accounts and bots share them). */
  nextId: () => number;
  emit: (event: string, payload: unknown) => Promise<void>;
  stepMs: () => number;
}

function fail(code: string, message: string): AppError {
  return { code, message };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeTelegram {
  private bots: Bot[] = [];
  private readonly deps: TelegramDeps;

  constructor(deps: TelegramDeps) {
    this.deps = deps;
  }

  /** A bot that receives, and one whose token was revoked since. */
  addSamples(): void {
    const now = Date.now();
    const shop = this.create('Shop bot', TEST_TOKEN, TELEGRAM_API, 'acme_shop_bot');
    shop.status = { accountId: shop.id, state: 'ok', message: null, lastSyncAt: now - 2 * MINUTE, retryAt: null };
    const old = this.create('Old promo bot', '654321:revoked', 'http://127.0.0.1:8081', 'acme_promo_bot');
    old.status = {
      accountId: old.id,
      state: 'error',
      message: 'Telegram no longer accepts this bot token (it was revoked in @BotFather); paste the new one',
      lastSyncAt: now - 26 * 60 * MINUTE,
      retryAt: now + 9 * MINUTE,
    };
  }

  get count(): number {
    return this.bots.length;
  }

  has(id: unknown): boolean {
    return this.bots.some((b) => b.id === id);
  }

  handle(cmd: string, args: Record<string, unknown>): Promise<unknown> | unknown {
    switch (cmd) {
      case 'list_chat_accounts':
        return this.bots.map(view);
      case 'check_telegram_bot':
        return this.check(String(args.token ?? ''));
      case 'save_telegram_account':
        return this.save(args.accountId, args.form as TelegramAccountForm);
      case 'remove_email_account':
        return this.remove(args.accountId);
      default:
        throw `fake telegram: no command ${cmd}`;
    }
  }

  private check(token: string): TelegramBot {
    const trimmed = token.trim();
    if (!/^\d+:\S+$/.test(trimmed)) throw fail('invalid_input', 'a bot token looks like 123456789:AA… — copy it from @BotFather');
    if (trimmed !== TEST_TOKEN) throw fail('telegram', 'Telegram does not accept this bot token; copy it again from @BotFather');
    return { id: 123456, username: 'switchboard_test_bot' };
  }

  private async save(accountId: unknown, form: TelegramAccountForm): Promise<ChatAccountView> {
    const token = form.token?.trim() || null;
    const fresh = accountId === null || accountId === undefined;
    const bot = fresh ? null : this.find(accountId);
    if (form.name.trim() === '') throw fail('invalid_input', 'give the bot a name');
    if (fresh && token === null) throw fail('invalid_input', 'paste the bot token from @BotFather');
    const checked = token === null ? null : this.check(token);
    if (form.name.includes('no-keychain')) {
      throw fail(
        'keychain_unavailable',
        'no keychain is available to store the bot token securely (org.freedesktop.secrets was not provided by any .service files). On Linux, install and unlock GNOME Keyring or KWallet; Switchboard never stores tokens anywhere else',
      );
    }
    const apiBase = form.apiBase?.trim() || TELEGRAM_API;
    let saved: Bot;
    if (bot) {
      bot.name = form.name.trim();
      bot.apiBase = apiBase;
      if (token !== null && checked) {
        bot.token = token;
        bot.address = `@${checked.username}`;
      }
      saved = bot;
    } else {
      saved = this.create(form.name.trim(), token!, apiBase, checked!.username);
    }
    this.startSync(saved);
    return view(saved);
  }

  private remove(accountId: unknown): null {
    const bot = this.find(accountId);
    bot.generation++;
    this.bots = this.bots.filter((b) => b !== bot);
    return null;
  }

  private find(id: unknown): Bot {
    const bot = this.bots.find((b) => b.id === id);
    if (!bot) throw fail('not_found', `chat account ${String(id)} does not exist`);
    return bot;
  }

  private create(name: string, token: string, apiBase: string, username: string): Bot {
    const bot: Bot = {
      id: this.deps.nextId(),
      channel: 'telegram',
      name,
      address: `@${username}`,
      apiBase,
      corpId: null,
      enabled: true,
      status: null,
      unreadable: 0,
      token,
      generation: 0,
    };
    this.bots.push(bot);
    return bot;
  }

  /** As the chat supervisor: connects (syncing), then receives (ok). */
  private startSync(bot: Bot): void {
    const generation = ++bot.generation;
    const status = (state: string, extra: Partial<AccountStatus> = {}): AccountStatus => ({
      accountId: bot.id,
      state,
      message: null,
      lastSyncAt: bot.status?.lastSyncAt ?? null,
      retryAt: null,
      ...extra,
    });
    bot.status = status('syncing');
    void (async () => {
      const live = () => bot.generation === generation && this.bots.includes(bot);
      const send = (state: string) => this.deps.emit('account-sync', { accountId: bot.id, state, message: null, folder: null, done: 0, total: 0 });
      await sleep(this.deps.stepMs());
      if (!live()) return;
      await send('syncing');
      await sleep(this.deps.stepMs() * 3);
      if (!live()) return;
      bot.status = status('ok', { lastSyncAt: Date.now() });
      await send('ok');
    })();
  }
}

function view(bot: Bot): ChatAccountView {
  const { token: _token, generation: _generation, ...rest } = bot;
  return structuredClone(rest);
}
