// Ticks every countdown on the page once a second, without asking the server.
// Amber once the warning time has passed, red and "overdue by …" once due.
(function () {
  function span(seconds) {
    var minutes = Math.floor(Math.abs(seconds) / 60);
    var days = Math.floor(minutes / 1440);
    minutes -= days * 1440;
    var hours = Math.floor(minutes / 60);
    minutes -= hours * 60;
    if (days) return days + "d " + hours + "h";
    if (hours) return hours + "h " + minutes + "m";
    if (Math.abs(seconds) < 60) return Math.floor(Math.abs(seconds)) + "s";
    return minutes + "m";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("time.countdown[data-due]").forEach(function (el) {
      var due = Date.parse(el.dataset.due);
      var warn = el.dataset.warn ? Date.parse(el.dataset.warn) : null;
      var left = (due - now) / 1000;
      var state = left <= 0 ? "overdue" : (warn !== null && now >= warn ? "warn" : "ok");
      el.classList.remove("ok", "warn", "overdue");
      el.classList.add(state);
      el.textContent = left <= 0 ? "overdue by " + span(left) : "due in " + span(left);
    });
  }
  tick();
  setInterval(tick, 1000);
  document.addEventListener("htmx:afterSwap", tick);
})();
