// Surveys: an organizer builds a survey with every kind of question and a condition (an invalid
// question is refused next to its field), previews and opens it; three participants answer on
// phones — one with JavaScript off, one who leaves halfway and resumes on another device with
// the resume link; rules are named next to the question and nothing typed is lost; the results
// page shows the charts with the right numbers, filters by organisation type, prints, and the
// CSV downloads; a second wave is copied and compared; a closed survey refuses answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, keepHtml, validateHtml, assertNoOverflow } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["umfrage@krefeld.de", "umfrage-passwort-123"];
const PHONE = { width: 390, height: 844 };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  server.demoWorkshop();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Adds a question to the survey's page `n` (0-based) and waits until it is listed. */
async function addQuestion(mod, n, kind, fill) {
  const section = mod.locator("[data-test=builder-section]").nth(n);
  const before = await mod.locator("[data-test=builder-question]").count();
  const add = section.locator("[data-test=question-add]");
  if (!(await add.evaluate((d) => d.open))) await add.locator("summary").click();
  const sid = `s${n + 1}`;
  await mod.locator(`#new-${sid}-kind`).selectOption(kind);
  await fill((name) => mod.locator(`#new-${sid}-${name}`));
  await add.locator("[data-test=question-save]").click();
  await mod.locator("[data-test=builder-question]").nth(before).waitFor();
}

