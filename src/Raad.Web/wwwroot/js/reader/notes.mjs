// The member's private notes: every change is written to IndexedDB first (with the time the device changed it) and
// queued; the queue goes to PUT /api/me/notes/{key} whenever the device is online, and the server's answer (the later
// change wins) becomes the local copy.
import * as store from './store.mjs';
import { antiforgery } from './http.mjs';

export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Where a note stands, for the state shown beside it. */
export const State = { Saved: 'saved', Saving: 'saving', Waiting: 'waiting', Failed: 'failed' };

export class Notes {
  /** @param {number} meetingId @param {(note: object, state: string, message?: string) => void} onChange */
  constructor(meetingId, onChange) {
    this.meetingId = meetingId;
    this.onChange = onChange;
    this.byKey = new Map();
    this.flushing = null;
    this.again = false;
  }

  /** The local copy first (it works offline), then the server's, unless the device has changes not yet sent. */
  async load() {
    for (const n of await store.notesOf(this.meetingId)) {
      this.byKey.set(n.key, n);
    }
    if (navigator.onLine) {
      try {
        const response = await fetch(`/api/me/notes?meetingId=${this.meetingId}`, { headers: { Accept: 'application/json' } });
        if (response.ok) {
          const server = await response.json();
          const seen = new Set();
          for (const s of server) {
            seen.add(s.key);
            const local = this.byKey.get(s.key);
            if (!local || !local.pending) {
              await this.#store(this.#fromServer(s));
            }
          }
          // Gone from the server (or no longer his to see) and nothing of ours waiting: gone here too.
          for (const local of [...this.byKey.values()]) {
            if (!local.pending && !seen.has(local.key)) {
              this.byKey.delete(local.key);
              await store.deleteNote(local.key);
            }
          }
        }
      } catch { /* offline after all: the local copy stands */ }
    }
    this.flush();
    return [...this.byKey.values()];
  }

  itemNote(itemId) {
    return [...this.byKey.values()].find(n => n.itemId === itemId && n.attachmentId == null && !n.deleted);
  }

  marks(attachmentId, page) {
    return [...this.byKey.values()]
      .filter(n => n.attachmentId === attachmentId && n.page === page && !n.deleted && n.area)
      .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  }

  /** Writes the change to the device, queues it, and sends the queue if online. */
  async change(fields) {
    const existing = fields.key ? this.byKey.get(fields.key) : undefined;
    const n = {
      key: newKey(), meetingId: this.meetingId, attachmentId: null, page: null, area: null, text: '', revision: 0,
      deleted: false, createdAt: new Date().toISOString(), ...existing, ...fields,
      changedAt: new Date().toISOString(), pending: true,
    };
    await this.#store(n);
    this.onChange(n, navigator.onLine ? State.Saving : State.Waiting);
    this.flush();
    return n;
  }

  /** Sends every queued change, one at a time; called again while busy, it runs once more afterwards. */
  flush() {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.#sendAll();
      } while (this.again);
    })().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  async #sendAll() {
    const pending = [...this.byKey.values()].filter(n => n.pending);
    for (const n of pending) {
      if (!navigator.onLine) {
        this.onChange(n, State.Waiting);
        continue;
      }
      this.onChange(n, State.Saving);
      let response;
      const sent = { ...n };
      try {
        response = await fetch(`/api/me/notes/${n.key}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...antiforgery() },
          body: JSON.stringify({
            itemId: n.itemId, attachmentId: n.attachmentId, page: n.page, area: n.area, text: n.text,
            changedAt: n.changedAt, baseRevision: n.revision ?? 0, deleted: n.deleted,
          }),
        });
      } catch {
        this.onChange(n, State.Waiting);
        continue;
      }
      if (response.status === 401) {
        this.onChange(n, State.Failed, 'Du er ikke logget ind. Noten er gemt på enheden og sendes, når du logger ind igen.');
        return;
      }
      if (!response.ok) {
        let title = 'Noten kunne ikke gemmes på serveren.';
        try { title = (await response.json()).title ?? title; } catch { /* not problem details */ }
        this.onChange(n, State.Failed, title);
        continue;
      }
      const answer = await response.json();
      const now = this.byKey.get(n.key);
      const server = this.#fromServer(answer.note);
      if (now && now.changedAt !== sent.changedAt) {
        // Changed again while this was on its way: keep the newer text queued, on top of the server's revision.
        await this.#store({ ...now, revision: server.revision });
        this.again = true;
        continue;
      }
      await this.#store(server);
      this.onChange(server, State.Saved, answer.applied === false ? 'En nyere ændring fra en anden enhed blev gemt; din tekst er gemt som en tidligere udgave.' : undefined);
    }
  }

  #fromServer(s) {
    const local = this.byKey.get(s.key);
    return {
      key: s.key, meetingId: this.meetingId, itemId: s.itemId, attachmentId: s.attachmentId ?? null, page: s.page ?? null,
      area: s.area ?? null, text: s.text ?? '', changedAt: s.changedAt, revision: s.revision, deleted: !!s.deleted,
      createdAt: local?.createdAt ?? s.changedAt, pending: false,
    };
  }

  async #store(n) {
    this.byKey.set(n.key, n);
    await store.putNote(n);
  }
}
