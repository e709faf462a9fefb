// The foundation flow: first-start setup → admin creates an organizer → organizer creates and
// publishes a process with three action fields → visitors see it (with and without JavaScript)
// and cannot reach the editor. Every visited page is checked with axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, assertNoOverflow, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the first start prints a one-time setup link that creates the admin", async () => {
  assert.ok(server.setupLink, `setup link on the console:\n${server.output()}`);
  const page = await newPage(browser);
  await page.goto(server.setupLink);
  await hydrated(page);
  await checkA11y(page, "setup");
  await page.getByLabel("E-Mail-Adresse").fill("admin@krefeld.de");
  await page.locator("#password").fill("kurz");
  await page.locator("#password_repeat").fill("anders");
  await page.getByRole("button", { name: "Konto anlegen und anmelden" }).click();
  await page.getByText("Die beiden Passwörter stimmen nicht überein.").waitFor();
  await page.getByText("Das Passwort muss 12 bis 256 Zeichen lang sein.").waitFor();
  await checkA11y(page, "setup with errors");

  await page.getByLabel("E-Mail-Adresse").fill("admin@krefeld.de");
  await page.locator("#password").fill("admin-passwort-123");
  await page.locator("#password_repeat").fill("admin-passwort-123");
  await page.getByRole("button", { name: "Konto anlegen und anmelden" }).click();
  await page.waitForURL(/\/staff$/);
  await page.getByRole("heading", { name: "Verwaltung" }).waitFor();
  state.admin = page;

  // The link works only once.
  const again = await newPage(browser);
  await again.goto(server.setupLink);
  await again.getByText("Dieser Einrichtungslink ist ungültig").waitFor();
  await again.context().close();
});

test("the admin creates an organizer account", async () => {
  const page = state.admin;
  await page.getByRole("link", { name: "Konten" }).click();
  await page.waitForURL(/\/staff\/users$/);
  await hydrated(page);
  await checkA11y(page, "accounts");
  await page.getByLabel("E-Mail-Adresse").fill("keine-adresse");
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await page.getByText("Bitte eine gültige E-Mail-Adresse eingeben.").waitFor();
  await page.getByLabel("E-Mail-Adresse").fill("orga@krefeld.de");
  await page.getByLabel("Rolle").selectOption("organizer");
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  const password = await page.locator("[data-test=created-password]").textContent();
  assert.equal(password.trim().length, 20);
  state.organizerPassword = password.trim();
  await page.locator("[data-test=user-table]").getByText("orga@krefeld.de").waitFor();

  // A second account, deactivated again by the admin.
  await page.getByLabel("E-Mail-Adresse").fill("moderation@krefeld.de");
  await page.getByLabel("Rolle").selectOption("moderator");
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await page.getByRole("button", { name: "Deaktivieren: moderation@krefeld.de" }).click();
  await page.getByRole("button", { name: "Aktivieren: moderation@krefeld.de" }).waitFor();
  const row = page.locator("[data-test=user-table] tr", { hasText: "moderation@krefeld.de" });
  await row.getByText("deaktiviert").waitFor();
  // The admin's own account cannot be deactivated.
  await page.getByRole("button", { name: "Deaktivieren: admin@krefeld.de" }).click();
  await page.getByText("Sie können Ihr eigenes Konto nicht deaktivieren.").waitFor();
  await page.getByRole("button", { name: "Abmelden" }).click();
  await page.waitForURL(server.base + "/");
  await page.getByRole("link", { name: "Anmelden" }).waitFor();
  await page.context().close();
});

test("the organizer logs in; a wrong password gets one generic message", async () => {
  const page = await newPage(browser);
  await page.goto(server.base + "/login");
  await hydrated(page);
  await checkA11y(page, "login");
  await page.getByLabel("E-Mail-Adresse").fill("orga@krefeld.de");
  await page.getByLabel("Passwort").fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByText("E-Mail-Adresse oder Passwort ist nicht korrekt.").waitFor();
  await checkA11y(page, "login with error");
  await page.getByLabel("E-Mail-Adresse").fill("orga@krefeld.de");
  await page.getByLabel("Passwort").fill(state.organizerPassword);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/\/staff$/);
  state.organizer = page;
});

