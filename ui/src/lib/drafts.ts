// Pure logic of reply drafts in the reply box: the shortcut, where a draft came from (the banner), and
// what a failed draft says. No Svelte, no backend.
import type { BackendError, DraftView } from './backend';
import type { MessageKey } from './i18n/index.svelte';

/** The keys of the draft shortcut, pressed together, as the shortcut help shows them. */
export function draftKeys(mac: boolean): string[] {
  return mac ? ['⌥', 'D'] : ['Alt', 'D'];
}

/** The draft shortcut as the button's tooltip shows it. */
export function draftShortcut(mac: boolean): string {
  return mac ? '⌥D' : 'Alt+D';
}

/** Alt+D (⌥D on a Mac, where the key itself types "∂", hence the physical key). */
export function isDraftShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyD';
}

/** A box with only whitespace holds nothing worth asking about. */
export function hasText(body: string): boolean {
  return body.trim() !== '';
}

export type DraftSource = 'llm' | 'saved_reply';

export interface DraftBanner {
  source: DraftSource;
  /** The saved reply it came from (shown for saved-reply drafts). */
  title: string | null;
  /** Why the AI was not used, in the backend's words. */
  note: string | null;
}

/** What the banner above the box says about a draft. */
export function draftBanner(draft: DraftView): DraftBanner {
  const source: DraftSource = draft.source === 'llm' ? 'llm' : 'saved_reply';
  const note = draft.note?.trim() ? draft.note.trim() : null;
  return { source, title: source === 'saved_reply' ? (draft.savedReplyTitle ?? null) : null, note };
}

/** Text to show: our own words (translated), or the backend's as they are. */
export type Words = { key: MessageKey; params?: Record<string, string> } | { message: string };

const LLM_FAILED = /^The AI could not write a draft \((.*)\); this one is a saved reply\.?$/s;
const LOCAL_ONLY = /^This account's mail stays on this computer, so the draft comes from a saved reply\.?$/;

/** The backend's note (why the AI was not used) in the UI's words when it is one we know. */
export function noteWords(note: string): Words {
  const text = note.trim();
  const failed = LLM_FAILED.exec(text);
  if (failed) return { key: 'draft.noteLlmFailed', params: { reason: failed[1] ?? '' } };
  if (LOCAL_ONLY.test(text)) return { key: 'draft.noteLocalOnly' };
  return { message: text };
}

export interface DraftFailure {
  code: string;
  title: MessageKey;
  /** Our own words for a known failure, else the backend's message. */
  text: Words;
  /** The fix is a saved reply: offer to open the manager. */
  manage: boolean;
}

/** What the box says when no draft came. */
export function draftFailure(err: Pick<BackendError, 'code' | 'message'>): DraftFailure {
  if (err.code === 'no_draft') {
    return { code: err.code, title: 'draft.noDraftTitle', text: { key: 'draft.noDraft' }, manage: true };
  }
  const message = err.message.trim();
  return {
    code: err.code,
    title: 'draft.failedTitle',
    text: { message: message.charAt(0).toLocaleUpperCase() + message.slice(1) },
    manage: false,
  };
}
