// Inclusion: a participant takes part in Arabic (right to left, on a 320 px phone), in Turkish
// without JavaScript and in Leichte Sprache; join, submit, edit, withdraw and report by keyboard
// alone; every participant page (join, board, own proposal, ballot, plan, measure, survey and its
// results) is axe-clean in every language and fits 320 px and 200 % zoom; an Arabic ballot by
// keyboard;
// a workshop offers only the languages chosen; the projector shows a second language; the
// accessibility statement names the contact the admin set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launchBrowser, newPage, hydrated, ready, checkA11y, loginAs, assertNoOverflow, keepHtml, validateHtml } from "./support.mjs";

let server;
let browser;
const state = {};
const ADMIN = ["admin@krefeld.de", "admin-passwort-1234"];
const ORGA = ["orga@krefeld.de", "orga-passwort-123"];
const LANGS = ["de", "en", "tr", "ar", "uk", "de-x-ls"];

/** The plain messages (no placeables) of a language's participant file. */
function messages(code) {
  const source = readFileSync(new URL(`../../app/locales/${code}.ftl`, import.meta.url), "utf8");
  const out = {};
  for (const line of source.split("\n")) {
    const m = line.match(/^([a-z0-9-]+) = (.*)$/);
    if (m && !m[2].includes("{")) out[m[1]] = m[2];
  }
  return out;
}
const T = Object.fromEntries(LANGS.map((l) => [l, messages(l)]));

/** A phone in a language: the browser asks for it with Accept-Language. */
async function phone(lang, { javaScript = true, width = 390 } = {}) {
  const page = await newPage(browser, { javaScript, locale: lang });
  await page.setViewportSize({ width, height: 800 });
  return page;
}

/** A page fits a 320 px screen and 200 % zoom (a 1280 px window shows 640 CSS px). */
async function fits(page) {
  await assertNoOverflow(page, 320);
  await assertNoOverflow(page, 640);
}

/**
 * Presses Tab (or Shift+Tab) until the element matching `selector` has the focus, checking on
 * the way that every focused element shows a visible focus indicator. Fails after `max` steps.
 */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const found = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { at: false, visible: true, what: "body" };
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { at: el.matches(sel), visible, what: `${el.tagName.toLowerCase()}#${el.id}.${el.className}` };
    }, selector);
    assert.ok(found.visible, `focus is visible on ${found.what}`);
    if (found.at) return;
  }
  assert.fail(`${selector} not reached with ${max} presses of Tab`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.createStaff(ADMIN[0], "admin", ADMIN[1]);
  server.createStaff(ORGA[0], "organizer", ORGA[1]);
  state.code = server.demoWorkshop();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("an Arabic-speaking newcomer joins, submits and edits right to left on a 320 px phone", async () => {
  const page = await phone("ar", { width: 320 });
  await page.goto(`${server.base}/w/${state.code}`);
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.getByRole("button", { name: T.ar["join-submit"] }).waitFor();
  // The labels sit on the right, where Arabic text starts.
  const sides = await page.evaluate(() => {
    const label = document.querySelector("label[for=display_name]");
    const range = document.createRange();
    range.selectNodeContents(label);
    const text = range.getBoundingClientRect();
    const box = label.getBoundingClientRect();
    return { textRight: text.right, boxRight: box.right, textLeft: text.left, boxLeft: box.left };
  });
  assert.ok(sides.boxRight - sides.textRight < 2, `label text starts on the right: ${JSON.stringify(sides)}`);
  assert.ok(sides.textLeft - sides.boxLeft > 2, "and leaves room on the left");
  await fits(page);
  await checkA11y(page, "join page (ar)");
  await keepHtml(page, "join page ar");

  await page.locator("#display_name").fill("سلمى");
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=proposal-form]").waitFor();
  await ready(page);
  // An error in Arabic next to the field, then the proposal.
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("#title-error").filter({ hasText: /\S/ }).waitFor();
  assert.doesNotMatch(await page.locator("#title-error").textContent(), /[a-zA-ZäöüÄÖÜß]{4}/, "the error is not German");
  await page.locator("#action_field").selectOption({ index: 1 });
  await page.locator("#title").fill("مقهى لغوي للأمهات");
  await page.locator("#description").fill("لقاء أسبوعي في المكتبة: Deutsch lernen und Nachbarn kennenlernen.");
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("[data-test=proposal-sent]").getByText(T.ar["proposal-sent"]).waitFor();
  const mine = page.locator("[data-test=mine] [data-test=proposal]").first();
  await mine.getByText("مقهى لغوي للأمهات").waitFor();
  assert.equal(await mine.locator("h3").getAttribute("dir"), "auto", "user text keeps its own direction");
  assert.equal(await mine.locator("h3").getAttribute("lang"), "ar");
  assert.equal(await mine.locator("[data-test=written-in]").count(), 0, "no note on a page in its own language");
  await fits(page);
  await checkA11y(page, "board (ar)");

  await page.locator("[data-test=mine] a.button").first().click();
  await page.waitForURL(/\/p\/[0-9a-f-]{36}$/);
  await ready(page);
  await fits(page);
  await checkA11y(page, "own proposal (ar)");
  await keepHtml(page, "own proposal ar");
  await page.locator("#title").fill("مقهى لغوي للأمهات والآباء");
  await page.getByRole("button", { name: T.ar["save"] }).click();
  await page.waitForURL(new RegExp(`/w/${state.code}(#mine)?$`));
  await ready(page);
  await page.locator("[data-test=mine]").getByText("مقهى لغوي للأمهات والآباء").waitFor();
  state.arabic = page;
});

