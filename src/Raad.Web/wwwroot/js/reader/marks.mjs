// Marked areas on an attachment's page, each with a note: dragged as a rectangle on the page (mouse, pen or finger),
// or for keyboard users the button that marks the top of the page. Stored as fractions of the page (0-1).
const DEFAULT_AREA = { x: 0.05, y: 0.04, width: 0.9, height: 0.2 };

export class Marks {
  constructor(view, notes, itemId, showState) {
    this.view = view;
    this.notes = notes;
    this.itemId = itemId;
    this.showState = showState;
    this.list = view.root.querySelector('[data-mark-list]');
    this.mode = view.root.querySelector('[data-mark-mode]');
    this.hint = view.root.querySelector('[data-mark-hint]');
    this.timers = new Map();
    this.mode?.addEventListener('click', () => this.setMarking(!view.marking));
    view.root.querySelector('[data-mark-default]')?.addEventListener('click', () => this.add({ ...DEFAULT_AREA }));
    if (this.mode) {
      this.drag();
    }
  }

  setMarking(on) {
    this.view.marking = on;
    this.mode.setAttribute('aria-pressed', String(on));
    this.view.marksLayer.classList.toggle('is-marking', on);
    this.hint.hidden = !on;
  }

  drag() {
    const layer = this.view.marksLayer;
    let start = null;
    let box = null;
    const point = e => {
      const r = layer.getBoundingClientRect();
      return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
    };
    const area = (a, b) => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
    layer.addEventListener('pointerdown', e => {
      if (!this.view.marking) {
        return;
      }
      e.preventDefault();
      layer.setPointerCapture(e.pointerId);
      start = point(e);
      box = document.createElement('div');
      box.className = 'raad-mark is-drawing';
      layer.append(box);
    });
    layer.addEventListener('pointermove', e => {
      if (start && box) {
        place(box, area(start, point(e)));
      }
    });
    const end = e => {
      if (!start) {
        return;
      }
      const a = area(start, point(e));
      start = null;
      box?.remove();
      box = null;
      if (a.width > 0.02 && a.height > 0.01) {
        this.setMarking(false);
        this.add(a);
      }
    };
    layer.addEventListener('pointerup', end);
    layer.addEventListener('pointercancel', () => { start = null; box?.remove(); box = null; });
  }

  async add(area) {
    const n = await this.notes.change({ itemId: this.itemId, attachmentId: this.view.attachmentId, page: this.view.pageNumber, area, text: '' });
    this.render();
    this.list.querySelector(`[data-mark-key="${n.key}"] textarea`)?.focus();
    this.view.announce(`Område markeret på side ${this.view.pageNumber}. Skriv en note til det.`);
  }

  /** Draws the page's marks and lists them with their notes. */
  render() {
    // What is typed and not yet saved goes first, so a redraw (a new page, a turned tablet) never loses it.
    this.list.querySelectorAll('[data-mark-key]').forEach(li => this.#save(li.dataset.markKey, li.querySelector('textarea')));
    const marks = this.notes.marks(this.view.attachmentId, this.view.pageNumber);
    this.view.marksLayer.querySelectorAll('.raad-mark').forEach(m => m.remove());
    const focused = document.activeElement?.closest?.('[data-mark-key]')?.dataset.markKey;
    this.list.replaceChildren();
    marks.forEach((n, index) => {
      const label = `Markering ${index + 1}`;
      const box = document.createElement('div');
      box.className = 'raad-mark';
      box.dataset.key = n.key;
      box.title = n.text || label;
      place(box, n.area);
      const number = document.createElement('span');
      number.className = 'raad-mark__number';
      number.textContent = String(index + 1);
      box.append(number);
      this.view.marksLayer.append(box);

      const li = document.createElement('li');
      li.dataset.markKey = n.key;
      const id = `mark-${this.view.attachmentId}-${index + 1}`;
      const labelEl = document.createElement('label');
      labelEl.className = 'form-label';
      labelEl.htmlFor = id;
      labelEl.textContent = `Note til ${label.toLowerCase()} (side ${n.page})`;
      const textEl = document.createElement('textarea');
      textEl.className = 'form-input raad-note__text';
      textEl.rows = 2;
      textEl.id = id;
      const stateEl = document.createElement('p');
      stateEl.className = 'raad-note__state';
      stateEl.setAttribute('aria-live', 'polite');
      stateEl.dataset.noteState = '';
      const removeEl = document.createElement('button');
      removeEl.type = 'button';
      removeEl.className = 'button button-tertiary';
      removeEl.dataset.removeMark = '';
      li.append(labelEl, textEl, stateEl, removeEl);
      const text = li.querySelector('textarea');
      text.value = n.text;
      text.addEventListener('input', () => this.#typed(n.key, text));
      text.addEventListener('blur', () => this.#save(n.key, text));
      const remove = li.querySelector('[data-remove-mark]');
      remove.textContent = `Slet ${label.toLowerCase()}`;
      remove.addEventListener('click', async () => {
        await this.notes.change({ key: n.key, deleted: true });
        this.render();
        this.view.announce(`${label} er slettet.`);
      });
      this.list.append(li);
      if (focused === n.key) {
        text.focus();
      }
    });
  }

  #typed(key, text) {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.#save(key, text), 400));
  }

  #save(key, text) {
    clearTimeout(this.timers.get(key));
    const n = this.notes.byKey.get(key);
    if (n && n.text !== text.value) {
      this.notes.change({ key, text: text.value });
    }
  }

  state(n, state, message) {
    const li = this.list.querySelector(`[data-mark-key="${n.key}"]`);
    if (li) {
      this.showState(li.querySelector('[data-note-state]'), state, message);
    }
  }
}

function place(el, a) {
  el.style.left = `${a.x * 100}%`;
  el.style.top = `${a.y * 100}%`;
  el.style.width = `${a.width * 100}%`;
  el.style.height = `${a.height * 100}%`;
}
