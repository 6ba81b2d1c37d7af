import { describe, expect, it } from 'vitest';
import { isThemeChoice, resolveScheme } from './theme.svelte';

describe('theme', () => {
  it('follows the OS unless the agent chose', () => {
    expect(resolveScheme('system', true)).toBe('dark');
    expect(resolveScheme('system', false)).toBe('light');
    expect(resolveScheme('light', true)).toBe('light');
    expect(resolveScheme('dark', false)).toBe('dark');
  });

  it('accepts only the three choices from storage', () => {
    expect(isThemeChoice('dark')).toBe(true);
    expect(isThemeChoice('sepia')).toBe(false);
    expect(isThemeChoice(null)).toBe(false);
  });
});
