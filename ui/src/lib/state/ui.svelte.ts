// View-only state shared by components: the help overlay, the command palette, the account, AI settings, saved replies
// and notification screens, the triage pickers, the AI panel's fold, and the elements shortcuts focus.
import type { TriageField } from '../triage';

export interface PickerRequest {
  field: TriageField;
  /** The element the picker opens under; null: the field's chip in the ticket header. */
  anchor: HTMLElement | null;
}

const AI_PANEL_KEY = 'switchboard.aiPanelCollapsed';

function readCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(AI_PANEL_KEY) === '1';
  } catch {
    return false;
  }
}

/** A picker acting on the selection or the open ticket (ActionPicker.svelte). */
export interface ActionPickerRequest {
  kind: 'tag' | 'snooze' | 'queue' | TriageField;
  /** The element it opens under; null: the bulk bar or the ticket's action buttons. */
  anchor: HTMLElement | null;
}

/** The email account settings screen: its list, or straight into the form for a new account. */
export type AccountsScreen = 'list' | 'add';

class UiState {
  helpOpen = $state(false);
  paletteOpen = $state(false);
  accounts = $state<AccountsScreen | null>(null);
  /** The AI settings screen (the classification model) is open. */
  aiSettings = $state(false);
  /** The saved replies manager is open. */
  savedReplies = $state(false);
  /** The desktop notification settings are open. */
  notifications = $state(false);
  /** The rules (automations) screen is open. */
  rules = $state(false);
  /** The SLA and business hours settings are open. */
  slaSettings = $state(false);
  /** Settings → Customers & orders (the order import) is open. */
  orders = $state(false);
  /** The analytics dashboard is open. */
  analytics = $state(false);
  picker = $state.raw<PickerRequest | null>(null);
  actionPicker = $state.raw<ActionPickerRequest | null>(null);
  /** The "Log a call" form is open. */
  logCall = $state(false);
  /** The ticket pane shows the ticket's history instead of its conversation (`h`). */
  history = $state(false);
  /** The tickets being merged into another (the merge sheet is open), by id. */
  mergeSources = $state.raw<number[] | null>(null);
  /** The conversation's messages can be chosen to split them into a new ticket. */
  splitting = $state(false);
  /** The split's confirmation sheet is open. */
  splitConfirm = $state(false);
  /** The customer sidebar's "Merge with another customer" sheet is open. */
  customerMerge = $state(false);
  /** The reply box writes an internal note instead of a reply (`n`, the box's toggle). */
  noteMode = $state(false);
  aiCollapsed = $state(readCollapsed());
  searchInput: HTMLInputElement | null = null;
  replyInput: HTMLTextAreaElement | null = null;
  list: HTMLElement | null = null;
  /** Where pickers opened from the keyboard appear: the bulk bar, or the open ticket's action buttons. */
  bulkBar: HTMLElement | null = null;
  ticketActions: HTMLElement | null = null;

  openPalette(): void {
    this.picker = null;
    this.helpOpen = false;
    this.paletteOpen = true;
  }

  closePalette(): void {
    this.paletteOpen = false;
  }

  openPicker(field: TriageField, anchor: HTMLElement | null = null): void {
    this.picker = { field, anchor };
  }

  openActionPicker(kind: ActionPickerRequest['kind'], anchor: HTMLElement | null = null): void {
    this.picker = null;
    this.actionPicker = { kind, anchor };
  }

  closeActionPicker(): void {
    this.actionPicker = null;
  }

  /** True while a popover (triage or action picker) has the keys. */
  get pickerOpen(): boolean {
    return this.picker !== null || this.actionPicker !== null;
  }

  /** Closes every settings sheet and overlay before another sheet opens. */
  private closeSheets(): void {
    this.picker = null;
    this.helpOpen = false;
    this.accounts = null;
    this.aiSettings = false;
    this.savedReplies = false;
    this.notifications = false;
    this.rules = false;
    this.slaSettings = false;
    this.orders = false;
    this.analytics = false;
  }

  openAnalytics(): void {
    this.closeSheets();
    this.analytics = true;
  }

  closeAnalytics(): void {
    this.analytics = false;
  }

  openOrders(): void {
    this.closeSheets();
    this.orders = true;
  }

  closeOrders(): void {
    this.orders = false;
  }

  openRules(): void {
    this.closeSheets();
    this.rules = true;
  }

  closeRules(): void {
    this.rules = false;
  }

  openSlaSettings(): void {
    this.closeSheets();
    this.slaSettings = true;
  }

  closeSlaSettings(): void {
    this.slaSettings = false;
  }

  openAccounts(start: AccountsScreen = 'list'): void {
    this.closeSheets();
    this.picker = null;
    this.helpOpen = false;
    this.aiSettings = false;
    this.savedReplies = false;
    this.notifications = false;
    this.accounts = start;
  }

  closeAccounts(): void {
    this.accounts = null;
  }

  openAiSettings(): void {
    this.closeSheets();
    this.picker = null;
    this.helpOpen = false;
    this.accounts = null;
    this.savedReplies = false;
    this.notifications = false;
    this.aiSettings = true;
  }

  closeAiSettings(): void {
    this.aiSettings = false;
  }

  openSavedReplies(): void {
    this.closeSheets();
    this.picker = null;
    this.helpOpen = false;
    this.accounts = null;
    this.aiSettings = false;
    this.notifications = false;
    this.savedReplies = true;
  }

  closeSavedReplies(): void {
    this.savedReplies = false;
  }

  openNotifications(): void {
    this.closeSheets();
    this.picker = null;
    this.helpOpen = false;
    this.accounts = null;
    this.aiSettings = false;
    this.savedReplies = false;
    this.notifications = true;
  }

  closeNotifications(): void {
    this.notifications = false;
  }

  /** True while a sheet (accounts, AI settings, saved replies, notifications, log a call) covers the app. */
  get sheetOpen(): boolean {
    return (
      this.accounts !== null ||
      this.aiSettings ||
      this.savedReplies ||
      this.notifications ||
      this.rules ||
      this.slaSettings ||
      this.orders ||
      this.analytics ||
      this.logCall ||
      this.mergeSources !== null ||
      this.splitConfirm ||
      this.customerMerge
    );
  }

  /**
   * Focuses the reply box with the caret at the start, where a fresh draft is read from — unless the
   * agent went on to something else (a search, a picker) while the draft was being written.
   */
  focusReplyStart(): void {
    const input = this.replyInput;
    if (!input) return;
    const active = document.activeElement;
    const composer = input.closest('[data-composer]');
    const idle = !active || active === document.body || !!composer?.contains(active) || !!this.list?.contains(active);
    if (!idle) return;
    input.focus();
    input.setSelectionRange(0, 0);
    input.scrollTop = 0;
  }

  closePicker(): void {
    this.picker = null;
  }

  toggleAiPanel(): void {
    this.aiCollapsed = !this.aiCollapsed;
    try {
      globalThis.localStorage?.setItem(AI_PANEL_KEY, this.aiCollapsed ? '1' : '0');
    } catch {
      // Storage disabled: the choice lasts for this session.
    }
  }
}

export const ui = new UiState();
