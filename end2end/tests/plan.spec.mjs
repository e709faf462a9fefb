// The plan: from a closed workshop with a finished dot vote the organizer promotes the top two
// clusters, completes them, tracks one, adopts the plan; the public plan page shows them in the
// right action field and phase, the measure page its vote numbers and source proposals; the CSV
// downloads with the German header, an import is refused as a whole and then read; the print
// view, the comparison and the workshop documentation render.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["plan@bielefeld.de", "plan-passwort-123"];
const HEADER = "Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status";

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  server.demoWorkshop("--closed");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Promotes the candidate with this title and completes the form. */
async function promote(mod, title, { phase, from, to, lead }) {
  await mod.goto(state.adminUrl);
  await hydrated(mod);
  const card = mod.locator("[data-test=candidate]").filter({ has: mod.getByRole("heading", { name: title, exact: true }) });
  await card.locator("[data-test=promote]").click();
  await mod.waitForURL(/\/plan\/new\?/);
  await hydrated(mod);
  await mod.locator("[data-test=measure-form]").waitFor();
  assert.equal(await mod.locator("#title").inputValue(), title, "pre-filled from the cluster");
  await mod.locator("#phase").selectOption({ label: phase });
  await mod.locator("#time_from").fill(from);
  await mod.locator("#time_to").fill(to);
  await mod.locator("#lead").fill(lead);
}

test("the organizer promotes the two winning clusters from the closed workshop", async () => {
  const mod = await loginAs(browser, server.base, ...ORGA);
  await mod.getByRole("link", { name: "Demo-Workshop" }).click();
  await mod.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(mod);
  state.workshopId = mod.url().split("/").pop();
  await mod.locator("[data-test=plan-from-workshop]").click();
  await mod.waitForURL(/\/staff\/processes\/[0-9a-f-]{36}\/plan$/);
  await hydrated(mod);
  state.adminUrl = mod.url();
  state.processId = mod.url().split("/").slice(-2)[0];
  const first = mod.locator("[data-test=candidate]").first();
  await first.getByRole("heading", { name: "Sprachcafés" }).waitFor();
  await first.locator("[data-test=candidate-vote]").getByText("Platz 1 von 4, 11 Punkte, davon 6 auf Papier").waitFor();
  await checkA11y(mod, "plan admin page");

  await promote(mod, "Sprachcafés", { phase: "Maßnahmenumsetzung und Verstetigung", from: "2027-09", to: "2028-06", lead: "Kommunales Integrationszentrum" });
  assert.match(await mod.locator("#new_partners").inputValue(), /Volkshochschule\nIntegrationsrat\nFamilienzentrum/);
  assert.equal(await mod.getByLabel("Sprachförderung").isChecked(), true, "the goal the proposals named is ticked");
  await mod.locator("[data-test=suggested-goals]").getByText("Begegnung").waitFor();
  await checkA11y(mod, "promote form");
  // From after to is refused next to the field; nothing is lost.
  await mod.locator("#time_to").fill("2027-03");
  await mod.locator("[data-test=save-measure]").click();
  await mod.locator("#time_to-error").getByText("Das Ende liegt vor dem Beginn.").waitFor();
  assert.equal(await mod.locator("#lead").inputValue(), "Kommunales Integrationszentrum");
  await mod.locator("#time_to").fill("2028-06");
  await mod.locator("[data-test=save-measure]").click();
  await mod.waitForURL(/\/staff\/measures\/[0-9a-f-]{36}$/);
  await hydrated(mod);
  state.sprachcafe = mod.url().split("/").pop();
  await mod.locator("[data-test=measure-title]").getByText("Sprachcafés").waitFor();

  await promote(mod, "Faire Bewerbungsverfahren", { phase: "Maßnahmenentwicklung", from: "2027-05", to: "2027-12", lead: "Personalamt" });
  await mod.locator("[data-test=save-measure]").click();
  await mod.waitForURL(/\/staff\/measures\/[0-9a-f-]{36}$/);
  await hydrated(mod);

  // The same cluster again: asked whether to update the measure it became.
  await mod.goto(state.adminUrl);
  await hydrated(mod);
  await mod.locator("[data-test=candidate]").first().locator("[data-test=promote]").click();
  await mod.locator("[data-test=promote-again]").getByText(/schon die Maßnahme „Sprachcafés“/).waitFor();
  await mod.locator("[data-test=update-existing]").click();
  await mod.waitForURL(new RegExp(`/staff/measures/${state.sprachcafe}$`));
  await hydrated(mod);
  state.mod = mod;
});

