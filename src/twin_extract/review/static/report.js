// Report behaviour without inline handlers (the CSP allows only this script, by hash):
// sort any .sortable table by a clicked heading, filter the ties table (and the map's arcs),
// open a tie's history from its row or its arc, and reveal a record a link points to.
(function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function key(row, index) {
    var cell = row.cells[index];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  function sortable(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, index), y = key(b, index);
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  each(document.querySelectorAll("table.sortable"), sortable);

  var ties = document.getElementById("ties");
  var search = document.getElementById("tie-search");
  var status = document.getElementById("tie-status");
  var count = document.getElementById("tie-count");
  var arcs = {};
  each(document.querySelectorAll("#map .arc"), function (arc) { arcs[arc.getAttribute("data-tie")] = arc; });

  function applyFilters() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    each(ties.tBodies[0].rows, function (row) {
      var text = row.getAttribute("data-search");
      var ok = (!wanted || row.getAttribute("data-status") === wanted) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      row.hidden = !ok;
      var arc = arcs[row.id.slice(2)];
      if (arc) { arc.classList.toggle("hidden", !ok); }
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " shown";
  }
  if (ties && search && status) {
    search.addEventListener("input", applyFilters);
    status.addEventListener("change", applyFilters);
    document.getElementById("tie-filters").addEventListener("submit", function (event) { event.preventDefault(); });
    ties.tBodies[0].addEventListener("click", function (event) {
      if (event.target.closest("a, summary, details")) { return; }
      var row = event.target.closest("tr");
      var details = row && row.querySelector("details");
      if (details) { details.open = !details.open; }
    });
  }

  function openTie(id) {
    var row = document.getElementById("t-" + id);
    if (!row) { return; }
    row.hidden = false;
    row.querySelector("details").open = true;
    each(document.querySelectorAll("tr.selected"), function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
    row.scrollIntoView({block: "center"});
  }
  each(Object.keys(arcs), function (id) {
    arcs[id].addEventListener("click", function () { openTie(id); });
  });

  function reveal() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (!target) { return; }
    var closed = target.closest("details:not([open])");
    if (closed) { closed.open = true; }
    if (target.id.indexOf("t-") === 0) { openTie(target.id.slice(2)); } else { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
