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
