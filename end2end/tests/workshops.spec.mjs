// The workshop flow: an organizer sets up a workshop, two participants join (by QR link and by
// code) on their own phones and submit proposals in two action fields; the moderator's board
// and the projector show them without reload; the moderator hides one with a reason and its
// author sees the reason; a participant without JavaScript takes part too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, assertNoOverflow, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["orga@krefeld.de", "orga-passwort-123"];
const MODERATOR = ["moderation@krefeld.de", "moderation-passwort-1"];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  server.createStaff(MODERATOR[0], "moderator", MODERATOR[1]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the organizer sets up a workshop on two action fields and opens it", async () => {
  const page = await loginAs(browser, server.base, ...ORGA);
  await page.getByRole("link", { name: "Neuer Beteiligungsprozess" }).click();
  await page.waitForURL(/\/staff\/processes\/new$/);
  await hydrated(page);
  await page.getByLabel("Name des Prozesses").fill("Handlungskonzept Krefeld");
  await page.getByLabel("Kommune").fill("Krefeld");
  await page.getByRole("button", { name: "Prozess anlegen" }).click();
  await page.waitForURL(/\/staff\/processes\/[0-9a-f-]{36}$/);
  await hydrated(page);
  for (const name of ["Bildung", "Arbeit und Ausbildung"]) {
    await page.locator("#new-field-name").fill(name);
    await page.getByRole("button", { name: "Handlungsfeld hinzufügen" }).click();
    await page.locator(`[data-test=action-field-list] [value="${name}"]`).waitFor();
  }
  await page.locator("[data-test=publish-toggle]").click();
  await page.getByRole("link", { name: "Neuer Workshop" }).click();
  await page.waitForURL(/\/workshops\/new$/);
  await hydrated(page);
  await checkA11y(page, "new workshop");
  await page.getByRole("button", { name: "Workshop anlegen" }).click();
  await page.getByText("Bitte 1 bis 120 Zeichen eingeben (jetzt 0).").waitFor();
  await page.locator("#title").fill("Auftaktworkshop Bildung und Arbeit");
  await page.locator("#starts_at").fill("2026-03-05T18:00");
  await page.locator("#mode").selectOption("in_person");
  await page.locator("#place").fill("VHS Krefeld, Raum 204");
  await page.getByRole("checkbox", { name: "Bildung", exact: true }).check();
  await page.getByRole("checkbox", { name: "Arbeit und Ausbildung", exact: true }).check();
  await page.getByRole("button", { name: "Workshop anlegen" }).click();
  await page.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(page);
  state.workshopUrl = page.url();
  await page.locator("[data-test=ws-state]").getByText("Entwurf").waitFor();

  // A draft lets nobody in yet.
  const code = (await page.locator("[data-test=join-code]").textContent()).trim();
  assert.match(code, /^[A-HJ-KM-NP-Z2-9]{6}$/);
  state.code = code;
  state.shortLink = (await page.locator("[data-test=short-link]").textContent()).trim();
  const early = await newPage(browser);
  await early.goto(state.shortLink);
  await early.getByText("Dieser Workshop hat noch nicht begonnen.").waitFor();
  await ready(early);
  await keepHtml(early, "workshop not open");
  await early.context().close();

  // The moderator is assigned, then the workshop starts collecting.
  await page.getByLabel(MODERATOR[0]).check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.getByText("Gespeichert").first().waitFor();
  await page.locator("[data-test=ws-step-forward]").click();
  await page.locator("[data-test=ws-state]").getByText("Vorschläge sammeln").waitFor();
  await page.locator(".qr svg").waitFor();
  await checkA11y(page, "workshop (organizer)");
  await page.context().close();
});

test("the moderator opens the board and the projector view", async () => {
  const page = await loginAs(browser, server.base, ...MODERATOR);
  await page.getByRole("link", { name: "Auftaktworkshop Bildung und Arbeit" }).click();
  await page.waitForURL(state.workshopUrl);
  await hydrated(page);
  await page.getByText("Live: neue Vorschläge erscheinen von selbst.").waitFor();
  await checkA11y(page, "moderator board");
  state.moderator = page;

  // The projector is another machine: its own window (a background tab would be throttled).
  const beamer = await newPage(browser);
  await beamer.context().addCookies(await page.context().cookies());
  await beamer.setViewportSize({ width: 1920, height: 1080 });
  await beamer.goto(state.workshopUrl + "/beamer");
  await hydrated(beamer);
  await beamer.locator("[data-test=beamer-code]").getByText(state.code).waitFor();
  await beamer.locator(".projector .qr svg").waitFor();
  await checkA11y(beamer, "projector");
  await assertNoOverflow(beamer, 1920);
  state.beamer = beamer;
});

