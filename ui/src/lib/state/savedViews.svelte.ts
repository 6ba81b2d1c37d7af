// The agent's saved views: the list with live counts the left pane shows, and the form / delete
// confirmation open on one (opened from the sidebar or the command palette).
import type { Backend, SavedView, SavedViewCount, TicketFilter, TicketView } from '../backend';
import { filterToDraft, savedViewFor, type ViewDraft } from '../savedViews';

/** The view form: a new view (`id` null) or an existing one, starting from `draft`. */
export interface ViewEditor {
  id: number | null;
  draft: ViewDraft;
}

export class SavedViewsState {
  list = $state.raw<SavedViewCount[]>([]);
  /** The view form, when open. */
  editor = $state.raw<ViewEditor | null>(null);
  /** The view whose deletion waits for the agent's yes. */
  confirming = $state.raw<SavedView | null>(null);

  private readonly backend: Backend;
  private readonly report: (err: unknown) => void;
  private seq = 0;

  /** `report` shows an error to the agent. */
  constructor(backend: Backend, report: (err: unknown) => void) {
    this.backend = backend;
    this.report = report;
  }

  get views(): SavedView[] {
    return this.list.map((c) => c.view);
  }

  /** Re-reads the views and their counts (with the other counts, whenever tickets change). */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    try {
      const list = await this.backend.listSavedViews();
      if (seq === this.seq) this.list = list;
    } catch (err) {
      if (seq === this.seq) this.report(err);
    }
  }

  /** How many tickets the saved view showing `view` lists now, if it is one. */
  countFor(view: TicketView): number | undefined {
    const saved = savedViewFor(view, this.views);
    return saved ? this.list.find((c) => c.view.id === saved.id)?.count : undefined;
  }

  /** The saved view `view` shows, if any. */
  savedFor(view: TicketView): SavedView | undefined {
    return savedViewFor(view, this.views);
  }

  /** Opens the form for a new view, starting from `filter` (empty by default). */
  startNew(filter: TicketFilter = {}): void {
    this.confirming = null;
    this.editor = { id: null, draft: filterToDraft(filter) };
  }

  startEdit(view: SavedView): void {
    this.confirming = null;
    this.editor = { id: view.id, draft: filterToDraft(view.filter, view.name) };
  }

  closeEditor(): void {
    this.editor = null;
  }

  /** Creates or replaces a view and re-reads the list; throws the backend's refusal for the form. */
  async save(id: number | null, name: string, filter: TicketFilter): Promise<SavedView> {
    const saved = await this.backend.saveSavedView(id, name, filter);
    await this.refresh();
    return saved;
  }

  askDelete(view: SavedView): void {
    this.editor = null;
    this.confirming = view;
  }

  /** Deletes the view the agent confirmed; true when it is gone (a failure is reported). */
  async confirmDelete(): Promise<boolean> {
    const view = this.confirming;
    if (!view) return false;
    try {
      await this.backend.deleteSavedView(view.id);
      this.confirming = null;
      await this.refresh();
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }
}
