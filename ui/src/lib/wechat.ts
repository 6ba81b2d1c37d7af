// Pure logic of WeChat customer service (WeCom 微信客服): the account form's draft and what it sends
// to the backend, what keeps it from being sent, how an account's server reads; and the reply window
// of a WeChat ticket (48 hours after the customer's last message, at most 5 replies) in words.
// No Svelte, no backend.
import type { ChatAccountView, ReplyWindow, WechatAccountForm } from './backend';
import { translate, type Locale, type MessageKey } from './i18n/index.svelte';
import { isServerUrl } from './telegram';
import { duration } from './sla';

/** WeCom's own API server (what an empty "API server" means). */
export const WECOM_API = 'https://qyapi.weixin.qq.com';

/** What the form edits, as typed. */
export interface WechatDraft {
  name: string;
  /** 企业ID (My company → Company information). */
  corpId: string;
  /** The 微信客服 account's open_kfid ("wk…"). */
  openKfid: string;
  /** Empty: none typed (when editing, the stored secret is kept). */
  secret: string;
  /** Empty: WeCom's own server. */
  apiBase: string;
}

export function emptyWechatDraft(): WechatDraft {
  return { name: '', corpId: '', openKfid: '', secret: '', apiBase: '' };
}

/** The draft for editing a saved account: the secret field starts empty ("unchanged"). */
export function draftFromWechat(account: ChatAccountView): WechatDraft {
  return {
    name: account.name,
    corpId: account.corpId ?? '',
    openKfid: account.address,
    secret: '',
    apiBase: isWecomApi(account.apiBase) ? '' : account.apiBase,
  };
}

/** The server is WeCom's own (written with or without a trailing slash). */
export function isWecomApi(apiBase: string): boolean {
  const base = apiBase.trim().replace(/\/+$/, '');
  return base === '' || base.toLowerCase() === WECOM_API;
}

/** A corp id as WeCom writes them: letters and digits ("ww" and 16 hex digits today), no spaces. */
export function isCorpId(text: string): boolean {
  return /^[A-Za-z0-9]{6,64}$/.test(text.trim());
}

/** An open_kfid: "wk" then letters, digits, "-" or "_". */
export function isOpenKfid(text: string): boolean {
  return /^wk[A-Za-z0-9_-]+$/.test(text.trim());
}

export type WechatField = 'name' | 'corpId' | 'openKfid' | 'secret' | 'apiBase';
export type WechatProblems = Partial<Record<WechatField, MessageKey>>;

/**
 * What keeps the draft from being saved or checked; `editing`: an empty secret keeps the stored one.
 * Whether WeCom accepts the secret is the backend's to say (it asks WeCom).
 */
export function validateWechatDraft(draft: WechatDraft, editing: boolean): WechatProblems {
  const problems: WechatProblems = {};
  if (draft.name.trim() === '') problems.name = 'wechat.invalid.name';
  if (draft.corpId.trim() === '') problems.corpId = 'wechat.invalid.corpId';
  else if (!isCorpId(draft.corpId)) problems.corpId = 'wechat.invalid.corpIdShape';
  if (draft.openKfid.trim() === '') problems.openKfid = 'wechat.invalid.openKfid';
  else if (!isOpenKfid(draft.openKfid)) problems.openKfid = 'wechat.invalid.openKfidShape';
  if (!editing && draft.secret.trim() === '') problems.secret = 'wechat.invalid.secret';
  if (draft.apiBase.trim() !== '' && !isServerUrl(draft.apiBase)) problems.apiBase = 'wechat.invalid.apiBase';
  return problems;
}

/** The draft as the backend takes it: an empty secret keeps the stored one, an empty server is WeCom's. */
export function toWechatForm(draft: WechatDraft): WechatAccountForm {
  const secret = draft.secret.trim();
  const apiBase = draft.apiBase.trim().replace(/\/+$/, '');
  return {
    name: draft.name.trim(),
    corpId: draft.corpId.trim(),
    openKfid: draft.openKfid.trim(),
    secret: secret === '' ? null : secret,
    apiBase: apiBase === '' ? null : apiBase,
  };
}

/** The server shown under an account in the list: null for WeCom's own, else its host (and port). */
export function wechatServerLabel(apiBase: string): string | null {
  if (isWecomApi(apiBase)) return null;
  try {
    return new URL(apiBase).host;
  } catch {
    return apiBase;
  }
}

// ---------- the reply window ----------

export type ReplyWindowState =
  | { kind: 'open'; closesAt: number; repliesLeft: number }
  /** WeChat refuses replies: 48 hours passed since the customer wrote, or the 5 replies are used up. */
  | { kind: 'closed'; reason: 'expired' | 'quota' };

/** Where a ticket's reply window stands at `now`; null when the ticket has none (not WeChat). */
export function replyWindowState(window: ReplyWindow | null, now: number): ReplyWindowState | null {
  if (!window) return null;
  if (window.closesAt <= now) return { kind: 'closed', reason: 'expired' };
  if (window.repliesLeft <= 0) return { kind: 'closed', reason: 'quota' };
  return { kind: 'open', closesAt: window.closesAt, repliesLeft: window.repliesLeft };
}

const MINUTE = 60_000;

/** When the window closes: "14:32" today, else with the day ("Tue 14:32", "周二 14:32"). */
export function closingTime(closesAt: number, now: number, locale: Locale): string {
  const at = new Date(closesAt);
  const today = new Date(now).toDateString() === at.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(today ? {} : { weekday: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The banner's words: "WeChat accepts 3 more replies until 14:32 (in 5h)." or why it will refuse. */
export function replyWindowText(state: ReplyWindowState, now: number, locale: Locale): string {
  if (state.kind === 'closed') {
    return translate(locale, state.reason === 'expired' ? 'wechat.window.expired' : 'wechat.window.quota');
  }
  const left = Math.max(1, Math.ceil((state.closesAt - now) / MINUTE));
  return translate(locale, state.repliesLeft === 1 ? 'wechat.window.openOne' : 'wechat.window.open', {
    count: state.repliesLeft,
    time: closingTime(state.closesAt, now, locale),
    left: duration(left, locale, left >= 60 * 24 ? 2 : 1),
  });
}
