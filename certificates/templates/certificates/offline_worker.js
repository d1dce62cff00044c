// Keeps the offline certificate verifier ({{ language }}) on this device: the page is
// asked from the network first and kept for when there is none; its files are kept
// under a name that changes with their contents.
"use strict";
var PREFIX = "offline-verifier-{{ language|escapejs }}-";
var CACHE = PREFIX + "{{ version|escapejs }}";
var PAGE = "{{ page_url|escapejs }}";
var FILES = [{% for url in assets %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll([PAGE].concat(FILES));
      })
      .then(function () {
        return self.skipWaiting();
      })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(PREFIX) === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === PAGE) {
    event.respondWith(
      fetch(request)
        .then(function (response) {
          if (response.ok) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) {
              cache.put(PAGE, copy);
            });
          }
          return response;
        })
        .catch(function () {
          return caches.match(PAGE, { cacheName: CACHE });
        })
    );
  } else if (FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(
      caches.match(url.pathname, { cacheName: CACHE }).then(function (kept) {
        return kept || fetch(request);
      })
    );
  }
});
