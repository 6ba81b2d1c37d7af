// Benchmark: cold start to an interactive inbox and idle memory (PSS of the app and its WebKit
// processes) of the built app, on a workspace holding the demo mailbox. Prints figures for BENCHMARKS.md.
//
//   xvfb-run -a dbus-run-session -- node ui/e2e-app/startup.bench.mjs [path/to/switchboard] [path/to/switchboard-cli]
//
// Reference in the same run: the same app started on an empty workspace (welcome screen), which is
// the cost of the shell, WebKit and the UI bundle without any data.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = resolve(process.argv[2] ?? join(root, "target/release/switchboard"));
const cli = resolve(process.argv[3] ?? join(root, "target/release/switchboard-cli"));
const runs = 5;

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

function pssKiB(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function appPid() {
  const out = execFileSync("pgrep", ["-n", "-f", `^${app}`], { encoding: "utf8" }).trim();
  return Number(out);
}

async function measure(label, dataDir, readySelector) {
  const env = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir };
  const driver = spawn("tauri-driver", ["--port", "4910", "--native-port", "4911"], { env, stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const starts = [];
  let pss = [];
  for (let run = 0; run < runs; run++) {
    const wd = new WebDriver("http://127.0.0.1:4910");
    const t0 = performance.now();
    await wd.start({ "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app } });
    await wd.waitFor(readySelector, { timeout: 60000 });
    starts.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5000));
    const total = descendants(appPid()).reduce((sum, pid) => sum + pssKiB(pid), 0);
    pss.push(total / 1024);
    await wd.quit();
    await new Promise((r) => setTimeout(r, 500));
  }
  driver.kill();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${label}: start to interactive ${median(starts).toFixed(0)} ms (median of ${runs}; ${starts.map((s) => s.toFixed(0)).join(", ")}), idle PSS ${median(pss).toFixed(0)} MiB`);
}

const home = mkdtempSync(join(tmpdir(), "switchboard-bench-"));
const demoDir = join(home, "demo");
execFileSync(cli, ["--data-dir", demoDir, "demo"], { stdio: "ignore" });
await measure("empty workspace, welcome screen (reference)", join(home, "empty"), '[data-testid="open-demo"]');
await measure("demo workspace, inbox with tickets", demoDir, '[data-testid="ticket-row"]');
