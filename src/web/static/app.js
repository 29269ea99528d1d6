// Passerelles: small progressive enhancements; every page works without this file.
document.addEventListener("htmx:configRequest", function (e) {
  var meta = document.querySelector('input[name="csrf"]');
  if (meta) e.detail.headers["X-CSRF-Token"] = meta.value;
});

// After an in-place edit replaces the main content, move focus to its heading so that screen readers
// announce the new content and keyboard users continue from there.
document.addEventListener("htmx:afterSwap", function (e) {
  if (e.detail.target && e.detail.target.id === "contenu") {
    var h = e.detail.target.querySelector("h1");
    if (h) {
      h.setAttribute("tabindex", "-1");
      h.focus();
    }
  }
});
