// Vocabulary: save words without leaving the page, and review cards from the keyboard.
// Every feature here also works without JavaScript, through the forms and links it enhances.
(function () {
  "use strict";

  // ---- saving words -------------------------------------------------------------------

  // A page has one hidden "save-word" form and a Save button per word that submits it:
  // the button carries the word (name="lemma") and, in its formaction, where it was met.

  // The button's first text node is its visible label; the word itself follows in a
  // visually hidden span, so the accessible name stays "Saved ✓ “word”".
  function showSaved(button) {
    button.dataset.saved = "1";
    var label = button.firstChild;
    var saved = button.form && button.form.dataset.savedLabel;
    if (saved && label && label.nodeType === Node.TEXT_NODE) label.textContent = saved;
  }

  // Every Save button for the same word (pop-up, glossary, list) now says so.
  function markSaved(lemma) {
    document.querySelectorAll(".vocab-save-button").forEach(function (button) {
      if (button.value.toLowerCase() === lemma) showSaved(button);
    });
  }

  // The reading page is the same for every learner; the list of the words this learner
  // has saved, under the text, says which of its Save buttons to mark.
  var savedList = document.querySelector("[data-vocab-saved]");

  function savedWords() {
    return Array.prototype.map.call(savedList ? savedList.children : [], function (item) {
      return item.textContent.toLowerCase();
    });
  }

  savedWords().forEach(markSaved);

  function addToSavedList(lemma) {
    if (!savedList || savedWords().indexOf(lemma) !== -1) return;
    var item = document.createElement("li");
    item.textContent = lemma;
    savedList.appendChild(item);
    document.querySelectorAll("[data-vocab-saved-count]").forEach(function (el) {
      el.textContent = String(savedList.children.length);
    });
  }

  function announce(message) {
    var region = document.getElementById("vocab-live");
    if (!region) {
      region = document.createElement("p");
      region.id = "vocab-live";
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    region.textContent = message;
  }

  // The button's formaction, or the same pointed at another occurrence of its word.
  function saveUrl(button, occurrence) {
    var url = new URL(button.formAction);
    if (occurrence) {
      url.searchParams.set("form", occurrence.textContent.trim());
      url.searchParams.set("sentence", occurrence.dataset.sentence || "");
    }
    return url.href;
  }

  function postPlainly(form, button, url) {
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = button.name;
    field.value = button.value;
    form.appendChild(field);
    form.action = url;
    form.submit(); // no submit event: the server answers with its page and message
  }

  function saveWithFetch(button, occurrence) {
    var form = button.form;
    if (!form) return;
    var url = saveUrl(button, occurrence);
    var data = new FormData(form);
    data.append(button.name, button.value);
    button.disabled = true;
    fetch(url, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (answer) {
        markSaved(answer.lemma);
        addToSavedList(answer.lemma);
        announce(answer.message);
      })
      .catch(function () {
        postPlainly(form, button, url);
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("vocab-save")) return;
    if (!button || !button.classList.contains("vocab-save-button")) return;
    event.preventDefault();
    saveWithFetch(button);
  });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // The Save button that belongs to the focused element: itself, the one in the gloss
  // pop-up, glossary entry or table row around it, or — for a glossed word in the text, a
  // link to its glossary entry — the entry's button, with the word as the occurrence.
  function saveTargetFor(element) {
    if (!element || element === document.body) return null;
    var button = element.closest(".vocab-save-button");
    if (button) return { button: button };
    var scope = element.closest("dialog, [data-gloss-card], .gloss-entry, tr, li");
    button = scope && scope.querySelector(".vocab-save-button");
    if (button) return { button: button };
    var href = element.getAttribute("href");
    if (href && href.charAt(0) === "#" && href.length > 1) {
      var entry = document.getElementById(decodeURIComponent(href.slice(1)));
      button = entry && entry.querySelector(".vocab-save-button");
      if (button) return { button: button, occurrence: element };
    }
    return null;
  }

  // ---- review -------------------------------------------------------------------------

  function reveal() {
    var back = document.querySelector("[data-vocab-back]");
    if (!back || !back.hidden) return false;
    back.hidden = false;
    var link = document.querySelector("[data-vocab-reveal]");
    if (link) link.hidden = true;
    var first = back.querySelector("[data-vocab-rating='3']");
    if (first) first.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-vocab-reveal]");
    if (link && document.querySelector("[data-vocab-back]")) {
      event.preventDefault();
      reveal();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    if (key === "s" || key === "S") {
      var target = saveTargetFor(document.activeElement);
      if (target) {
        event.preventDefault();
        saveWithFetch(target.button, target.occurrence);
      }
      return;
    }
    if (!document.querySelector("[data-vocab-card]")) {
      var next = document.querySelector("[data-vocab-next]");
      if (next && (key === " " || key === "Enter") && document.activeElement !== next) {
        event.preventDefault();
        next.click();
      }
      return;
    }
    if (key === " " || key === "Spacebar") {
      if (reveal()) event.preventDefault();
      return;
    }
    if (/^[1-4]$/.test(key)) {
      var back = document.querySelector("[data-vocab-back]");
      if (back && back.hidden) return; // grade only what you have seen
      var button = document.querySelector("[data-vocab-rating='" + key + "']");
      if (button) {
        event.preventDefault();
        button.click();
      }
    }
  });
})();
