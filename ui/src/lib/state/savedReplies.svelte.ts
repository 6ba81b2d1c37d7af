// Saved replies (canned answers with {{variables}}): the list the manager shows and edits.
import type { Backend, SavedReply, SavedReplyForm } from '../backend';

export class SavedRepliesState {
  list = $state.raw<SavedReply[]>([]);
  /** True once the list was read at least once. */
  loaded = $state(false);

  private readonly backend: Backend;
  private readonly report: (err: unknown) => void;

  /** `report` shows an error to the agent. */
  constructor(backend: Backend, report: (err: unknown) => void) {
    this.backend = backend;
    this.report = report;
  }

  async load(): Promise<void> {
    try {
      this.list = await this.backend.listSavedReplies();
      this.loaded = true;
    } catch (err) {
      this.report(err);
    }
  }

  /** Creates (`id` null) or updates one; throws a BackendError for the form to show. */
  async save(id: number | null, form: SavedReplyForm): Promise<void> {
    this.list = await this.backend.saveSavedReply(id, form);
    this.loaded = true;
  }

  /** True when it was deleted; a failure is reported. */
  async remove(id: number): Promise<boolean> {
    try {
      this.list = await this.backend.deleteSavedReply(id);
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }
}
