// Voting in the room: three participants vote by dots on their phones (one without JavaScript),
// the projector shows turnout live, the moderator enters paper dots and closes the round, the
// chart appears on the projector and the phones without reload; a ranked round shows the
// pairwise matrix; the anonymous ballot file recounts with `plenum tally` to the same result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["orga@koeln.de", "orga-passwort-123"];
const TITLES = ["Sprachcafé im Stadtteilzentrum", "Anonymisierte Bewerbungsverfahren", "Beratungsstelle gegen Diskriminierung", "Interkulturelle Straßenfeste"];

async function submitAll(base, code) {
  const form = (data, cookie) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(data).toString(),
  });
  const joined = await fetch(`${base}/api/w/join`, form({ code, consent: "yes", display_name: "Karte" }));
  assert.equal(joined.status, 200);
  const cookie = joined.headers.get("set-cookie").split(";")[0];
  const board = await (await fetch(`${base}/api/w/board?code=${code}`, { headers: { cookie } })).json();
  for (const title of TITLES) {
    const res = await fetch(`${base}/api/w/submit`, form({ code, title, action_field: board.info.fields[0].id }, cookie));
    assert.equal(res.status, 200, await res.text());
  }
}

async function joinAs(javaScript, name) {
  const page = await newPage(browser, { javaScript });
  await page.goto(`${server.base}/w/${state.code}`);
  await page.locator("#display_name").fill(name);
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=board]").waitFor();
  await ready(page);
  return page;
}

/** The number input (or checkbox, select) of an option on a phone's ballot. */
function option(page, title) {
  return page.locator("#ballot").getByLabel(title, { exact: true });
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  state.code = server.demoWorkshop();
  await submitAll(server.base, state.code);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the moderator opens a dot vote; the phones show the ballot without reload", async () => {
  state.ayse = await joinAs(true, "Ayşe");
  state.jonas = await joinAs(true, "Jonas");
  state.noJs = await joinAs(false, "Mira");

  const mod = await loginAs(browser, server.base, ...ORGA);
  await mod.getByRole("link", { name: "Demo-Workshop" }).click();
  await mod.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(mod);
  state.workshopUrl = mod.url();
  state.workshopId = mod.url().split("/").pop();
  await mod.locator("[data-test=ws-step-forward]").click();
  await mod.locator("[data-test=ws-state]").getByText("Vorschläge gruppieren").waitFor();
  await mod.locator("[data-test=ws-step-forward]").click();
  await mod.locator("[data-test=ws-state]").getByText("Abstimmung").waitFor();

  const beamer = await newPage(browser);
  await beamer.context().addCookies(await mod.context().cookies());
  await beamer.goto(state.workshopUrl + "/beamer");
  await hydrated(beamer);
  await beamer.locator("[data-test=screen-waiting]").waitFor();
  state.beamer = beamer;

  await mod.locator("[data-test=votes-link]").click();
  await mod.waitForURL(/\/votes$/);
  await hydrated(mod);
  await checkA11y(mod, "votes page");
  // A round without a title is refused next to the field.
  await mod.locator("[data-test=create-round]").click();
  await mod.locator("#title-error").filter({ hasText: /120/ }).waitFor();
  await mod.getByLabel("Titel der Runde").fill("Was zuerst?");
  await mod.locator("[data-test=create-round]").click();
  await mod.locator("[data-test=round]").first().getByText("vorbereitet").waitFor();
  await mod.locator("[data-test=open-round]").click();
  await mod.locator("[data-test=round-state]").first().getByText("läuft").waitFor();
  state.mod = mod;

  // Phones with JavaScript: the ballot arrives live.
  for (const phone of [state.ayse, state.jonas]) {
    await phone.locator("[data-test=round-title]").getByText("Was zuerst?").waitFor();
    await option(phone, TITLES[0]).waitFor();
  }
  await state.noJs.reload();
  await option(state.noJs, TITLES[0]).waitFor();
  await beamer.locator("[data-test=screen-turnout]").getByText("0 von 4 haben abgestimmt").waitFor();
});

