// What the agent's actions do, for the keyboard shortcuts (App.svelte) and the command palette alike.
import { tick } from 'svelte';
import type { CommandAction } from './commands';
import { i18n } from './i18n/index.svelte';
import { filterForView } from './savedViews';
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
  if (!(await ensureOpen(app))) return;
  if (app.detail?.ticket.channel !== 'phone') ui.noteMode = false;
  await tick();
  ui.replyInput?.focus();
}

/** Puts the caret in the reply box in note mode: an internal note, never sent. */
export async function focusNote(app: AppState): Promise<void> {
  if (!(await ensureOpen(app))) return;
  ui.noteMode = true;
  await tick();
  ui.replyInput?.focus();
}

/** Opens the tag, snooze or queue picker over the selection, else the open (or cursor) ticket. */
export function openActionPicker(app: AppState, kind: 'tag' | 'snooze' | 'queue'): void {
  if (app.actions.targets().length > 0) ui.openActionPicker(kind);
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

/**
 * Opens the picker for `field`: over the selection when there is one (category and priority), else on
 * the open ticket (opening the selected one first if none is).
 */
export async function triage(app: AppState, field: TriageField): Promise<void> {
  if (app.actions.selection.length > 0) {
    if (field !== 'sentiment') ui.openActionPicker(field);
    return;
  }
  if (await ensureOpen(app)) ui.openPicker(field);
}

/** Shows the open ticket's history, or its conversation again (opening the selected ticket first if none is). */
export async function toggleHistory(app: AppState): Promise<void> {
  if (!(await ensureOpen(app))) return;
  ui.history = !ui.history;
}

/** Asks where to merge the selected tickets, else the open (or selected) one. */
export async function startMerge(app: AppState): Promise<void> {
  const selected = app.actions.selection;
  if (selected.length > 0) {
    ui.mergeSources = [...selected];
    return;
  }
  if (!(await ensureOpen(app)) || !app.detail) return;
  ui.mergeSources = [app.detail.ticket.id];
}

/** Lets the agent choose messages of the open (or selected) ticket to split into a new one. */
export async function startSplit(app: AppState): Promise<void> {
  if (!(await ensureOpen(app))) return;
  ui.history = false;
  ui.splitting = true;
}

export function focusSearch(): void {
  ui.searchInput?.focus();
  ui.searchInput?.select();
}

/** New view, "Save current filters as view", or edit / delete the saved view on screen. */
function savedViewCommand(app: AppState, op: 'new' | 'save-current' | 'edit' | 'delete'): void {
  const views = app.savedViews;
  if (op === 'new') return views.startNew();
  if (op === 'save-current') return views.startNew(filterForView(app.view));
  const current = views.savedFor(app.view);
  if (!current) return;
  if (op === 'edit') views.startEdit(current);
  else views.askDelete(current);
}

/** Carries out a palette command. */
export async function runCommand(app: AppState, action: CommandAction): Promise<void> {
  switch (action.kind) {
    case 'view':
      app.selectView(action.view);
      return;
    case 'saved-view':
      return savedViewCommand(app, action.op);
    case 'open-ticket':
      await app.openTicketNumber(action.number);
      return;
    case 'status':
      await app.actions.setStatus(action.status);
      return;
    case 'assign':
      await app.actions.assign(action.toMe);
      return;
    case 'tag':
    case 'snooze':
    case 'queue':
      openActionPicker(app, action.kind);
      return;
    case 'undo':
      await app.actions.undo();
      return;
    case 'note':
      return focusNote(app);
    case 'log-call':
      ui.logCall = true;
      return;
    case 'select-all':
      app.actions.selectAllLoaded();
      return;
    case 'clear-selection':
      app.actions.clearSelection();
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
    case 'history':
      return toggleHistory(app);
    case 'merge':
      return startMerge(app);
    case 'split':
      return startSplit(app);
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
    case 'notifications':
      ui.openNotifications();
      return;
    case 'rules':
      ui.openRules();
      return;
    case 'sla-settings':
      ui.openSlaSettings();
      return;
    case 'orders':
      ui.openOrders();
      return;
    case 'analytics':
      ui.openAnalytics();
      return;
    case 'help':
      ui.helpOpen = true;
      return;
  }
}
