// Shared by the e2e specs: booting the app on the fake backend, reading its calls, screenshots.
import type { Page, Request } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeConfig } from './fake/workspace';
import type { Call } from './fake/install';
import { expect, test } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const FAKE_SCRIPT = join(here, '..', 'dist-e2e', 'fake-backend.js');
export const SHOTS = join(here, '..', 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Id of the demo ticket whose message is HTML with a remote tracking pixel. */
export const HTML_TICKET_ID = 3;

export interface Booted {
  requests: Request[];
  /** Requests to anything but this machine. */
  external(): string[];
  calls(cmd?: string): Promise<Call[]>;
}

export async function boot(page: Page, config: FakeConfig, opts: { locale?: string } = {}): Promise<Booted> {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await page.addInitScript((cfg) => {
    (window as unknown as { __SB_FAKE_CONFIG__: unknown }).__SB_FAKE_CONFIG__ = cfg;
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  }, config);
  if (opts.locale) {
    await page.addInitScript((l) => {
      // Init scripts run in every frame; a sandboxed message frame has no storage (and needs none).
      if (window === window.top) localStorage.setItem('switchboard.locale', l);
    }, opts.locale);
  }
  await page.addInitScript({ path: FAKE_SCRIPT });
  // tauri.conf.json sets freezePrototype: the app must work with a frozen Object.prototype.
  await page.addInitScript(() => Object.freeze(Object.prototype));
  await page.goto('/');
  return {
    requests,
    external: () =>
      requests
        .map((r) => r.url())
        .filter((u) => {
          if (u.startsWith('data:') || u.startsWith('about:') || u.startsWith('blob:')) return false;
          const host = new URL(u).hostname;
          return !['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);
        }),
    calls: (cmd) =>
      page.evaluate(
        (c) => (window.__sbFake?.calls ?? []).filter((x) => !c || x.cmd === c),
        cmd,
      ),
  };
}

export async function backendCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string): Promise<unknown> } })
      .__TAURI_INTERNALS__;
    const counts = (await internals.invoke('view_counts')) as { view: { kind: string; channel?: string; category?: string; queue?: string }; count: number }[];
    const key = (v: (typeof counts)[number]['view']) =>
      v.kind === 'channel' ? `channel-${v.channel}` : v.kind === 'category' ? `category-${v.category}` : v.kind === 'queue' ? `queue-${v.queue}` : v.kind;
    return Object.fromEntries(counts.map((c) => [key(c.view), c.count]));
  });
}

export const rows = (page: Page) => page.getByTestId('ticket-row');

/** Uncaught errors and console errors or warnings (a runaway effect, a failed render) fail every test of the spec. */
export function failOnPageProblems(): void {
  const problems = new WeakMap<Page, string[]>();
  test.beforeEach(({ page }) => {
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('pageerror', (e) => seen.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') seen.push(m.text());
    });
  });
  test.afterEach(({ page }) => {
    expect(problems.get(page), 'errors in the page').toEqual([]);
  });
}
