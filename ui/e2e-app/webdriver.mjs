// A minimal W3C WebDriver client over fetch: enough to drive the real app through tauri-driver
// without pulling a WebDriver framework into the project.

export const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async call(method, path, body) {
    if (process.env.WEBDRIVER_TRACE) console.log(`→ ${method} ${path}`);
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A hung driver must fail the test, not stall CI.
      signal: AbortSignal.timeout(120000),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const v = json.value ?? {};
      throw new Error(`${method} ${path}: ${v.error ?? response.status} ${v.message ?? ""}`);
    }
    return json.value;
  }

  async start(capabilities) {
    const value = await this.call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    this.session = value.sessionId;
    return value;
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async quit() {
    if (this.session) await this.call("DELETE", this.s("")).catch(() => {});
    this.session = null;
  }

  async findAll(css) {
    const found = await this.call("POST", this.s("/elements"), { using: "css selector", value: css });
    return found.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches at least `count` elements; returns their ids. */
  async waitFor(css, { count = 1, timeout = 30000 } = {}) {
    const deadline = Date.now() + timeout;
    let last = [];
    while (Date.now() < deadline) {
      last = await this.findAll(css).catch(() => []);
      if (last.length >= count) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${count}× ${css} (found ${last.length})`);
  }

  async until(what, check, timeout = 30000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await check().catch((e) => e);
      if (last === true) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${what} (last: ${last})`);
  }

  click(id) {
    return this.call("POST", this.s(`/element/${id}/click`), {});
  }

  type(id, text) {
    return this.call("POST", this.s(`/element/${id}/value`), { text });
  }

  text(id) {
    return this.call("GET", this.s(`/element/${id}/text`));
  }

  attribute(id, name) {
    return this.call("GET", this.s(`/element/${id}/attribute/${name}`));
  }

  execute(script, args = []) {
    return this.call("POST", this.s("/execute/sync"), { script, args });
  }

  async screenshot(path) {
    const { writeFile } = await import("node:fs/promises");
    // WebKit may hand back the previous frame right after a DOM change: let two frames paint first.
    await this.call("POST", this.s("/execute/async"), {
      script: "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)));",
      args: [],
    }).catch(() => {});
    const png = await this.call("GET", this.s("/screenshot"));
    await writeFile(path, Buffer.from(png, "base64"));
  }
}
