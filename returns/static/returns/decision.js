// A decision's message drafted again for the label or reason chosen (htmx swaps the new text into the
// textarea): the composer's live compliance check reads it as if typed. No inline handlers: the CSP
// forbids them.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  if (target.matches("form[data-composer] textarea")) {
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }
});