test("an organizer builds a survey with every kind of question and a condition", async () => {
  const mod = await loginAs(browser, server.base, ...ORGA);
  state.mod = mod;
  await mod.getByRole("link", { name: "Demo: Handlungskonzept gegen Rassismus" }).click();
  await mod.waitForURL(/\/staff\/processes\/[0-9a-f-]{36}$/);
  await hydrated(mod);
  await mod.locator("[data-test=surveys-link]").click();
  await mod.waitForURL(/\/surveys$/);
  await hydrated(mod);
  state.listUrl = mod.url();
  await checkA11y(mod, "survey list");
  await mod.locator("#new-title").fill("Datenabfrage 2019");
  await mod.locator("#new-intro").fill("Wie steht es um Vielfalt und Teilhabe in Krefeld?");
  await mod.locator("[data-test=survey-create] button[type=submit]").click();
  await mod.waitForURL(/\/staff\/surveys\/[0-9a-f-]{36}$/);
  await hydrated(mod);
  state.adminUrl = mod.url();
  state.id = mod.url().split("/").pop();

  // An invalid question is refused next to its field; what was typed stays.
  const first = mod.locator("[data-test=builder-section]").first().locator("[data-test=question-add]");
  await first.locator("summary").click();
  await mod.locator("#new-s1-text").fill("Nur eine Möglichkeit?");
  await mod.locator("#new-s1-options").fill("eine");
  await first.locator("[data-test=question-save]").click();
  await mod.locator("#new-s1-options-error").getByText("Bitte geben Sie 2 bis 30 Antwortmöglichkeiten an, eine je Zeile.").waitFor();
  assert.equal(await mod.locator("#new-s1-text").inputValue(), "Nur eine Möglichkeit?");

  await addQuestion(mod, 0, "single", async (f) => {
    await f("text").fill("Für wen sprechen Sie?");
    await f("options").fill("Verein\nVerwaltung\nInitiative");
    await f("other").check();
    await f("required").check();
  });
  await addQuestion(mod, 0, "text", async (f) => {
    await f("text").fill("Welcher Verein?");
    await f("cond_question").selectOption({ label: "Für wen sprechen Sie?" });
    await f("cond_op").selectOption("equals");
    await f("cond_values").fill("Verein");
  });
  await addQuestion(mod, 0, "multiple", async (f) => {
    await f("text").fill("Welche Themen sind Ihnen wichtig?");
    await f("options").fill("Bildung\nArbeit\nWohnen\nSport");
    await f("max").fill("2");
  });
  await mod.locator("[data-test=question-condition]").getByText("Nur wenn „Für wen sprechen Sie?“ = Verein").waitFor();
  assert.equal(await mod.locator("[data-test=question-condition]").count(), 1, "only the follow-up question has a condition");

  await mod.locator("#section-new-title").fill("Einschätzungen");
  await mod.locator("[data-test=section-add] button[type=submit]").click();
  await mod.locator("[data-test=builder-section]").nth(1).waitFor();
  await addQuestion(mod, 1, "likert", async (f) => {
    await f("text").fill("Wie sehr stimmen Sie zu?");
    await f("options").fill("Die Stadt tut genug gegen Rassismus.\nIch fühle mich in Krefeld sicher.");
  });
  await addQuestion(mod, 1, "rating", async (f) => {
    await f("text").fill("Wie wichtig ist Ihnen das Thema (0–10)?");
  });
  await addQuestion(mod, 1, "number", async (f) => {
    await f("text").fill("Wie viele Mitglieder hat Ihre Organisation?");
    await f("min").fill("0");
    await f("max").fill("500");
    await f("unit").fill("Personen");
    await f("required").check();
  });
  await addQuestion(mod, 1, "date", async (f) => {
    await f("text").fill("Seit wann gibt es Ihre Organisation?");
  });
  await addQuestion(mod, 1, "long_text", async (f) => {
    await f("text").fill("Was wünschen Sie sich von der Stadt?");
    await f("max").fill("300");
  });
  await addQuestion(mod, 1, "ranking", async (f) => {
    await f("text").fill("Was ist am dringendsten?");
    await f("options").fill("Beratung\nBegegnung\nSchutz vor Diskriminierung");
  });
  assert.equal(await mod.locator("[data-test=builder-question]").count(), 9);
  // Reorder by keyboard: the date question moves above the number.
  await mod.getByRole("button", { name: "„Seit wann gibt es Ihre Organisation?“ nach oben" }).focus();
  await mod.keyboard.press("Enter");
  const titles = mod.locator("[data-test=builder-question] .builder-question-text strong");
  await titles.nth(5).getByText("Seit wann gibt es Ihre Organisation?").waitFor();
  await checkA11y(mod, "survey builder");

  await mod.locator("#set-ask_organisation").check();
  await mod.locator("#set-results_public").check();
  await mod.locator("[data-test=settings-save]").click();
  await mod.getByText("Gespeichert.").waitFor();
  await mod.locator("[data-test=survey-open]").click();
  await mod.locator("[data-test=survey-state]").getByText("Offen").waitFor();
  state.link = await mod.locator("[data-test=survey-public-link]").textContent();
  assert.match(state.link, new RegExp(`/s/${state.id}$`));

  await mod.goto(`${server.base}/staff/surveys/${state.id}/preview`);
  await hydrated(mod);
  assert.equal(await mod.locator("[data-test=question]").count(), 3);
  await mod.locator("[data-test=preview-next]").click();
  await mod.waitForURL(/page=2/);
  assert.equal(await mod.locator("[data-test=question]").count(), 6);
  await checkA11y(mod, "survey preview");
});

/** The start page, the organisation fields, then "begin". */
async function begin(page, orgType) {
  await page.goto(`${server.base}/s/${state.id}`);
  await ready(page);
  await page.locator("[data-test=survey-intro]").getByText("Wie steht es um Vielfalt").waitFor();
  await page.locator("#org_type").selectOption(orgType);
  await page.locator("[data-test=survey-begin]").click();
  await page.waitForURL(/\/s\/[0-9a-f-]{36}\/r\/[0-9a-f]+$/);
  await ready(page);
}

async function next(page) {
  await page.locator("[data-test=survey-next]").click();
  await page.waitForLoadState("load");
  await ready(page);
}

/** Fills page 2 (the number comes last: it is the one the tests get wrong first). */
async function pageTwo(page, { agree, rating, members, since, wish, first }) {
  await page.locator("#question-q4 .likert-row").filter({ hasText: "Ich fühle mich in Krefeld sicher." }).getByLabel(agree, { exact: true }).check();
  await page.locator("#question-q5").getByLabel(rating, { exact: true }).check();
  if (since) await page.locator("#q-q7-input").fill(since);
  if (wish) await page.locator("#q-q8-input").fill(wish);
  if (first) await page.locator("#question-q9 .rank-row").filter({ hasText: first }).locator("select").selectOption({ label: "Platz 1" });
  await page.locator("#q-q6-input").fill(members);
}

