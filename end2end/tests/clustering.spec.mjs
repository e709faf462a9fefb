// Clustering: the moderator groups proposals by keyboard alone and by drag and drop, undoes a
// merge, accepts a suggested group; a participant's board and the projector show the clusters
// without reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs } from "./support.mjs";

let server;
let browser;
const state = {};
const ORGA = ["orga@krefeld.de", "orga-passwort-123"];
const PROPOSALS = [
  ["Antirassismus-Training für Lehrkräfte", 0],
  ["Fortbildungen für Lehrer zu Rassismus", 0],
  ["Lehrkräfte zu Diskriminierung fortbilden", 0],
  ["Mehr Straßenfeste im Quartier", 0],
  ["Anonymisierte Bewerbungsverfahren in der Stadtverwaltung", 1],
  ["Anonyme Bewerbungen bei der Stadtverwaltung", 1],
];

/** The cluster box whose heading has this title. */
function clusterBox(page, title) {
  return page.locator("[data-test=cl-cluster]").filter({ has: page.getByRole("heading", { name: title }) });
}

/** A participant without a browser: joins and submits over HTTP, as the form would. */
async function submitAll(base, code) {
  const form = (data) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(data).toString(),
  });
  const joined = await fetch(`${base}/api/w/join`, form({ code, consent: "yes", display_name: "Karte" }));
  assert.equal(joined.status, 200);
  const cookie = joined.headers.get("set-cookie").split(";")[0];
  const board = await (await fetch(`${base}/api/w/board?code=${code}`, { headers: { cookie } })).json();
  const fields = board.info.fields.map((f) => f.id);
  for (const [title, field] of PROPOSALS) {
    const res = await fetch(`${base}/api/w/submit`, { ...form({ code, title, action_field: fields[field] }), headers: { ...form({}).headers, cookie } });
    assert.equal(res.status, 200, await res.text());
  }
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

test("a participant and the moderator are on the workshop; the moderator opens clustering", async () => {
  const participant = await newPage(browser);
  await participant.goto(`${server.base}/w/${state.code}`);
  await participant.locator("#consent").check();
  await participant.locator("[data-test=join-submit]").click();
  await participant.locator("[data-test=board]").getByText("Mehr Straßenfeste im Quartier").waitFor();
  await ready(participant);
  state.participant = participant;

  const page = await loginAs(browser, server.base, ...ORGA);
  await page.getByRole("link", { name: "Demo-Workshop" }).click();
  await page.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(page);
  state.workshopUrl = page.url();
  await page.locator("[data-test=ws-step-forward]").click();
  await page.locator("[data-test=ws-state]").getByText("Vorschläge gruppieren").waitFor();
  await participant.getByText("Die Sammelphase ist beendet.").waitFor();

  // The projector is another machine: its own browser window, logged in with the same session.
  const beamer = await newPage(browser);
  await beamer.context().addCookies(await page.context().cookies());
  await beamer.goto(state.workshopUrl + "/beamer");
  await hydrated(beamer);
  state.beamer = beamer;

  await page.locator("[data-test=clustering-link]").click();
  await page.waitForURL(/\/clusters$/);
  await hydrated(page);
  await page.locator("[data-test=cl-card]").nth(5).waitFor();
  await checkA11y(page, "clustering view");
  state.page = page;
});

test("by keyboard alone: select two cards, name and create a cluster", async () => {
  const page = state.page;
  for (const title of PROPOSALS.slice(0, 2).map((p) => p[0])) {
    await page.getByRole("checkbox", { name: title }).focus();
    await page.keyboard.press("Space");
  }
  await page.locator("[data-test=cl-selected]").getByText("2 Vorschläge ausgewählt").waitFor();
  await page.getByLabel("Titel für den neuen Cluster").focus();
  await page.keyboard.type("Fortbildung Lehrkräfte Rassismus");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.locator("[data-test=cl-announce]").getByText("Cluster „Fortbildung Lehrkräfte Rassismus“ angelegt mit 2 Vorschlägen.").waitFor();
  const cluster = clusterBox(page, "Fortbildung Lehrkräfte Rassismus");
  assert.equal(await cluster.locator("[data-test=cl-card]").count(), 2);
  // The participant's board and the projector show it without reload.
  await state.participant.locator("[data-test=board-clusters]").getByRole("heading", { name: "Fortbildung Lehrkräfte Rassismus" }).waitFor();
  await state.beamer.locator("[data-test=board-clusters]").getByRole("heading", { name: "Fortbildung Lehrkräfte Rassismus" }).waitFor();
  await checkA11y(state.participant, "participant board with clusters");
});

