// Page weight of Plenum as a browser receives it: bytes on the wire (compressed, headers
// included) per page, counted by Chromium itself through CDP with the cache off, so every page
// is a first visit. Participant pages are meant for old phones on mobile data and must stay
// small and wasm-free; staff pages are measured for comparison. Also times the join page and
// the login page on an emulated slow phone (CPU / 6, 400 kbit/s, 400 ms RTT).
//
//   PLENUM_BIN=… PLENUM_SITE_ROOT=… node bench/page-weight.mjs [--json]
//
// The proposals for the full board come from the shared test data (DATA_DIR, default
// ../shared/data next to the repository): real participants' wording and lengths.
import { readFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, newPage, ready } from "../tests/support.mjs";

const json = process.argv.includes("--json");
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL("../../../shared/data", import.meta.url));
const KB = 1000; // as Chromium's DevTools counts
const BUDGET = { page: 15 * KB, board: 40 * KB, participantJs: 10 * KB };
const PROPOSALS = 100;
// Each participant may submit 20 proposals and 10 a minute: 5 each stays clear of both.
const PER_PARTICIPANT = 5;
const STAFF = ["bench@plenum.test", "bench-passwort-123"];
const SLOW_RUNS = 3;
const SLOW_TIMEOUT = 120_000;

/**
 * Opens `navigate` on `page` with the cache off and sums what Chromium reports as received per
 * request. The live EventSource never finishes while the page is open, so it is left out.
 */
async function measure(page, label, navigate, budget = null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map();
  let lastEvent = Date.now();
  const seen = (id) => { lastEvent = Date.now(); return requests.get(id); };
  cdp.on("Network.requestWillBeSent", (e) => {
    lastEvent = Date.now();
    requests.set(e.requestId, { url: e.request.url, stream: e.type === "EventSource", bytes: 0, done: false });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = seen(e.requestId);
    if (r && e.response.mimeType === "text/event-stream") r.stream = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = seen(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = seen(e.requestId);
    if (r) r.done = true;
  });

  await navigate();
  // Late subresources (fonts, the live script's first fetch) count too: wait for quiet.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const pending = [...requests.values()].filter((r) => !r.stream && !r.done);
    if (pending.length === 0 && Date.now() - lastEvent > 500) break;
    if (Date.now() > deadline) throw new Error(`${label}: still loading ${pending.map((r) => r.url).join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await cdp.detach();

  const counted = [...requests.values()].filter((r) => !r.stream);
  const largest = counted.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    page: label,
    budget,
    bytes: counted.reduce((sum, r) => sum + r.bytes, 0),
    requests: counted.length,
    largest: { path: new URL(largest.url).pathname, bytes: largest.bytes },
    wasm: counted.some((r) => new URL(r.url).pathname.endsWith(".wasm")),
    streamExcluded: requests.size > counted.length,
    resources: counted.map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes })),
  };
}

/** A participant joined over HTTP, as the form without JavaScript does it. */
async function joinOverHttp(base, code) {
  const res = await fetch(`${base}/api/w/join`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({ code, consent: "yes" }),
  });
  if (!res.ok) throw new Error(`join answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith(`plenum_w_${code}=`));
  if (!cookie) throw new Error("join set no participant cookie");
  return cookie;
}

async function submitOverHttp(base, code, cookie, fields) {
  const res = await fetch(`${base}/api/w/submit`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", Cookie: cookie },
    body: new URLSearchParams({ code, ...fields }),
  });
  if (!res.ok) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  return (await res.json()).id;
}

