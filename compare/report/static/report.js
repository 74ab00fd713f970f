/* compare report: filters, search and keyboard navigation for the synopsis. No network, no eval, no
   inline handlers: the page's Content-Security-Policy allows this script by its hash alone. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.querySelector("table.synopsis, table.pair");

  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=" + name + "]"), function (i) {
      return i.checked;
    }).map(function (i) { return i.value; });
  }

  function apply() {
    var types = checked("type");
    var sources = checked("source");
    var hiddenSources = Array.prototype.filter.call(form.querySelectorAll("input[name=source]"), function (i) {
      return !i.checked;
    }).map(function (i) { return i.value; });
    var diffOnly = document.getElementById("diff-only").checked;
    var query = document.getElementById("search").value.trim().toLowerCase();
    Array.prototype.forEach.call(table.querySelectorAll("[data-source]"), function (el) {
      if (el.tagName === "TR") { return; }
      el.classList.toggle("col-hidden", hiddenSources.indexOf(el.getAttribute("data-source")) >= 0);
    });
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var k = 0; k < rows.length; k++) {
      var row = rows[k];
      var rowTypes = (row.getAttribute("data-types") || "").split(" ").filter(Boolean);
      var show = true;
      if (row.classList.contains("added")) {
        show = sources.indexOf(row.getAttribute("data-source")) >= 0 && types.length === 0;
      } else if (row.classList.contains("flagrow")) {
        show = types.length === 0;
      } else {
        if (types.length) {
          show = rowTypes.some(function (t) { return types.indexOf(t) >= 0; });
        }
        if (diffOnly) {
          show = show && (row.classList.contains("has-change") || row.classList.contains("has-missing"));
        }
      }
      if (show && query) {
        show = row.textContent.toLowerCase().indexOf(query) >= 0;
      }
      row.hidden = !show;
      if (show) { shown++; }
    }
    document.getElementById("shown").textContent = shown + " of " + rows.length + " rows shown.";
  }

  if (form && table && document.getElementById("diff-only")) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function step(direction) {
    var rows = Array.prototype.filter.call(document.querySelectorAll("tr.has-change"), function (r) {
      return !r.hidden;
    });
    if (!rows.length) { return; }
    var current = document.querySelector("tr.current");
    var at = rows.indexOf(current);
    var next = rows[at < 0 ? (direction > 0 ? 0 : rows.length - 1) : (at + direction + rows.length) % rows.length];
    if (current) { current.classList.remove("current"); }
    next.classList.add("current");
    next.focus();
    next.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (e.key === "Escape") { e.target.blur(); }
      return;
    }
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      step(e.key === "j" ? 1 : -1);
    } else if (e.key === "/") {
      var search = document.getElementById("search");
      if (search) { e.preventDefault(); search.focus(); }
    }
  });
}());
