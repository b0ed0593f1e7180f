// Report behaviour without inline handlers (the CSP allows only this script, by hash):
// sort any .sortable table by a clicked heading, filter the ties table (and the map's arcs),
// open a tie's history from its row or its arc, build histories and the records table from the
// page's JSON data when first opened (text only, via textContent), reveal a linked record.
(function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  var dataNode = document.getElementById("report-data");
  var raw = dataNode ? JSON.parse(dataNode.textContent) : {fields: [], records: [], ties: {}};
  var data = {ties: raw.ties, records: raw.records.map(function (values) {
    var r = {};
    raw.fields.forEach(function (name, index) { r[name] = values[index]; });
    r.source = {id: r.source, title: r.title, published: r.published, url: r.url};
    r.parties = [r.a, r.b];
    return r;
  })};
  var byId = {};
  data.records.forEach(function (r) { byId[r.id] = r; });
  Object.keys(data.ties).forEach(function (tieId) {
    data.ties[tieId].forEach(function (recordId) { byId[recordId].tie = tieId; });
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function swatch(status) { return el("span", "swatch swatch-" + status); }
  function sourceBlock(source) {
    var box = el("div", "source");
    if (source.title) { box.appendChild(el("span", "title", source.title)); }
    if (source.published) { box.appendChild(el("span", "muted", "published " + source.published)); }
    if (source.url && /^https?:/i.test(source.url)) {
      var link = el("a", "", source.url);
      link.href = source.url;
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      box.appendChild(link);
    }
    box.appendChild(el("span", "muted", "source " + source.id));
    return box;
  }
  function historyList(tieId) {
    var list = el("ol", "events");
    (data.ties[tieId] || []).forEach(function (recordId) {
      var r = byId[recordId];
      var item = el("li");
      item.appendChild(swatch(r.status));
      item.appendChild(el("strong", "", r.status));
      item.appendChild(document.createTextNode(" " + (r.date || "undated") + " "));
      r.evidence.forEach(function (text) { item.appendChild(el("blockquote", "", text)); });
      item.appendChild(sourceBlock(r.source));
      var link = el("a", "", "record");
      link.href = "#r-" + r.id;
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }
  function showHistory(row, open) {
    var cell = row.cells[row.cells.length - 1];
    var list = cell.querySelector("ol.events");
    if (!list) {
      list = historyList(row.id.slice(2));
      list.hidden = true;
      cell.appendChild(list);
    }
    list.hidden = open === undefined ? !list.hidden : !open;
    row.classList.toggle("open", !list.hidden);
  }
  function recordRow(r) {
    var row = el("tr");
    row.id = "r-" + r.id;
    var confidence = el("td", "num", r.confidence.toFixed(3));
    confidence.setAttribute("data-sort", r.confidence);
    if (r.tie) {
      var tie = el("a", "", "tie");
      tie.href = "#t-" + r.tie;
      confidence.appendChild(el("br"));
      confidence.appendChild(tie);
    }
    row.appendChild(confidence);
    var status = el("td");
    status.appendChild(swatch(r.status));
    status.appendChild(document.createTextNode(r.status));
    row.appendChild(status);
    row.appendChild(el("td", "", r.parties[0]));
    row.appendChild(el("td", "", r.parties[1]));
    row.appendChild(el("td", "", r.date || ""));
    row.appendChild(el("td", "", r.relation));
    var source = el("td");
    source.setAttribute("data-sort", r.source.title || r.source.id);
    source.appendChild(sourceBlock(r.source));
    row.appendChild(source);
    var evidence = el("td", "ev");
    r.evidence.forEach(function (text) { evidence.appendChild(el("p", "evidence", text)); });
    row.appendChild(evidence);
    return row;
  }
  var recordsSection = document.getElementById("records-section");
  function fillRecords() {
    var body = document.querySelector("#records tbody");
    if (!body || body.rows.length) { return; }
    var rows = document.createDocumentFragment();
    data.records.forEach(function (r) { rows.appendChild(recordRow(r)); });
    body.appendChild(rows);
  }
  if (recordsSection) {
    recordsSection.addEventListener("toggle", function () { if (recordsSection.open) { fillRecords(); } });
  }

  function key(row, index) {
    var cell = row.cells[index];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  var afterSort = [];
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
        afterSort.forEach(function (fn) { fn(table); });
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

  var more = document.getElementById("tie-more");
  var limit = ties ? Number(ties.getAttribute("data-page")) : 0;
  var showAll = false;
  function applyFilters() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    each(ties.tBodies[0].rows, function (row) {
      var text = row.getAttribute("data-search") + " " + row.textContent.toLowerCase();
      var ok = (!wanted || row.getAttribute("data-status") === wanted) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      if (ok) { shown += 1; }
      row.hidden = !ok || (!showAll && shown > limit);
      var arc = arcs[row.id.slice(2)];
      if (arc) { arc.classList.toggle("hidden", !ok); }
    });
    var capped = !showAll && shown > limit;
    count.textContent = shown + " match" + (capped ? "ing, first " + limit + " shown" : "ing");
    more.hidden = !capped;
  }
  if (ties && search && status) {
    search.addEventListener("input", applyFilters);
    more.addEventListener("click", function () { showAll = true; applyFilters(); });
    afterSort.push(function (table) { if (table === ties) { applyFilters(); } });
    status.addEventListener("change", applyFilters);
    document.getElementById("tie-filters").addEventListener("submit", function (event) { event.preventDefault(); });
    ties.tBodies[0].addEventListener("click", function (event) {
      if (event.target.closest("a, ol.events")) { return; }
      var row = event.target.closest("tr");
      if (row) { showHistory(row); }
    });
  }

  function openTie(id) {
    var row = document.getElementById("t-" + id);
    if (!row) { return; }
    row.hidden = false;
    showHistory(row, true);
    each(document.querySelectorAll("tr.selected"), function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
    row.scrollIntoView({block: "center"});
  }
  each(Object.keys(arcs), function (id) {
    arcs[id].addEventListener("click", function () { openTie(id); });
  });

  function reveal() {
    if (location.hash.indexOf("#r-") === 0) { fillRecords(); }
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (!target) { return; }
    var closed = target.closest("details:not([open])");
    if (closed) { closed.open = true; }
    if (target.id.indexOf("t-") === 0) { openTie(target.id.slice(2)); } else { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
