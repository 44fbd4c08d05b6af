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
