// The verification page: when it was opened from a QR code that carries a signed token
// ("#t=..."), checks the signature in the browser and says what it found. Without
// JavaScript, or without a token, the page is the server's answer alone.
(function () {
  "use strict";
  function show(box, result) {
    box.hidden = false;
    box.setAttribute("data-state", result);
    box.querySelectorAll("[data-result]").forEach(function (line) {
      line.hidden = line.getAttribute("data-result") !== result;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("verify-signature");
    var keys = document.getElementById("certificate-keys");
    var token = window.CertificateToken.fromAddress(window.location.hash);
    if (!box || !keys || window.location.hash.indexOf("#t=") !== 0) {
      return;
    }
    window.CertificateToken.check(token, JSON.parse(keys.textContent).keys).then(function (found) {
      var claims = found.claims || {};
      var result = found.result;
      if (
        result === "verified" &&
        (claims.jti !== box.getAttribute("data-code") ||
          claims.name !== box.getAttribute("data-holder"))
      ) {
        result = "mismatch";
      }
      show(box, result);
    });
  });
})();
