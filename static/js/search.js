// "/" anywhere but in a field puts the cursor in the header's search box (Alt+S or the browser's
// access-key chord does too, through its accesskey).
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target.isContentEditable || target.closest("input, textarea, select")) return;
  var box = document.querySelector("[data-search-box]");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
