// Keyboard and buttons for the review page. Every change is a JSON POST with the CSRF token;
// the server answers with the re-rendered (escaped) card, which replaces the old one.
(function () {
  "use strict";

  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var msg = document.getElementById("msg");
  var undoStack = [];
  var current = 0;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("#queue .card")); }

  function say(text, isError) {
    msg.textContent = text;
    msg.className = isError ? "error" : "";
  }

  function focusCard(index) {
    var all = cards();
    if (!all.length) { return null; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (card, i) { card.classList.toggle("current", i === current); });
    var card = all[current];
    history.replaceState(null, "", "#" + card.id);
    card.scrollIntoView({block: "nearest"});
    return card;
  }

  function currentCard() { return cards()[current] || null; }

  async function post(url, body) {
    var response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(body)
    });
    var data;
    try { data = await response.json(); } catch (e) { data = {error: "HTTP " + response.status}; }
    if (!response.ok) { say(data.error || ("HTTP " + response.status), true); return null; }
    return data;
  }

  function updateCounts(counts) {
    Object.keys(counts).forEach(function (key) {
      var el = document.getElementById("count-" + key);
      if (el) { el.textContent = String(counts[key]); }
    });
  }

  function applyResult(data) {
    updateCounts(data.counts);
    var card = document.getElementById("r-" + data.decision.record_id);
    if (!card || !data.card) { return null; }
    var template = document.createElement("template");
    template.innerHTML = data.card;
    var fresh = template.content.firstElementChild;
    card.replaceWith(fresh);
    fresh.classList.add("current");
    return fresh;
  }

  async function act(card, action, extra) {
    var body = Object.assign({version: Number(card.dataset.version)}, extra || {});
    var url = "api/records/" + encodeURIComponent(card.dataset.id) + "/" + action;
    var data = await post(url, body);
    if (!data) { return false; }
    applyResult(data);
    if (action !== "undo") { undoStack.push(card.dataset.id); }
    say(action + ": " + card.dataset.id + " is now " + data.decision.state, false);
    return true;
  }

  async function decide(action) {
    var card = currentCard();
    if (card && await act(card, action)) { focusCard(current + 1); }
  }

  async function undo() {
    var id = undoStack.pop();
    var card = id ? document.getElementById("r-" + id) : null;
    if (card) {
      if (await act(card, "undo")) { focusCard(cards().indexOf(document.getElementById("r-" + id))); }
      return;
    }
    var data = await post("api/undo", {});
    if (!data) { return; }
    var fresh = applyResult(data);
    say("undo: " + data.decision.record_id + " is now " + data.decision.state, false);
    if (fresh) { focusCard(cards().indexOf(fresh)); }
  }

  function openEdit() {
    var card = currentCard();
    if (!card) { return; }
    var form = card.querySelector(".edit-form");
    form.hidden = false;
    form.querySelector("input").focus();
  }

  function closeEdit(form) {
    form.hidden = true;
    if (document.activeElement) { document.activeElement.blur(); }
  }

  function readCorrections(form) {
    var value = function (name) { return form.elements[name].value; };
    var party = function (k) {
      return {name: value(k + ".name"), country: value(k + ".country"), type: value(k + ".type"),
              subdivision: value(k + ".subdivision")};
    };
    return {parties: [party("a"), party("b")], status: value("status"), date: value("date"),
            relation: value("relation")};
  }

  document.addEventListener("submit", async function (event) {
    var form = event.target;
    var card = form.closest(".card");
    if (!card) { return; }
    event.preventDefault();
    current = cards().indexOf(card);
    if (form.classList.contains("edit-form")) {
      if (await act(card, "correct", {corrections: readCorrections(form)})) { focusCard(current + 1); }
    } else if (form.classList.contains("note-form")) {
      if (await act(card, "note", {note: form.elements.note.value})) { document.activeElement.blur(); }
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var card = button.closest(".card");
    current = cards().indexOf(card);
    focusCard(current);
    button.blur();
    run(button.dataset.action, card);
  });

  function run(action, card) {
    if (action === "accept" || action === "reject") { decide(action); }
    else if (action === "edit") { openEdit(); }
    else if (action === "skip") { focusCard(current + 1); }
    else if (action === "undo") { undoStack.push(card.dataset.id); undo(); }
    else if (action === "cancel-edit") { closeEdit(card.querySelector(".edit-form")); }
  }

  var KEYS = {
    "a": function () { decide("accept"); },
    "x": function () { decide("reject"); },
    " ": function () { focusCard(current + 1); },
    "Backspace": undo,
    "e": openEdit,
    "j": function () { focusCard(current + 1); },
    "k": function () { focusCard(current - 1); },
    "n": function () { var card = currentCard(); if (card) { card.querySelector("textarea").focus(); } }
  };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      var form = target.closest("form");
      if (event.key === "Escape" && form) { event.preventDefault(); form.classList.contains("edit-form") ? closeEdit(form) : target.blur(); }
      return;
    }
    var handler = KEYS[event.key];
    if (!handler) { return; }
    event.preventDefault();
    handler();
  });

  var start = location.hash ? cards().findIndex(function (card) { return "#" + card.id === location.hash; }) : 0;
  focusCard(start < 0 ? 0 : start);
}());