test("three participants vote by dots; the counter, the errors and the saved ballot", async () => {
  const { ayse, jonas, noJs, beamer } = state;
  await option(ayse, TITLES[0]).fill("3");
  await option(ayse, TITLES[1]).fill("1");
  await ayse.locator("[data-test=dots-left]").getByText("noch 1 Punkt").waitFor();
  await checkA11y(ayse, "ballot page");
  await keepHtml(ayse, "ballot page");
  await ayse.locator("[data-test=cast]").click();
  await ayse.locator("[data-test=vote-status]").getByText("Ihre Stimme ist gezählt").waitFor();
  assert.equal(await option(ayse, TITLES[0]).inputValue(), "3", "the ballot as saved");
  await beamer.locator("[data-test=screen-turnout]").getByText("1 von 4 haben abgestimmt").waitFor();

  // More than three on one option: the message is next to it, the entries stay.
  await option(jonas, TITLES[1]).fill("4");
  await option(jonas, TITLES[2]).fill("1");
  await jonas.locator("[data-test=cast]").click();
  await jonas.locator("#ballot").getByText("Höchstens 3 Punkte auf einer Option.").waitFor();
  assert.equal(await option(jonas, TITLES[1]).getAttribute("aria-invalid"), "true");
  assert.equal(await option(jonas, TITLES[2]).inputValue(), "1", "what was entered stays");
  assert.equal(await jonas.locator("[data-test=vote-status]").count(), 0, "nothing counted yet");
  await option(jonas, TITLES[1]).fill("3");
  await jonas.locator("[data-test=cast]").click();
  await jonas.locator("[data-test=vote-status]").getByText("Ihre Stimme ist gezählt").waitFor();

  // Without JavaScript: the plain form post, first too many dots in total, then right.
  await option(noJs, TITLES[2]).fill("3");
  await option(noJs, TITLES[3]).fill("3");
  await noJs.locator("[data-test=cast]").click();
  await noJs.locator("#ballot").getByText("Zu viele Punkte: höchstens 5 insgesamt.").waitFor();
  assert.equal(await option(noJs, TITLES[2]).inputValue(), "3", "the entries came back with the error");
  await option(noJs, TITLES[3]).fill("2");
  await noJs.locator("[data-test=cast]").click();
  await noJs.locator("[data-test=vote-status]").getByText("Ihre Stimme ist gezählt").waitFor();
  assert.equal(await option(noJs, TITLES[3]).inputValue(), "2");
  await checkA11y(noJs, "ballot page without JavaScript");
  await keepHtml(noJs, "ballot page no js");

  await beamer.locator("[data-test=screen-turnout]").getByText("3 von 4 haben abgestimmt").waitFor();
  await state.mod.locator("[data-test=turnout]").first().getByText("3 von 4 haben abgestimmt").waitFor();
});

test("the moderator enters paper dots and closes; the result is on the wall and the phones at once", async () => {
  const { mod, beamer, ayse } = state;
  await mod.getByText("Punkte von der Pinnwand eintragen").click();
  const paper = mod.locator("[data-test=round]").first().locator("[data-test=paper-input]");
  await paper.nth(3).fill("4");
  // Saving reloads the rounds (the action's refresh and the live event): the close button is
  // pressed on the reloaded list, not on the one being replaced.
  await Promise.all([
    mod.waitForResponse((r) => r.url().includes("/api/votes/paper") && r.ok()),
    mod.waitForResponse((r) => r.url().includes("/api/votes/admin") && r.ok()),
    mod.locator("[data-test=save-paper]").click(),
  ]);
  await mod.waitForTimeout(500);
  await mod.locator("[data-test=close-round]").click();
  await mod.locator("[data-test=round-state]").first().getByText("abgeschlossen").waitFor();

  // Totals: 0: 3, 1: 1+3 = 4, 2: 1+3 = 4, 3: 2 online + 4 paper = 6.
  const wall = beamer.locator("[data-test=result]");
  await wall.waitFor();
  const rows = wall.locator("[data-test=result-row]");
  await rows.first().getByText(TITLES[3]).waitFor();
  assert.match(await rows.first().textContent(), /6 Punkte.*2 online, 4 auf Papier/);
  assert.match(await rows.nth(1).textContent(), /2 \(gleichauf\)/, "a tie is shown as a tie");
  assert.equal(await beamer.locator("svg.chart rect.bar").count(), 4);
  await checkA11y(beamer, "projector results");
  await ayse.locator("#ballot [data-test=result]").waitFor();
  await checkA11y(ayse, "results on a phone");
  await keepHtml(ayse, "results on a phone");
});

