// The reading page. Without this file every glossed word is a link to its entry in "Words
// in this text" (or, for the words that list leaves out, on the page with every word, ?all).
// With it: the text is one Tab stop and the arrow keys move from word to word; a word opens
// its entry in a popover beside it; the words this reader saved show their status.
(function () {
  "use strict";

  // ---- Listen -------------------------------------------------------------------------

  var canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;

  function dutchVoice() {
    return window.speechSynthesis.getVoices().find(function (v) {
      return /^nl(-|_|$)/i.test(v.lang);
    });
  }

  function speak(button) {
    var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-say"));
    utterance.lang = "nl-NL";
    var voice = dutchVoice();
    // Said out loud, not left to a silent button: the template's message appears beside it.
    var missing = button.parentNode.querySelector("[data-no-voice]");
    if (missing) missing.hidden = Boolean(voice);
    if (voice) utterance.voice = voice;
    window.speechSynthesis.cancel(); // a second click restarts rather than queues
    window.speechSynthesis.speak(utterance);
  }

  function revealListenButtons(root) {
    if (!canSpeak) return;
    root.querySelectorAll("[data-say]").forEach(function (button) {
      button.hidden = false;
    });
  }

  revealListenButtons(document);
  if (canSpeak) {
    // Browsers load their voices after the page: ask now, and take back the message if
    // a Dutch voice turns up after all.
    window.speechSynthesis.getVoices();
    window.speechSynthesis.addEventListener("voiceschanged", function () {
      if (!dutchVoice()) return;
      document.querySelectorAll("[data-no-voice]").forEach(function (message) {
        message.hidden = true;
      });
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-say]");
    if (button && canSpeak) speak(button);
  });

  var text = document.querySelector(".article-text");
  if (!text) return;
  var words = Array.prototype.slice.call(text.querySelectorAll("a.gloss-word"));
  if (!words.length) return;

  // Each word's sentence, from the sentence anchors before it (s-1 is sentence 0): where a
  // word saved from here was met.
  var sentence = "";
  text.querySelectorAll(".sentence-anchor, a.gloss-word").forEach(function (el) {
    if (el.classList.contains("sentence-anchor")) sentence = String(Number(el.id.slice(2)) - 1);
    else el.setAttribute("data-sentence", sentence);
  });

  // ---- word status --------------------------------------------------------------------

  var lemmas = (text.getAttribute("data-lemmas") || "").split("|");
  var savedList = document.querySelector("[data-vocab-saved]");

  function anchorNumber(link) {
    var match = /#w-(\d+)$/.exec(link.getAttribute("href") || "");
    return match ? Number(match[1]) : 0;
  }

  function lemmaOf(link) {
    return lemmas[anchorNumber(link) - 1] || "";
  }

  function markStatuses() {
    if (!savedList) return;
    var statuses = {};
    Array.prototype.forEach.call(savedList.children, function (item) {
      statuses[item.textContent.trim().toLowerCase()] = item.getAttribute("data-status") || "saved";
    });
    words.forEach(function (link) {
      var status = statuses[lemmaOf(link)];
      if (status) {
        link.setAttribute("data-status", status);
        // The legend's word ("saved", "learning", "known") is read out with the word.
        link.setAttribute("aria-describedby", "word-status-" + status);
      } else {
        link.removeAttribute("data-status");
        link.removeAttribute("aria-describedby");
      }
    });
  }

  markStatuses();
  // vocab.js adds each word saved here to the list: mark it in the text at once.
  if (savedList && "MutationObserver" in window) {
    new MutationObserver(markStatuses).observe(savedList, { childList: true });
  }

  // ---- one Tab stop, arrow keys between words -----------------------------------------

  var current = words[0];
  function makeCurrent(link) {
    if (current) current.tabIndex = -1;
    current = link;
    current.tabIndex = 0;
  }
  words.forEach(function (link) {
    link.tabIndex = -1;
    link.setAttribute("role", "button");
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  });
  makeCurrent(words[0]);
  text.addEventListener("focusin", function (event) {
    var link = event.target.closest("a.gloss-word");
    if (link) makeCurrent(link);
  });

  var STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  text.addEventListener("keydown", function (event) {
    var link = event.target.closest("a.gloss-word");
    if (!link || event.altKey || event.ctrlKey || event.metaKey) return;
    var index = words.indexOf(link);
    var next = null;
    if (event.key in STEPS) next = words[index + STEPS[event.key]];
    else if (event.key === "Home") next = words[0];
    else if (event.key === "End") next = words[words.length - 1];
    else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      open(link);
      return;
    } else if ((event.key === "s" || event.key === "S") && savedList && !hasLocalSave(link)) {
      // vocab.js saves the focused word with its entry's button on this page; a word the
      // short list leaves out has its button in the popover.
      event.preventDefault();
      event.stopPropagation();
      open(link, true);
      return;
    }
    if (next) {
      event.preventDefault();
      makeCurrent(next);
      next.focus();
    }
  });

  // ---- the popover ----------------------------------------------------------------------

  var popover = document.getElementById("gloss-popup");
  if (!popover || typeof popover.show !== "function") return;
  var body = popover.querySelector("[data-gloss-body]");
  var trigger = null;
  var fetched = null; // the page with every word's entry (?all), fetched once

  // The card of entry `anchor`: on this page (?all), or from the page with every word.
  function cardFor(anchor) {
    var here = document.getElementById(anchor);
    var card = here && here.querySelector("[data-gloss-card]");
    if (card) return Promise.resolve(card);
    if (!fetched) {
      fetched = fetch(window.location.pathname + "?all", { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          return response.text();
        })
        .then(function (html) {
          return new DOMParser().parseFromString(html, "text/html");
        });
      fetched.catch(function () {
        fetched = null; // try again next time
      });
    }
    return fetched.then(function (page) {
      var entry = page.getElementById(anchor);
      return entry && entry.querySelector("[data-gloss-card]");
    });
  }

  // The meaning the analysis chose for this sentence goes first (data-m: its place among
  // the entry's meanings, when it is not the first).
  function chosenFirst(card, link) {
    var chosen = Number(link.getAttribute("data-m") || 0);
    var first = card.querySelector(".gloss-meaning");
    var others = card.querySelectorAll(".gloss-senses li");
    if (!chosen || !first || !others[chosen - 1]) return;
    var meaning = first.textContent;
    first.textContent = others[chosen - 1].textContent;
    others[chosen - 1].textContent = meaning;
  }

  function place(link) {
    var word = link.getClientRects()[0] || link.getBoundingClientRect();
    var gap = 6;
    var margin = 8;
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var viewport = document.documentElement.clientWidth;
    var left = Math.min(word.left, viewport - width - margin);
    var below = window.innerHeight - word.bottom;
    // Below the word's line, unless there is more room above it: never over the word.
    var top = below >= height + gap || below >= word.top ? word.bottom + gap : word.top - height - gap;
    popover.style.left = Math.max(margin, left) + window.scrollX + "px";
    popover.style.top = Math.max(0, top + window.scrollY) + "px";
  }

  function show(link, card) {
    card = card.cloneNode(true);
    card.querySelectorAll("[id]").forEach(function (el) {
      el.removeAttribute("id");
    });
    var headword = card.querySelector(".gloss-headword");
    if (headword) headword.id = "gloss-popup-title";
    chosenFirst(card, link);
    // The entry describes the word's first occurrence; its Save button wants this one.
    card.querySelectorAll(".vocab-save-button").forEach(function (button) {
      var url = new URL(button.formAction);
      url.searchParams.set("form", link.textContent);
      url.searchParams.set("sentence", link.getAttribute("data-sentence"));
      button.formAction = url.href;
    });
    body.replaceChildren(card);
    revealListenButtons(body);
    if (trigger && trigger !== link) trigger.setAttribute("aria-expanded", "false");
    trigger = link;
    link.setAttribute("aria-expanded", "true");
    if (!popover.open) {
      // show() focuses the popover at once: have it by the word already, or the browser
      // scrolls to where it stands in the page (after the article).
      var word = link.getBoundingClientRect();
      popover.style.left = word.left + window.scrollX + "px";
      popover.style.top = word.bottom + window.scrollY + "px";
      popover.show();
    }
    place(link);
    popover.querySelector("[data-gloss-close]").focus({ preventScroll: true });
    // vocab.js marks Save buttons of saved words; a fresh card needs it too.
    if (savedList) {
      var lemma = lemmaOf(link);
      var saved = Array.prototype.some.call(savedList.children, function (item) {
        return item.textContent.trim().toLowerCase() === lemma;
      });
      var label = document.getElementById("save-word");
      card.querySelectorAll(".vocab-save-button").forEach(function (button) {
        if (saved && label && button.firstChild && button.firstChild.nodeType === Node.TEXT_NODE) {
          button.dataset.saved = "1";
          button.firstChild.textContent = label.dataset.savedLabel;
        }
      });
    }
  }

  function hasLocalSave(link) {
    var entry = document.getElementById((link.getAttribute("href") || "").split("#")[1]);
    return Boolean(entry && entry.querySelector(".vocab-save-button"));
  }

  function open(link, save) {
    makeCurrent(link);
    var anchor = (link.getAttribute("href") || "").split("#")[1];
    cardFor(anchor)
      .then(function (card) {
        if (!card) {
          window.location.href = link.href;
          return;
        }
        show(link, card);
        var button = save && popover.querySelector(".vocab-save-button");
        if (button && !button.dataset.saved) button.click();
      })
      .catch(function () {
        window.location.href = link.href; // the plain link still leads to the entry
      });
  }

  function close(giveFocusBack) {
    if (!popover.open) return;
    popover.close();
    if (canSpeak) window.speechSynthesis.cancel();
    if (trigger) {
      trigger.setAttribute("aria-expanded", "false");
      if (giveFocusBack) trigger.focus();
      trigger = null;
    }
  }

  text.addEventListener("click", function (event) {
    var link = event.target.closest("a.gloss-word");
    if (!link) return;
    event.preventDefault();
    open(link);
  });
  popover.querySelector("[data-gloss-close]").addEventListener("click", function () {
    close(true);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover.open) {
      event.preventDefault();
      close(true);
    }
  });
  // A click or tap elsewhere closes it, and leaves focus where it went.
  function closeFromOutside(event) {
    var target = event.target instanceof Element ? event.target : null;
    if (popover.open && target && !popover.contains(target) && !target.closest("a.gloss-word")) {
      close(false);
    }
  }
  document.addEventListener("pointerdown", closeFromOutside);
  document.addEventListener("touchstart", closeFromOutside, { passive: true });
  window.addEventListener("resize", function () {
    if (popover.open && trigger) place(trigger);
  });
  // Fetch the entries once the reader heads for the text, before the first click.
  text.addEventListener(
    "pointerover",
    function () {
      if (!document.querySelector("[data-gloss-card]")) cardFor("w-1").catch(function () {});
    },
    { once: true }
  );
})();
