// Hardening as people meet it: a staff member changes their password (wrong current password
// named at the field; other devices logged out; the old password no longer works); a workshop
// that is full says so next to the join form, with and without JavaScript, naming the number.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["orga@krefeld.de", "orga-passwort-123"];
const NEW_PASSWORD = "ein-neues-langes-passwort";

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  state.code = server.demoWorkshop();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a staff member changes their password; their other devices are logged out", async () => {
  const laptop = await loginAs(browser, server.base, ...ORGA);
  const tablet = await loginAs(browser, server.base, ...ORGA);
  await laptop.getByRole("link", { name: "Passwort", exact: true }).click();
  await laptop.waitForURL(/\/staff\/password$/);
  await hydrated(laptop);
  await checkA11y(laptop, "password page");
  // A wrong current password and a short new one: both named at their field.
  await laptop.locator("#current_password").fill("falsch-falsch-falsch");
  await laptop.locator("#password").fill("kurz");
  await laptop.locator("#password_repeat").fill("kurz");
  await laptop.getByRole("button", { name: "Passwort ändern" }).click();
  await laptop.locator("#current_password-error").getByText("Das aktuelle Passwort ist nicht korrekt.").waitFor();
  await laptop.locator("#password-error").filter({ hasText: /12/ }).waitFor();
  await checkA11y(laptop, "password page with errors");
  await laptop.locator("#current_password").fill(ORGA[1]);
  await laptop.locator("#password").fill(NEW_PASSWORD);
  await laptop.locator("#password_repeat").fill(NEW_PASSWORD);
  await laptop.getByRole("button", { name: "Passwort ändern" }).click();
  await laptop.getByText("Das Passwort ist geändert. Andere Geräte sind abgemeldet.").waitFor();

  // The tablet's session is over; this laptop stays logged in.
  await tablet.goto(`${server.base}/staff`);
  await tablet.getByRole("link", { name: "Anmelden" }).first().waitFor();
  await laptop.goto(`${server.base}/staff`);
  await hydrated(laptop);
  await laptop.getByRole("heading", { name: "Verwaltung" }).waitFor();

  // The old password is refused, the new one works.
  await tablet.goto(`${server.base}/login`);
  await hydrated(tablet);
  await tablet.getByLabel("E-Mail-Adresse").fill(ORGA[0]);
  await tablet.getByLabel("Passwort").fill(ORGA[1]);
  await tablet.getByRole("button", { name: "Anmelden" }).click();
  await tablet.getByText(/E-Mail-Adresse oder Passwort/).waitFor();
  await tablet.context().close();
  const again = await loginAs(browser, server.base, ORGA[0], NEW_PASSWORD);
  state.orga = again;
  await laptop.context().close();
});

test("a full workshop says so next to the join form, naming the number", async () => {
  const orga = state.orga;
  await orga.getByRole("link", { name: "Demo-Workshop" }).first().click();
  await orga.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(orga);
  await orga.locator("#max_participants").fill("0");
  await orga.locator("#settings-heading").locator("..").getByRole("button", { name: "Speichern" }).click();
  await orga.locator("#max_participants-error").getByText(/Bitte eine ganze Zahl von 1 bis 20\.?000/).waitFor();
  await orga.locator("#max_participants").fill("1");
  await orga.locator("#settings-heading").locator("..").getByRole("button", { name: "Speichern" }).click();
  await orga.getByText("Gespeichert").first().waitFor();

  const first = await newPage(browser);
  await first.goto(`${server.base}/w/${state.code}`);
  await ready(first);
  await first.locator("#consent").check();
  await first.locator("[data-test=join-submit]").click();
  await first.locator("[data-test=proposal-form]").waitFor();

  for (const javaScript of [true, false]) {
    const late = await newPage(browser, { javaScript });
    await late.goto(`${server.base}/w/${state.code}`);
    await ready(late);
    await late.locator("#display_name").fill("Spät");
    await late.locator("#consent").check();
    await late.locator("[data-test=join-submit]").click();
    await late.getByText("Dieser Workshop ist voll: höchstens 1 Teilnehmende.", { exact: false }).waitFor();
    assert.equal(await late.locator("[data-test=proposal-form]").count(), 0, "not joined");
    await checkA11y(late, `join page of a full workshop (${javaScript ? "JS" : "no JS"})`);
    if (!javaScript) await keepHtml(late, "join page of a full workshop");
    await late.context().close();
  }
  await first.context().close();
  await orga.context().close();
});

test("without JavaScript the password change names a wrong current password and says when it worked", async () => {
  const page = await newPage(browser, { javaScript: false });
  await page.goto(server.base + "/login");
  await page.getByLabel("E-Mail-Adresse").fill(ORGA[0]);
  await page.getByLabel("Passwort").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/\/staff$/);
  await page.goto(server.base + "/staff/password");
  await page.locator("#current_password").fill("falsch-falsch-falsch");
  await page.locator("#password").fill("noch-ein-langes-passwort");
  await page.locator("#password_repeat").fill("noch-ein-langes-passwort");
  await page.getByRole("button", { name: "Passwort ändern" }).click();
  await page.getByText("Das aktuelle Passwort ist nicht korrekt.").waitFor();
  await checkA11y(page, "password page with an error without JS");
  await page.locator("#current_password").fill(NEW_PASSWORD);
  await page.locator("#password").fill("noch-ein-langes-passwort");
  await page.locator("#password_repeat").fill("noch-ein-langes-passwort");
  await page.getByRole("button", { name: "Passwort ändern" }).click();
  await page.getByText("Das Passwort ist geändert. Andere Geräte sind abgemeldet.").waitFor();
  // A staff page: its markup carries leptos' hydration markers, so it is not put to the HTML checker.
  await checkA11y(page, "password changed without JS");
  await page.context().close();
});

test("the pages of this run are valid HTML", () => {
  assert.ok(validateHtml() >= 1);
});
