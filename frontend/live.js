// Plenum on participant pages: keeps the board live and sends the proposal form and the ballot
// without a page reload; counts the dots left and the round's time. No framework, no build step:
// `plenum assets` only hashes and compresses this file.
// Every page works without it (forms post, the page reloads); and it writes no markup of its
// own: the server renders every fragment with the page's own components, this script puts them
// in place by id. The path of a change: docs/ARCHITECTURE.md.
(function () {
  "use strict";

  var root = document.getElementById("live");
  var version = root ? root.getAttribute("data-v") : "";
  // Frames that arrive while a page loads; applied after it, in order.
  var pending = null;
  // The page load in flight (a snapshot, or the answer to the form): one at a time.
  var loading = Promise.resolve(null);
  var snapshotQueued = false;

  function fragment(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // A version is "epoch-seq": the epoch changes with every start of the server.
  function split(v) {
    var i = (v || "").lastIndexOf("-");
    return [v.slice(0, i), Number(v.slice(i + 1))];
  }

  // Replaces the page's regions with those of a freshly rendered page. A region whose data-key
  // did not change stays (the half-typed proposal form), unless `force`.
  function swap(doc, force) {
    var fresh = doc.getElementById("live");
    if (!fresh) {
      location.reload(); // the workshop closed, or this participant was removed
      return false;
    }
    var regions = document.querySelectorAll("[data-region]");
    for (var i = 0; i < regions.length; i++) {
      var old = regions[i];
      var next = doc.getElementById(old.id);
      if (!next) continue;
      if (!force && old.hasAttribute("data-key") && old.getAttribute("data-key") === next.getAttribute("data-key")) continue;
      old.replaceWith(document.importNode(next, true));
    }
    version = fresh.getAttribute("data-v");
    return true;
  }

  // Loads a page (`start()` gives the fetch: the snapshot, or the answer to a form post) and
  // swaps its regions in, after any load in flight. Resolves with the document, or null when
  // there was no usable answer (offline, or an error page of a proxy: the page stays as it is).
  function load(start, force) {
    loading = loading.then(function () {
      pending = pending || [];
      return start()
        .then(function (r) {
          if (!r.ok && r.status >= 500) throw new Error(String(r.status));
          return r.text();
        })
        .then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          return swap(doc, force) ? doc : null;
        })
        .catch(function () {
          return null; // the next frame or reconnect tries again
        })
        .then(function (doc) {
          var frames = pending;
          pending = null;
          frames.forEach(receive);
          return doc;
        });
    });
    return loading;
  }

  function reload() {
    if (snapshotQueued) return loading;
    snapshotQueued = true;
    return load(function () {
      snapshotQueued = false;
      return fetch(location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
    }, false);
  }

  function own(id) {
    var el = byId(id);
    return (el && el.hasAttribute("data-mine")) || byId("own-" + id);
  }

  // Puts a card in its list, newest first; a card of this participant's own means reloading
  // (the server renders its own marks and buttons only for them).
  function put(id, html, list, created) {
    if (own(id)) return true;
    var old = byId(id);
    var card = fragment(html);
    var parent = byId(list);
    if (old && old.parentElement === parent) {
      old.replaceWith(card);
      return false;
    }
    if (old) old.remove(); // it moved to another action field
    if (!parent) return true;
    var before = null;
    for (var c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (Number(c.getAttribute("data-t")) < created) {
        before = c;
        break;
      }
    }
    parent.insertBefore(card, before);
    return false;
  }

  var ops = {
    put: function (op) {
      return put(op[1], op[2], op[3], op[4]);
    },
    del: function (op) {
      if (own(op[1])) return true;
      var el = byId(op[1]);
      if (el) el.remove();
      return false;
    },
    text: function (op) {
      var el = byId(op[1]);
      if (el) el.textContent = op[2];
      return false;
    },
    hide: function (op) {
      var el = byId(op[1]);
      if (el) el.hidden = op[2];
      return false;
    },
    html: function (op) {
      var el = byId(op[1]);
      if (el) el.replaceChildren(fragment(op[2]));
      return false;
    },
    reload: function () {
      return true;
    },
  };

  function receive(frame) {
    if (pending) {
      pending.push(frame);
      return;
    }
    var have = split(version);
    var next = split(frame.v);
    if (have[0] === next[0] && next[1] <= have[1]) return; // already on the page
    if (have[0] !== next[0] || next[1] !== have[1] + 1) {
      reload(); // something was missed
      return;
    }
    version = frame.v;
    var stale = false;
    frame.ops.forEach(function (op) {
      if (ops[op[0]] && ops[op[0]](op)) stale = true;
    });
    if (stale) reload();
  }

  var retries = 0;

  function connect() {
    var url = root.getAttribute("data-live");
    var source = new EventSource(url);
    source.addEventListener("hello", function (e) {
      retries = 0;
      document.body.setAttribute("data-live", "open");
      if (JSON.parse(e.data).v !== version) reload();
    });
    source.addEventListener("page", function (e) {
      receive(JSON.parse(e.data));
    });
    source.addEventListener("resync", reload);
    source.onerror = function () {
      document.body.setAttribute("data-live", "lost");
      // The browser retries by itself after a dropped connection. After an error answer it
      // gives up: a proxy's 502 during a restart, or a 403 for a participant who was removed.
      // The snapshot tells which (a removed participant's page becomes the join page); then
      // try again, waiting longer each time.
      if (source.readyState !== EventSource.CLOSED) return;
      retries += 1;
      setTimeout(function () {
        reload().then(function () {
          if (document.getElementById("live")) connect();
        });
      }, Math.min(3000 * retries, 30000));
    };
  }

  // Forms marked data-fetch (the proposal form, the ballot) go through fetch: the answer is
  // the page the plain post would show (with the field errors, or with the thank-you / the
  // saved ballot), and its regions are swapped in.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute("data-fetch") || !window.fetch || !root) return;
    e.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    var region = form.closest("[data-region]");
    var regionId = region ? region.id : "";
    form.setAttribute("aria-busy", "true");
    var offline = form.querySelector("[data-offline]");
    var data = new FormData(form);
    // The button that sent it (Enthalten) is part of the post, as in a plain submit.
    if (e.submitter && e.submitter.name) data.append(e.submitter.name, e.submitter.value);
    load(function () {
      return fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(data),
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
    }, true).then(function (doc) {
      if (!doc) {
        // Nothing was swapped: what was entered is still there; say what happened.
        form.removeAttribute("aria-busy");
        if (offline) offline.hidden = false;
        return;
      }
      history.replaceState(null, "", location.pathname);
      var scope = byId(regionId) || document;
      var invalid = scope.querySelector("[aria-invalid=true]");
      var message = null;
      var messages = scope.querySelectorAll(".field-error, .form-error");
      for (var m = 0; m < messages.length && !message; m++) if (!messages[m].hidden && messages[m].textContent.trim()) message = messages[m];
      if (invalid || message) {
        restore(scope.querySelector("form"), data);
        if (!invalid) message.setAttribute("tabindex", "-1");
        (invalid || message).focus();
        return;
      }
      var first = scope.querySelector("input[name=title]");
      if (first) first.focus();
      // Announce the thank-you (or "Ihre Stimme ist gezählt"), which arrived in a new region.
      var sent = scope.querySelector("[role=status]");
      if (sent) {
        var text = sent.textContent;
        sent.textContent = "";
        setTimeout(function () {
          sent.textContent = text;
        }, 100);
      }
      if (!first && sent) {
        sent.setAttribute("tabindex", "-1");
        sent.focus();
      }
    });
  });

  // The answer's form shows what was saved before: what the participant entered goes back in.
  function restore(fresh, data) {
    if (!fresh) return;
    for (var i = 0; i < fresh.elements.length; i++) {
      var field = fresh.elements[i];
      if (!field.name || field.type === "hidden" || field.type === "submit") continue;
      if (field.type === "checkbox" || field.type === "radio") field.checked = data.getAll(field.name).indexOf(field.value) >= 0;
      else if (data.has(field.name)) field.value = data.get(field.name);
    }
    ballotChanged(fresh);
  }

  // Dot voting: "noch 2 Punkte" as the dots are placed (the server checks the same rules).
  function ballotChanged(form) {
    if (!form || !form.hasAttribute("data-dots")) return;
    var total = Number(form.getAttribute("data-dots"));
    var spent = 0;
    var inputs = form.querySelectorAll("[data-dot]");
    for (var i = 0; i < inputs.length; i++) spent += Math.max(0, Number(inputs[i].value) || 0);
    var left = form.querySelector("[data-dots-left]");
    if (!left) return;
    var n = total - spent;
    if (!left.plenumTexts) left.plenumTexts = JSON.parse(left.getAttribute("data-texts") || "[]");
    var template = left.getAttribute(Math.abs(n) === 1 ? "data-one" : "data-other");
    left.textContent = n >= 0 && n < left.plenumTexts.length ? left.plenumTexts[n] : template.replace("{n}", String(n));
    left.classList.toggle("over", n < 0);
  }

  document.addEventListener("input", function (e) {
    var form = e.target.form;
    if (!form || !form.classList.contains("ballot-form")) return;
    form.setAttribute("data-dirty", "");
    ballotChanged(form);
  });

  // The round's timer: the server says how many seconds are left when it renders; the page
  // counts down from there and, a minute before the end, warns if the ballot is unsaved.
  function tick() {
    var clocks = document.querySelectorAll("[data-ends-in]");
    for (var i = 0; i < clocks.length; i++) {
      var el = clocks[i];
      if (!el.hasAttribute("data-end")) el.setAttribute("data-end", String(Date.now() + Number(el.getAttribute("data-ends-in")) * 1000));
      var secs = Math.max(0, Math.round((Number(el.getAttribute("data-end")) - Date.now()) / 1000));
      el.textContent = Math.floor(secs / 60) + ":" + String(secs % 60).padStart(2, "0");
      var region = el.closest("[data-region]");
      var form = region && region.querySelector(".ballot-form");
      var warning = region && region.querySelector("[data-unsaved-warning]");
      var unsaved = form && (form.hasAttribute("data-dirty") || !region.querySelector("[data-test=vote-status]"));
      if (warning) warning.hidden = !(secs <= 60 && secs > 0 && unsaved);
    }
  }
  if (document.querySelector("[data-ends-in]") || root) {
    setInterval(tick, 1000);
    tick();
  }

  // Survey pages: a question whose condition looks at an answer on the same page shows only
  // while that answer matches. Without this script it stays visible with a hint saying when to
  // answer it, and the server ignores its answer when the condition is not met.
  function answerOf(form, q) {
    var values = [];
    var els = form.querySelectorAll("[name^='a[']");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var own = el.name === "a[" + q + "]";
      if (!own && el.name.indexOf("a[" + q + ".") !== 0) continue;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) continue;
      if (!el.value || el.name.slice(-7) === ".other]") continue;
      values.push((el.type === "checkbox" ? el.name.slice(q.length + 3, -1) : el.value.trim()).toLowerCase());
    }
    return values;
  }
  function same(a, b) {
    var x = Number(a.replace(",", ".")), y = Number(b.replace(",", "."));
    return a === b || (a !== "" && b !== "" && !isNaN(x) && x === y);
  }
  function conditions() {
    var items = document.querySelectorAll("[data-cond-q]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var form = el.closest("form");
      if (!form) continue;
      var got = answerOf(form, el.getAttribute("data-cond-q"));
      var wanted = (el.getAttribute("data-cond-v") || "").toLowerCase().split("|");
      var show = el.getAttribute("data-cond-op") === "answered" ? got.length > 0 : got.some(function (v) {
        return wanted.some(function (w) { return same(v, w); });
      });
      el.hidden = !show;
      var hint = el.querySelector("[data-cond-hint]");
      if (hint) hint.hidden = true;
    }
  }
  if (document.querySelector("[data-cond-q]")) {
    document.addEventListener("change", conditions);
    document.addEventListener("input", conditions);
    conditions();
  }

  // A form that came back with errors: the summary takes the focus, so it is read out first.
  var summary = document.querySelector("[data-test=survey-errors]");
  if (summary) summary.focus();

  if (root && window.EventSource) connect();
  document.body.setAttribute("data-ready", "");
})();
