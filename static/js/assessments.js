// Quiz attempts, progressive enhancement: the form works without this file.
// Adds autosave (answers POSTed as JSON-requested fetch on every change) and a countdown.
(function () {
  "use strict";

  function autosave(form) {
    var url = form.getAttribute("data-autosave-url");
    var status = form.querySelector(".autosave-status");
    var timer = null;
    var pending = false;

    function show(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function save() {
      timer = null;
      var data = new FormData(form);
      var token = data.get("csrfmiddlewaretoken");
      pending = false;
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": token || "" },
      })
        .then(function (response) {
          return response.json().then(function (body) {
            show(body.message || body.error || "");
            if (body.closed) {
              window.location.reload();
            }
          });
        })
        .catch(function () {
          // Offline: keep the answers on screen; the next change or page move retries.
          pending = true;
          show(form.getAttribute("data-offline-message") || "");
        });
    }

    form.addEventListener("change", function () {
      if (timer) {
        clearTimeout(timer);
      }
      timer = setTimeout(save, 400);
    });
    window.addEventListener("online", function () {
      if (pending) {
        save();
      }
    });
  }

  function countdown(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    if (isNaN(deadline)) {
      return;
    }
    var original = element.textContent;
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      element.textContent = original + " (" + minutes + ":" + (seconds < 10 ? "0" : "") + seconds + ")";
      if (left > 0) {
        setTimeout(tick, 1000);
      }
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave-url]").forEach(autosave);
    document.querySelectorAll("[data-deadline]").forEach(countdown);
  });
})();
