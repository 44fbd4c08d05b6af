// Errors from htmx requests (a refused assignment, a lost connection) are shown, never swallowed.
document.addEventListener("htmx:responseError", function (event) {
  var box = document.getElementById("htmx-error");
  box.textContent = event.detail.xhr.responseText || "That did not work (" + event.detail.xhr.status + ").";
  box.hidden = false;
});
document.addEventListener("htmx:sendError", function () {
  var box = document.getElementById("htmx-error");
  box.textContent = "Sellerdesk could not be reached. Check your connection and try again.";
  box.hidden = false;
});
document.addEventListener("htmx:beforeRequest", function () {
  document.getElementById("htmx-error").hidden = true;
});
// A select marked data-autosubmit submits its form when it changes (no inline handlers: the CSP forbids them).
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-autosubmit]")) event.target.form.requestSubmit();
});
// The header's menus: one open at a time, closed by a click elsewhere or Escape.
document.addEventListener("click", function (event) {
  document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
    if (!menu.contains(event.target)) menu.open = false;
  });
  var toggle = event.target.closest("[data-nav-toggle]");
  if (toggle) {
    var bar = toggle.closest(".topbar");
    var open = bar.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  });
});
// A clock policy's opening hours, holidays and closed days count only when it counts business hours.
document.addEventListener("change", function (event) {
  if (!event.target.matches("select[data-calendar]")) return;
  var hours = event.target.form.querySelector("[data-business-hours]");
  if (hours) hours.hidden = event.target.value !== "business";
});
