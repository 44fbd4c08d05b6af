// "Load remote images": the message as the sender formatted it, images and all, in a sandboxed
// frame whose own Content Security Policy allows them; the case page itself never loads one.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-load-images]");
  if (!link) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "");
  frame.setAttribute("title", link.dataset.title);
  frame.className = "formatted-frame";
  frame.src = link.href;
  document.getElementById(link.dataset.loadImages).replaceWith(frame);
  link.remove();
});