test("by drag and drop: a new cluster, then a second card onto it", async () => {
  const page = state.page;
  const card = (title) => page.locator("[data-test=cl-loose] [data-test=cl-card]", { hasText: title });
  await card("Anonyme Bewerbungen bei der Stadtverwaltung").dragTo(page.locator("[data-test=cl-new-zone]"));
  const jobs = clusterBox(page, "Anonyme Bewerbungen bei der Stadtverwaltung");
  await jobs.waitFor();
  await card("Anonymisierte Bewerbungsverfahren in der Stadtverwaltung").dragTo(jobs);
  await page.locator("[data-test=cl-announce]").getByText("1 Vorschlag nach „Anonyme Bewerbungen bei der Stadtverwaltung“ verschoben.").waitFor();
  // Another action field than the cluster's: the moderator is asked first.
  page.once("dialog", (d) => d.accept());
  await card("Mehr Straßenfeste im Quartier").dragTo(jobs);
  await jobs.locator("[data-test=cl-card]").nth(2).waitFor();
  await page.locator("[data-test=cl-undo]").click();
  await page.locator("[data-test=cl-announce]").getByText("Letzten Schritt rückgängig gemacht.").waitFor();
  assert.equal(await jobs.locator("[data-test=cl-card]").count(), 2);
});

test("a merge is undone and redone; the history tells who did it", async () => {
  const page = state.page;
  const teachers = clusterBox(page, "Fortbildung Lehrkräfte Rassismus");
  await teachers.locator("summary").click();
  await teachers.getByLabel("Diesen Cluster hier hineinführen").selectOption({ label: "Anonyme Bewerbungen bei der Stadtverwaltung" });
  page.once("dialog", (d) => d.accept());
  await teachers.getByRole("button", { name: "Zusammenführen" }).click();
  await page.locator("[data-test=cl-announce]").getByText("In „Fortbildung Lehrkräfte Rassismus“ zusammengeführt.").waitFor();
  assert.equal(await page.locator("[data-test=cl-cluster]").count(), 1);
  await page.locator("[data-test=cl-undo]").click();
  await page.locator("[data-test=cl-announce]").getByText("Letzten Schritt rückgängig gemacht.").waitFor();
  assert.equal(await page.locator("[data-test=cl-cluster]").count(), 2);
  await state.participant.locator("[data-test=board-clusters]").getByRole("heading", { name: "Anonyme Bewerbungen bei der Stadtverwaltung" }).waitFor();
  const again = clusterBox(page, "Fortbildung Lehrkräfte Rassismus");
  await again.locator("summary").click();
  await again.getByRole("button", { name: "Verlauf anzeigen" }).click();
  const history = again.locator("[data-test=cl-history]");
  await history.getByText("zusammengeführt").waitFor();
  await history.getByText("rückgängig gemacht").waitFor();
  await history.getByText(ORGA[0]).first().waitFor();
});

test("a suggested group is previewed and accepted", async () => {
  const page = state.page;
  await page.locator("[data-test=cl-suggest]").click();
  const first = page.locator("[data-test=cl-suggestion]").first();
  await first.waitFor();
  await checkA11y(page, "clustering view with suggestions");
  const loose = await page.locator("[data-test=cl-loose] [data-test=cl-card]").count();
  await first.getByRole("button", { name: "Übernehmen" }).click();
  await page.locator("[data-test=cl-announce]").getByText("Vorschlag übernommen").waitFor();
  assert.ok((await page.locator("[data-test=cl-loose] [data-test=cl-card]").count()) < loose);
});

test("by finger: a card dragged by its handle onto the new-cluster zone", async () => {
  const page = state.page;
  const card = page.locator("[data-test=cl-loose] [data-test=cl-card]", { hasText: "Mehr Straßenfeste im Quartier" });
  const zone = page.locator("[data-test=cl-new-zone]");
  await zone.scrollIntoViewIfNeeded();
  const from = await card.locator(".cl-handle").boundingBox();
  const to = await zone.boundingBox();
  const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  // Real touch input through the browser (the pointer events a phone or tablet sends).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 1 });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [a] });
  for (let i = 1; i <= 8; i++) {
    const p = { x: a.x + ((b.x - a.x) * i) / 8, y: a.y + ((b.y - a.y) * i) / 8 };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [p] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.locator("[data-test=cl-announce]").getByText("Cluster „Mehr Straßenfeste im Quartier“ angelegt mit 1 Vorschlag.").waitFor();
  await clusterBox(page, "Mehr Straßenfeste im Quartier").waitFor();
  await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: false });
});
