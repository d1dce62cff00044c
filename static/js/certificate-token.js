// Checks the signed token a certificate's QR code carries after "#t=" (a compact JWS,
// EdDSA / Ed25519) against the programme's public keys (a JWK Set), in the browser:
// CertificateToken.check(token, keys) resolves to {result, claims}, where result is
// "verified", "signature", "unknown_key", "malformed" or "unsupported".
(function (global) {
  "use strict";
  var TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

  function bytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    base64 += "===".slice((base64.length + 3) % 4);
    var raw = atob(base64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }

  function json(text) {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes(text)));
  }

  function fromAddress(address) {
    var at = String(address || "").indexOf("#t=");
    return at < 0 ? "" : address.slice(at + 3);
  }

  function check(token, keys) {
    var parts, header, signature;
    if (!TOKEN.test(token || "")) {
      return Promise.resolve({ result: "malformed" });
    }
    parts = token.split(".");
    try {
      header = json(parts[0]);
      signature = bytes(parts[2]);
    } catch (error) {
      return Promise.resolve({ result: "malformed" });
    }
    if (!header || header.alg !== "EdDSA") {
      return Promise.resolve({ result: "malformed" });
    }
    var jwk = (keys || []).filter(function (key) {
      return key.kid === header.kid && key.kty === "OKP" && key.crv === "Ed25519";
    })[0];
    if (!jwk) {
      return Promise.resolve({ result: "unknown_key" });
    }
    if (!global.crypto || !global.crypto.subtle) {
      return Promise.resolve({ result: "unsupported" });
    }
    var subtle = global.crypto.subtle;
    var signed = new TextEncoder().encode(parts[0] + "." + parts[1]);
    // The signature first: what it covers is read only once it is known to be the issuer's.
    return subtle
      .importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, { name: "Ed25519" }, false, [
        "verify",
      ])
      .then(function (key) {
        return subtle.verify({ name: "Ed25519" }, key, signature, signed);
      })
      .then(
        function (valid) {
          if (!valid) {
            return { result: "signature" };
          }
          try {
            var claims = json(parts[1]);
            return claims && typeof claims === "object"
              ? { result: "verified", claims: claims }
              : { result: "malformed" };
          } catch (error) {
            return { result: "malformed" };
          }
        },
        function () {
          return { result: "unsupported" };
        }
      );
  }

  global.CertificateToken = { bytes: bytes, check: check, fromAddress: fromAddress };
})(window);
