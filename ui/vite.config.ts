/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

// The preview server (used by the e2e tests) sends the CSP the Tauri window uses, read from
// ../tauri.conf.json, so the tests run the UI under the real policy. Fallback for ui/ alone:
const FALLBACK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles: Svelte style directives, and message HTML in srcdoc frames (which inherit this policy).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  'connect-src ipc: http://ipc.localhost',
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function appCsp(): string {
  try {
    const conf = JSON.parse(readFileSync(new URL('../tauri.conf.json', import.meta.url), 'utf8'));
    const csp: unknown = conf?.app?.security?.csp;
    if (typeof csp === 'string') return csp;
    if (csp && typeof csp === 'object') {
      return Object.entries(csp as Record<string, string | string[]>)
        .map(([directive, value]) => `${directive} ${Array.isArray(value) ? value.join(' ') : value}`)
        .join('; ');
    }
  } catch {
    // No tauri.conf.json next to ui/: use the fallback.
  }
  return FALLBACK_CSP;
}

/**
 * The app runs with a frozen Object.prototype (tauri.conf.json's freezePrototype). ECharts' scheduler
 * copies every enumerable name of a class prototype onto plain objects, `constructor` included (tslib's
 * `__extends` makes it enumerable), and assigning `constructor` on a plain object then throws, as
 * Object.prototype's is read-only. Skip that one name; fail the build if ECharts changes the code.
 */
function echartsUnderFrozenPrototype(): Plugin {
  const FILE = /echarts[\\/]lib[\\/]core[\\/]Scheduler\.js$/;
  const LINE = 'target[name_1] = noop;';
  return {
    name: 'echarts-under-frozen-prototype',
    transform(code, id) {
      if (!FILE.test(id)) return null;
      if (!code.includes(LINE)) throw new Error(`${id}: mockMethods changed; re-check it under a frozen Object.prototype`);
      return { code: code.replace(LINE, "if (name_1 !== 'constructor') target[name_1] = noop;"), map: null };
    },
  };
}

// Tauri serves the built files from ui/dist; in development it loads the dev server on 1420.
export default defineConfig({
  plugins: [svelte(), echartsUnderFrozenPrototype()],
  clearScreen: false,
  // As Tauri's template: devUrl in tauri.conf.json is http://localhost:1420; TAURI_DEV_HOST is set
  // by `tauri dev` for mobile targets.
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    hmr: process.env.TAURI_DEV_HOST ? { protocol: 'ws', host: process.env.TAURI_DEV_HOST, port: 1421 } : undefined,
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  preview: {
    port: 4173,
    strictPort: true,
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': appCsp() },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2022', 'chrome111', 'safari16'],
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
