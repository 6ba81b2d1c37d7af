// End-to-end test of the BUILT desktop app, as a user would use it: tauri-driver + WebKitWebDriver
// under Xvfb. Starts on an empty workspace, opens the demo workspace, opens a ticket, sends a reply,
// and checks with the CLI that the reply really is in the durable outbox. Then it connects a real
// email account (dovecot and an SMTP receiver on loopback, password into GNOME Keyring), sees mail
// sync in and a new message pushed by IDLE, answers it, and checks the receiver got the reply and the
// Sent folder has its copy, and that the new message was announced by a desktop notification (a real
// dunst on the session bus; the Notify call is read off the bus with dbus-monitor). Then it adds a
// Telegram bot (a loopback Bot API), sees a Telegram message become a notified ticket, answers it and
// checks the Bot API received the answer; does the same with a WeChat customer-service account (a
// loopback WeCom API: wrong secret refused, the reply window shown and counted down); and opens the
// analytics dashboard in English and Chinese.
//
// Run by .ci/test (inside xvfb-run + dbus-run-session). Needs: target/debug/switchboard and
// switchboard-cli built, tauri-driver on PATH, /usr/bin/WebKitWebDriver.

import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ELEMENT, WebDriver } from "./webdriver.mjs";
import { hostileMbox } from "./xss.mjs";
import { createServer as createHttpServer } from "node:http";

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

// A notification daemon on this session bus, and a recorder of what is sent to it.
// Workflow alerts (SLA breaches of the old demo mail, grouped) are delivered like any notification but
// not displayed, so "the" notification on screen for the click-through test is the new ticket's.
const dunstrc = join(home, "dunstrc");
writeFileSync(
  dunstrc,
  ["[workflow_alerts]", '    category = "x-switchboard.workflow"', "    skip_display = yes", ""].join("\n"),
);
const dunst = spawn("dunst", ["-config", dunstrc], { env, stdio: "ignore" });
let notifyCalls = "";
const busMonitor = spawn("dbus-monitor", ["--session", "interface='org.freedesktop.Notifications',member='Notify'"], {
  env,
  stdio: ["ignore", "pipe", "ignore"],
});
busMonitor.stdout.on("data", (chunk) => (notifyCalls += chunk.toString()));

// Real mail servers on loopback, started by the project's test scripts.
const servers = join(root, "crates", "channels", "tests", "servers");
const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address();
      probe.close(() => done(free));
    });
  });