test("a German board marks the Arabic proposal with its language", async () => {
  const page = await phone("de-DE");
  await page.goto(`${server.base}/w/${state.code}`);
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=proposal-form]").waitFor();
  await ready(page);
  const card = page.locator("[data-test=board] [data-test=proposal]", { hasText: "مقهى لغوي" });
  await card.locator("[data-test=written-in]").getByText("Geschrieben auf العربية").waitFor();
  assert.equal(await card.locator("h3").getAttribute("lang"), "ar");
  await checkA11y(page, "board with an Arabic proposal (de)");
  state.german = page;
});

test("a member of a Turkish parents' association takes part in Turkish without JavaScript", async () => {
  const page = await phone("tr-TR", { javaScript: false });
  await page.goto(`${server.base}/w/${state.code}`);
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "tr");
  await page.locator("[data-test=join-submit]").click();
  await page.getByText(T.tr["join-consent-required"]).waitFor();
  await page.locator("#display_name").fill("Ayşe");
  await page.locator("#organisation").fill("Türk Veli Derneği");
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=proposal-form]").waitFor();
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("#title-error").filter({ hasText: /\S/ }).waitFor();
  await page.locator("#action_field").selectOption({ index: 1 });
  await page.locator("#title").fill("Okullarda anadili dersleri");
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("[data-test=proposal-sent]").getByText(T.tr["proposal-sent"]).waitFor();
  await page.locator("[data-test=mine]").getByText("Okullarda anadili dersleri").waitFor();
  await fits(page);
  await checkA11y(page, "board (tr, no JavaScript)");
  await keepHtml(page, "board tr");
  // On the German board, live: marked as Turkish.
  await state.german.locator("[data-test=board] [data-test=proposal]", { hasText: "Okullarda anadili dersleri" })
    .locator("[data-test=written-in]").getByText("Geschrieben auf Türkçe").waitFor();
});

