// The device's own copy: IndexedDB "raad" holds the member's notes (with the queue of changes not yet sent) and the
// list of meetings kept offline. Sign-out (Clear-Site-Data) and forgetAll() delete it whole.
const NAME = 'raad';
let opening = null;

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function open() {
  opening ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(NAME, 1);
    r.onupgradeneeded = () => {
      const db = r.result;
      const notes = db.createObjectStore('notes', { keyPath: 'key' });
      notes.createIndex('meetingId', 'meetingId');
      db.createObjectStore('kept', { keyPath: 'meetingId' });
    };
    r.onsuccess = () => {
      const db = r.result;
      // Another tab deleting everything (sign-out, a forgotten device) must not wait for this one.
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    r.onerror = () => { opening = null; reject(r.error); };
  });
  return opening;
}

async function tx(store, mode, work) {
  const db = await open();
  const t = db.transaction(store, mode);
  const result = await work(t.objectStore(store));
  await new Promise((resolve, reject) => { t.oncomplete = resolve; t.onerror = () => reject(t.error); t.onabort = () => reject(t.error); });
  return result;
}

export const notesOf = (meetingId) => tx('notes', 'readonly', s => request(s.index('meetingId').getAll(meetingId)));
export const note = (key) => tx('notes', 'readonly', s => request(s.get(key)));
export const putNote = (n) => tx('notes', 'readwrite', s => request(s.put(n)));
export const deleteNote = (key) => tx('notes', 'readwrite', s => request(s.delete(key)));
export const pendingNotes = () => tx('notes', 'readonly', s => request(s.getAll())).then(all => all.filter(n => n.pending));

export async function deleteNotesOf(meetingId) {
  const all = await notesOf(meetingId);
  await tx('notes', 'readwrite', s => Promise.all(all.map(n => request(s.delete(n.key)))));
}

export const kept = () => tx('kept', 'readonly', s => request(s.getAll()));
export const putKept = (k) => tx('kept', 'readwrite', s => request(s.put(k)));
export const deleteKept = (meetingId) => tx('kept', 'readwrite', s => request(s.delete(meetingId)));

export async function deleteDatabase() {
  if (opening) {
    try { (await opening).close(); } catch { /* never opened */ }
    opening = null;
  }
  await new Promise(resolve => {
    const r = indexedDB.deleteDatabase(NAME);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}
