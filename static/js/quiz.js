// The quiz page: how many questions have an answer, and autosave. Every minute, answers
// changed since the last save are saved in the background, with the same form post as the
// "Save" button. The server answers with the attempt's new sequence number, which the form
// must carry next time (a stale number is refused).
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;

  // Progress at a glance: how many questions have an answer so far.
  var progress = form.querySelector("[data-quiz-progress]");
  var questions = form.querySelectorAll(".question");

  function hasAnswer(question) {
    return Array.prototype.some.call(question.querySelectorAll("input, select"), function (field) {
      if (field.type === "hidden") return false;
      if (field.type === "radio" || field.type === "checkbox") return field.checked;
      return field.value.trim() !== "";
    });
  }

  function showProgress() {
    if (!progress) return;
    var answered = Array.prototype.filter.call(questions, hasAnswer).length;
    progress.querySelector("progress").value = answered;
    progress.querySelector("[data-quiz-progress-text]").textContent = progress.dataset.template
      .replace("{answered}", answered)
      .replace("{total}", questions.length);
    progress.hidden = false;
  }

  showProgress();
  form.addEventListener("input", showProgress);
  form.addEventListener("change", showProgress);

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
      var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      say(status.dataset.saved.replace("{time}", time));
    }).catch(function () {
      dirty = true;
      say(status.dataset.failed);
    }).finally(function () { saving = false; });
  }

  setInterval(save, 60000);
})();
