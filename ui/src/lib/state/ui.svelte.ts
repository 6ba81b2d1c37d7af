// View-only state shared by components: the help overlay and the elements shortcuts focus.
class UiState {
  helpOpen = $state(false);
  searchInput: HTMLInputElement | null = null;
  replyInput: HTMLTextAreaElement | null = null;
  list: HTMLElement | null = null;
}

export const ui = new UiState();
