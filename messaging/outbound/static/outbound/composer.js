// Send waits while the compliance live check under the reply reports a blocking finding:
// every check answers with the `compliance` client event, {"blocked": true|false}.
// The server checks again on send; a manager's "Approve and send" stays available.
document.addEventListener("compliance", function (event) {
  var form = event.target.closest("form[data-composer]");
  if (!form) return;
  form.querySelectorAll("[data-send]").forEach(function (button) {
    button.disabled = event.detail.blocked;
  });
});
