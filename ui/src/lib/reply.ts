// How the composer words itself for the ticket's channel: a Telegram reply goes out as a Telegram
// message, not as email; notes stay internal on every channel.
import type { ChannelKind } from './backend';
import type { MessageKey } from './i18n/index.svelte';

/** The line beside Send: the shortcut, and where the reply goes when that is not email. */
export function replyHint(channel: ChannelKind, note: boolean, mac: boolean): MessageKey {
  if (note) return mac ? 'reply.noteHintMac' : 'reply.noteHint';
  if (channel === 'telegram') return mac ? 'reply.hintTelegramMac' : 'reply.hintTelegram';
  return mac ? 'reply.hintMac' : 'reply.hint';
}

/** The empty text box's invitation (takes `{name}`). */
export function replyPlaceholder(channel: ChannelKind, note: boolean): MessageKey {
  if (note) return 'reply.notePlaceholder';
  return channel === 'telegram' ? 'reply.placeholderTelegram' : 'reply.placeholder';
}