test("status and progress follow their rules; a progress note goes on the timeline", async () => {
  const { mod } = state;
  await mod.locator("#status").selectOption("in_progress");
  await mod.locator("#progress").fill("150");
  await mod.locator("[data-test=save-progress]").click();
  await mod.locator("#progress-error").getByText(/0 bis 100/).waitFor();
  await mod.locator("#progress").fill("30");
  await mod.locator("[data-test=save-progress]").click();
  await mod.locator("[data-test=measure-facts] [data-test=measure-status]").getByText("in Umsetzung · 30 %").waitFor();
  await mod.locator("#on").fill("2027-10-01");
  await mod.locator("#text").fill("Erstes Sprachcafé im Bürgerzentrum Stieghorst");
  await mod.locator("[data-test=add-note]").click();
  await mod.locator("[data-test=timeline]").getByText("Erstes Sprachcafé im Bürgerzentrum Stieghorst").waitFor();
  await checkA11y(mod, "measure staff page");
});

test("the organizer adopts the plan; a changed draft compares with the adopted version", async () => {
  const { mod } = state;
  await mod.goto(state.adminUrl);
  await hydrated(mod);
  await mod.locator("[data-test=adopt]").click();
  await mod.locator("#adopted_on-error").getByText(/gültiges Datum/).waitFor();
  await mod.locator("#adopted_on").fill("2027-04-01");
  await mod.locator("#note").fill("Steuerungsgremium, Sitzung 2/2027, TOP 3");
  await mod.locator("[data-test=adopt]").click();
  await mod.locator("[data-test=versions]").getByText("Beschlossene Fassung 1 vom 01.04.2027").waitFor();

  // Editing goes on in the draft; the version stays as adopted.
  await mod.goto(`${server.base}/staff/measures/${state.sprachcafe}`);
  await hydrated(mod);
  await mod.locator("#lead").fill("Kommunales Integrationszentrum und VHS");
  await Promise.all([
    mod.waitForResponse((r) => r.url().includes("/api/plan/update") && r.ok()),
    mod.locator("[data-test=measure-form] [data-test=save-measure]").click(),
  ]);
  await mod.goto(`${server.base}/staff/processes/${state.processId}/plan/compare?a=1&b=draft`);
  await hydrated(mod);
  const changed = mod.locator("[data-test=diff-changed]");
  await changed.getByText("Kommunales Integrationszentrum und VHS").waitFor();
  await changed.getByText("Federführung").waitFor();
  await checkA11y(mod, "version comparison");
});

test("the public plan page shows the adopted version by action field and phase, without wasm", async () => {
  for (const javaScript of [true, false]) {
    const page = await newPage(browser, { javaScript });
    await page.goto(`${server.base}/p/${state.processId}/plan`);
    await ready(page);
    await page.locator("[data-test=plan-version]").getByText("Beschlossene Fassung 1 vom 01.04.2027").waitFor();
    const bildung = page.locator("[data-test=plan-field]").filter({ has: page.getByRole("heading", { name: "Bildung", exact: true }) });
    const row = bildung.locator("[data-test=plan-row]").filter({ hasText: "Sprachcafés" });
    await row.getByText("Maßnahmenumsetzung und Verstetigung").waitFor();
    await row.getByText("09/2027 – 06/2028").waitFor();
    await row.getByText("Kommunales Integrationszentrum", { exact: true }).waitFor();
    await row.getByText("in Umsetzung · 30 %").waitFor();
    const arbeit = page.locator("[data-test=plan-field]").filter({ has: page.getByRole("heading", { name: "Arbeit und Ausbildung", exact: true }) });
    await arbeit.locator("[data-test=plan-row]").filter({ hasText: "Faire Bewerbungsverfahren" }).getByText("Maßnahmenentwicklung").waitFor();
    await checkA11y(page, `plan page (JavaScript ${javaScript})`);
    if (!javaScript) {
      await keepHtml(page, "plan page");
      // The filters are a plain GET form.
      await page.locator("#filter-status").selectOption("in_progress");
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.waitForURL(/status=in_progress/);
      await page.locator("[data-test=plan-count]").getByText("1 von 2 Maßnahmen").waitFor();
      await page.locator("#filter-q").fill("Bewerbung");
      await page.locator("#filter-status").selectOption("");
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.locator("[data-test=plan-count]").getByText("1 von 2 Maßnahmen").waitFor();
      await page.locator("[data-test=plan-row]").getByText("Faire Bewerbungsverfahren").waitFor();
    }
    await page.context().close();
  }
});

test("the measure page shows the vote numbers, the source proposals and the timeline", async () => {
  const page = await newPage(browser, { javaScript: false });
  await page.goto(`${server.base}/p/${state.processId}/plan`);
  await page.getByRole("link", { name: "Sprachcafés", exact: true }).click();
  await page.waitForURL(new RegExp(`/m/${state.sprachcafe}$`));
  await ready(page);
  const provenance = page.locator("[data-test=provenance]");
  await provenance.getByText("Welche Maßnahmen zuerst?: Platz 1 von 4, 11 Punkte, davon 6 auf Papier").waitFor();
  await provenance.locator("[data-test=source-proposals]").getByText("Sprachcafé im Stadtteilzentrum").waitFor();
  await provenance.locator("[data-test=source-proposals]").getByText("Sprachcafé für Eltern").waitFor();
  await provenance.getByText("Demo-Workshop").waitFor();
  await page.locator("[data-test=timeline]").getByText("Erstes Sprachcafé im Bürgerzentrum Stieghorst").waitFor();
  await checkA11y(page, "measure page");
  await keepHtml(page, "measure page");
  await page.context().close();
});