test("a person who needs Leichte Sprache chooses it with the keyboard and takes part", async () => {
  const page = await phone("de-DE");
  await page.goto(`${server.base}/w/${state.code}`);
  await ready(page);
  await tabTo(page, ".lang-switch a[hreflang=de-x-ls]");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/w/${state.code}$`));
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "de-x-ls");
  await page.getByText(T["de-x-ls"]["join-lead"]).waitFor();
  await checkA11y(page, "join page (Leichte Sprache)");
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=proposal-form]").waitFor();
  await ready(page);
  await page.locator("#action_field").selectOption({ index: 1 });
  await page.locator("#title").fill("Mehr Beratung in einfacher Sprache");
  await page.locator("[data-test=proposal-submit]").click();
  await page.locator("[data-test=proposal-sent]").getByText(T["de-x-ls"]["proposal-sent"]).waitFor();
  // German from a Leichte-Sprache page needs no note on the German board.
  const card = state.german.locator("[data-test=board] [data-test=proposal]", { hasText: "Mehr Beratung in einfacher Sprache" });
  await card.waitFor();
  assert.equal(await card.locator("[data-test=written-in]").count(), 0);
  await fits(page);
  await checkA11y(page, "board (Leichte Sprache)");
  await keepHtml(page, "board de-x-ls");
});

test("join, submit, edit, withdraw and report by keyboard alone", async () => {
  const page = await phone("de-DE", { width: 1024 });
  await page.goto(`${server.base}/w/${state.code}`);
  await ready(page);
  // The skip link comes first and leads to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
  await tabTo(page, "#display_name");
  await page.keyboard.type("Tastatur");
  await tabTo(page, "#consent");
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#consent").isChecked(), true);
  await tabTo(page, "[data-test=join-submit]");
  await page.keyboard.press("Enter");
  await page.locator("[data-test=proposal-form]").waitFor();
  await ready(page);

  // Submitting empty: the focus moves to the first wrong field, whose error it announces.
  await tabTo(page, "[data-test=proposal-submit]");
  await page.keyboard.press("Enter");
  await page.locator("#title-error").filter({ hasText: /\S/ }).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.ok(["action_field", "title"].includes(focused), `focus on a wrong field, not ${focused}`);
  const described = await page.locator(`#${focused}`).getAttribute("aria-describedby");
  assert.ok(described?.includes(`${focused}-error`), "the field names its error");
  await page.locator("#action_field").focus();
  await page.keyboard.press("ArrowDown");
  await tabTo(page, "#title");
  await page.keyboard.type("Per Tastatur eingereicht");
  await tabTo(page, "[data-test=proposal-submit]");
  await page.keyboard.press("Enter");
  await page.locator("[data-test=mine]").getByText("Per Tastatur eingereicht").waitFor();

  // Edit: the link on the own card, then Save.
  await page.locator("body").focus();
  await tabTo(page, "a[aria-label='Bearbeiten: Per Tastatur eingereicht']");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/p\/[0-9a-f-]{36}$/);
  await ready(page);
  await tabTo(page, "#title");
  await page.keyboard.press("End");
  await page.keyboard.type(" und bearbeitet");
  await tabTo(page, "form button[type=submit]");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/w/${state.code}(#mine)?$`));
  await ready(page);
  await page.locator("[data-test=mine]").getByText("Per Tastatur eingereicht und bearbeitet").waitFor();

  // Report someone else's proposal.
  await tabTo(page, "a[aria-label^='Melden: Okullarda anadili dersleri']");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/report$/);
  await ready(page);
  await tabTo(page, "#reason");
  await page.keyboard.type("Nur zum Test der Tastatur.");
  await tabTo(page, "form button[type=submit]");
  await page.keyboard.press("Enter");
  await page.waitForURL(/reported=1/);
  await ready(page);
  await page.getByText("Danke, die Moderation sieht Ihre Meldung.").waitFor();

  // Withdraw the own proposal; Shift+Tab walks back without a trap.
  await tabTo(page, "button[aria-label='Zurückziehen: Per Tastatur eingereicht und bearbeitet']");
  await tabTo(page, "#title", { back: true });
  await tabTo(page, "button[aria-label='Zurückziehen: Per Tastatur eingereicht und bearbeitet']");
  await page.keyboard.press("Enter");
  await page.locator("[data-test=mine]").getByText("Per Tastatur eingereicht und bearbeitet").waitFor({ state: "detached" });
  await checkA11y(page, "board after keyboard run");
  await page.context().close();
});

