// Test support: starts the real `plenum` binary on a fresh SQLite file, launches Debian's
// chromium through playwright-core, and checks every visited page with axe-core.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** Starts Plenum; resolves once /healthz answers, with the base URL and the setup link. */
export async function startServer() {
  const bin = process.env.PLENUM_BIN ?? "../target/release/plenum";
  const siteRoot = process.env.PLENUM_SITE_ROOT ?? "../target/site";
  const dir = mkdtempSync(join(tmpdir(), "plenum-e2e-"));
  const port = await freePort();
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
  let output = "";
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`plenum exited: ${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`plenum did not answer within 30 s: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const setupLink = output.match(/https?:\/\/\S+\/setup\/[0-9a-f]+/)?.[0];
  const dbUrl = `sqlite://${dir}/plenum.db?mode=rwc`;
  return {
    base,
    setupLink,
    /** Creates the demo workshop (collecting) with the command line; returns its join code. */
    demoWorkshop() {
      const run = spawnSync(bin, ["demo"], {
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
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
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
  return page;
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