/** The action field ids of the board's proposal form; none when the workshop has one field. */
async function actionFields(base, code, cookie) {
  const html = await (await fetch(`${base}/w/${code}`, { headers: { Accept: "text/html", Cookie: cookie } })).text();
  const select = html.match(/<select[^>]*id="action_field"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? "";
  const ids = [...select.matchAll(/<option[^>]*value="([^"]+)"/g)].map((m) => m[1]);
  return ids.length > 0 ? ids : [""];
}

/** The proposals of the test data closest to a typical length (title ~50, description ~150). */
function typicalProposals(n) {
  const rows = readFileSync(`${dataDir}/clusters-dev.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const distance = (r) => Math.abs(r.title.length - 50) / 50 + Math.abs(r.text.length - 150) / 150;
  const chosen = rows.filter((r) => r.text).sort((a, b) => distance(a) - distance(b)).slice(0, n);
  if (chosen.length < n) throw new Error(`only ${chosen.length} proposals in ${dataDir}`);
  return chosen;
}

/** Creates `PROPOSALS` proposals as several participants; returns the first author and ids. */
async function fillBoard(base, code) {
  const proposals = typicalProposals(PROPOSALS);
  const authors = [];
  for (let i = 0; i < proposals.length; i += PER_PARTICIPANT) {
    const cookie = await joinOverHttp(base, code);
    const ids = [];
    const fields = await actionFields(base, code, cookie);
    for (const [k, p] of proposals.slice(i, i + PER_PARTICIPANT).entries()) {
      ids.push(await submitOverHttp(base, code, cookie, {
        action_field: fields[(i + k) % fields.length], title: p.title, description: p.text,
      }));
    }
    authors.push({ cookie, ids });
  }
  const mean = (key) => Math.round(proposals.reduce((s, p) => s + p[key].length, 0) / proposals.length);
  return { authors, titleLength: mean("title"), descriptionLength: mean("text") };
}

async function boardCount(page) {
  return (await page.locator("[data-test=board] [data-test=proposal-count]").textContent()).trim();
}

const hydrated = (page, timeout = 20_000) => page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout });

/** Median of `SLOW_RUNS` cold loads on an emulated slow phone; `until` says when a run ends. */
async function slowPhone(browser, url, until) {
  const times = [];
  for (let run = 0; run < SLOW_RUNS; run++) {
    const page = await newPage(browser);
    // Hydration is marked by the wasm bundle; an observer notes when, without polling lag.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.body?.hasAttribute("data-hydrated")) window.plenumHydratedAt ??= performance.now();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-hydrated"] });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8,
    });
    await page.goto(url, { waitUntil: "load", timeout: SLOW_TIMEOUT });
    if (until === "hydrated") {
      await hydrated(page, SLOW_TIMEOUT);
      times.push(await page.evaluate(() => window.plenumHydratedAt));
    } else {
      times.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
    }
    await page.context().close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times.map(Math.round), median: Math.round(sorted[Math.floor(sorted.length / 2)]) };
}

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { base } = server;
    const code = server.demoWorkshop();
    server.createStaff(STAFF[0], "organizer", STAFF[1]);
    const results = [];
    const notes = [];

    const start = await newPage(browser);
    results.push(await measure(start, "start page /", async () => { await start.goto(`${base}/`); await ready(start); }, BUDGET.page));
    await start.context().close();

    // One participant on a fresh phone: the join page, then the board once joined.
    const phone = await newPage(browser);
    const joinUrl = `${base}/w/${code}`;
    results.push(await measure(phone, "join page /w/{CODE}", async () => { await phone.goto(joinUrl); await ready(phone); }, BUDGET.page));
    await phone.locator("#consent").check();
    await phone.locator("[data-test=join-submit]").click();
    await phone.getByText("Sie nehmen ohne Namen teil.").waitFor();
    results.push(await measure(phone, "board, demo proposals", async () => { await phone.goto(joinUrl); await ready(phone); }));
    notes.push(`demo workshop board: ${await boardCount(phone)}`);

    const filled = await fillBoard(base, code);
    results.push(await measure(phone, `board, ${PROPOSALS} proposals`, async () => { await phone.goto(joinUrl); await ready(phone); }, BUDGET.board));
    notes.push(`full board: ${await boardCount(phone)} (mean title ${filled.titleLength} chars, description ` +
      `${filled.descriptionLength} chars; seen by a participant with none of their own)`);
    await phone.context().close();

    // The first author's own proposal (edit page) and another author's (report page).
    const author = await newPage(browser);
    const [name, value] = filled.authors[0].cookie.split(/=(.*)/s);
    await author.context().addCookies([{ name, value, url: base }]);
    const own = `${base}/w/${code}/p/${filled.authors[0].ids[0]}`;
    results.push(await measure(author, "own proposal edit page", async () => { await author.goto(own); await ready(author); }));
    const other = `${base}/w/${code}/p/${filled.authors[1].ids[0]}/report`;
    results.push(await measure(author, "report page", async () => { await author.goto(other); await ready(author); }));
    await author.context().close();

    const staff = await newPage(browser);
    results.push(await measure(staff, "staff /login", async () => { await staff.goto(`${base}/login`); await hydrated(staff); }));
    await staff.getByLabel("E-Mail-Adresse").fill(STAFF[0]);
    await staff.getByLabel("Passwort").fill(STAFF[1]);
    await staff.getByRole("button", { name: "Anmelden" }).click();
    await staff.waitForURL(/\/staff$/);
    await hydrated(staff);
    results.push(await measure(staff, "staff /staff (logged in)", async () => { await staff.goto(`${base}/staff`); await hydrated(staff); }));
    await staff.context().close();

    const live = results[1].resources.find((r) => /^\/pkg\/live\.[^/]*\.js$/.test(r.path));
    if (!live) throw new Error("the join page did not load live.*.js");
    const participantJs = { path: live.path, bytes: live.bytes };

    const slow = {
      joinPageLoad: await slowPhone(browser, joinUrl, "load"),
      loginHydrated: await slowPhone(browser, `${base}/login`, "hydrated"),
    };

    notes.push("bytes: as transferred (compressed, headers included), cache off; 1 KB = 1000 B");
    notes.push("the live EventSource stream (text/event-stream, \"+ stream\") never finishes while a board is open and is not counted");
    notes.push(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} ` +
      "(timings are sensitive to other work on the machine)");

    const report = { results, participantJs: { ...participantJs, budget: BUDGET.participantJs }, slowPhone: slow, notes };
    console.log(json ? JSON.stringify(report, null, 2) : table(report));
  } finally {
    await browser.close();
    await server.stop();
  }
}

