// Meetings kept on the device: the reader page, its attachments and the static files the reader needs go into Cache
// Storage (the service worker, /sw.js, answers from there without a network); the list of kept meetings and the notes
// are in IndexedDB. POST /api/me/offline tells the server what the device keeps and answers what it may keep: what it
// may not is removed at once, and a signed-out session (401) or a device the member forgot removes everything.
import * as store from './store.mjs';
import { antiforgery } from './http.mjs';

const SHELL = 'raad-shell';
const meetingCache = id => `raad-meeting-${id}`;
const readerUrl = id => `/moeder/${id}/laes`;
const FLAG = 'raad.offline';
const DEVICE = 'raad.device';

/** What the reader needs besides the page: PDF.js and its worker, and the reader's own modules. */
const SHELL_FILES = [
  '/lib/pdfjs/pdf.min.mjs', '/lib/pdfjs/pdf.worker.min.mjs',
  '/js/reader/reader.mjs', '/js/reader/store.mjs', '/js/reader/notes.mjs', '/js/reader/http.mjs',
  '/js/reader/pdf-view.mjs', '/js/reader/marks.mjs', '/js/reader/offline.mjs', '/js/reader/offline-panel.mjs',
  '/favicon.svg', '/favicon.ico', '/manifest.webmanifest',
];

export const supported = () => 'serviceWorker' in navigator && 'caches' in window && 'indexedDB' in window;

export async function registerWorker() {
  if (supported()) {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  }
}

export const hasKept = () => localStorage.getItem(FLAG) === '1';

/** Keeps one meeting: its reader page as this member reads it, its attachments, and the shell. */
export async function keep(meetingId) {
  const url = readerUrl(meetingId);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || response.redirected) {
    throw new Error(`Mødet kunne ikke hentes (${response.status}).`);
  }
  const html = await response.clone().text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  const root = page.querySelector('[data-reader]');
  if (!root) {
    throw new Error('Mødet kunne ikke hentes.');
  }
  const cache = await caches.open(meetingCache(meetingId));
  await cache.put(url, response);
  let bytes = new Blob([html]).size;
  const attachments = [...new Set([...page.querySelectorAll('[data-attachment-url]')].map(e => e.dataset.attachmentUrl))];
  for (const a of attachments) {
    const file = await fetch(a, { credentials: 'same-origin' });
    if (!file.ok) {
      throw new Error(`Et bilag kunne ikke hentes (${file.status}).`);
    }
    bytes += (await file.clone().blob()).size;
    await cache.put(a, file);
  }
  await keepShell(page);
  await store.putKept({ meetingId, title: root.dataset.title, bytes, keptAt: new Date().toISOString() });
  localStorage.setItem(FLAG, '1');
}

/** The files every kept meeting shares: the page's stylesheets and scripts, PDF.js, and the fonts the browser loaded. */
async function keepShell(page) {
  const shell = await caches.open(SHELL);
  const local = u => { const x = new URL(u, location.href); return x.origin === location.origin ? x.pathname + x.search : null; };
  const urls = new Set(SHELL_FILES);
  page.querySelectorAll('link[rel=stylesheet][href], script[src], link[rel=icon][href]').forEach(e => urls.add(local(e.getAttribute('href') ?? e.getAttribute('src'))));
  for (const entry of performance.getEntriesByType('resource')) {
    const path = local(entry.name);
    if (path && /^\/(lib|css|js)\//.test(path)) {
      urls.add(path);
    }
  }
  urls.delete(null);
  await Promise.all([...urls].map(async u => {
    if (await shell.match(u)) {
      return;
    }
    try {
      const r = await fetch(u);
      if (r.ok) {
        await shell.put(u, r);
      }
    } catch { /* a file the reader does without */ }
  }));
}

export async function remove(meetingId) {
  await caches.delete(meetingCache(meetingId));
  await store.deleteKept(meetingId);
  await store.deleteNotesOf(meetingId);
  if ((await store.kept()).length === 0) {
    localStorage.removeItem(FLAG);
  }
}

/** Everything the site keeps on the device: signed out, deactivated, or a device the member forgot. */
export async function forgetAll() {
  for (const name of await caches.keys()) {
    if (name.startsWith('raad-')) {
      await caches.delete(name);
    }
  }
  await store.deleteDatabase();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('raad.')) {
      localStorage.removeItem(key);
    }
  }
}

export async function list() {
  const kept = await store.kept();
  let shell = 0;
  const cache = await caches.open(SHELL);
  for (const request of await cache.keys()) {
    shell += (await (await cache.match(request)).blob()).size;
  }
  return { kept: kept.sort((a, b) => a.meetingId - b.meetingId), shell };
}

function deviceKey() {
  let key = localStorage.getItem(DEVICE);
  if (!key) {
    key = crypto.randomUUID ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    localStorage.setItem(DEVICE, key);
  }
  return key;
}

function deviceName() {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const system = /iPad|iPhone/.test(ua) ? 'iPad/iPhone' : /Android/.test(ua) ? 'Android' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'Mac' : /Linux/.test(ua) ? 'Linux' : 'ukendt system';
  return `${browser} på ${system}`;
}

/**
 * Tells the server what this device keeps and does what it answers. Returns what happened, for the reader to show:
 * 'none' (nothing kept), 'synced', 'removed' (some meetings went), 'forgotten' (everything went), 'offline'.
 */
export async function sync() {
  const kept = await store.kept();
  if (kept.length === 0 && !hasKept()) {
    return { outcome: 'none', removed: [] };
  }
  let response;
  try {
    response = await fetch('/api/me/offline', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...antiforgery() },
      body: JSON.stringify({ device: deviceKey(), name: deviceName(), meetings: kept.map(k => k.meetingId) }),
    });
  } catch {
    return { outcome: 'offline', removed: [] };
  }
  if (response.status === 401) {
    await forgetAll();
    return { outcome: 'forgotten', removed: kept.map(k => k.meetingId) };
  }
  if (!response.ok) {
    return { outcome: 'offline', removed: [] };
  }
  const answer = await response.json();
  if (answer.forgotten) {
    await forgetAll();
    return { outcome: 'forgotten', removed: kept.map(k => k.meetingId) };
  }
  const removed = [];
  for (const id of answer.remove ?? []) {
    await remove(id);
    removed.push(id);
  }
  return { outcome: removed.length > 0 ? 'removed' : 'synced', removed };
}
