// Pure logic of the Telegram bot settings: the form's draft and what it sends to the backend,
// what keeps it from being sent, and how a bot's server reads. No Svelte, no backend.
import type { ChatAccountView, TelegramAccountForm } from './backend';
import type { MessageKey } from './i18n/index.svelte';

/** Telegram's own Bot API server (what an empty "Bot API server" means). */
export const TELEGRAM_API = 'https://api.telegram.org';

/** What the form edits, as typed. */
export interface TelegramDraft {
  name: string;
  /** Empty: none typed (when editing, the stored token is kept). */
  token: string;
  /** Empty: Telegram's own server. */
  apiBase: string;
}

export function emptyTelegramDraft(): TelegramDraft {
  return { name: '', token: '', apiBase: '' };
}

/** The draft for editing a saved bot: the token field starts empty ("unchanged"). */
export function draftFromBot(bot: ChatAccountView): TelegramDraft {
  return { name: bot.name, token: '', apiBase: isTelegramApi(bot.apiBase) ? '' : bot.apiBase };
}

/** The server is Telegram's own (written with or without a trailing slash). */
export function isTelegramApi(apiBase: string): boolean {
  const base = apiBase.trim().replace(/\/+$/, '');
  return base === '' || base.toLowerCase() === TELEGRAM_API;
}

/** A Bot API server as typed: an http(s) address with a host. */
export function isServerUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export type TelegramField = 'name' | 'token' | 'apiBase';
export type TelegramProblems = Partial<Record<TelegramField, MessageKey>>;

/**
 * What keeps the draft from being saved; `editing`: an empty token keeps the stored one. Whether the
 * token is one Telegram knows is the backend's to say (it asks Telegram).
 */
export function validateTelegramDraft(draft: TelegramDraft, editing: boolean): TelegramProblems {
  const problems: TelegramProblems = {};
  if (draft.name.trim() === '') problems.name = 'telegram.invalid.name';
  if (!editing && draft.token.trim() === '') problems.token = 'telegram.invalid.token';
  if (draft.apiBase.trim() !== '' && !isServerUrl(draft.apiBase)) problems.apiBase = 'telegram.invalid.apiBase';
  return problems;
}

/** The draft as the backend takes it: an empty token keeps the stored one, an empty server is Telegram's. */
export function toTelegramForm(draft: TelegramDraft): TelegramAccountForm {
  const token = draft.token.trim();
  const apiBase = draft.apiBase.trim().replace(/\/+$/, '');
  return { name: draft.name.trim(), token: token === '' ? null : token, apiBase: apiBase === '' ? null : apiBase };
}

/** The server shown under a bot in the list: null for Telegram's own, else its host (and port). */
export function serverLabel(apiBase: string): string | null {
  if (isTelegramApi(apiBase)) return null;
  try {
    return new URL(apiBase).host;
  } catch {
    return apiBase;
  }
}

/** "switchboard_bot" or "@switchboard_bot" → "@switchboard_bot". */
export function atUsername(username: string): string {
  const name = username.trim();
  return name === '' || name.startsWith('@') ? name : `@${name}`;
}
