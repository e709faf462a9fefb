// Test support: starts the real `plenum` binary on a fresh SQLite file, launches Debian's
// chromium through playwright-core, and checks every visited page with axe-core.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts the binary on a port and database; resolves once /healthz answers. */
async function spawnPlenum(bin, port, dir, siteRoot) {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ["serve"], {
    env: {
      ...process.env,
      PLENUM_ADDR: `127.0.0.1:${port}`,
      PLENUM_DATABASE_URL: `sqlite://${dir}/plenum.db?mode=rwc`,
      PLENUM_SITE_ROOT: siteRoot,
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.output = "";
  child.stdout.on("data", (d) => { child.output += d; });
  child.stderr.on("data", (d) => { child.output += d; });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`plenum exited: ${child.output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`plenum did not answer within 30 s: ${child.output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

/** Sends SIGTERM and resolves with the milliseconds until the process has exited. */
async function terminate(child) {
  const started = Date.now();
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  return Date.now() - started;
}

/** Starts Plenum; resolves once /healthz answers, with the base URL and the setup link. */
export async function startServer() {
  const bin = process.env.PLENUM_BIN ?? "../target/release/plenum";
  const siteRoot = process.env.PLENUM_SITE_ROOT ?? "../target/site";
  const dir = mkdtempSync(join(tmpdir(), "plenum-e2e-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child = await spawnPlenum(bin, port, dir, siteRoot);
  const output = child.output;
  const setupLink = output.match(/https?:\/\/\S+\/setup\/[0-9a-f]+/)?.[0];
  const dbUrl = `sqlite://${dir}/plenum.db?mode=rwc`;
  return {
    base,
    setupLink,
    /**
     * Creates the demo workshop (collecting; `--voting`, `--closed` for later steps) with the
     * command line; returns its join code.
     */
    demoWorkshop(...args) {
      const run = spawnSync(bin, ["demo", ...args], {
        env: { ...process.env, PLENUM_DATABASE_URL: dbUrl, RUST_LOG: "warn" },
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`plenum demo failed: ${run.stderr}${run.stdout}`);
      return run.stdout.trim();
    },
    /** Creates a staff account with the command line, as an operator would. */
    createStaff(email, role, password) {
      const run = spawnSync(bin, ["user", "create", "--email", email, "--role", role], {
        env: { ...process.env, PLENUM_DATABASE_URL: dbUrl, RUST_LOG: "warn" },
        input: `${password}\n`,
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`plenum user create failed: ${run.stderr}${run.stdout}`);
    },
    output: () => child.output,
    /**
     * Restarts the server as `systemctl restart` does (SIGTERM, then a new process on the same
     * port and database); resolves with the milliseconds the old process took to exit.
     */
    async restart() {
      const took = await terminate(child);
      child = await spawnPlenum(bin, port, dir, siteRoot);
      return took;
    },
    async stop() {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A new browser context (a separate person); `javaScript: false` for the no-JS runs. */
export async function newPage(browser, { javaScript = true, locale = "de-DE" } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.plenumNoJs = !javaScript;
  // Every wasm request, with the page that made it: participant pages must make none.
  page.plenumWasm = [];
  page.on("request", (request) => {
    if (!new URL(request.url()).pathname.endsWith(".wasm")) return;
    const from = request.frame()?.url() ?? page.url();
    if (!isStaffPath(new URL(from).pathname)) page.plenumWasm.push(`${request.url()} (from ${from})`);
  });
  return page;
}

/** Staff pages hydrate; participant and public pages never load the wasm bundle. */
export function isStaffPath(pathname) {
  return pathname === "/login" || pathname === "/staff" || pathname.startsWith("/staff/") || pathname.startsWith("/setup/");
}

/**
 * Waits until a participant page's script is running (and, on a board, its live stream is
 * open), and fails if this page ever loaded wasm.
 */
export async function ready(page) {
  assert.ok(!isStaffPath(new URL(page.url()).pathname), `ready() is for participant pages, not ${page.url()}`);
  if (!page.plenumNoJs) {
    await page.locator("body[data-ready]").waitFor({ state: "attached" });
    if ((await page.locator("#live[data-live]").count()) > 0) {
      await page.locator("body[data-live=open]").waitFor({ state: "attached" });
    }
  }
  assert.deepEqual(page.plenumWasm, [], "participant pages load no wasm");
}

const htmlDir = mkdtempSync(join(tmpdir(), "plenum-html-"));
let htmlCount = 0;

/**
 * Keeps the page's HTML exactly as the server sends it (same URL, same cookies) for the Nu
 * Html Checker, which `validateHtml()` runs once over everything kept.
 */
export async function keepHtml(page, label) {
  const response = await page.context().request.get(page.url(), { headers: { Accept: "text/html" } });
  const name = `${String(++htmlCount).padStart(3, "0")}-${label.replace(/[^a-z0-9]+/gi, "-")}.html`;
  writeFileSync(join(htmlDir, name), await response.text());
}

/** Runs the Nu Html Checker on every kept page; fails on any error. */
export function validateHtml() {
  const files = readdirSync(htmlDir).map((f) => join(htmlDir, f));
  assert.ok(files.length > 0, "pages were kept for validation");
  const jar = new URL("../node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url).pathname;
  const run = spawnSync("java", ["-jar", jar, "--errors-only", "--format", "gnu", ...files], { encoding: "utf8" });
  const report = `${run.stdout}${run.stderr}`.trim();
  assert.equal(report, "", `Nu Html Checker on ${files.length} pages:\n${report}`);
  assert.equal(run.status, 0, "the checker ran");
  return files.length;
}

/** Waits until the wasm bundle has hydrated the page (skip for no-JS pages). */
export async function hydrated(page) {
  await page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 20_000 });
}

/** Runs axe-core (WCAG 2.1 A/AA) and fails on serious or critical violations. */
export async function checkA11y(page, label) {
  if (page.plenumNoJs) return checkA11yWithoutJs(page, label);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  assert.deepEqual(report, [], `axe on ${label ?? page.url()}`);
}

/**
 * axe needs JavaScript in the page. For a page seen without JavaScript, the same URL is opened
 * with the same cookies in a context where the app's own scripts are blocked: the same
 * server-rendered page a browser without JavaScript shows, never hydrated.
 */
async function checkA11yWithoutJs(page, label) {
  const browser = page.context().browser();
  const context = await browser.newContext({ locale: "de-DE", viewport: page.viewportSize() });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    const twin = await context.newPage();
    await twin.goto(page.url());
    await checkA11y(twin, `${label ?? page.url()} (no JavaScript)`);
  } finally {
    await context.close();
  }
}

/** Logs a staff member in on a new page (its own browser context). */
export async function loginAs(browser, base, email, password) {
  const page = await newPage(browser);
  await page.goto(base + "/login");
  await hydrated(page);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/\/staff$/);
  await hydrated(page);
  return page;
}

/** Fails when the page is wider than the screen at this width. */
export async function assertNoOverflow(page, width) {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  const { overflow, culprits } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .slice(0, 5),
  }));
  await page.setViewportSize(before);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a ${width}px screen: ${culprits.join(", ")}`);
}
