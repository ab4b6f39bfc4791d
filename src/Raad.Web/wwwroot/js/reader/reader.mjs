// The reader: one agenda item at a time (the list, previous/next, a swipe), PDF attachments drawn by PDF.js, bookmarks
// kept on the device, the member's notes and marks, and meetings kept offline. Without JavaScript the page is the
// whole agenda with download links.
import { PdfView } from './pdf-view.mjs';

const root = document.querySelector('[data-reader]');
const meetingId = Number(root.dataset.meeting);
const sections = [...root.querySelectorAll('[data-item]')];
const announcer = root.querySelector('[data-announce]');
const views = new Map();
let current = null;
let firstPageMarked = false;
let marksByView = new Map();

const announce = text => {
  // Cleared first, so the same words twice are read twice.
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = text; }, 30);
};

// ---------- items ----------
function itemFromHash() {
  const match = /^#punkt-(\d+)/.exec(location.hash);
  const found = match && sections.find(s => s.dataset.item === match[1]);
  return found ?? sections[0];
}

function show(section, { focus = false, speak = true } = {}) {
  if (!section) {
    return;
  }
  current = section;
  const index = sections.indexOf(section);
  sections.forEach(s => { s.hidden = s !== section; });
  root.querySelectorAll('[data-item-link]').forEach(a => {
    if (a.dataset.itemLink === section.dataset.item) {
      a.setAttribute('aria-current', 'true');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  root.querySelectorAll('[data-item-prev]').forEach(b => { b.disabled = index <= 0; });
  root.querySelectorAll('[data-item-next]').forEach(b => { b.disabled = index >= sections.length - 1; });
  const position = `Punkt ${index + 1} af ${sections.length}`;
  root.querySelector('[data-item-position]').textContent = position;
  updateBookmarkButtons();
  section.querySelectorAll('[data-pdf]').forEach(el => view(el)?.open());
  if (focus) {
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start' });
  }
  if (speak) {
    announce(`${position}: ${section.dataset.itemTitle}`);
  }
}

function go(delta) {
  const next = sections[sections.indexOf(current) + delta];
  if (next) {
    history.pushState(null, '', `#punkt-${next.dataset.item}`);
    show(next, { focus: true });
  }
}

root.querySelectorAll('[data-item-bar]').forEach(bar => { bar.hidden = false; });
root.querySelectorAll('[data-item-prev]').forEach(b => b.addEventListener('click', () => go(-1)));
root.querySelectorAll('[data-item-next]').forEach(b => b.addEventListener('click', () => go(1)));
root.querySelectorAll('[data-item-link]').forEach(a => a.addEventListener('click', e => {
  e.preventDefault();
  history.pushState(null, '', a.getAttribute('href'));
  show(sections.find(s => s.dataset.item === a.dataset.itemLink), { focus: true });
}));
window.addEventListener('popstate', () => show(itemFromHash(), { focus: true }));

// A horizontal swipe on the item's text goes to the next or previous item.
let touch = null;
root.querySelector('.raad-reader__main').addEventListener('pointerdown', e => {
  touch = e.pointerType === 'touch' && !e.target.closest('[data-pdf-page], textarea, button, a') ? { x: e.clientX, y: e.clientY } : null;
});
root.querySelector('.raad-reader__main').addEventListener('pointerup', e => {
  if (!touch) {
    return;
  }
  const dx = e.clientX - touch.x;
  const dy = e.clientY - touch.y;
  touch = null;
  if (Math.abs(dx) > 80 && Math.abs(dx) > 2 * Math.abs(dy)) {
    go(dx < 0 ? 1 : -1);
  }
});

// On a narrow screen the side panels start closed, so the item comes first.
if (window.matchMedia('(max-width: 959px)').matches) {
  root.querySelectorAll('[data-panel]').forEach(d => { d.open = false; });
}

// ---------- PDF attachments ----------
function view(el) {
  if (!views.has(el)) {
    views.set(el, new PdfView(el, {
      announce,
      annotate: el.dataset.annotate === 'true',
      onPage: v => {
        if (!firstPageMarked) {
          firstPageMarked = true;
          // Read by the bench (bench/reader.sh): the first attachment page drawn.
          performance.mark('raad:first-page-drawn');
        }
        marksByView.get(v)?.render();
        updateBookmarkButtons();
      },
    }));
  }
  return views.get(el);
}

// ---------- bookmarks (on the device) ----------
const bookmarkKey = `raad.bookmarks.${meetingId}`;
const readBookmarks = () => { try { return JSON.parse(localStorage.getItem(bookmarkKey) ?? '[]'); } catch { return []; } };
const writeBookmarks = list => { localStorage.setItem(bookmarkKey, JSON.stringify(list)); renderBookmarks(); updateBookmarkButtons(); };
const same = (a, b) => a.item === b.item && (a.attachmentId ?? null) === (b.attachmentId ?? null) && (a.page ?? null) === (b.page ?? null);

function toggleBookmark(mark, label) {
  const list = readBookmarks();
  const existing = list.findIndex(b => same(b, mark));
  if (existing >= 0) {
    list.splice(existing, 1);
    announce(`Bogmærket er fjernet: ${label}`);
  } else {
    list.push({ ...mark, label });
    announce(`Bogmærke sat: ${label}`);
  }
  writeBookmarks(list);
}

function renderBookmarks() {
  const list = readBookmarks();
  const ul = root.querySelector('[data-bookmarks]');
  ul.replaceChildren();
  for (const b of list) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#punkt-${b.item}`;
    a.textContent = b.label;
    a.addEventListener('click', e => {
      e.preventDefault();
      history.pushState(null, '', a.getAttribute('href'));
      const section = sections.find(s => s.dataset.item === b.item);
      show(section, { focus: true });
      if (b.attachmentId) {
        const el = section.querySelector(`[data-attachment-id="${b.attachmentId}"]`);
        if (el) {
          view(el).open().then(() => { view(el).go(b.page); el.scrollIntoView({ block: 'start' }); });
        }
      }
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button-tertiary';
    remove.textContent = 'Fjern';
    remove.setAttribute('aria-label', `Fjern bogmærket ${b.label}`);
    remove.addEventListener('click', () => toggleBookmark(b, b.label));
    li.append(a, ' ', remove);
    ul.append(li);
  }
  root.querySelector('[data-no-bookmarks]').hidden = list.length > 0;
  root.querySelector('[data-bookmark-count]').textContent = list.length > 0 ? `(${list.length})` : '';
}

function updateBookmarkButtons() {
  const list = readBookmarks();
  if (current) {
    const pressed = list.some(b => same(b, { item: current.dataset.item }));
    root.querySelectorAll('[data-bookmark-item]').forEach(b => b.setAttribute('aria-pressed', String(pressed)));
  }
  for (const [el, v] of views) {
    const pressed = list.some(b => same(b, { item: el.closest('[data-item]').dataset.item, attachmentId: v.attachmentId, page: v.pageNumber }));
    el.querySelector('[data-bookmark-page]').setAttribute('aria-pressed', String(pressed));
  }
}

root.querySelectorAll('[data-bookmark-item]').forEach(b => b.addEventListener('click', () =>
  toggleBookmark({ item: current.dataset.item }, current.dataset.itemTitle)));
root.querySelectorAll('[data-bookmark-page]').forEach(b => b.addEventListener('click', () => {
  const el = b.closest('[data-pdf]');
  const v = view(el);
  toggleBookmark({ item: el.closest('[data-item]').dataset.item, attachmentId: v.attachmentId, page: v.pageNumber }, `${v.label}, side ${v.pageNumber}`);
}));

renderBookmarks();
show(itemFromHash(), { speak: false });

// ---------- online / offline ----------
const flag = root.querySelector('[data-offline-flag]');
const showNetwork = () => { flag.hidden = navigator.onLine; };
window.addEventListener('online', showNetwork);
window.addEventListener('offline', showNetwork);
showNetwork();

// ---------- notes and marks (signed-in members, on items they may annotate) ----------
const noteBoxes = [...root.querySelectorAll('[data-note-for]')];
if (root.dataset.signedIn === 'true' && noteBoxes.length > 0) {
  const [{ Notes }, { Marks }] = await Promise.all([import('./notes.mjs'), import('./marks.mjs')]);
  const boxes = new Map(noteBoxes.map(b => [Number(b.dataset.noteFor), b]));
  const notes = new Notes(meetingId, (n, state, message) => {
    if (n.attachmentId == null) {
      const box = boxes.get(n.itemId);
      if (box) {
        showState(box.querySelector('[data-note-state]'), state, message);
        const text = box.querySelector('[data-note-text]');
        if (document.activeElement !== text && !n.deleted && text.value !== n.text && !n.pending) {
          text.value = n.text;
        }
      }
    } else {
      for (const [v, marks] of marksByView) {
        if (v.attachmentId === n.attachmentId) {
          marks.state(n, state, message);
        }
      }
    }
  });
  await notes.load();
  for (const [itemId, box] of boxes) {
    const text = box.querySelector('[data-note-text]');
    const existing = notes.itemNote(itemId);
    text.value = existing?.text ?? '';
    if (existing) {
      showState(box.querySelector('[data-note-state]'), existing.pending ? (navigator.onLine ? 'saving' : 'waiting') : 'saved');
    }
    let timer;
    const save = () => {
      clearTimeout(timer);
      const n = notes.itemNote(itemId);
      if ((n?.text ?? '') !== text.value) {
        notes.change(n ? { key: n.key, text: text.value } : { itemId, text: text.value });
      }
    };
    text.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(save, 400); });
    text.addEventListener('blur', save);
    window.addEventListener('pagehide', save);
  }
  function attachMarks(el, v) {
    if (el.dataset.annotate === 'true' && !marksByView.has(v)) {
      const marks = new Marks(v, notes, Number(el.closest('[data-item]').dataset.itemId), showState);
      marksByView.set(v, marks);
      if (v.doc) {
        marks.render();
      }
    }
  }
  root.querySelectorAll('[data-pdf]').forEach(el => { if (el.dataset.annotate === 'true') { attachMarks(el, view(el)); } });
  window.addEventListener('online', () => notes.flush());
}

function showState(el, state, message) {
  if (!el) {
    return;
  }
  el.dataset.state = state;
  el.textContent = message ?? {
    saved: 'Gemt',
    saving: 'Gemmer …',
    waiting: 'Gemmes, når du er online igen',
    failed: 'Kunne ikke gemmes',
  }[state];
}

// ---------- kept offline ----------
if (root.dataset.keep === 'true' || localStorage.getItem('raad.offline') === '1') {
  const offline = await import('./offline.mjs');
  if (offline.supported()) {
    const { bindOfflinePanel } = await import('./offline-panel.mjs');
    await bindOfflinePanel(root, offline, meetingId, announce);
  }
}
root.dataset.ready = 'true';
