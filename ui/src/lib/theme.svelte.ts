// The colour theme: light, dark, or following the OS (the default). The choice is remembered like the
// language; the resolved scheme is set as data-theme on <html>, where app.css swaps its variables.

export const THEME_CHOICES = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Scheme = 'light' | 'dark';

export const THEME_KEY = 'switchboard.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** What the screen shows for a choice, given whether the OS prefers dark. */
export function resolveScheme(choice: ThemeChoice, systemDark: boolean): Scheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

function readSaved(): ThemeChoice {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY);
    return isThemeChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

class Theme {
  choice = $state<ThemeChoice>(readSaved());
  private systemDark = $state(false);

  constructor() {
    const media = globalThis.matchMedia?.(DARK_QUERY);
    if (!media) return;
    this.systemDark = media.matches;
    media.addEventListener('change', (event) => {
      this.systemDark = event.matches;
      this.applyToDocument();
    });
  }

  get scheme(): Scheme {
    return resolveScheme(this.choice, this.systemDark);
  }

  setChoice(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      globalThis.localStorage?.setItem(THEME_KEY, choice);
    } catch {
      // Storage disabled: the choice lasts for this session.
    }
    this.applyToDocument();
  }

  applyToDocument(): void {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.scheme;
  }
}

export const theme = new Theme();
