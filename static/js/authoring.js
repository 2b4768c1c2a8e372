// The pack editor: line numbers beside the textarea, the caret's line and column, and a
// problem's "line 12:5" link that puts the caret there. Without JavaScript the problems
// still stand under their numbered lines above the editor.
(function () {
  "use strict";
  var editor = document.querySelector("[data-pack-editor]");
  if (!editor) return;
  var area = editor.querySelector("textarea");
  var gutter = editor.querySelector("[data-line-numbers]");
  var position = document.querySelector("[data-editor-position]");

  function renumber() {
    var count = area.value.split("\n").length;
    var numbers = [];
    for (var n = 1; n <= count; n++) numbers.push(n);
    gutter.textContent = numbers.join("\n");
    gutter.scrollTop = area.scrollTop;
  }

  function showPosition() {
    if (!position) return;
    var before = area.value.slice(0, area.selectionStart).split("\n");
    position.textContent = position.dataset.template
      .replace("{line}", before.length)
      .replace("{column}", before[before.length - 1].length + 1);
  }

  function goTo(line, column) {
    var lines = area.value.split("\n");
    var offset = 0;
    for (var n = 0; n < line - 1 && n < lines.length; n++) offset += lines[n].length + 1;
    offset += Math.max(0, column - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
    var lineHeight = area.scrollHeight / Math.max(lines.length, 1);
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
    showPosition();
  }

  area.addEventListener("input", renumber);
  area.addEventListener("scroll", function () { gutter.scrollTop = area.scrollTop; });
  area.addEventListener("keyup", showPosition);
  area.addEventListener("click", showPosition);
  document.querySelectorAll("[data-goto-line]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      goTo(Number(link.dataset.gotoLine), Number(link.dataset.gotoColumn));
    });
  });
  editor.classList.add("has-line-numbers");
  renumber();
})();