test("participant A joins by the QR link and submits a proposal for Bildung", async () => {
  const page = await newPage(browser);
  await page.goto(state.shortLink);
  await ready(page);
  await checkA11y(page, "join page");
  await keepHtml(page, "join page");
  await page.locator("[data-test=join-submit]").click();
  await page.getByText("Bitte stimmen Sie dem Datenschutzhinweis zu, um teilzunehmen.").waitFor();
  await page.locator("#display_name").fill("Ayşe");
  await page.locator("#organisation").fill("Türkischer Elternverein");
  await page.locator("#org_type").selectOption("migrant");
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.getByText("Sie nehmen teil als Ayşe.").waitFor();
  await ready(page);

  // With the script the form goes through fetch: no reload, errors next to the fields, the
  // focus on the first wrong field, the form emptied after success.
  await page.evaluate(() => { window.plenumSamePage = true; });
  await page.locator("#description").fill("Verpflichtende Fortbildung an allen Schulen.");
  await page.locator("[data-test=proposal-submit]").click();
  await page.getByText("Bitte 1 bis 120 Zeichen eingeben (jetzt 0).").waitFor();
  await page.getByText("Bitte wählen Sie ein Handlungsfeld.").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "action_field", "focus on the first wrong field");
  assert.equal(await page.locator("#description").inputValue(), "Verpflichtende Fortbildung an allen Schulen.", "nothing typed is lost");
  await page.locator("#action_field").selectOption({ label: "Bildung" });
  await page.locator("#title").fill("Antirassismus-Training für Lehrkräfte");
  await page.locator("#description").fill("Verpflichtende Fortbildung an allen Schulen.");
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("[data-test=proposal-sent]").getByText("Danke! Ihr Vorschlag ist angekommen.").waitFor();
  await page.locator("[data-test=mine]").getByText("Antirassismus-Training für Lehrkräfte").waitFor();
  assert.equal(await page.locator("#title").inputValue(), "", "the form is cleared for the next idea");
  assert.equal(await page.evaluate(() => window.plenumSamePage), true, "the page did not reload");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "title", "focus back in the form");
  await checkA11y(page, "participant board");
  await keepHtml(page, "participant board");
  await assertNoOverflow(page, 320);
  state.participantA = page;

  // Coming back on the same phone keeps the identity.
  await page.reload();
  await page.getByText("Sie nehmen teil als Ayşe.").waitFor();
  await ready(page);
});

test("participant B joins with the code from the start page and proposes for Arbeit", async () => {
  const page = await newPage(browser);
  await page.goto(server.base + "/");
  await ready(page);
  await keepHtml(page, "start page");
  await page.getByLabel("Workshop-Code").fill("XXXXX");
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByText("Diesen Code gibt es nicht.").waitFor();
  await page.getByLabel("Workshop-Code").fill(state.code.toLowerCase());
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(new RegExp(`/w/${state.code}$`));
  await ready(page);
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.getByText("Sie nehmen ohne Namen teil.").waitFor();
  await ready(page);
  // A's proposal is already on B's board.
  await page.locator("[data-test=board]").getByText("Antirassismus-Training für Lehrkräfte").waitFor();
  await page.locator("#action_field").selectOption({ label: "Arbeit und Ausbildung" });
  await page.locator("#title").fill("Anonymisierte Bewerbungen in der Verwaltung");
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("[data-test=proposal-sent]").getByText("Danke!").waitFor();
  state.participantB = page;
});

test("the moderator's board and the projector show both proposals without reload", async () => {
  for (const page of [state.moderator, state.beamer]) {
    await page.locator("[data-test=board]").getByText("Antirassismus-Training für Lehrkräfte").waitFor();
    await page.locator("[data-test=board]").getByText("Anonymisierte Bewerbungen in der Verwaltung").waitFor();
    await page.locator("[data-test=participant-count]").getByText("2 Teilnehmende").waitFor();
  }
  // B's board got A's… and A's board got B's, live.
  await state.participantA.locator("[data-test=board]").getByText("Anonymisierte Bewerbungen in der Verwaltung").waitFor();
  const sections = state.beamer.locator("[data-test=board-field]");
  assert.equal(await sections.count(), 2);
});