test("the anonymous ballot file downloads and plenum tally gives the same result", async () => {
  const { mod } = state;
  const link = mod.locator("[data-test=ballot-file]").first();
  const href = await link.getAttribute("href");
  const res = await mod.context().request.get(server.base + href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-disposition"] ?? "", /attachment/);
  const text = await res.text();
  const file = JSON.parse(text);
  assert.equal(file.method, "dots");
  assert.equal(file.ballots.length, 3);
  assert.ok(!/Ayşe|Jonas|Mira|Karte/.test(text), "no names in the file");
  const dir = mkdtempSync(join(tmpdir(), "plenum-tally-"));
  writeFileSync(join(dir, "ballots.json"), text);
  const run = spawnSync(process.env.PLENUM_BIN ?? "../target/release/plenum", ["tally", "--input", join(dir, "ballots.json")], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const recount = JSON.parse(run.stdout);
  const admin = await (await mod.context().request.get(`${server.base}/api/votes/admin?workshop=${state.workshopId}`)).json();
  assert.deepEqual(recount, admin.rounds[0].result.tally, "the recount equals the frozen result");
  // A ballot that breaks the rules makes it fail, naming the ballot and the rule.
  file.ballots.push({ [file.options[0].id]: 4 });
  writeFileSync(join(dir, "bad.json"), JSON.stringify(file));
  const bad = spawnSync(process.env.PLENUM_BIN ?? "../target/release/plenum", ["tally", "--input", join(dir, "bad.json")], { encoding: "utf8" });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr + bad.stdout, /ballot 4: .*limit 3/);
});

test("a ranked round shows the pairwise matrix", async () => {
  const { mod, ayse, jonas, beamer } = state;
  await mod.getByLabel("Titel der Runde").fill("Reihenfolge der Maßnahmen");
  await mod.locator("#method").selectOption("ranking");
  await mod.locator("[data-test=create-round]").click();
  await mod.locator("[data-test=round]").first().getByRole("heading", { name: /Reihenfolge der Maßnahmen/ }).waitFor();
  await mod.locator("[data-test=open-round]").click();
  await mod.locator("[data-test=round-state]").first().getByText("läuft").waitFor();
  for (const [phone, order] of [[ayse, [2, 0, 1]], [jonas, [2, 1]]]) {
    await phone.locator("[data-test=round-title]").getByText("Reihenfolge der Maßnahmen").waitFor();
    for (const [place, index] of order.entries()) await option(phone, TITLES[index]).fill(String(place + 1));
    await phone.locator("[data-test=cast]").click();
    await phone.locator("[data-test=vote-status]").getByText("Ihre Stimme ist gezählt").waitFor();
  }
  await mod.locator("[data-test=close-round]").click();
  await mod.locator("[data-test=round-state]").first().getByText("abgeschlossen").waitFor();
  const matrix = mod.locator("[data-test=pairwise]").first();
  await matrix.waitFor();
  assert.equal(await matrix.locator("[data-test=pair]").count(), 12, "4 × 3 pairs");
  await beamer.locator("[data-test=pairwise]").waitFor();
  const first = beamer.locator("[data-test=result-row]").first();
  await first.getByText(TITLES[2]).waitFor();
  await checkA11y(mod, "votes page with results");
  await checkA11y(beamer, "projector with the pairwise matrix");
  assert.ok(validateHtml() >= 3);
});