test("the CSV downloads with the German header; a bad import is refused whole, a good one is read", async () => {
  const { mod } = state;
  const res = await mod.context().request.get(`${server.base}/p/${state.processId}/plan.csv`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-type"], /text\/csv; charset=utf-8/);
  assert.match(res.headers()["content-disposition"], /attachment; filename="handlungskonzept-.*-fassung-1\.csv"/);
  const bytes = await res.body();
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with BOM for German Excel");
  const text = bytes.toString("utf8").slice(1);
  assert.ok(text.startsWith(HEADER + ";"), text.slice(0, 200));
  assert.match(text, /\r\nBildung;Maßnahmenumsetzung und Verstetigung;09\/2027 – 06\/2028;Sprachcafés;/);
  const json = await (await mod.context().request.get(`${server.base}/p/${state.processId}/plan.json`)).json();
  assert.equal(json.format, "plenum-plan/1");
  assert.equal(json.version.number, 1);

  await mod.goto(state.adminUrl);
  await hydrated(mod);
  const bad = `${HEADER}\r\nBildung;;;Elterncafé;;;;;geplant\r\nBildung;;;${"x".repeat(201)};;;;;fertig\r\n`;
  await mod.locator("#import-file").setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await mod.locator("[data-test=import-form] button[type=submit]").click();
  await mod.waitForURL(/import_error=/);
  await hydrated(mod);
  await mod.locator("[data-test=import-error]").getByText(/Zeile 3, Spalte „Maßnahme“: Bitte 1 bis 200 Zeichen/).waitFor();
  await mod.locator("[data-test=import-error]").getByText(/Unbekannter Status „fertig“/).waitFor();
  await checkA11y(mod, "plan admin page with an import error");
  assert.equal(await mod.locator("[data-test=draft] [data-test=plan-row]").count(), 2, "nothing was read");

  const good = `\ufeff${HEADER}\r\nDemokratie;Bestandsanalyse;März bis Juli 2027;Dialogforen in den Quartieren;;"• Erfahrungen sammeln• Akteure einbinden";"Integrationsrat\nAK Asyl";KI;geplant\r\n`;
  await mod.locator("#import-file").setInputFiles({ name: "alt.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await mod.locator("[data-test=import-form] button[type=submit]").click();
  await mod.waitForURL(/imported=1/);
  await hydrated(mod);
  await mod.locator("[data-test=import-report]").getByText("Eingelesen: 1 neu, 0 geändert.").waitFor();
  await mod.locator("[data-test=import-report]").getByText("Neu angelegte Handlungsfelder: Demokratie").waitFor();
  await mod.locator("[data-test=draft] [data-test=plan-row]").filter({ hasText: "Dialogforen in den Quartieren" }).waitFor();
});

test("the print view and the workshop documentation render", async () => {
  const { mod } = state;
  const page = await newPage(browser, { javaScript: false });
  await page.goto(`${server.base}/p/${state.processId}/plan/print`);
  await ready(page);
  await page.locator("[data-test=plan-print]").waitFor();
  assert.equal(await page.locator(".print-field").count(), 2, "one page per action field");
  await page.locator(".print-head").first().getByText("Beschlossene Fassung 1 vom 01.04.2027").waitFor();
  await checkA11y(page, "print view");
  await keepHtml(page, "print view");
  await page.context().close();

  await mod.goto(`${server.base}/staff/workshops/${state.workshopId}`);
  await hydrated(mod);
  await mod.locator("[data-test=documentation-link]").click();
  await mod.waitForURL(/\/documentation$/);
  await hydrated(mod);
  const doc = mod.locator("[data-test=workshop-doc]");
  await doc.getByRole("heading", { name: "Teilnehmende: 3" }).waitFor();
  await doc.locator("[data-test=doc-participants]").getByText("Migrantenorganisation").waitFor();
  await doc.locator("[data-test=cluster-fate]").first().getByText(/Aufgenommen in Maßnahme: (Sprachcafés|Faire Bewerbungsverfahren)/).waitFor();
  await doc.getByText("Nicht in den Plan aufgenommen").first().waitFor();
  await doc.locator("svg.chart").waitFor();
  assert.ok(!(await doc.textContent()).includes("Ayşe"), "no names in the documentation");
  await checkA11y(mod, "workshop documentation");
  const csv = await mod.context().request.get(`${server.base}/staff/workshops/${state.workshopId}/documentation.csv`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^\ufeffAbschnitt;Handlungsfeld;Titel;Details;Cluster;Ergebnis\r\n/);
  // Visitors may not download it.
  const anon = await fetch(`${server.base}/staff/workshops/${state.workshopId}/documentation.csv`);
  assert.equal(anon.status, 401);
  assert.ok(validateHtml() >= 3);
});