test("a participant on a phone answers: rules are named at the question, nothing typed is lost", async () => {
  const p = await newPage(browser);
  await p.setViewportSize(PHONE);
  await begin(p, "migrant");
  await checkA11y(p, "survey page 1");
  await keepHtml(p, "survey page 1");
  await p.locator("[data-test=survey-progress]").getByText("Seite 1 von 2").waitFor();
  // The follow-up question shows only once "Verein" is chosen.
  assert.equal(await p.locator("#question-q2").isHidden(), true);
  await p.locator("#question-q1").getByLabel("Verein", { exact: true }).check();
  await p.locator("#question-q2").waitFor();
  await p.locator("#q-q2-input").fill("Türkischer Elternverein Krefeld");
  for (const topic of ["Bildung", "Arbeit", "Wohnen"]) await p.locator("#question-q3").getByLabel(topic, { exact: true }).check();
  await next(p);
  await p.locator("#q-q3-error").getByText("Bitte wählen Sie höchstens 2 Antworten.").waitFor();
  await p.locator("[data-test=survey-errors]").getByText("Eine Antwort passt noch nicht.").waitFor();
  assert.equal(await p.locator("#q-q2-input").inputValue(), "Türkischer Elternverein Krefeld", "nothing typed is lost");
  await checkA11y(p, "survey page with an error");
  await keepHtml(p, "survey page with an error");
  await p.locator("#question-q3").getByLabel("Wohnen", { exact: true }).uncheck();
  await next(p);
  await p.locator("[data-test=survey-progress]").getByText("Seite 2 von 2").waitFor();
  await pageTwo(p, { agree: "stimme eher zu", rating: "8", members: "600", since: "2003-05-01", wish: "Mehr Räume für Begegnung.", first: "Begegnung" });
  await next(p);
  await p.locator("#q-q6-error").getByText("Bitte geben Sie eine Zahl von 0 bis 500 ein.").waitFor();
  assert.equal(await p.locator("#q-q8-input").inputValue(), "Mehr Räume für Begegnung.");
  await p.locator("#q-q6-input").fill("120");
  await assertNoOverflow(p, 320);
  await next(p);
  await p.getByRole("heading", { name: "Ihre Antworten" }).waitFor();
  await p.locator("[data-test=review-row]").filter({ hasText: "Wie viele Mitglieder" }).getByText("120 Personen").waitFor();
  await checkA11y(p, "survey review");
  await keepHtml(p, "survey review");
  await p.locator("[data-test=survey-send]").click();
  await p.locator("[data-test=survey-thanks]").waitFor();
  await ready(p);
  await checkA11y(p, "survey thanks");
  // The start page on this device knows it was sent.
  await p.goto(`${server.base}/s/${state.id}`);
  await p.locator("[data-test=survey-submitted]").waitFor();
  await p.context().close();
});

test("a participant without JavaScript answers the whole survey", async () => {
  const p = await newPage(browser, { javaScript: false });
  await p.setViewportSize(PHONE);
  await begin(p, "administration");
  // Without the script the follow-up question stays visible and says when to answer it.
  await p.locator("#question-q2").getByText("Nur beantworten, wenn Sie bei „Für wen sprechen Sie?“ Verein gewählt haben.").waitFor();
  await p.locator("#question-q1").getByLabel("Verwaltung", { exact: true }).check();
  await p.locator("#question-q3").getByLabel("Bildung", { exact: true }).check();
  await next(p);
  await pageTwo(p, { agree: "stimme voll zu", rating: "6", members: "40", first: "Beratung" });
  await next(p);
  await p.getByRole("heading", { name: "Ihre Antworten" }).waitFor();
  await checkA11y(p, "survey review without JavaScript");
  await p.locator("[data-test=survey-send]").click();
  await p.locator("[data-test=survey-thanks]").waitFor();
  await p.context().close();
});