const kb = (b) => `${(b / KB).toFixed(1)} KB`;
const verdict = (bytes, budget) => (budget == null ? "" : `${bytes <= budget ? "ok" : "OVER"} (≤ ${kb(budget)})`);

function table({ results, participantJs, slowPhone: slow, notes }) {
  const rows = [["page", "bytes", "KB", "requests", "largest resource", "wasm", "budget"]];
  for (const r of results) {
    const requests = r.streamExcluded ? `${r.requests} + stream` : String(r.requests);
    rows.push([r.page, String(r.bytes), kb(r.bytes), requests, `${r.largest.path} (${kb(r.largest.bytes)})`,
      r.wasm ? "yes" : "no", verdict(r.bytes, r.budget)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [
    line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line), "",
    `participant JS: ${participantJs.path} ${participantJs.bytes} B (${kb(participantJs.bytes)}) ` +
      verdict(participantJs.bytes, participantJs.budget),
    "",
    `slow phone (CPU / 6, 400 kbit/s, 400 ms RTT, cache off), median of ${SLOW_RUNS}:`,
    `  join page until load:        ${slow.joinPageLoad.median} ms   (runs ${slow.joinPageLoad.runs.join(", ")} ms)`,
    `  staff /login until hydrated: ${slow.loginHydrated.median} ms   (runs ${slow.loginHydrated.runs.join(", ")} ms)`,
    "",
    ...notes.map((n) => `note: ${n}`),
  ].join("\n");
}

await main();