test("a card the live channel inserts is the markup the server renders on a reload", async () => {
  const a = state.participantA;
  await a.locator("#action_field").selectOption({ label: "Bildung" });
  await a.locator("#title").fill("Mehrsprachige Elternabende");
  await a.locator("#description").fill("Mit Sprachmittlung in Türkisch, Arabisch und Ukrainisch.");
  await a.locator("[data-test=proposal-submit]").click();
  await a.locator("[data-test=mine]").getByText("Mehrsprachige Elternabende").waitFor();

  const b = state.participantB;
  const live = b.locator("[data-test=board] li", { hasText: "Mehrsprachige Elternabende" });
  await live.waitFor();
  const id = await live.getAttribute("id");
  const inserted = await b.locator(`[id="${id}"]`).evaluate((e) => e.outerHTML);
  assert.equal(await b.locator("[data-test=board] [data-test=proposal-count]").textContent(), "3 Vorschläge");
  await b.reload();
  await ready(b);
  const rendered = await b.locator(`[id="${id}"]`).evaluate((e) => e.outerHTML);
  assert.equal(inserted, rendered);
  assert.equal(await b.locator("[data-test=board] [data-test=proposal-count]").textContent(), "3 Vorschläge");
});

test("the edit and report pages are participant pages without wasm", async () => {
  const a = state.participantA;
  await a.getByRole("link", { name: "Bearbeiten: Mehrsprachige Elternabende" }).click();
  await a.waitForURL(/\/w\/[A-Z0-9]+\/p\/[0-9a-f-]{36}$/);
  await ready(a);
  await checkA11y(a, "own proposal edit page");
  await keepHtml(a, "own proposal edit page");
  await a.locator("#title").fill("");
  await a.getByRole("button", { name: "Speichern" }).click();
  await a.getByText("Bitte 1 bis 120 Zeichen eingeben (jetzt 0).").waitFor();
  await a.locator("#title").fill("Mehrsprachige Elternabende an Grundschulen");
  await a.getByRole("button", { name: "Speichern" }).click();
  await a.waitForURL(new RegExp(`/w/${state.code}(#mine)?$`));
  await ready(a);
  await state.participantB.locator("[data-test=board]").getByText("Mehrsprachige Elternabende an Grundschulen").waitFor();

  const b = state.participantB;
  await b.getByRole("link", { name: "Melden: Mehrsprachige Elternabende an Grundschulen" }).click();
  await b.waitForURL(/\/report$/);
  await ready(b);
  await checkA11y(b, "report page");
  await keepHtml(b, "report page");
  await b.getByRole("link", { name: "Abbrechen" }).click();
  await b.waitForURL(new RegExp(`/w/${state.code}$`));
  await ready(b);
});

test("a moderator moves a card to another action field; phones show it there live", async () => {
  const a = state.participantA;
  const card = a.locator("[data-test=board] li", { hasText: "Anonymisierte Bewerbungen in der Verwaltung" });
  const id = (await card.getAttribute("id")).replace(/^p-/, "");
  const moderator = await newPage(browser);
  await moderator.context().addCookies(await state.moderator.context().cookies());
  await moderator.goto(`${server.base}/staff/proposals/${id}`);
  await hydrated(moderator);
  await moderator.getByLabel("Handlungsfeld").selectOption({ label: "Bildung" });
  await moderator.getByRole("button", { name: "Speichern" }).click();
  await moderator.locator("[data-test=history] li").nth(1).waitFor();
  await moderator.context().close();

  const section = (name) => a.locator("[data-test=board-field]").filter({ has: a.getByRole("heading", { name }) });
  await section(/^Bildung/).getByText("Anonymisierte Bewerbungen in der Verwaltung").waitFor();
  assert.equal(await section(/^Arbeit und Ausbildung/).locator("[data-test=proposal]").count(), 0);
  await section(/^Arbeit und Ausbildung/).getByText("Noch keine Vorschläge.").waitFor();
  assert.equal(await section(/^Bildung/).locator(".count").textContent(), "(3)");
});

