// Parallax: keyboard shortcuts. Every page works without this file.
// "/" focuses the search box; Escape leaves it.
"use strict";
document.addEventListener("keydown", function (e) {
  var box = document.getElementById("q");
  if (!box) return;
  var typing = e.target && (e.target.tagName === "INPUT" || e.target.tagName === "TEXTAREA");
  if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    box.focus();
    box.select();
  } else if (e.key === "Escape" && e.target === box) {
    box.blur();
  }
});
