// What the agent's actions do, for the keyboard shortcuts (App.svelte) and the command palette alike.
import { tick } from 'svelte';
import type { CommandAction } from './commands';
import { i18n } from './i18n/index.svelte';
import type { AppState } from './state/app.svelte';
import { ui } from './state/ui.svelte';
import { theme } from './theme.svelte';
import type { TriageField } from './triage';

/** The open ticket; if none is, opens the selected one first. False when there is neither. */
async function ensureOpen(app: AppState): Promise<boolean> {
  if (app.detail) return true;
  const row = app.selected;
  if (!row) return false;
  await app.openTicket(row.id);
  await tick();
  return app.detail !== null;
}

/** Puts the caret in the reply box of the open (or selected) ticket. */
export async function focusReply(app: AppState): Promise<void> {
  if (await ensureOpen(app)) ui.replyInput?.focus();
}

/** Drafts a reply to the open ticket (opening the selected one first if none is); never sends it. */
export async function draftReply(app: AppState): Promise<void> {
  if (!(await ensureOpen(app))) return;
  const id = app.detail?.ticket.id;
  if (id === undefined) return;
  const outcome = await app.composer.draft(id);
  if (outcome === 'filled' && app.detail?.ticket.id === id) {
    await tick();
    ui.focusReplyStart();
  }
}

/** Opens the picker for `field` on the open ticket (opening the selected one first if none is). */
export async function triage(app: AppState, field: TriageField): Promise<void> {
  if (await ensureOpen(app)) ui.openPicker(field);
}

export function focusSearch(): void {
  ui.searchInput?.focus();
  ui.searchInput?.select();
}

/** Carries out a palette command. */
export async function runCommand(app: AppState, action: CommandAction): Promise<void> {
  switch (action.kind) {
    case 'view':
      app.selectView(action.view);
      return;
    case 'open-ticket':
      await app.openTicketNumber(action.number);
      return;
    case 'status':
      await app.setStatus(action.status);
      return;
    case 'reply':
      return focusReply(app);
    case 'draft':
      return draftReply(app);
    case 'triage':
      return triage(app, action.field);
    case 'search':
      focusSearch();
      return;
    case 'locale':
      i18n.setLocale(action.locale);
      return;
    case 'theme':
      theme.setChoice(action.theme);
      return;
    case 'accounts':
      ui.openAccounts();
      return;
    case 'ai-settings':
      ui.openAiSettings();
      return;
    case 'saved-replies':
      ui.openSavedReplies();
      return;
    case 'help':
      ui.helpOpen = true;
      return;
  }
}
