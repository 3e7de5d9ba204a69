// The field app's service worker. It keeps the application shell only — the /field page, the same for
// every user, and its static files; the officer's units, lists and queue live in a database of the
// browser named after them (field-queue.js), so nothing of one user is kept in a cache another may read.
// Static files: cache first (our own scripts refreshed behind); the rest of the site, whose pages the
// worker's root scope also covers, is left to the network and the HTTP cache as before. The field
// page: network first, the kept copy when the network fails or hangs. Saved items are sent by Background
// Sync where the browser has it.
importScripts('/js/field-queue.js');

var SHELL = 'dvk-shell-v1';
var PAGE = '/field';
var EXTRAS = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];
var NETWORK_WAIT_MS = 6000;

// The page's own files, read from its HTML, so the shell is complete after one visit.
function assetsOf(html) {
  var found = [];
  var pattern = /(?:href|src)="(\/(?:css|js|icons)\/[^"]+|\/favicon\.svg)"/g;
  var match;
  while ((match = pattern.exec(html)) !== null) {
    found.push(match[1].replace(/&amp;/g, '&'));
  }
  return found;
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return fetch(PAGE, {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
      if (!response.ok || response.redirected) {
        return cache.addAll(EXTRAS);
      }
      return response.clone().text().then(function (html) {
        return cache.put(PAGE, response).then(function () {
          var urls = assetsOf(html).concat(EXTRAS).filter(function (url, n, all) { return all.indexOf(url) === n; });
          return cache.addAll(urls);
        });
      });
    });
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('dvk-shell-') === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function withTimeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('timeout')); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
      function (error) { clearTimeout(timer); reject(error); });
  });
}

function pageNetworkFirst(request) {
  return withTimeout(fetch(request), NETWORK_WAIT_MS).then(function (response) {
    // a redirect (to the login page) passes through; only the page itself is kept
    if (response.ok && response.type === 'basic' && !response.redirected) {
      var copy = response.clone();
      caches.open(SHELL).then(function (cache) { return cache.put(PAGE, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(PAGE).then(function (kept) {
      return kept || Response.error();
    });
  });
}

function cacheFirst(request, refresh) {
  return caches.match(request).then(function (kept) {
    var fresh = fetch(request).then(function (response) {
      if (response.ok && response.type === 'basic') {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
    if (kept) {
      if (refresh) {
        fresh.catch(function () { return null; });
      }
      return kept;
    }
    return fresh;
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === PAGE && request.mode === 'navigate') {
    event.respondWith(pageNetworkFirst(request));
    return;
  }
  if (/^\/icons\//.test(url.pathname) || url.pathname === '/manifest.webmanifest' || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirst(request, false));
    return;
  }
  if (/^\/(js|css)\/field/.test(url.pathname)) {
    event.respondWith(cacheFirst(request, true));
  }
});

function tellPages() {
  return self.clients.matchAll({type: 'window'}).then(function (pages) {
    pages.forEach(function (page) { page.postMessage({type: 'queue-changed'}); });
  });
}

function sendQueue() {
  return self.DvkQueue.session().then(function (auth) {
    if (!auth.username) {
      return null;
    }
    return self.DvkQueue.flush(auth.username);
  }).then(function (outcome) {
    return tellPages().then(function () {
      if (outcome && outcome.later) {
        // Background Sync tries again later when the sync event fails
        throw new Error('the network is not back yet');
      }
    });
  });
}

self.addEventListener('sync', function (event) {
  if (event.tag === self.DvkQueue.SYNC_TAG) {
    event.waitUntil(sendQueue());
  }
});
