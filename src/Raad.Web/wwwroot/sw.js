// Raad's service worker: answers from the copies a member kept on his device (js/reader/offline.mjs) when the network
// fails. Pages come from the network while there is one, so the server always decides who sees what; a kept reader
// page is the answer only without a network. Attachments of kept meetings and the reader's static files are read from
// the cache first (an attachment's id never changes its content; static files carry a version in their address).
// Sign-out (Clear-Site-Data) removes the worker and everything it kept.
const SHELL = 'raad-shell';
const STATIC = /^\/(lib|css|js)\/|^\/favicon\.(svg|ico)$|^\/manifest\.webmanifest$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (/^\/bilag\/\d+$/.test(url.pathname)) {
    event.respondWith(kept(request));
  } else if (STATIC.test(url.pathname)) {
    event.respondWith(asset(request));
  }
});

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const copy = await caches.match(request, { ignoreSearch: true });
    if (copy) {
      return copy;
    }
    return new Response(
      '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
      + '<title>Offline – Raad</title></head><body style="font-family: sans-serif; margin: 2rem; font-size: 1.2rem">'
      + '<h1>Du er offline</h1><p>Denne side er ikke gemt på enheden. Møder, du har gemt til offline, kan du stadig læse.</p>'
      + '<p><a href="/">Til forsiden</a></p></body></html>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}

async function kept(request) {
  const copy = await caches.match(request);
  return copy ?? fetch(request);
}

async function asset(request) {
  const copy = await caches.match(request);
  if (copy) {
    return copy;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(SHELL);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    // Offline, and the page asked for another version of a file than the one kept: the kept one will do.
    const other = await caches.match(request, { ignoreSearch: true });
    if (other) {
      return other;
    }
    throw error;
  }
}
