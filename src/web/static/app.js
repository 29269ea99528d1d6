// Passerelles: small progressive enhancements; every page works without this file.
document.addEventListener("htmx:configRequest", function (e) {
  var meta = document.querySelector('input[name="csrf"]');
  if (meta) e.detail.headers["X-CSRF-Token"] = meta.value;
});