test("the organizer creates a process with three action fields and publishes it", async () => {
  const page = state.organizer;
  await hydrated(page);
  await page.getByRole("link", { name: "Neuer Beteiligungsprozess" }).click();
  await page.waitForURL(/\/staff\/processes\/new$/);
  await hydrated(page);
  await checkA11y(page, "new process");
  await page.getByRole("button", { name: "Prozess anlegen" }).click();
  await page.getByText("Bitte 1 bis 120 Zeichen eingeben (jetzt 0).").first().waitFor();
  await page.getByLabel("Name des Prozesses").fill("Handlungskonzept Krefeld 2021");
  await page.getByLabel("Kommune").fill("Krefeld");
  await page.getByLabel("Beschreibung").fill("Lokales Handlungskonzept gegen Rassismus und Rechtsextremismus.");
  await page.getByRole("button", { name: "Prozess anlegen" }).click();
  await page.waitForURL(/\/staff\/processes\/[0-9a-f-]{36}$/);
  state.processId = page.url().split("/").pop();
  await page.getByRole("heading", { name: "Handlungskonzept Krefeld 2021", level: 1 }).waitFor();
  await page.locator("[data-test=phase-list] > li").nth(4).waitFor();

  for (const name of ["Bildung", "Arbeit und Ausbildung", "Sport und Kultur"]) {
    await page.locator("#new-field-name").fill(name);
    await page.getByRole("button", { name: "Handlungsfeld hinzufügen" }).click();
    await page.locator("[data-test=action-field-list]").getByLabel("Name des Handlungsfelds").and(page.locator(`[value="${name}"]`)).waitFor();
  }
  // A duplicate name is refused next to the field.
  await page.locator("#new-field-name").fill("bildung");
  await page.getByRole("button", { name: "Handlungsfeld hinzufügen" }).click();
  await page.getByText("Ein Handlungsfeld mit diesem Namen gibt es schon.").waitFor();

  await page.locator("#goal-title").fill("Akzeptanz, Respekt und Offenheit fördern");
  await page.getByRole("button", { name: "Ziel hinzufügen" }).first().click();
  await page.getByText("Akzeptanz, Respekt und Offenheit fördern").waitFor();
  await page.locator("#theme-name").fill("Antisemitismus");
  await page.getByRole("button", { name: "Themenfeld hinzufügen" }).click();
  await page.getByRole("button", { name: "Entfernen: Antisemitismus" }).waitFor();
  await page.getByRole("button", { name: "Als aktuell markieren: Maßnahmenentwicklung" }).click();
  await page.getByRole("button", { name: "Als aktuell markieren: Analyse der Ausgangssituation" }).waitFor();
  await checkA11y(page, "process editor");

  await page.locator("[data-test=publish-toggle]").click();
  await page.getByText("Veröffentlicht", { exact: true }).waitFor();
});

test("a visitor sees the published process and cannot reach its editor", async () => {
  const page = await newPage(browser);
  await page.goto(server.base + "/");
  await ready(page);
  await checkA11y(page, "home");
  await page.getByRole("link", { name: "Handlungskonzept Krefeld 2021" }).click();
  await page.waitForURL(/\/p\//);
  await page.getByRole("heading", { name: "Handlungskonzept Krefeld 2021" }).waitFor();
  await ready(page);
  await keepHtml(page, "process page");
  const current = page.locator("[data-test=timeline] [aria-current=step]");
  await current.getByText("Maßnahmenentwicklung").waitFor();
  const fields = page.locator("[data-test=action-fields] h3");
  assert.deepEqual(await fields.allTextContents(), ["Bildung", "Arbeit und Ausbildung", "Sport und Kultur"]);
  await checkA11y(page, "process page");
  await page.screenshot({ path: "../docs/screenshot-process.png", fullPage: true });

  // From a 320 px phone to a projector: nothing runs off the side.
  for (const width of [320, 1920]) await assertNoOverflow(page, width);

  const res = await page.goto(`${server.base}/staff/processes/${state.processId}`);
  assert.equal(res.status(), 401);
  await page.getByRole("heading", { name: "Anmeldung erforderlich" }).waitFor();
  await checkA11y(page, "editor as visitor");
  await page.context().close();
});

test("the public pages work without JavaScript, in German and English", async () => {
  const page = await newPage(browser, { javaScript: false });
  await page.goto(server.base + "/");
  await page.getByRole("link", { name: "Handlungskonzept Krefeld 2021" }).waitFor();
  await checkA11y(page, "home without JS");
  await page.getByRole("link", { name: "Handlungskonzept Krefeld 2021" }).click();
  await page.locator("[data-test=timeline] [aria-current=step]").getByText("Maßnahmenentwicklung").waitFor();
  assert.equal(await page.locator("[data-test=action-fields] h3").count(), 3);
  await checkA11y(page, "process page without JS");

  await page.getByRole("link", { name: "English" }).click();
  await page.getByRole("heading", { name: "Phases" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.goto(server.base + "/");
  await page.getByRole("heading", { name: "Current participation processes" }).waitFor();
  await checkA11y(page, "home in English without JS");

  const missing = await page.goto(server.base + "/nirgendwo");
  assert.equal(missing.status(), 404);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  await keepHtml(page, "not found page");
  await page.context().close();
});

test("a visitor cannot use the staff login without a right password, even without JavaScript", async () => {
  const page = await newPage(browser, { javaScript: false });
  await page.goto(server.base + "/login");
  await page.getByLabel("E-Mail-Adresse").fill("orga@krefeld.de");
  await page.getByLabel("Passwort").fill("geraten-geraten");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByText("E-Mail-Adresse oder Passwort ist nicht korrekt.").waitFor();
  await checkA11y(page, "login error without JS");
  await page.context().close();
});

test("the public pages are valid HTML (Nu Html Checker)", () => {
  assert.ok(validateHtml() >= 2);
});
