// Benchmark: the built app on a 100,000-ticket workspace, as the agent uses it — time to the first
// painted inbox, scrolling to the middle of the list, opening a ticket, search results while typing,
// and idle memory (PSS of the app and its WebKit processes). Prints a table for BENCHMARKS.md.
//
//   xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
//     node ui/e2e-app/workspace.bench.mjs [switchboard] [switchboard-cli] [switchboard-bench] [messages]
//
// Reference in the same run: the same steps on the demo workspace (a few dozen tickets), so the table
// shows what 100,000 tickets cost over the app's own floor. Timings inside the page are taken with
// performance.now() around the action, up to the frame that shows its result.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = resolve(process.argv[2] ?? join(root, "target/release/switchboard"));
const cli = resolve(process.argv[3] ?? join(root, "target/release/switchboard-cli"));
const bench = resolve(process.argv[4] ?? join(root, "target/release/switchboard-bench"));
const messages = Number(process.argv[5] ?? 100000);
const runs = 3;

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function pssMiB(pid) {
  return (
    descendants(pid).reduce((sum, p) => {
      try {
        return sum + Number(readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
      } catch {
        return sum;
      }
    }, 0) / 1024
  );
}

const appPid = () => Number(execFileSync("pgrep", ["-n", "-f", `^${app}`], { encoding: "utf8" }).trim());

// In-page steps: each resolves with the milliseconds from the action to the painted result.
const untilPainted = `
  const until = (check, t0, done) => {
    const tick = () => {
      if (check()) requestAnimationFrame(() => done(performance.now() - t0));
      else if (performance.now() - t0 > 20000) done(-1);
      else requestAnimationFrame(tick);
    };
    tick();
  };`;

const scrollToMiddle = `${untilPainted}
  const done = arguments[arguments.length - 1];
  const list = document.querySelector('[data-testid="ticket-list"]');
  const t0 = performance.now();
  list.scrollTop = list.scrollHeight / 2;
  const middle = list.scrollTop;
  until(() => [...list.querySelectorAll('[data-testid="ticket-row"]')].some((row) => {
    const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top;
    return top >= 0 && top < list.clientHeight && row.innerText.trim().length > 0;
  }) && Math.abs(list.scrollTop - middle) < 2, t0, done);`;

const openRow = `${untilPainted}
  const done = arguments[arguments.length - 1];
  const rows = [...document.querySelectorAll('[data-testid="ticket-row"]')];
  const row = rows[Math.floor(rows.length / 2)];
  const before = document.querySelector('[data-testid="ticket-subject"]')?.innerText;
  const t0 = performance.now();
  row.click();
  until(() => document.querySelector('[data-testid="message"]') &&
    document.querySelector('[data-testid="ticket-subject"]')?.innerText !== before, t0, done);`;

const search = (term) => `${untilPainted}
  const done = arguments[arguments.length - 1];
  const input = document.querySelector('[data-testid="search-input"]');
  const list = document.querySelector('[data-testid="ticket-list"]');
  const marker = list.querySelector('[data-testid="ticket-row"]')?.innerText;
  const t0 = performance.now();
  input.focus();
  input.value = ${JSON.stringify(term)};
  input.dispatchEvent(new Event('input', { bubbles: true }));
  until(() => {
    const first = list.querySelector('[data-testid="ticket-row"]')?.innerText;
    return (first && first !== marker) || document.querySelector('[data-testid="list-empty"]');
  }, t0, done);`;

const clearSearch = `
  const done = arguments[arguments.length - 1];
  const input = document.querySelector('[data-testid="search-input"]');
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(done, 800);`;

async function measure(label, dataDir, terms) {
  const env = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir };
  const driver = spawn("tauri-driver", ["--port", "4920", "--native-port", "4921"], { env, stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const figures = { paint: [], scroll: [], open: [], pss: [] };
  for (const term of terms) figures[`search ${term}`] = [];
  for (let run = 0; run < runs; run++) {
    const wd = new WebDriver("http://127.0.0.1:4920");
    const t0 = performance.now();
    await wd.start({ "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app } });
    await wd.waitFor('[data-testid="ticket-row"]', { timeout: 120000 });
    figures.paint.push(performance.now() - t0);
    const exec = (script) => wd.call("POST", wd.s("/execute/async"), { script, args: [] });
    figures.scroll.push(await exec(scrollToMiddle));
    figures.open.push(await exec(openRow));
    for (const term of terms) {
      figures[`search ${term}`].push(await exec(search(term)));
      await exec(clearSearch);
    }
    await new Promise((r) => setTimeout(r, 5000));
    figures.pss.push(pssMiB(appPid()));
    await wd.quit();
    await new Promise((r) => setTimeout(r, 500));
  }
  driver.kill();
  return Object.fromEntries(
    Object.entries(figures).map(([k, xs]) => [k, [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]]),
  );
}

const home = mkdtempSync(join(tmpdir(), "switchboard-wsbench-"));
const demoDir = join(home, "demo");
execFileSync(cli, ["--data-dir", demoDir, "demo"], { stdio: "ignore" });
const bigDir = process.env.BENCH_WORKSPACE ?? join(home, "big");
if (!existsSync(join(bigDir, "workspace.sqlite3"))) {
  console.log(execFileSync(bench, ["seed", "--messages", String(messages), "--dir", bigDir], { encoding: "utf8" }).trim());
}
const tickets = execFileSync("sqlite3", [join(bigDir, "workspace.sqlite3"), "SELECT count(*) FROM tickets"], {
  encoding: "utf8",
}).trim();
const terms = ["refund", "退款", "发票", "zzzznotthere"];
const reference = await measure("demo", demoDir, terms);
const big = await measure("big", bigDir, terms);
const fmt = (k, v) => (k === "pss" ? `${v.toFixed(0)} MiB` : `${v.toFixed(0)} ms`);
const names = {
  paint: "launch to first painted inbox",
  scroll: "scroll to the middle of the list (rows painted)",
  open: "open a ticket (conversation painted)",
  pss: "idle memory (PSS, app + WebKit, 5 s after use)",
};
console.log(`\n| step (median of ${runs}) | ${tickets} tickets | demo workspace (reference) |`);
console.log("| --- | --- | --- |");
for (const key of Object.keys(big)) {
  const name = names[key] ?? `search "${key.slice(7)}" (results painted)`;
  console.log(`| ${name} | ${fmt(key, big[key])} | ${fmt(key, reference[key])} |`);
}