test("every participant page is axe-clean and fits 320 px and 200 % zoom in every language", async () => {
  const a = state.arabic;
  const cookies = await a.context().cookies();
  const own = await a.locator("[data-test=mine] a.button").first().getAttribute("href");
  const other = await a.locator("[data-test=board] a.small-link").first().getAttribute("href");
  for (const lang of LANGS) {
    const page = await phone(lang);
    await page.context().addCookies(cookies.filter((c) => c.name.startsWith("plenum_w_")));
    await page.goto(`${server.base}/lang/${lang}?back=/`);
    for (const path of ["/", `/w/${state.code}`, own, other, "/barrierefreiheit", "/no-such-page"]) {
      await page.goto(server.base + path);
      await ready(page);
      assert.equal(await page.getAttribute("html", "lang"), lang, `${lang} ${path}`);
      await checkA11y(page, `${path} (${lang})`);
      await fits(page);
    }
    await page.context().close();
  }
});

test("a workshop offers only the languages the organizer chose", async () => {
  const page = await loginAs(browser, server.base, ...ORGA);
  await page.goto(`${server.base}/staff`);
  await hydrated(page);
  await page.getByRole("link", { name: "Demo-Workshop" }).first().click();
  await page.waitForURL(/\/staff\/workshops\/[0-9a-f-]{36}$/);
  await hydrated(page);
  state.workshopUrl = page.url();
  for (const code of ["en", "ar", "uk", "de-x-ls"]) await page.locator(`#lang-${code}`).uncheck();
  await page.locator("#lang-tr").check();
  await page.locator("#settings-heading").locator("..").getByRole("button", { name: "Speichern" }).click();
  await page.getByText("Gespeichert").first().waitFor();
  await checkA11y(page, "workshop settings with languages");

  const arabic = await phone("ar");
  await arabic.goto(`${server.base}/w/${state.code}`);
  await ready(arabic);
  assert.equal(await arabic.getAttribute("html", "lang"), "de", "Arabic is not offered: German");
  const offered = await arabic.locator(".lang-switch a").evaluateAll((links) => links.map((a) => a.getAttribute("hreflang")));
  assert.deepEqual(offered, ["de", "tr"]);
  await arabic.context().close();

  // The projector in German and Turkish.
  const beamer = await newPage(browser);
  await beamer.context().addCookies(await page.context().cookies());
  await beamer.setViewportSize({ width: 1920, height: 1080 });
  await beamer.goto(`${state.workshopUrl}/beamer?lang2=tr`);
  await hydrated(beamer);
  await beamer.locator("[data-test=second-lang][lang=tr]").getByText(T.tr["ws-state-collecting"]).waitFor();
  await beamer.locator("[data-test=second-lang]").getByText(T.tr["ws-code"], { exact: true }).waitFor();
  await checkA11y(beamer, "projector in two languages");
  await beamer.context().close();
  await page.context().close();
});

