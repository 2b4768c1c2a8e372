// Vocabulary: save words without leaving the page, and review cards from the keyboard.
// Every feature here also works without JavaScript, through the forms and links it enhances.
(function () {
  "use strict";

  // ---- saving words -------------------------------------------------------------------

  // The button's first text node is its visible label; the word itself follows in a
  // visually hidden span, so the accessible name stays "Saved ✓ “word”".
  function showSaved(button) {
    if (!button) return;
    button.dataset.saved = "1";
    var label = button.firstChild;
    if (label && label.nodeType === Node.TEXT_NODE) label.textContent = "Saved ✓";
  }

  function markSaved(form) {
    showSaved(form.querySelector("button[type=submit]"));
    // Every save form for the same word (pop-up, glossary section, list) now says so.
    var lemma = form.elements.lemma.value.toLowerCase();
    document.querySelectorAll("form.vocab-save").forEach(function (other) {
      if (other !== form && other.elements.lemma.value.toLowerCase() === lemma) {
        showSaved(other.querySelector("button[type=submit]"));
      }
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

  function saveWithFetch(form) {
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (data) {
        markSaved(form);
        announce(data.message);
        document.querySelectorAll("[data-vocab-saved-count]").forEach(function (el) {
          el.textContent = String(data.count);
        });
      })
      .catch(function () {
        // Fall back to the plain form post, which shows the server's message.
        form.submit();
      })
      .finally(function () {
        if (button) button.disabled = false;
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("vocab-save")) return;
    event.preventDefault();
    saveWithFetch(form);
  });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // The save form that belongs to the focused element: the one it is in, the one in the
  // gloss pop-up, glossary entry or table row around it, or — for a glossed word in the
  // text, a link to its glossary entry — the entry's form, pointed at this occurrence.
  function saveFormFor(element) {
    if (!element || element === document.body) return null;
    var form = element.closest("form.vocab-save");
    if (form) return form;
    var scope = element.closest("dialog, [data-gloss-card], .gloss-entry, tr, li");
    if (scope) {
      form = scope.querySelector("form.vocab-save");
      if (form) return form;
    }
    var href = element.getAttribute("href");
    if (href && href.charAt(0) === "#" && href.length > 1) {
      var entry = document.getElementById(decodeURIComponent(href.slice(1)));
      form = entry && entry.querySelector("form.vocab-save");
      if (form) {
        var sentence = form.querySelector("[data-gloss-sentence]");
        if (sentence && element.dataset.sentence) sentence.value = element.dataset.sentence;
        var written = form.querySelector("[data-gloss-form]");
        if (written) written.value = element.textContent.trim();
        return form;
      }
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
      var form = saveFormFor(document.activeElement);
      if (form) {
        event.preventDefault();
        saveWithFetch(form);
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