test("a participant who leaves halfway resumes on the same device and with the link elsewhere", async () => {
  const p = await newPage(browser);
  await p.setViewportSize(PHONE);
  await begin(p, "migrant");
  await p.locator("#question-q1").getByLabel("Verein", { exact: true }).check();
  await p.locator("#q-q2-input").fill("Sportverein");
  await next(p);
  await p.locator("#q-q6-input").fill("80");
  await p.locator("[data-test=survey-back]").click();
  await p.waitForLoadState("load");
  await ready(p);
  // Same device: the start page offers to go on.
  await p.goto(`${server.base}/s/${state.id}`);
  await p.locator("[data-test=survey-resume]").waitFor();
  await p.locator("[data-test=survey-resume] a").click();
  await ready(p);
  await p.locator("summary").getByText("Später weitermachen").click();
  const link = await p.locator("[data-test=resume-link]").inputValue();
  assert.match(link, /^https?:\/\/[^/]+\/s\/[0-9a-f-]{36}\/r\/[0-9a-f]{64}$/, "a whole address to copy");
  await p.context().close();

  // Another device: the link opens where it was left, with what was saved.
  const other = await newPage(browser);
  await other.setViewportSize(PHONE);
  await other.goto(link.startsWith("/") ? server.base + link : link.replace(/^https?:\/\/[^/]+/, server.base));
  await ready(other);
  assert.equal(await other.locator("#q-q2-input").inputValue(), "Sportverein");
  await next(other);
  assert.equal(await other.locator("#q-q6-input").inputValue(), "80", "the page left with Back was saved");
  await pageTwo(other, { agree: "teils, teils", rating: "10", members: "80" });
  await next(other);
  await other.locator("[data-test=survey-send]").click();
  await other.locator("[data-test=survey-thanks]").waitFor();
  await other.context().close();
});