test("the moderator hides a proposal with a reason; only its author still sees it, with the reason", async () => {
  const page = state.moderator;
  await page.getByText("Ausblenden", { exact: true }).and(page.locator("summary")).first().waitFor();
  await page.locator("summary[aria-label='Ausblenden: Antirassismus-Training für Lehrkräfte']").click();
  const card = page.locator("[data-test=proposal]", { hasText: "Antirassismus-Training für Lehrkräfte" });
  await card.getByRole("button", { name: "Ausblenden" }).click();
  await card.getByText("Bitte 1 bis 300 Zeichen eingeben (jetzt 0).").waitFor();
  await card.getByLabel("Grund").fill("Bitte konkreter formulieren: welche Schulen?");
  await card.getByRole("button", { name: "Ausblenden" }).click();
  await page.locator("[data-test=hidden-reason]").getByText("Bitte konkreter formulieren").waitFor();

  await state.participantA.locator("[data-test=mine] [data-test=hidden-reason]").getByText("Bitte konkreter formulieren: welche Schulen?").waitFor();
  const boardB = state.participantB.locator("[data-test=board]");
  await boardB.getByText("Antirassismus-Training für Lehrkräfte").waitFor({ state: "detached" });
  await state.beamer.locator("[data-test=board]").getByText("Antirassismus-Training für Lehrkräfte").waitFor({ state: "detached" });
  await checkA11y(state.participantA, "participant with a hidden proposal");
});

test("a participant without JavaScript joins and submits; the boards show it live", async () => {
  const page = await newPage(browser, { javaScript: false });
  await page.goto(state.shortLink);
  await page.locator("#consent").check();
  await page.locator("#display_name").fill("Jonas");
  await page.locator("[data-test=join-submit]").click();
  await page.getByText("Sie nehmen teil als Jonas.").waitFor();
  await page.locator("#action_field").selectOption({ label: "Bildung" });
  await page.locator("#description").fill("Einmal im Monat, mit Kinderbetreuung.");
  await page.locator("[data-test=proposal-submit]").click();
  await page.getByText("Bitte 1 bis 120 Zeichen eingeben (jetzt 0).").waitFor();
  // The page the post returned to still holds what was typed.
  assert.equal(await page.locator("#description").inputValue(), "Einmal im Monat, mit Kinderbetreuung.");
  assert.equal(await page.locator("#action_field option:checked").textContent(), "Bildung");
  await page.locator("#title").fill("Elterncafés an Grundschulen");
  await page.locator("[data-test=proposal-submit]").click();
  await page.getByText("Danke! Ihr Vorschlag ist angekommen.").waitFor();
  await page.locator("[data-test=mine]").getByText("Elterncafés an Grundschulen").waitFor();
  await checkA11y(page, "participant board without JavaScript");
  await state.moderator.locator("[data-test=board]").getByText("Elterncafés an Grundschulen").waitFor();
  await state.beamer.locator("[data-test=board]").getByText("Elterncafés an Grundschulen").waitFor();
  await page.context().close();
});

test("after a restart with SIGTERM every board reconnects by itself and stays live", async () => {
  const took = await server.restart();
  assert.ok(took < 5000, `the old process took ${took} ms to exit (at most 5 s)`);
  // A's phone sends a proposal to the new process; everybody's board shows it.
  const a = state.participantA;
  await a.locator("body[data-live=open]").waitFor({ state: "attached", timeout: 15_000 });
  await a.locator("#action_field").selectOption({ label: "Arbeit und Ausbildung" });
  await a.locator("#title").fill("Sprachmittlung in allen Ämtern");
  await a.locator("[data-test=proposal-submit]").click();
  await a.locator("[data-test=mine]").getByText("Sprachmittlung in allen Ämtern").waitFor();
  for (const page of [state.participantB, state.moderator, state.beamer]) {
    await page.locator("[data-test=board]").getByText("Sprachmittlung in allen Ämtern").waitFor({ timeout: 15_000 });
  }
});

test("moving on to clustering closes the form on every phone without reload", async () => {
  await state.moderator.locator("[data-test=ws-step-forward]").click();
  await state.moderator.locator("[data-test=ws-state]").getByText("Vorschläge gruppieren").waitFor();
  await state.participantB.getByText("Die Sammelphase ist beendet.").waitFor();
  assert.equal(await state.participantB.locator("[data-test=proposal-form]").count(), 0);
});

test("participant pages are valid HTML (Nu Html Checker)", () => {
  assert.ok(validateHtml() >= 6);
});
