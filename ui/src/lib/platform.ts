// The one platform difference the UI shows: macOS names its modifier keys differently (⌘, ⌥).
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
