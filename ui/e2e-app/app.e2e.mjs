// End-to-end test of the BUILT desktop app, as a user would use it: tauri-driver + WebKitWebDriver
// under Xvfb. Starts on an empty workspace, opens the demo workspace, opens a ticket, sends a reply,
// and checks with the CLI that the reply really is in the durable outbox.
//
// Run by .ci/test (inside xvfb-run + dbus-run-session). Needs: target/debug/switchboard and
// switchboard-cli built, tauri-driver on PATH, /usr/bin/WebKitWebDriver.

import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ELEMENT, WebDriver } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const app = process.env.SWITCHBOARD_APP ?? join(targetDir, "debug", "switchboard");
const cli = process.env.SWITCHBOARD_CLI ?? join(targetDir, "debug", "switchboard-cli");
const shots = join(here, "..", "test-results", "app");
mkdirSync(shots, { recursive: true });
assert.ok(existsSync(app), `the app is not built: ${app}`);

const home = mkdtempSync(join(tmpdir(), "switchboard-e2e-"));
const dataDir = join(home, "workspace");
const env = {
  ...process.env,
  SWITCHBOARD_DATA_DIR: dataDir,
  XDG_DATA_HOME: join(home, "data"),
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_CACHE_HOME: join(home, "cache"),
};

const port = 4444 + Math.floor(Math.random() * 1000);
const nativePort = port + 1000;
const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort), "--native-driver", "/usr/bin/WebKitWebDriver"], {
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
const wd = new WebDriver(`http://127.0.0.1:${port}`);

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("tauri-driver did not start");
}

const step = (name) => console.log(`• ${name}`);

try {
  await waitForDriver();
  await wd.start({ "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app } });

  step("welcome screen on an empty workspace");
  const [openDemo] = await wd.waitFor('[data-testid="open-demo"]');
  await wd.screenshot(join(shots, "01-welcome.png"));
  await wd.click(openDemo);

  step("demo workspace imported through the real ingest path");
  await wd.waitFor('[data-testid="ticket-row"]', { count: 5, timeout: 120000 });
  await wd.until("a non-zero All open count", async () => {
    const [view] = await wd.findAll('[data-testid="view-all_open"] [data-testid="view-count"]');
    const count = Number((await wd.text(view)).replace(/\D/g, ""));
    return count > 100 || `count ${count}`;
  });

  step("the offline classifier triages the queue with no network and no LLM configured");
  await wd.waitFor('[data-testid="ticket-row"] .chip.category', { count: 5, timeout: 120000 });
  await wd.until("a Needs review count", async () => {
    const [view] = await wd.findAll('[data-testid="view-needs_review"] [data-testid="view-count"]');
    const count = Number((await wd.text(view)).replace(/\D/g, ""));
    return count > 0 || `count ${count}`;
  });
  await wd.screenshot(join(shots, "02-inbox.png"));

  step("open a ticket");
  const rows = await wd.findAll('[data-testid="ticket-row"]');
  await wd.click(rows[0]);
  const [subject] = await wd.waitFor('[data-testid="ticket-subject"]');
  const subjectText = await wd.text(subject);
  assert.ok(subjectText.length > 0, "the open ticket shows its subject");
  await wd.waitFor('[data-testid="message"]');
  await wd.screenshot(join(shots, "03-ticket.png"));

  step("write and send a reply");
  const reply = `Thanks for reaching out — e2e ${Date.now()}`;
  const [input] = await wd.waitFor('[data-testid="reply-input"]');
  await wd.type(input, reply);
  const [send] = await wd.waitFor('[data-testid="send-reply"]');
  await wd.click(send);
  await wd.until("an outbox item in state queued", async () => {
    const items = await wd.findAll('[data-testid="outbox-item"]');
    for (const item of items) {
      if ((await wd.attribute(item, "data-state")) === "queued") return true;
    }
    return `${items.length} outbox items`;
  });
  await wd.screenshot(join(shots, "04-reply-queued.png"));

  step("the reply is in the durable outbox (read back with the CLI)");
  const [numberEl] = await wd.waitFor('[data-testid="ticket-number"]');
  const ticketNumber = Number((await wd.text(numberEl)).replace(/\D/g, ""));
  assert.ok(Number.isFinite(ticketNumber) && ticketNumber > 1000, `ticket number visible (${subjectText})`);
  const detail = JSON.parse(execFileSync(cli, ["--data-dir", dataDir, "show", String(ticketNumber), "--json"], { env, encoding: "utf8" }));
  const queued = detail.outbox.filter((o) => o.state === "queued" && o.body_text === reply);
  assert.equal(queued.length, 1, "exactly one queued outbox entry with the reply text");

  step("switch to Simplified Chinese");
  const [lang] = await wd.waitFor('[data-testid="lang-switch"]');
  await wd.execute(
    'const s = arguments[0]; s.value = "zh-CN"; s.dispatchEvent(new Event("change", { bubbles: true }));',
    [{ [ELEMENT]: lang }],
  );
  await wd.until("Chinese UI text", async () => {
    const text = await wd.execute("return document.body.innerText");
    return /[\u4e00-\u9fff]/.test(text.replace(/[\s\S]{0}/, "")) && /全部|未分配|待处理|回复/.test(text) || "no Chinese labels yet";
  });
  await wd.screenshot(join(shots, "05-ticket-zh.png"));
  console.log(`app e2e passed; screenshots in ${shots}`);
} catch (error) {
  await wd.screenshot(join(shots, "failure.png")).catch(() => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await wd.quit();
  driver.kill();
}
