// The quiz page: word-order tiles, how many questions have an answer, the "N unanswered"
// question before a hand-in, and autosave. Every minute, answers changed since the last
// save are saved in the background, with the same form post as the "Save" button. The
// server answers with the attempt's new sequence number, which the form must carry next
// time (a stale number is refused). Without JavaScript the same form works as it is: the
// order questions keep their drop-downs and the server asks about unanswered questions.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;

  function changed() {
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // ---- word order as tiles ------------------------------------------------------------

  // The drop-downs stay in the form, hidden, and always say what the tiles show: position
  // p's drop-down holds the word in place p. A word is either in the sentence or in the
  // bank, never both, so it cannot be picked twice.
  function orderTiles(root) {
    var slots = Array.prototype.slice.call(root.querySelectorAll("[data-order-slot]"));
    var tiles = root.querySelector("[data-order-tiles]");
    var answer = root.querySelector("[data-order-answer]");
    var bank = root.querySelector("[data-order-bank]");
    var status = root.querySelector("[data-order-status]");
    if (!slots.length || !tiles || !answer || !bank) return;
    var words = Array.prototype.filter
      .call(slots[0].options, function (option) { return option.value !== ""; })
      .map(function (option) { return { value: option.value, text: option.textContent }; });
    var byValue = {};
    words.forEach(function (word) { byValue[word.value] = word; });

    // A draft saved without JavaScript may name a word twice: the first place wins.
    var placed = [];
    slots.forEach(function (select) {
      if (byValue[select.value] && placed.indexOf(select.value) === -1) placed.push(select.value);
    });
    var dragged = null;

    function say(template, word, n) {
      if (!status) return;
      status.textContent = template
        .replace("{word}", word)
        .replace("{n}", String(n))
        .replace("{total}", String(words.length));
    }

    function tile(word, where, index) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tile";
      button.textContent = word.text;
      button.draggable = true;
      button.dataset.value = word.value;
      button.dataset.where = where;
      if (where === "answer") button.setAttribute("aria-describedby", root.querySelector(".order-tiles .instruction").id);
      button.addEventListener("click", function () {
        if (where === "bank") place(word.value, placed.length);
        else remove(index);
      });
      button.addEventListener("keydown", function (event) {
        if (where !== "answer") return;
        if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
          event.preventDefault();
          move(index, index - 1);
        } else if (event.key === "ArrowRight" || event.key === "ArrowDown") {
          event.preventDefault();
          move(index, index + 1);
        } else if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          remove(index);
        }
      });
      button.addEventListener("dragstart", function (event) {
        dragged = { value: word.value, from: where, index: index };
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", word.text);
      });
      button.addEventListener("dragend", function () { dragged = null; });
      item.appendChild(button);
      return item;
    }

    function render(focus) {
      answer.textContent = "";
      bank.textContent = "";
      placed.forEach(function (value, index) {
        answer.appendChild(tile(byValue[value], "answer", index));
      });
      words.forEach(function (word) {
        if (placed.indexOf(word.value) === -1) bank.appendChild(tile(word, "bank", -1));
      });
      answer.classList.toggle("is-empty", placed.length === 0);
      slots.forEach(function (select, pos) { select.value = placed[pos] || ""; });
      if (focus) {
        var inAnswer = answer.querySelectorAll(".tile");
        var target = focus.where === "answer" ? inAnswer[focus.index] : bank.querySelector(".tile");
        if (!target) target = inAnswer[inAnswer.length - 1] || bank.querySelector(".tile");
        if (target) target.focus();
      }
      changed();
    }

    function place(value, at) {
      var from = placed.indexOf(value);
      if (from !== -1) placed.splice(from, 1);
      at = Math.max(0, Math.min(at, placed.length));
      placed.splice(at, 0, value);
      say(status.dataset.placed, byValue[value].text, at + 1);
      render(from === -1 ? { where: "bank" } : { where: "answer", index: at });
    }

    function remove(index) {
      var value = placed.splice(index, 1)[0];
      say(status.dataset.removed, byValue[value].text, 0);
      render({ where: "answer", index: Math.min(index, placed.length - 1) });
    }

    function move(index, to) {
      if (to < 0 || to >= placed.length) return;
      var value = placed.splice(index, 1)[0];
      placed.splice(to, 0, value);
      say(status.dataset.moved, byValue[value].text, to + 1);
      render({ where: "answer", index: to });
    }

    function dropIndex(event) {
      var over = event.target.closest && event.target.closest(".order-answer .tile");
      if (!over) return placed.length;
      var index = Array.prototype.indexOf.call(answer.querySelectorAll(".tile"), over);
      var box = over.getBoundingClientRect();
      return event.clientX > box.left + box.width / 2 ? index + 1 : index;
    }

    [answer, bank].forEach(function (zone) {
      zone.addEventListener("dragover", function (event) {
        if (!dragged) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      });
      zone.addEventListener("drop", function (event) {
        if (!dragged) return;
        event.preventDefault();
        var drag = dragged;
        dragged = null;
        if (zone === bank) {
          if (drag.from === "answer") remove(drag.index);
          return;
        }
        var at = dropIndex(event);
        if (drag.from === "answer" && at > drag.index) at -= 1;
        place(drag.value, at);
      });
    });

    root.querySelectorAll("[data-order-fallback]").forEach(function (el) { el.hidden = true; });
    tiles.hidden = false;
    render(null);
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-order]"), orderTiles);

  // ---- progress -----------------------------------------------------------------------

  var progress = form.querySelector("[data-quiz-progress]");
  var questions = form.querySelectorAll(".question");

  function hasAnswer(question) {
    return Array.prototype.some.call(question.querySelectorAll("input, select"), function (field) {
      if (field.type === "hidden") return false;
      if (field.type === "radio" || field.type === "checkbox") return field.checked;
      return field.value.trim() !== "";
    });
  }

  function unanswered() {
    return Array.prototype.filter.call(questions, function (q) { return !hasAnswer(q); });
  }

  function showProgress() {
    if (!progress) return;
    var answered = questions.length - unanswered().length;
    progress.querySelector("progress").value = answered;
    progress.querySelector("[data-quiz-progress-text]").textContent = progress.dataset.template
      .replace("{answered}", answered)
      .replace("{total}", questions.length);
    progress.hidden = false;
  }

  showProgress();
  form.addEventListener("input", showProgress);
  form.addEventListener("change", showProgress);

  // ---- "N unanswered" before hand-in ----------------------------------------------------

  var dialog = document.getElementById("unanswered-dialog");
  var confirmField = form.querySelector("[data-quiz-confirm]");
  var handIn = form.querySelector("[data-quiz-hand-in]");
  var missing = [];

  if (dialog && confirmField && handIn && typeof dialog.showModal === "function") {
    form.addEventListener("submit", function (event) {
      if (event.submitter !== handIn || confirmField.value === "1") return;
      missing = unanswered();
      if (!missing.length) return;
      event.preventDefault();
      var count = missing.length;
      dialog.querySelector("h2").textContent = count === 1
        ? dialog.dataset.one
        : dialog.dataset.many.replace("{count}", String(count));
      dialog.querySelector("p").textContent = dialog.dataset.list.replace(
        "{numbers}",
        missing.map(function (q) { return q.dataset.number; }).join(", ")
      );
      dialog.showModal();
    });
    dialog.querySelector("[data-quiz-back]").addEventListener("click", function () {
      dialog.close();
      var first = missing[0];
      if (!first) return;
      first.scrollIntoView({ block: "start" });
      var field = first.querySelector("input:not([type=hidden]), select, button.tile");
      if (field) field.focus({ preventScroll: true });
    });
    dialog.querySelector("[data-quiz-hand-in-anyway]").addEventListener("click", function () {
      confirmField.value = "1";
      dialog.close();
      form.requestSubmit(handIn);
    });
  }

  // ---- autosave -----------------------------------------------------------------------

  if (!window.fetch || !window.FormData) return;
  var status = document.getElementById("autosave-status");
  var seq = form.querySelector("input[name=seq]");
  var dirty = false;
  var saving = false;

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });

  function say(text) { if (status) status.textContent = text; }

  function save() {
    if (!dirty || saving) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 409) {
        say(status.dataset.stale);
        return null;
      }
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (body) {
      if (!body) return;
      seq.value = body.seq;
      // The time as the page's language writes it (html lang is the interface language).
      var time = new Date().toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" });
      say(status.dataset.saved.replace("{time}", time));
    }).catch(function () {
      dirty = true;
      say(status.dataset.failed);
    }).finally(function () { saving = false; });
  }

  setInterval(save, 60000);
})();
