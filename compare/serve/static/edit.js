/* compare serve: the corrections panel put into the report's pages. Every text from the corpus or the
   annotations is set with textContent, never parsed as HTML. Each change is sent to /api/edit with this
   session's key and the page is then reloaded, so what is shown is the report rebuilt with the change. */
(function () {
  "use strict";
  var keyMeta = document.querySelector('meta[name="compare-token"]');
  var pageMeta = document.querySelector('meta[name="compare-page"]');
  if (!keyMeta) { return; }
  var key = keyMeta.getAttribute("content");
  var page = { kind: "other", a: "", b: "" };
  try { page = JSON.parse(pageMeta.getAttribute("content")); } catch (e) { /* another page: no clicks to read */ }
  var STORE = "compare-edit:" + location.pathname;
  var state = null;
  var slots = [null, null];
  var ui = {};

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function same(x, y) { return x && y && x.source === y.source && x.unit === y.unit; }

  function sentenceText(s) {
    if (!s || s.unit === null) { return ""; }
    var list = state.sentences[s.source] || [];
    for (var k = 0; k < list.length; k++) { if (list[k][0] === s.unit) { return list[k][1]; } }
    return "";
  }

  function position(s) {
    var list = state.sentences[s.source] || [];
    for (var k = 0; k < list.length; k++) { if (list[k][0] === s.unit) { return "sentence " + (k + 1) + " of " + list.length; } }
    return "";
  }

  function pairOf(x, y) {
    for (var k = 0; k < state.pairs.length; k++) {
      var p = state.pairs[k];
      if ((p.a === x.source && p.b === y.source) || (p.a === y.source && p.b === x.source)) { return p; }
    }
    return null;
  }

  function linkOf(x, y) {
    var p = pairOf(x, y);
    if (!p) { return null; }
    var ua = p.a === x.source ? x.unit : y.unit;
    var ub = p.a === x.source ? y.unit : x.unit;
    for (var k = 0; k < p.links.length; k++) {
      if (p.links[k].a.indexOf(ua) >= 0 && p.links[k].b.indexOf(ub) >= 0) { return p.links[k]; }
    }
    return null;
  }

  function counterpart(ref, source) {
    var p = pairOf(ref, { source: source, unit: null });
    if (!p) { return null; }
    var mine = p.a === ref.source ? "a" : "b";
    var theirs = mine === "a" ? "b" : "a";
    for (var k = 0; k < p.links.length; k++) {
      if (p.links[k][mine].indexOf(ref.unit) >= 0) { return p.links[k][theirs][0]; }
    }
    return null;
  }

  function verdictOf(x, y) {
    for (var k = 0; k < state.verdicts.length; k++) {
      var v = state.verdicts[k];
      var a = { source: v.a[0], unit: v.a[1] }, b = { source: v.b[0], unit: v.b[1] };
      if ((same(a, x) && same(b, y)) || (same(a, y) && same(b, x))) { return v.verdict; }
    }
    return null;
  }

  function noteOf(s) {
    for (var k = 0; k < state.notes.length; k++) {
      var n = state.notes[k];
      if (n.sentence[0] === s.source && n.sentence[1] === s.unit) { return n.note; }
    }
    return "";
  }

  function starred(s) {
    return state.starred.some(function (x) { return x[0] === s.source && x[1] === s.unit; });
  }

  function say(text, bad) {
    ui.status.textContent = text;
    ui.status.classList.toggle("edit-bad", !!bad);
  }

  function send(change) {
    say("Saving…");
    fetch("/api/edit", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Compare-Token": key },
      body: JSON.stringify(change)
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok && body.ok, body: body }; },
                           function () { return { ok: false, body: { error: "the server answered " + r.status } }; });
    }).then(function (res) {
      if (!res.ok) { say("Not saved: " + res.body.error, true); return; }
      sessionStorage.setItem(STORE, JSON.stringify({ slots: slots }));
      say("Saved to " + state.file + ".");
      location.reload();
    }, function (err) { say("Not saved: " + err, true); });
  }

  function pick(k, s) {
    slots[k] = s;
    render();
  }

  function slotView(k) {
    var box = make("section", { "class": "edit-slot", "aria-label": "Sentence " + (k + 1) });
    box.appendChild(make("h3", {}, "Sentence " + (k + 1)));
    var row = make("div", { "class": "edit-find" });
    var source = make("select", { "aria-label": "Source of sentence " + (k + 1) });
    state.documents.forEach(function (d) { source.appendChild(make("option", { value: d.id }, d.id)); });
    var find = make("input", { type: "search", placeholder: "find a sentence", "aria-label": "Find sentence " + (k + 1) });
    row.appendChild(source);
    row.appendChild(find);
    box.appendChild(row);
    var results = make("select", { size: "4", "class": "edit-results", "aria-label": "Matching sentences" });
    box.appendChild(results);
    var shown = make("p", { "class": "edit-picked-text" });
    box.appendChild(shown);
    var tools = make("div", { "class": "edit-tools" });
    var star = make("button", { type: "button", "class": "edit-star", "aria-pressed": "false" });
    var note = make("textarea", { rows: "2", "aria-label": "Note on sentence " + (k + 1), placeholder: "a note or a question for the class" });
    var save = make("button", { type: "button", "class": "edit-save-note" }, "Save note");
    tools.appendChild(star);
    tools.appendChild(save);
    box.appendChild(note);
    box.appendChild(tools);

    function fill() {
      while (results.firstChild) { results.removeChild(results.firstChild); }
      var q = find.value.trim().toLowerCase();
      var list = state.sentences[source.value] || [];
      var n = 0;
      for (var i = 0; i < list.length && n < 60; i++) {
        if (!q || list[i][1].toLowerCase().indexOf(q) >= 0) {
          var text = list[i][1].length > 110 ? list[i][1].slice(0, 109) + "…" : list[i][1];
          results.appendChild(make("option", { value: String(list[i][0]) }, (i + 1) + ". " + text));
          n++;
        }
      }
    }
    source.addEventListener("change", function () { fill(); });
    find.addEventListener("input", fill);
    results.addEventListener("change", function () {
      pick(k, { source: source.value, unit: parseInt(results.value, 10) });
    });
    star.addEventListener("click", function () {
      var s = slots[k];
      if (s && s.unit !== null) { send({ action: "star", sentence: [s.source, s.unit], starred: !starred(s) }); }
    });
    save.addEventListener("click", function () {
      var s = slots[k];
      if (s && s.unit !== null) { send({ action: "note", sentence: [s.source, s.unit], note: note.value }); }
    });
    return { box: box, source: source, find: find, fill: fill, shown: shown, star: star, note: note, save: save };
  }

  function render() {
    for (var k = 0; k < 2; k++) {
      var v = ui.slots[k], s = slots[k];
      var ready = !!(s && s.unit !== null);
      if (s && v.source.value !== s.source) { v.source.value = s.source; v.fill(); }
      v.shown.textContent = ready ? s.source + ", " + position(s) + ": " + sentenceText(s)
        : (s ? "Pick the sentence of " + s.source + " below (it has none linked here)." : "None picked: click a sentence in the page, or find one.");
      if (s && !ready) { v.fill(); }
      v.star.disabled = v.save.disabled = v.note.disabled = !ready;
      var on = ready && starred(s);
      v.star.setAttribute("aria-pressed", on ? "true" : "false");
      v.star.textContent = on ? "★ Starred" : "☆ Star";
      v.note.value = ready ? noteOf(s) : "";
    }
    var x = slots[0], y = slots[1];
    var both = x && y && x.unit !== null && y.unit !== null;
    var pair = both && x.source !== y.source ? pairOf(x, y) : null;
    var link = pair ? linkOf(x, y) : null;
    var verdict = pair ? verdictOf(x, y) : null;
    var text = "Pick two sentences of two sources to judge their link.";
    if (both && x.source === y.source) { text = "Both sentences are in " + x.source + ": pick one of another source."; }
    else if (both && !pair) { text = x.source + " and " + y.source + " are not compared in this report."; }
    else if (pair) {
      text = link ? "Linked (score " + link.score.toFixed(2) + ")" + (link.added ? ", made by a person" : "") +
        (link.checked ? ", checked by a person" : "") + "." : "Not linked.";
      if (verdict === "wrong") { text = "Marked wrong: they are never linked again."; }
    }
    ui.linkStatus.textContent = text;
    ui.right.disabled = ui.wrong.disabled = !pair;
    ui.add.disabled = !pair || !!link;
    ui.clear.disabled = !verdict;
  }

  function verdict(v) {
    return function () {
      var x = slots[0], y = slots[1];
      send({ action: "verdict", a: [x.source, x.unit], b: [y.source, y.unit], verdict: v });
    };
  }

  function located(target) {
    if (page.kind === "pair") {
      var side = target.closest("td.side");
      var row = target.closest("tr");
      if (side) {
        var u = target.closest("[data-unit]") || side.querySelector("[data-unit]");
        if (!u) { return null; }
        var s = { source: side.classList.contains("a") ? page.a : page.b, unit: parseInt(u.getAttribute("data-unit"), 10) };
        return side.classList.contains("a") ? [s, undefined] : [undefined, s];
      }
      if (row && target.closest("td.score")) {
        var ua = row.querySelector("td.side.a [data-unit]"), ub = row.querySelector("td.side.b [data-unit]");
        return [ua ? { source: page.a, unit: parseInt(ua.getAttribute("data-unit"), 10) } : undefined,
                ub ? { source: page.b, unit: parseInt(ub.getAttribute("data-unit"), 10) } : undefined];
      }
      return null;
    }
    if (page.kind === "synopsis") {
      var tr = target.closest("tr");
      if (!tr || !tr.id) { return null; }
      var m = /^r(\d+)$/.exec(tr.id);
      if (m) {
        var ref = { source: page.a, unit: parseInt(m[1], 10) };
        var cell = target.closest("td[data-source]");
        if (!cell) { return [ref, undefined]; }
        var src = cell.getAttribute("data-source");
        return [ref, { source: src, unit: counterpart(ref, src) }];
      }
      var added = target.closest("tr.added");
      var n = /-(\d+)$/.exec(tr.id);
      if (added && n) { return [undefined, { source: added.getAttribute("data-source"), unit: parseInt(n[1], 10) }]; }
      return null;
    }
    var any = target.closest("[data-unit]");
    var home = any && any.closest("[data-source]");
    if (!home) { return null; }
    return [{ source: home.getAttribute("data-source"), unit: parseInt(any.getAttribute("data-unit"), 10) }, undefined];
  }

  function build() {
    var panel = make("aside", { id: "compare-edit", "aria-label": "Corrections and notes" });
    var head = make("div", { "class": "edit-head" });
    head.appendChild(make("h2", {}, "Corrections and notes"));
    var toggle = make("button", { type: "button", "aria-expanded": "true", "aria-controls": "compare-edit-body" }, "Hide");
    head.appendChild(toggle);
    panel.appendChild(head);
    var body = make("div", { id: "compare-edit-body" });
    body.appendChild(make("p", { "class": "edit-help" },
      "Click a sentence in the page (or find one) for sentence 1, and one of another source for sentence 2. " +
      "Every change is saved at once to " + state.file + " and the page is rebuilt."));
    ui.slots = [slotView(0), slotView(1)];
    body.appendChild(ui.slots[0].box);
    body.appendChild(ui.slots[1].box);
    var judge = make("section", { "class": "edit-link", "aria-label": "The link of the two sentences" });
    judge.appendChild(make("h3", {}, "Their link"));
    ui.linkStatus = make("p", { "class": "edit-link-status" });
    judge.appendChild(ui.linkStatus);
    var buttons = make("div", { "class": "edit-tools" });
    ui.right = make("button", { type: "button" }, "Right");
    ui.wrong = make("button", { type: "button" }, "Wrong");
    ui.add = make("button", { type: "button" }, "Link them");
    ui.clear = make("button", { type: "button" }, "Clear mark");
    [ui.right, ui.wrong, ui.add, ui.clear].forEach(function (b) { buttons.appendChild(b); });
    judge.appendChild(buttons);
    body.appendChild(judge);
    ui.status = make("p", { "class": "edit-status", role: "status", "aria-live": "polite" });
    body.appendChild(ui.status);
    if (state.problems.length) {
      var problems = make("details", { "class": "edit-problems" });
      problems.appendChild(make("summary", {}, state.problems.length + " annotation(s) not applied"));
      var list = make("ul");
      state.problems.forEach(function (p) { list.appendChild(make("li", {}, p)); });
      problems.appendChild(list);
      body.appendChild(problems);
    }
    panel.appendChild(body);
    ui.right.addEventListener("click", verdict("right"));
    ui.wrong.addEventListener("click", verdict("wrong"));
    ui.add.addEventListener("click", verdict("add"));
    ui.clear.addEventListener("click", verdict(null));
    function shut(closed) {
      panel.classList.toggle("edit-closed", closed);
      toggle.textContent = closed ? "Show" : "Hide";
      toggle.setAttribute("aria-expanded", closed ? "false" : "true");
    }
    toggle.addEventListener("click", function () {
      var closed = !panel.classList.contains("edit-closed");
      shut(closed);
      sessionStorage.setItem("compare-edit-closed", closed ? "1" : "");
    });
    shut(!!sessionStorage.getItem("compare-edit-closed"));
    ui.panel = panel;
    document.body.appendChild(panel);
    ui.slots.forEach(function (v) { v.fill(); });

    document.addEventListener("click", function (e) {
      if (panel.contains(e.target) || e.target.closest("a, button, input, select, textarea, label, summary")) { return; }
      var chosen = window.getSelection();
      if (chosen && !chosen.isCollapsed) { return; }
      var hit = located(e.target);
      if (!hit) { return; }
      if (hit[0]) { slots[0] = hit[0]; }
      if (hit[1] !== undefined) { slots[1] = hit[1]; }
      Array.prototype.forEach.call(document.querySelectorAll(".edit-picked"), function (n) { n.classList.remove("edit-picked"); });
      var cell = e.target.closest("td, th");
      if (cell) { cell.classList.add("edit-picked"); }
      render();
    });
  }

  fetch("/api/state", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) {
    state = s;
    if (state.error && !state.documents) { return; }
    build();
    try {
      var kept = JSON.parse(sessionStorage.getItem(STORE) || "null");
      if (kept) { slots = kept.slots; }
    } catch (e) { /* nothing kept */ }
    render();
    document.documentElement.setAttribute("data-edit-ready", "true");
  });
}());
