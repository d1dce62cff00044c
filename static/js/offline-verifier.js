// The offline certificate verifier. With a connection it saves the programme's public
// keys and its revocation lists (each list's signature checked) with the time it
// fetched them; with or without one it checks a certificate's QR address: the
// signature (CertificateToken, WebCrypto Ed25519), that the address shows the code
// that was signed, the expiry, and the certificate's bit in the saved revocation list.
(function () {
  "use strict";
  var STORE = "certificate-verifier";
  var MAX_LISTS = 256;
  var root = document.getElementById("offline");
  if (!root || !window.CertificateToken) {
    return;
  }
  var language = document.documentElement.lang || "en";
  var asOf = root.querySelector(".offline-as-of");
  var result = document.getElementById("offline-result");
  var facts = result.querySelector(".offline-facts");

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE) || "null");
      return saved && Array.isArray(saved.keys) ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function save(data) {
    window.localStorage.setItem(STORE, JSON.stringify(data));
  }

  function when(seconds, withTime) {
    var options = withTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long" };
    return new Intl.DateTimeFormat(language, options).format(new Date(seconds * 1000));
  }

  function showNetwork(state) {
    root.querySelectorAll("[data-network]").forEach(function (line) {
      line.hidden = line.getAttribute("data-network") !== state;
    });
  }

  function showSaved() {
    var saved = load();
    asOf.textContent = saved
      ? asOf.getAttribute("data-template").replace("{time}", when(saved.asOf, true))
      : asOf.getAttribute("data-empty");
  }

  // The bits of a revocation list (a signed BitstringStatusListCredential), or null
  // when its signature does not verify against ``keys``.
  function listBits(token, keys) {
    return window.CertificateToken.check(token, keys).then(function (found) {
      var subject = found.result === "verified" && found.claims.credentialSubject;
      var encoded = subject && subject.encodedList;
      if (typeof encoded !== "string" || encoded.charAt(0) !== "u") {
        return null;
      }
      var stream = new Blob([window.CertificateToken.bytes(encoded.slice(1))])
        .stream()
        .pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (buffer) {
        return new Uint8Array(buffer);
      });
    });
  }

  function fetchLists(keys, number, lists) {
    if (number >= MAX_LISTS) {
      return Promise.resolve(lists);
    }
    var url = root.getAttribute("data-lists-url") + number;
    return fetch(url, { cache: "no-store", credentials: "omit" }).then(function (response) {
      if (response.status === 404) {
        return lists;
      }
      if (!response.ok) {
        throw new Error("list " + number + ": " + response.status);
      }
      return response.text().then(function (token) {
        return listBits(token, keys).then(function (bits) {
          if (!bits) {
            throw new Error("list " + number + " does not verify");
          }
          lists[number] = token;
          return fetchLists(keys, number + 1, lists);
        });
      });
    });
  }

  function update() {
    if (navigator.onLine === false) {
      showNetwork("offline");
      return Promise.resolve();
    }
    showNetwork("updating");
    var keysUrl = root.getAttribute("data-keys-url");
    return fetch(keysUrl, { cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("keys: " + response.status);
        }
        return response.json();
      })
      .then(function (set) {
        var keys = set.keys || [];
        return fetchLists(keys, 0, {}).then(function (lists) {
          save({ keys: keys, lists: lists, asOf: Math.floor(Date.now() / 1000) });
        });
      })
      .then(
        function () {
          showSaved();
          showNetwork("updated");
        },
        function () {
          showNetwork(navigator.onLine === false ? "offline" : "failed");
        }
      );
  }

  function show(state, claims, saved) {
    result.hidden = false;
    result.setAttribute("data-state", state);
    result.querySelectorAll("[data-result]").forEach(function (line) {
      line.hidden = line.getAttribute("data-result") !== state;
    });
    facts.hidden = !claims;
    if (claims) {
      var course = claims.course || {};
      var fill = function (name, text) {
        facts.querySelector('[data-fact="' + name + '"]').textContent = text;
      };
      fill("name", String(claims.name || ""));
      fill("course", String(course[language] || course[Object.keys(course)[0]] || ""));
      fill("code", String(claims.jti || ""));
      fill("issued", claims.iat ? when(claims.iat, false) : "");
      fill("expires", claims.exp ? when(claims.exp, false) : "");
      facts.querySelector('[data-fact-row="expires"]').hidden = !claims.exp;
      fill("as-of", saved ? when(saved.asOf, true) : "");
    }
    result.focus();
  }

  // The code the address shows (its path), when it shows one.
  function shownCode(address) {
    var match = /\/certificates\/verify\/([A-Za-z0-9-]+)/.exec(address);
    return match ? match[1].toUpperCase() : null;
  }

  function check(address) {
    var saved = load();
    var text = String(address || "").trim();
    var token = window.CertificateToken.fromAddress(text);
    if (!token && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) {
      token = text;
    }
    if (!token) {
      return show(shownCode(text) ? "no_token" : "malformed");
    }
    if (!saved || !saved.keys.length) {
      return show("no_keys");
    }
    return window.CertificateToken.check(token, saved.keys).then(function (found) {
      var claims = found.claims;
      if (found.result !== "verified") {
        return show(found.result);
      }
      var code = shownCode(text);
      if (code !== null && code !== claims.jti) {
        return show("mismatch", claims, saved);
      }
      var expired = claims.exp && Date.now() / 1000 >= claims.exp;
      var place = claims.status;
      var list = Array.isArray(place) && saved.lists ? saved.lists[place[0]] : null;
      if (!list) {
        return show(expired ? "expired" : "no_list", claims, saved);
      }
      return listBits(list, saved.keys).then(
        function (bits) {
          var index = place[1];
          if (!bits || !(index >= 0 && index < bits.length * 8)) {
            return show(expired ? "expired" : "no_list", claims, saved);
          }
          var revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
          show(revoked ? "revoked" : expired ? "expired" : "valid", claims, saved);
        },
        function () {
          show("unsupported");
        }
      );
    });
  }

  // Scanning with the camera, where the browser can read QR codes itself.
  function scanner() {
    var row = document.getElementById("offline-scan-row");
    var start = document.getElementById("offline-scan");
    var stop = document.getElementById("offline-scan-stop");
    var video = document.getElementById("offline-video");
    var stream = null;
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) {
      return;
    }
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    row.hidden = false;
    function end() {
      if (stream) {
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
      }
      stream = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }
    function look() {
      if (!stream) {
        return;
      }
      detector.detect(video).then(
        function (codes) {
          if (codes.length) {
            document.getElementById("offline-address").value = codes[0].rawValue;
            end();
            check(codes[0].rawValue);
          } else {
            window.setTimeout(look, 250);
          }
        },
        function () {
          window.setTimeout(look, 250);
        }
      );
    }
    start.addEventListener("click", function () {
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          video.hidden = false;
          stop.hidden = false;
          start.hidden = true;
          return video.play();
        })
        .then(look, end);
    });
    stop.addEventListener("click", end);
  }

  document.getElementById("offline-form").addEventListener("submit", function (event) {
    event.preventDefault();
    check(document.getElementById("offline-address").value);
  });
  document.getElementById("offline-update").addEventListener("click", update);
  window.addEventListener("online", update);
  window.addEventListener("offline", function () {
    showNetwork("offline");
  });
  scanner();
  showSaved();
  update();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register(root.getAttribute("data-worker-url"))
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function () {
        root.querySelector(".offline-ready").hidden = false;
        root.setAttribute("data-ready", "true");
      })
      .catch(function () {});
  }
})();