test("the accessibility statement renders with the admin's contact", async () => {
  const visitor = await phone("de-DE");
  await visitor.goto(server.base + "/");
  await ready(visitor);
  await visitor.locator("[data-test=a11y-link]").click();
  await visitor.waitForURL(/\/barrierefreiheit$/);
  await ready(visitor);
  await visitor.getByRole("heading", { name: "Erklärung zur Barrierefreiheit", level: 1 }).waitFor();
  await visitor.locator("[data-test=a11y-no-contact]").waitFor();
  await visitor.getByText("§ 16 BGG", { exact: false }).first().waitFor();

  const admin = await loginAs(browser, server.base, ...ADMIN);
  await admin.getByRole("link", { name: "Einstellungen" }).click();
  await admin.waitForURL(/\/staff\/settings$/);
  await hydrated(admin);
  await checkA11y(admin, "instance settings");
  await admin.locator("#municipality").fill("Stadt Krefeld");
  await admin.locator("#contact_email").fill("keine-adresse");
  await admin.locator("[data-test=settings-save]").click();
  await admin.locator("#contact_email-error").filter({ hasText: /\S/ }).waitFor();
  await admin.locator("#contact_email").fill("barrierefreiheit@krefeld.de");
  await admin.locator("#contact_phone").fill("02151 86-0");
  await admin.locator("[data-test=settings-save]").click();
  await admin.getByText("Gespeichert").first().waitFor();
  await admin.context().close();

  await visitor.reload();
  await ready(visitor);
  await visitor.getByText("Stadt Krefeld möchte diese Beteiligungsplattform", { exact: false }).waitFor();
  await visitor.locator("[data-test=a11y-contact] a[href='mailto:barrierefreiheit@krefeld.de']").waitFor();
  await visitor.locator("[data-test=a11y-method]").getByText("axe", { exact: false }).count();
  await checkA11y(visitor, "accessibility statement");
  await keepHtml(visitor, "accessibility statement");
  await fits(visitor);
  await visitor.goto(`${server.base}/lang/ar?back=/barrierefreiheit`);
  await ready(visitor);
  assert.equal(await visitor.getAttribute("html", "dir"), "rtl");
  await visitor.locator("[data-test=a11y-contact] a[href='mailto:barrierefreiheit@krefeld.de']").waitFor();
  await checkA11y(visitor, "accessibility statement (ar)");
  await visitor.context().close();
});

/** `plenum demo` with extras: the join code, then `process <id>`, `measure <id>`, `survey <id>`. */
function demoWith(...args) {
  const [code, ...rest] = server.demoWorkshop(...args).split("\n");
  return { code, ...Object.fromEntries(rest.map((line) => line.trim().split(" "))) };
}

/** Joins a workshop on a phone, with the display name typed. */
async function join(page, code, name) {
  await page.goto(`${server.base}/w/${code}`);
  await ready(page);
  await page.locator("#display_name").fill(name);
  await page.locator("#consent").check();
  await page.locator("[data-test=join-submit]").click();
  await page.locator("[data-test=board]").waitFor();
  await ready(page);
}

/** Asserts that a visible text is not German (for the languages that are not). */
async function notGerman(locator, lang, what) {
  if (lang === "de" || lang === "de-x-ls") return;
  const text = (await locator.textContent()) ?? "";
  assert.doesNotMatch(text, /\b(Bitte|Punkte|Zahl|höchstens|Ihre)\b/, `${what} (${lang}) is not German: ${text}`);
}

