// Gloss pop-ups on the reading page. Without this file every glossed word is a link to its
// entry in "Words in this text"; with it, the same links open that entry in a dialog.
(function () {
  "use strict";

  var canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;

  function speak(text) {
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "nl-NL";
    var voice = window.speechSynthesis.getVoices().find(function (v) {
      return /^nl(-|_|$)/i.test(v.lang);
    });
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
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-say]");
    if (button && canSpeak) speak(button.getAttribute("data-say"));
  });

  var dialog = document.getElementById("gloss-popup");
  // Browsers without <dialog> keep the plain links to the glossary.
  if (!dialog || typeof dialog.showModal !== "function") return;
  var body = dialog.querySelector("[data-gloss-body]");
  var trigger = null;

  document.querySelectorAll("a.gloss-word").forEach(function (link) {
    link.setAttribute("role", "button");
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  });

  function open(link) {
    var entry = document.getElementById(link.hash.slice(1));
    var card = entry && entry.querySelector("[data-gloss-card]");
    if (!card) return false;
    card = card.cloneNode(true);
    card.querySelectorAll("[id]").forEach(function (el) {
      el.removeAttribute("id");
    });
    var headword = card.querySelector(".gloss-headword");
    if (headword) headword.id = "gloss-popup-title";
    // The entry describes the word's first occurrence; its Save button wants this one.
    card.querySelectorAll(".vocab-save-button").forEach(function (button) {
      var url = new URL(button.formAction);
      url.searchParams.set("form", link.textContent);
      url.searchParams.set("sentence", link.getAttribute("data-sentence"));
      button.formAction = url.href;
    });
    body.replaceChildren(card);
    revealListenButtons(body);
    if (trigger) trigger.setAttribute("aria-expanded", "false");
    trigger = link;
    link.setAttribute("aria-expanded", "true");
    if (!dialog.open) dialog.showModal();
    dialog.querySelector("[data-gloss-close]").focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.gloss-word");
    if (link && open(link)) event.preventDefault();
  });
  // Links answer Enter by themselves; a role="button" should answer Space as well.
  document.addEventListener("keydown", function (event) {
    var link = event.target.closest && event.target.closest("a.gloss-word");
    if (link && event.key === " " && open(link)) event.preventDefault();
  });

  dialog.querySelector("[data-gloss-close]").addEventListener("click", function () {
    dialog.close();
  });
  // A click on the backdrop lands on the dialog element itself, outside its content.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      var box = dialog.getBoundingClientRect();
      var inside =
        event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
  });
  // Escape closes a modal dialog natively; either way focus goes back to the word.
  dialog.addEventListener("close", function () {
    if (canSpeak) window.speechSynthesis.cancel();
    if (trigger) {
      trigger.setAttribute("aria-expanded", "false");
      trigger.focus();
      trigger = null;
    }
  });
})();