const mailUser = "alice";
const mailPassword = "e2e-mail-secret";
const dovecotDir = join(home, "dovecot");
const maildir = join(dovecotDir, "mail", mailUser);
const mailFile = (name, raw) => writeFileSync(join(maildir, name), raw.replace(/\n/g, "\r\n"));
for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(maildir, sub), { recursive: true });
mailFile(
  "cur/1790000001.M1P1.e2e:2,",
  "From: Dana Whitfield <dana@customer.example>\nTo: support@aurora.example\nSubject: Order AUR-7731 arrived broken\nMessage-ID: <e2e-1@customer.example>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\n\nThe left earcup of my headphones is cracked. Can you send a replacement?\n",
);
mailFile(
  "cur/1790000002.M2P1.e2e:2,",
  "From: =?UTF-8?B?5byg5Lyf?= <zhangwei@customer.example>\nTo: support@aurora.example\nSubject: =?UTF-8?B?5Y+R56Wo5oqs5aS06ZSZ6K+v?=\nMessage-ID: <e2e-2@customer.example>\nDate: Mon, 23 Nov 2026 10:00:00 +0800\nContent-Type: text/plain; charset=utf-8\n\n发票抬头写错了，请重新开具。\n",
);
const imapPort = await freePort();
const dovecot = spawn(join(servers, "dovecot.sh"), [dovecotDir, String(imapPort), String(await freePort()), `${mailUser}:${mailPassword}`], {
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const sinkDir = join(home, "smtp-sink");
mkdirSync(sinkDir);
const smtpPort = await freePort();
const sink = spawn("python3", [join(servers, "smtp_sink.py"), sinkDir, String(smtpPort), mailUser, mailPassword], {
  stdio: ["ignore", "ignore", "ignore"],
});
// The Telegram Bot API on loopback (written from the Bot API documentation), with its test controls.
const telegramPort = await freePort();
const telegramToken = "123456:TEST-token";
const telegram = spawn("python3", [join(servers, "fake_telegram.py"), String(telegramPort), join(home, "telegram.log")], {
  env: { ...process.env, FAKE_TELEGRAM_TOKEN: telegramToken },
  stdio: ["ignore", "ignore", "inherit"],
});
// The test controls of a loopback platform fake: GET reads, a body POSTs.
const controlOf = (port, name) => async (path, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/_control/${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `fake ${name} ${path}: ${response.status}`);
  return response.json();
};
const telegramControl = controlOf(telegramPort, "Telegram");
// The WeCom 微信客服 API on loopback (written from WeCom's documentation), with its test controls.
const wecomPort = await freePort();
const wecom = spawn("python3", [join(servers, "fake_wecom.py"), String(wecomPort), join(home, "wecom.log")], {
  env: { ...process.env, FAKE_WECOM_CORPID: "wwe2e0corp000001", FAKE_WECOM_SECRET: "e2e-kf-secret", FAKE_WECOM_KFID: "wk-e2e-kf" },
  stdio: ["ignore", "ignore", "inherit"],
});
const wecomControl = controlOf(wecomPort, "WeCom");
const setValue = (el, value, event = "input") =>
  wd.execute(
    "const [el, value, event] = arguments; el.value = value; el.dispatchEvent(new Event(event, { bubbles: true }));",
    [{ [ELEMENT]: el }, value, event],
  );
const field = async (testid, value, event) => setValue((await wd.waitFor(`[data-testid="${testid}"]`))[0], value, event);

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

  step("connect a real email account (dovecot + SMTP on loopback, password to the keychain)");
  const [openAccounts] = await wd.waitFor('[data-testid="open-accounts"]');
  await wd.click(openAccounts);
  const [addAccount] = await wd.waitFor('[data-testid="add-account"]');
  await wd.click(addAccount);
  await field("account-address", "support@aurora.example");
  await field("account-preset", "manual", "change");
  await field("account-name", "Support");
  await field("account-display-name", "Aurora Support");
  await field("account-username", mailUser);
  await field("account-password", mailPassword);
  await field("imap-host", "127.0.0.1");
  await field("imap-security", "plain", "change");
  await field("imap-port", String(imapPort));
  await field("smtp-host", "127.0.0.1");
  await field("smtp-security", "plain", "change");
  await field("smtp-port", String(smtpPort));
  await field("initial-sync-mode", "all", "change");
  await wd.click((await wd.waitFor('[data-testid="test-connection"]'))[0]);
  await wd.until("both connection checks pass", async () => {
    const imapOk = await wd.findAll('[data-testid="check-imap"][data-ok="true"]');
    const smtpOk = await wd.findAll('[data-testid="check-smtp"][data-ok="true"]');
    if (imapOk.length && smtpOk.length) return true;
    return (await wd.execute("return document.querySelector('[data-testid=\"connection-check\"]')?.innerText ?? 'no result yet'"));
  }, 60000);
  await wd.screenshot(join(shots, "06-account-tested.png"));
  await wd.click((await wd.waitFor('[data-testid="save-account"]'))[0]);
  await wd.until("the account synced", async () => {
    const rows = await wd.findAll('[data-testid="account-row"]');
    for (const row of rows) if ((await wd.attribute(row, "data-state")) === "ok") return true;
    return `${rows.length} account rows, none synced yet`;
  }, 60000);
  await wd.screenshot(join(shots, "07-account-synced.png"));
  await wd.click((await wd.waitFor('[data-testid="close-accounts"]'))[0]);

  step("synced mail is a ticket; a new mail arrives by IDLE push");
  const findTicket = async (text) => {
    await field("search-input", text);
    let found;
    await wd.until(`a ticket matching "${text}"`, async () => {
      const rows = await wd.findAll('[data-testid="ticket-row"]');
      const texts = [];
      for (const row of rows) {
        const shown = await wd.execute("return arguments[0].innerText", [{ [ELEMENT]: row }]);
        if (shown.includes(text)) {
          found = row;
          return true;
        }
        texts.push(shown);
      }
      return `${rows.length} rows: ${JSON.stringify(texts)}`;
    }, 30000);
    return found;
  };
  await findTicket("AUR-7731");
  await findTicket("发票抬头");
  // Only the notification for the pushed mail is on screen, so clicking "the" notification is unambiguous.
  execFileSync("dunstctl", ["close-all"], { env });
  mailFile(
    "new/1790000003.M3P1.e2e",
    `From: Lee Park <lee@customer.example>\nTo: support@aurora.example\nSubject: Where is parcel AUR-8810?\nMessage-ID: <e2e-3@customer.example>\nDate: ${new Date().toUTCString()}\n\nTracking has not moved for a week.\n`,
  );
  await findTicket("AUR-8810");
  step("the new ticket is announced by a desktop notification");
  await wd.until("a Notify call for the pushed mail", async () =>
    /New ticket #\d+ · Lee Park/.test(notifyCalls) && notifyCalls.includes("Where is parcel AUR-8810?") ||
    `Notify calls so far: ${notifyCalls.slice(-600) || "none"}`, 20000);
  const history = execFileSync("dunstctl", ["count"], { env }).toString();
  assert.match(history, /Currently displayed:\s*[1-9]|History:\s*[1-9]/, `dunst shows it: ${history}`);

  step("clicking the notification opens its ticket");
  const conversation = () =>
    wd.execute('return [...document.querySelectorAll("[data-testid=\'message\']")].map((m) => m.innerText).join(" ")');
  await wd.click(await findTicket("AUR-7731"));
  await wd.until("another ticket open first", async () => {
    const shown = await conversation();
    return (shown.length > 0 && !shown.includes("Tracking has not moved")) || `conversation shows: ${shown.slice(0, 200)}`;
  });
  // The notification's default action, as a click on it does (dunst invokes it over D-Bus).
  execFileSync("dunstctl", ["action", "0"], { env });
  await wd.until("the notified ticket opened by the click", async () => {
    const shown = await conversation();
    return shown.includes("Tracking has not moved for a week") || `conversation shows: ${shown.slice(0, 200)}`;
  }, 20000);
  await wd.screenshot(join(shots, "07b-notification-click-through.png"));
  await wd.click(await findTicket("AUR-8810"));
  await wd.waitFor('[data-testid="message"]');

  step("answer it: the reply goes out by SMTP and is filed in Sent");
  const answer = `Your parcel is on its way — e2e ${Date.now()}`;
  const [answerInput] = await wd.waitFor('[data-testid="reply-input"]');
  await wd.type(answerInput, answer);
  await wd.click((await wd.waitFor('[data-testid="send-reply"]'))[0]);
  await wd.until("the reply sent", async () => {
    const items = await wd.findAll('[data-testid="outbox-item"]');
    for (const item of items) if ((await wd.attribute(item, "data-state")) === "sent") return true;
    return `${items.length} outbox items, none sent`;
  }, 60000);
  await wd.screenshot(join(shots, "08-reply-sent.png"));
  const received = readdirSync(sinkDir).filter((f) => f.endsWith(".eml")).map((f) => readFileSync(join(sinkDir, f), "utf8"));
  const ours = received.filter((m) => m.includes("Your parcel is on its way"));
  assert.equal(ours.length, 1, "the SMTP receiver got the reply exactly once");
  assert.match(ours[0], /^To: .*lee@customer\.example/m, "addressed to the customer");
  assert.match(ours[0], /^In-Reply-To: <e2e-3@customer\.example>/m, "threaded on the customer's mail");
  await wd.until("the reply filed in the Sent folder", async () => {
    const sent = ["new", "cur"].flatMap((sub) => {
      const dir = join(maildir, ".Sent", sub);
      return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")) : [];
    });
    return sent.some((m) => m.includes("Your parcel is on its way")) || `${sent.length} messages in Sent`;
  }, 30000);
  await field("search-input", "");

  step("connect a Telegram bot (token checked with getMe, kept in the keychain)");
  await wd.click((await wd.waitFor('[data-testid="open-accounts"]'))[0]);
  await wd.click((await wd.waitFor('[data-testid="add-telegram"]'))[0]);
  await field("telegram-name", "Support bot");
  await field("telegram-token", telegramToken);
  await wd.click((await wd.waitFor('[data-testid="telegram-advanced"]'))[0]);
  await field("telegram-api-base", `http://127.0.0.1:${telegramPort}`);
  await wd.click((await wd.waitFor('[data-testid="telegram-check"]'))[0]);
  await wd.until("the bot recognised", async () => {
    const [result] = await wd.findAll('[data-testid="telegram-check-result"]');
    const text = result ? await wd.text(result) : "";
    return text.includes("@") || `check result: ${text}`;
  });
  await wd.click((await wd.waitFor('[data-testid="telegram-save"]'))[0]);
  await wd.until("the bot listening", async () => {
    const rows = await wd.findAll('[data-testid="chat-account-row"]');
    for (const row of rows) if ((await wd.attribute(row, "data-state")) === "ok") return true;
    return `${rows.length} bot rows, none ok yet`;
  }, 30000);
  await wd.screenshot(join(shots, "10-telegram-bot.png"));
  await wd.click((await wd.waitFor('[data-testid="close-accounts"]'))[0]);

  step("a Telegram message becomes a ticket, announced by a notification");
  execFileSync("dunstctl", ["close-all"], { env });
  const asked = await telegramControl("message", {
    chat_id: 777001,
    user: { id: 777001, first_name: "Mei", last_name: "Chen", username: "meichen" },
    text: "My charger TG-5521 stopped working after a week",
  });
  await wd.click(await findTicket("TG-5521"));
  await wd.waitFor('[data-testid="message"]');
  await wd.until("a Notify call for the Telegram message", async () =>
    /New ticket #\d+ · Mei Chen/.test(notifyCalls) && notifyCalls.includes("TG-5521") ||
    `Notify calls so far: ${notifyCalls.slice(-600) || "none"}`, 20000);
  await wd.screenshot(join(shots, "11-telegram-ticket.png"));

  step("the agent answers; the reply reaches Telegram as an answer to the customer's message");
  const tgAnswer = `A new charger is on its way — e2e ${Date.now()}`;
  await wd.type((await wd.waitFor('[data-testid="reply-input"]'))[0], tgAnswer);
  await wd.click((await wd.waitFor('[data-testid="send-reply"]'))[0]);
  await wd.until("the Telegram reply sent", async () => {
    const sent = await telegramControl("sent");
    const ours = sent.filter((m) => m.text === tgAnswer);
    if (ours.length > 1) throw new Error("the reply was sent twice");
    return (ours.length === 1 && ours[0].chat_id === 777001 && ours[0].reply_to_message_id === asked.message_id) ||
      `sent so far: ${JSON.stringify(sent).slice(0, 300)}`;
  }, 30000);
  await wd.until("the outbox item marked sent", async () => {
    const items = await wd.findAll('[data-testid="outbox-item"]');
    for (const item of items) if ((await wd.attribute(item, "data-state")) === "sent") return true;
    return `${items.length} outbox items, none sent`;
  }, 30000);
  await wd.screenshot(join(shots, "12-telegram-replied.png"));
  await field("search-input", "");

  step("connect a WeChat customer-service account (WeCom; the secret checked, kept in the keychain)");
  await wd.click((await wd.waitFor('[data-testid="open-accounts"]'))[0]);
  await wd.click((await wd.waitFor('[data-testid="add-wechat"]'))[0]);
  await field("wechat-name", "WeChat service");
  await field("wechat-corp-id", "wwe2e0corp000001");
  await field("wechat-open-kfid", "wk-e2e-kf");
  await field("wechat-secret", "not-the-secret");
  await wd.click((await wd.waitFor('[data-testid="wechat-advanced"]'))[0]);
  await field("wechat-api-base", `http://127.0.0.1:${wecomPort}`);
  await wd.click((await wd.waitFor('[data-testid="wechat-check"]'))[0]);
  await wd.until("the wrong secret refused in words", async () => {
    const shown = await wd.execute("return document.querySelector('[data-testid=\"wechat-form\"]')?.innerText ?? ''");
    return shown.includes("secret") && /does not accept|copy/.test(shown) || `form says: ${shown.slice(-300)}`;
  });
  await field("wechat-secret", "e2e-kf-secret");
  await wd.click((await wd.waitFor('[data-testid="wechat-check"]'))[0]);
  await wd.until("the settings accepted", async () => {
    const [result] = await wd.findAll('[data-testid="wechat-check-result"]');
    return (result && (await wd.attribute(result, "data-ok")) === "true") || "no successful check yet";
  });
  await wd.click((await wd.waitFor('[data-testid="wechat-save"]'))[0]);
  await wd.until("the WeChat account syncing", async () => {
    const rows = await wd.findAll('[data-testid="chat-account-row"]');
    let ok = 0;
    for (const row of rows) if ((await wd.attribute(row, "data-state")) === "ok") ok += 1;
    return ok >= 2 || `${rows.length} chat rows, ${ok} ok`;
  }, 40000);
  await wd.screenshot(join(shots, "15-wechat-account.png"));
  await wd.click((await wd.waitFor('[data-testid="close-accounts"]'))[0]);

  step("a WeChat message becomes a notified ticket; the composer shows WeChat's reply window");
  execFileSync("dunstctl", ["close-all"], { env });
  await wecomControl("customer", { external_userid: "wm-e2e-lin", nickname: "林小姐" });
  await wecomControl("message", { external_userid: "wm-e2e-lin", msgtype: "text", text: "订单 WX-8830 的快递三天没有更新了" });
  await wd.click(await findTicket("WX-8830"));
  await wd.waitFor('[data-testid="message"]');
  await wd.until("a Notify call for the WeChat message", async () =>
    /New ticket #\d+ · 林小姐/.test(notifyCalls) || `Notify calls so far: ${notifyCalls.slice(-600) || "none"}`, 20000);
  await wd.until("the reply window shown", async () => {
    const [bar] = await wd.findAll('[data-testid="reply-window"]');
    return (bar && (await wd.attribute(bar, "data-state")) !== "closed") || "no open reply window shown";
  });

  step("the agent answers; WeChat's kf/send_msg gets it for that customer, once");
  const wxAnswer = `已为您催促快递 — e2e ${Date.now()}`;
  await wd.type((await wd.waitFor('[data-testid="reply-input"]'))[0], wxAnswer);
  await wd.click((await wd.waitFor('[data-testid="send-reply"]'))[0]);
  await wd.until("the WeChat reply sent", async () => {
    const sent = await wecomControl("sent");
    const ours = sent.filter((m) => m.content === wxAnswer);
    if (ours.length > 1) throw new Error("the reply was sent twice");
    return (ours.length === 1 && ours[0].touser === "wm-e2e-lin" && ours[0].open_kfid === "wk-e2e-kf") ||
      `sent so far: ${JSON.stringify(sent).slice(0, 300)}`;
  }, 30000);
  await wd.until("the outbox item marked sent", async () => {
    const items = await wd.findAll('[data-testid="outbox-item"]');
    for (const item of items) if ((await wd.attribute(item, "data-state")) === "sent") return true;
    return `${items.length} outbox items, none sent`;
  }, 30000);
  await wd.until("one reply fewer left in the window", async () => {
    const text = await wd.execute("return document.querySelector('[data-testid=\"reply-window-text\"]')?.innerText ?? ''");
    return /\b4\b/.test(text) || `reply window says: ${text}`;
  }, 15000);
  await wd.screenshot(join(shots, "16-wechat-replied.png"));
  await field("search-input", "");

  step("the analytics dashboard draws its charts from this workspace");
  const openDashboard = async (name) => {
    await wd.click((await wd.waitFor('[data-testid="open-analytics"]'))[0]);
    await wd.waitFor('[data-testid="analytics-body"][data-loading="false"]', { timeout: 60000 });
    await wd.until("key figures and charts", async () => {
      const created = await wd.execute(
        'return document.querySelector(\'[data-testid="figure-created"] [data-testid="figure-value"]\')?.innerText ?? ""',
      );
      const canvases = (await wd.findAll('[data-testid="chart-volume"] canvas')).length;
      return (/[1-9]/.test(created) && canvases > 0) || `created "${created}", ${canvases} volume canvases`;
    }, 30000);
    await wd.screenshot(join(shots, name));
    await wd.click((await wd.waitFor('[data-testid="close-analytics"]'))[0]);
  };
  await openDashboard("13-analytics.png");

  step("100+ XSS and tracking vectors through the real ingest path: nothing runs, nothing is fetched");
  const attackerHits = [];
  const attacker = createHttpServer((req, res) => {
    attackerHits.push(req.url);
    res.end();
  });
  await new Promise((done) => attacker.listen(0, "127.0.0.1", done));
  try {
    const { mbox, vectorCount, messageCount } = hostileMbox(`http://127.0.0.1:${attacker.address().port}`);
    assert.ok(vectorCount >= 100, `${vectorCount} vectors`);
    writeFileSync(join(home, "hostile.mbox"), mbox);
    execFileSync(cli, ["import", join(home, "hostile.mbox")], { env });
    for (let i = 1; i < messageCount; i++) {
      await wd.click(await findTicket(`XSS probe #${String(i).padStart(2, "0")}`));
      await wd.waitFor('[data-testid="message-html"]');
      if (i === 1) await wd.screenshot(join(shots, "09-hostile-mail.png"));
    }
    await wd.click(await findTicket("XSS probe attachments"));
    await wd.until("the SVG and HTML attachments listed, not rendered", async () => {
      const names = await wd.execute(
        'return [...document.querySelectorAll(\'[data-testid="attachment"]\')].map((a) => a.innerText).join(" ")',
      );
      return (names.includes("invoice.svg") && names.includes("invoice.html")) || `attachments: ${names}`;
    });
    // Give anything that could fire (timers, media, refresh) time to do so.
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(await wd.execute("return typeof window.__xss"), "undefined", "no vector ran in the app");
    assert.deepEqual(attackerHits, [], "no vector reached the network");
  } finally {
    attacker.close();
  }
  await field("search-input", "");

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
  await openDashboard("14-analytics-zh.png");
  console.log(`app e2e passed; screenshots in ${shots}`);
} catch (error) {
  await wd.screenshot(join(shots, "failure.png")).catch(() => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await wd.quit();
  driver.kill();
  sink.kill();
  telegram.kill();
  wecom.kill();
  busMonitor.kill();
  dunst.kill();
  try {
    process.kill(-dovecot.pid, "SIGKILL");
  } catch {
    // already gone
  }
}
