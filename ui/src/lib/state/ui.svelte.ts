// View-only state shared by components: the help overlay, the account and AI settings screens, the
// triage pickers, the AI panel's fold, and the elements shortcuts focus.
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

/** The email account settings screen: its list, or straight into the form for a new account. */
export type AccountsScreen = 'list' | 'add';

class UiState {
  helpOpen = $state(false);
  accounts = $state<AccountsScreen | null>(null);
  /** The AI settings screen (the classification model) is open. */
  aiSettings = $state(false);
  picker = $state.raw<PickerRequest | null>(null);
  aiCollapsed = $state(readCollapsed());
  searchInput: HTMLInputElement | null = null;
  replyInput: HTMLTextAreaElement | null = null;
  list: HTMLElement | null = null;

  openPicker(field: TriageField, anchor: HTMLElement | null = null): void {
    this.picker = { field, anchor };
  }

  openAccounts(start: AccountsScreen = 'list'): void {
    this.picker = null;
    this.helpOpen = false;
    this.aiSettings = false;
    this.accounts = start;
  }

  closeAccounts(): void {
    this.accounts = null;
  }

  openAiSettings(): void {
    this.picker = null;
    this.helpOpen = false;
    this.accounts = null;
    this.aiSettings = true;
  }

  closeAiSettings(): void {
    this.aiSettings = false;
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
