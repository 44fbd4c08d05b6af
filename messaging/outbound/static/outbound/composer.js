// Send waits while something stands in the way, each reported on the composer's form:
// - the compliance live check under the reply reports a blocking finding: every check answers
//   with the `compliance` client event, {"blocked": true|false};
// - a template's {variable} the order had no value for is still in the draft: it is listed,
//   highlighted, under the reply until the agent replaces it.
// The server checks both again on send; a manager's "Approve and send" stays available for a rule.
(function () {
  function refresh(form) {
    var blocked = form.dataset.complianceBlocked === "true" || form.dataset.unfilled === "true";
    form.querySelectorAll("[data-send]").forEach(function (button) {
      button.disabled = blocked;
    });
  }

  function unfilled(form) {
    var names = (form.dataset.variables || "").split(" ").filter(Boolean);
    var text = form.querySelector("textarea[name=text]");
    var box = form.querySelector("[data-unfilled]");
    if (!text || !box) return;
    var found = [];
    (text.value.match(/\{[^{}]*\}/g) || []).forEach(function (placeholder) {
      var name = placeholder.slice(1, -1).trim();
      if (names.indexOf(name) >= 0 && found.indexOf(placeholder) < 0) found.push(placeholder);
    });
    var list = box.querySelector("[data-unfilled-list]");
    list.replaceChildren.apply(
      list,
      found.map(function (placeholder) {
        var mark = document.createElement("mark");
        mark.textContent = placeholder;
        return mark;
      })
    );
    box.hidden = found.length === 0;
    form.dataset.unfilled = found.length ? "true" : "false";
    refresh(form);
  }

  document.addEventListener("compliance", function (event) {
    var form = event.target.closest("form[data-composer]");
    if (!form) return;
    form.dataset.complianceBlocked = event.detail.blocked ? "true" : "false";
    refresh(form);
  });
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form[data-composer]");
    if (form && event.target.name === "text") unfilled(form);
  });
  function scan(root) {
    root.querySelectorAll("form[data-composer]").forEach(unfilled);
  }
  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
  });
  // The reply form comes back whole after "Insert template" or a refusal.
  document.addEventListener("htmx:afterSettle", function () {
    scan(document);
  });
})();