test("the results show the charts with the right numbers, filter, print, and the CSV downloads", async () => {
  const { mod } = state;
  await mod.goto(`${server.base}/staff/surveys/${state.id}/results`);
  await hydrated(mod);
  await mod.locator("[data-test=result-counts]").getByText("3 abgeschickte Antworten, 0 begonnen und nicht abgeschickt").waitFor();
  const who = mod.locator("[data-test=question-result][data-question=q1]");
  await who.locator("[data-test=result-table] tr").filter({ hasText: "Verein" }).getByText("66,7 %").waitFor();
  assert.equal(await who.locator("svg.chart text").filter({ hasText: "Verwaltung" }).count(), 1, "the chart's labels are text");
  const members = mod.locator("[data-test=question-result][data-question=q6]");
  await members.locator("[data-test=result-stats]").getByText("Mittelwert 80 Personen · Median 80 Personen · kleinster Wert 40 · größter Wert 120").waitFor();
  const rating = mod.locator("[data-test=question-result][data-question=q5]");
  await rating.locator("[data-test=result-stats]").getByText("Mittelwert 8 · Median 8").waitFor();
  const follow = mod.locator("[data-test=question-result][data-question=q2]");
  await follow.locator("[data-test=answered]").getByText("2 von 3 Antworten").waitFor();
  await checkA11y(mod, "survey results");

  await mod.locator("#f-org-type").selectOption("migrant");
  await mod.locator("[data-test=result-filter] button[type=submit]").click();
  await mod.waitForURL(/org_type=migrant/);
  await hydrated(mod);
  await mod.locator("[data-test=result-counts]").getByText("2 abgeschickte Antworten").waitFor();

  const res = await mod.context().request.get(`${server.base}/staff/surveys/${state.id}/responses.csv`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-type"], /text\/csv/);
  const bytes = await res.body();
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  assert.equal(lines.length, 4, "a header and one row per response");
  assert.ok(lines[0].startsWith("Nr.;Abgeschickt am;Organisation;Art der Organisation;Für wen sprechen Sie?;Für wen sprechen Sie?: Sonstiges;Welcher Verein?;"), lines[0]);
  assert.match(lines[1], /;Migrantenorganisation;Verein;;Türkischer Elternverein Krefeld;1;1;0;0;/);
  const visitor = await newPage(browser);
  assert.equal((await visitor.context().request.get(`${server.base}/staff/surveys/${state.id}/responses.csv`)).status(), 401);
  await visitor.context().close();

  await mod.goto(`${server.base}/staff/surveys/${state.id}/print`);
  await hydrated(mod);
  await mod.locator("[data-test=question-result]").nth(8).waitFor();
  await checkA11y(mod, "survey print view");

  // Public results: a participant page without wasm.
  const pub = await newPage(browser);
  await pub.setViewportSize(PHONE);
  await pub.goto(`${server.base}/s/${state.id}/results`);
  await ready(pub);
  await pub.locator("[data-test=result-counts]").getByText("3 abgeschickte Antworten").waitFor();
  await checkA11y(pub, "public survey results");
  await keepHtml(pub, "public survey results");
  await pub.context().close();
});

test("a second wave is copied, answered and compared; a closed survey refuses answers", async () => {
  const { mod } = state;
  await mod.goto(state.adminUrl);
  await hydrated(mod);
  await mod.locator("#wave-title").fill("Datenabfrage 2021");
  await mod.locator("[data-test=wave-copy] button[type=submit]").click();
  await mod.waitForURL((url) => url.pathname.startsWith("/staff/surveys/") && !url.pathname.endsWith(state.id));
  await hydrated(mod);
  await mod.locator("[data-test=survey-heading]").getByText("Datenabfrage 2021").waitFor();
  state.wave2 = mod.url().split("/").pop();
  assert.equal(await mod.locator("[data-test=builder-question]").count(), 9, "the questionnaire came along");
  await mod.locator("[data-test=survey-open]").click();
  await mod.locator("[data-test=survey-state]").getByText("Offen").waitFor();

  const p = await newPage(browser);
  await p.goto(`${server.base}/s/${state.wave2}`);
  await ready(p);
  await p.locator("#org_type").selectOption("migrant");
  await p.locator("[data-test=survey-begin]").click();
  await ready(p);
  await p.locator("#question-q1").getByLabel("Verwaltung", { exact: true }).check();
  await next(p);
  await pageTwo(p, { agree: "stimme gar nicht zu", rating: "2", members: "200" });
  await next(p);
  await p.locator("[data-test=survey-send]").click();
  await p.locator("[data-test=survey-thanks]").waitFor();

  await mod.goto(`${server.base}/staff/surveys/${state.id}/compare?with=${state.wave2}`);
  await hydrated(mod);
  const q1 = mod.locator("[data-test=compare-question]").first();
  await q1.locator("[data-test=compare-row]").filter({ hasText: "Verwaltung" }).locator("[data-test=compare-change]").getByText("+66,7 Prozentpunkte").waitFor();
  const number = mod.locator("[data-test=compare-question]").filter({ hasText: "Wie viele Mitglieder" });
  await number.locator("[data-test=compare-change]").getByText("+120").waitFor();
  await checkA11y(mod, "wave comparison");

  await mod.goto(`${server.base}/staff/surveys/${state.wave2}`);
  await hydrated(mod);
  await mod.locator("[data-test=survey-close]").click();
  await mod.locator("[data-test=survey-state]").getByText("Geschlossen").waitFor();
  await p.context().close();
  const late = await newPage(browser);
  await late.goto(`${server.base}/s/${state.wave2}`);
  await ready(late);
  await late.locator("[data-test=survey-closed]").getByText("Diese Umfrage ist geschlossen.").waitFor();
  assert.equal(await late.locator("[data-test=survey-begin]").count(), 0, "no way to start");
  await checkA11y(late, "closed survey");
  await keepHtml(late, "closed survey");
  await late.context().close();
});

test("the survey pages are valid HTML", () => {
  assert.ok(validateHtml() >= 5);
});