test("ballots, surveys and the plan are axe-clean and fit 320 px and 200 % zoom in every language", async () => {
  const voting = demoWith("--voting");
  const closed = demoWith("--plan", "--survey");
  assert.match(closed.process ?? "", /^[0-9a-f-]{36}$/, "the demo names its process");
  for (const lang of LANGS) {
    const page = await phone(lang);
    const at = async (label) => {
      assert.equal(await page.getAttribute("html", "lang"), lang, `${label} (${lang})`);
      await checkA11y(page, `${label} (${lang})`);
      await fits(page);
    };
    // The ballot: a dot vote, first with too many dots on one option, then cast.
    await join(page, voting.code, `Teilnehmerin ${lang}`);
    const inputs = page.locator("#ballot input[type=number]");
    await inputs.first().waitFor();
    await at("ballot");
    await inputs.nth(0).fill("4");
    await page.locator("[data-test=cast]").click();
    await page.locator(`#${await inputs.nth(0).getAttribute("id")}[aria-invalid=true]`).waitFor();
    await notGerman(page.locator(`#${await inputs.nth(0).getAttribute("id")}-error`), lang, "the ballot error");
    await at("ballot with an error");
    await inputs.nth(0).fill("3");
    await inputs.nth(1).fill("2");
    await page.locator("[data-test=cast]").click();
    await page.locator("[data-test=vote-status]").waitFor();
    await notGerman(page.locator("[data-test=vote-status]"), lang, "the ballot status");
    await at("ballot cast");
    if (lang === "ar") await keepHtml(page, "ballot ar");

    // The public plan, a measure with its timeline, the process page.
    for (const [path, label] of [
      [`/p/${closed.process}`, "process page"],
      [`/p/${closed.process}/plan`, "plan"],
      [`/m/${closed.measure}`, "measure"],
    ]) {
      await page.goto(server.base + path);
      await ready(page);
      await at(label);
      if (lang === "ar") await keepHtml(page, `${label} ar`);
    }

    // The survey: start, page 1, page 2 with a number out of range, review, thanks, results.
    await page.goto(`${server.base}/s/${closed.survey}`);
    await ready(page);
    await at("survey start");
    await page.locator("[data-test=survey-begin]").click();
    await page.waitForURL(/\/s\/[0-9a-f-]{36}\/r\/[0-9a-f]+$/);
    await ready(page);
    await at("survey page 1");
    await page.locator("[data-test=survey-next]").click();
    await page.locator("#q-q6-input").waitFor();
    await ready(page);
    await page.locator("#q-q6-input").fill("600");
    await page.locator("[data-test=survey-next]").click();
    await page.locator("#q-q6-error").filter({ hasText: /500/ }).waitFor();
    await notGerman(page.locator("#q-q6-error"), lang, "the survey error");
    await at("survey page with an error");
    if (lang === "ar") await keepHtml(page, "survey error ar");
    await page.locator("#q-q6-input").fill("120");
    await page.locator("[data-test=survey-next]").click();
    await page.locator("[data-test=survey-send]").waitFor();
    await ready(page);
    await at("survey review");
    await page.locator("[data-test=survey-send]").click();
    await page.locator("[data-test=survey-thanks]").waitFor();
    await ready(page);
    await at("survey thanks");
    await page.goto(`${server.base}/s/${closed.survey}/results`);
    await ready(page);
    await at("survey results");
    if (lang === "ar") await keepHtml(page, "survey results ar");
    await page.context().close();
  }
  state.voting = voting;
});

test("an Arabic-speaking participant votes by keyboard alone, right to left", async () => {
  const page = await phone("ar", { width: 1024 });
  await page.goto(`${server.base}/w/${state.voting.code}`);
  await ready(page);
  await tabTo(page, "#display_name");
  await page.keyboard.type("نور");
  await tabTo(page, "#consent");
  await page.keyboard.press("Space");
  await tabTo(page, "[data-test=join-submit]");
  await page.keyboard.press("Enter");
  await page.locator("#ballot").waitFor();
  await ready(page);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  const inputs = page.locator("#ballot input[type=number]");
  const first = await inputs.nth(0).getAttribute("id");
  const second = await inputs.nth(1).getAttribute("id");
  // Too many dots on one option: the message is announced next to it, the entry stays.
  await tabTo(page, `#${first}`);
  await page.keyboard.type("4");
  await tabTo(page, "[data-test=cast]");
  await page.keyboard.press("Enter");
  await page.locator(`#${first}[aria-invalid=true]`).waitFor();
  assert.equal(await page.locator(`#${first}`).inputValue(), "4");
  const described = await page.locator(`#${first}`).getAttribute("aria-describedby");
  assert.ok(described, "the option names its error");
  await notGerman(page.locator(`#${described.split(" ")[0]}`), "ar", "the error");
  await page.locator("body").focus();
  await tabTo(page, `#${first}`);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("3");
  await tabTo(page, `#${second}`);
  await page.keyboard.type("2");
  await tabTo(page, "[data-test=cast]");
  await page.keyboard.press("Enter");
  await page.locator("[data-test=vote-status]").waitFor();
  assert.equal(await page.locator(`#${first}`).inputValue(), "3", "the ballot as saved");
  await checkA11y(page, "ballot after a keyboard vote (ar)");
  await page.context().close();
});

test("the pages of this run are valid HTML", () => {
  assert.ok(validateHtml() >= 5);
});
