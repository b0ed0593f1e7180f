// Keyboard and buttons for the review page. Every change is a JSON POST with the CSRF token;
// the server answers with the re-rendered (escaped) card, which replaces the old one, and a
// message naming what happened. Messages appear next to the current card and in the fixed
// status line, so a reviewer deep in the queue sees them. Undo (Backspace) walks back this
// tab's own changes, kept in sessionStorage; the server refuses to undo another reviewer's.
(function () {
  "use strict";

  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var status = document.getElementById("status");
  var msg = document.getElementById("msg");
  var STACK_KEY = "twin-review-undo:" + location.pathname;
  var current = 0;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("#queue .card")); }

  function undoStack() {
    try { return JSON.parse(sessionStorage.getItem(STACK_KEY) || "[]"); } catch (e) { return []; }
  }

  function saveStack(stack) {
    try { sessionStorage.setItem(STACK_KEY, JSON.stringify(stack.slice(-500))); } catch (e) { /* private mode: undo lasts for the page */ }
  }

  function cardById(id) {
    return cards().find(function (card) { return card.dataset.id === id; }) || null;
  }

  function say(text, isError, card) {
    msg.textContent = text;
    status.className = isError ? "error" : "ok";
    document.querySelectorAll("#queue .card-msg").forEach(function (el) { el.remove(); });
    if (!card) { return; }
    var note = document.createElement("p");
    note.className = "card-msg" + (isError ? " error" : "");
    note.setAttribute("role", isError ? "alert" : "status");
    note.textContent = text;
    card.querySelector(".actions").after(note);
    if (isError) { note.scrollIntoView({block: "nearest"}); }
  }

  function setReachable(ok) {
    document.body.classList.toggle("unreachable", !ok);
  }

  function focusCard(index, scroll) {
    var all = cards();
    if (!all.length) { return null; }
    if (index >= all.length && follow("next")) { return null; }
    if (index < 0 && follow("prev")) { return null; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (card, i) { card.classList.toggle("current", i === current); });
    var card = all[current];
    if (scroll !== false) { card.scrollIntoView({block: "nearest"}); }
    return card;
  }

  // Past the last card of a page, j/space/a go on to the next page (k before the first: previous).
  function follow(rel) {
    var link = document.querySelector('.pager a[rel="' + rel + '"]');
    if (!link) { return false; }
    location.href = link.href + (rel === "prev" ? "#last" : "");
    return true;
  }

  function currentCard() { return cards()[current] || null; }

  async function post(url, body, card) {
    var response;
    try {
      response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
        body: JSON.stringify(body)
      });
    } catch (e) {
      setReachable(false);
      say("Server unreachable: nothing was saved. Is twin-extract review still running?", true, card);
      return null;
    }
    setReachable(true);
    var data;
    try { data = await response.json(); } catch (e) { data = {error: "HTTP " + response.status}; }
    if (!response.ok) { say(data.error || ("HTTP " + response.status), true, card); return null; }
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
    var card = cardById(data.decision.record_id);
    if (!card || !data.card) { return null; }
    var template = document.createElement("template");
    template.innerHTML = data.card;
    var fresh = template.content.firstElementChild;
    card.replaceWith(fresh);
    fresh.classList.toggle("current", card.classList.contains("current"));
    return fresh;
  }

  async function act(card, action, extra) {
    var body = Object.assign({version: Number(card.dataset.version)}, extra || {});
    var url = "api/records/" + encodeURIComponent(card.dataset.id) + "/" + action;
    var data = await post(url, body, card);
    if (!data) { return false; }
    var fresh = applyResult(data);
    if (action !== "undo") {
      var stack = undoStack();
      stack.push(card.dataset.id);
      saveStack(stack);
    }
    say(data.message, false, fresh);
    return true;
  }

  async function decide(action) {
    var card = currentCard();
    if (card && await act(card, action)) { focusCard(current + 1); }
  }

  async function undo() {
    var stack = undoStack();
    var id = stack.pop();
    if (id === undefined) { say("Nothing to undo in this tab.", true, currentCard()); return; }
    var card = cardById(id);
    var url = "api/records/" + encodeURIComponent(id) + "/undo";
    var data = await post(url, card ? {version: Number(card.dataset.version)} : {}, card || currentCard());
    // A refused undo (another reviewer's change, nothing left) leaves the stack; an unreachable server keeps it.
    if (!document.body.classList.contains("unreachable")) { saveStack(stack); }
    if (!data) { return; }
    var fresh = applyResult(data);
    if (fresh) { focusCard(cards().indexOf(fresh)); }
    say(data.message, false, fresh || currentCard());
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
    focusCard(cards().indexOf(card), false);
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
    focusCard(cards().indexOf(card), false);
    button.blur();
    run(button.dataset.action, card);
  });

  function run(action, card) {
    if (action === "accept" || action === "reject") { decide(action); }
    else if (action === "edit") { openEdit(); }
    else if (action === "skip") { focusCard(current + 1); }
    else if (action === "undo") { undoCard(card); }
    else if (action === "cancel-edit") { closeEdit(card.querySelector(".edit-form")); }
  }

  // The card's own Undo button reverts that card's latest change (if it was this reviewer's).
  async function undoCard(card) {
    var data = await post("api/records/" + encodeURIComponent(card.dataset.id) + "/undo",
                          {version: Number(card.dataset.version)}, card);
    if (!data) { return; }
    var stack = undoStack();
    var at = stack.lastIndexOf(card.dataset.id);
    if (at >= 0) { stack.splice(at, 1); saveStack(stack); }
    say(data.message, false, applyResult(data));
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
      else if (event.key === "Enter" && !event.shiftKey && target.tagName === "TEXTAREA" && form) { event.preventDefault(); form.requestSubmit(); }
      return;
    }
    var handler = KEYS[event.key];
    if (!handler) { return; }
    event.preventDefault();
    handler();
  });

  // Open at the top so the header, counts and keys are visible; only "#last" (coming back with k)
  // starts on the last card of the page.
  if (location.hash === "#last") {
    history.replaceState(null, "", location.pathname + location.search);
    focusCard(cards().length - 1);
  } else {
    focusCard(0, false);
    window.scrollTo(0, 0);
  }
}());
