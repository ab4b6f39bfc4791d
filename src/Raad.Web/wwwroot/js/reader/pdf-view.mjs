// One PDF attachment drawn in the page by PDF.js, a page at a time, fitted to the width (or the whole page to the
// screen), with the member's marked areas drawn over it.
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';
let worker = null;

const options = {
  cMapUrl: '/lib/pdfjs/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: '/lib/pdfjs/standard_fonts/',
  wasmUrl: '/lib/pdfjs/wasm/',
  // No eval: the Content-Security-Policy forbids it.
  isEvalSupported: false,
  // The attachment is read whole (kept offline as one response), not in ranges.
  disableRange: true,
};

export class PdfView {
  /** @param {HTMLElement} root the .raad-pdf section */
  constructor(root, { announce, onPage, annotate }) {
    this.root = root;
    this.url = root.dataset.pdf;
    this.attachmentId = Number(root.dataset.attachmentId);
    this.label = root.dataset.label;
    this.canvas = root.querySelector('[data-pdf-canvas]');
    this.pageBox = root.querySelector('[data-pdf-page]');
    this.marksLayer = root.querySelector('[data-pdf-marks]');
    this.position = root.querySelector('[data-page-position]');
    this.zoom = root.querySelector('[data-zoom]');
    this.announce = announce;
    this.onPage = onPage;
    this.annotate = annotate;
    this.pageNumber = 1;
    this.pages = 0;
    this.fitWidth = true;
    this.doc = null;
    this.loading = null;
    this.rendering = null;
    this.queued = null;
    root.querySelector('[data-pdf-bar]').hidden = false;
    root.querySelector('[data-page-prev]').addEventListener('click', () => this.go(this.pageNumber - 1));
    root.querySelector('[data-page-next]').addEventListener('click', () => this.go(this.pageNumber + 1));
    this.zoom.addEventListener('click', () => {
      this.fitWidth = !this.fitWidth;
      this.zoom.setAttribute('aria-pressed', String(this.fitWidth));
      this.zoom.textContent = this.fitWidth ? 'Tilpas til bredde' : 'Hele siden';
      this.draw();
    });
    this.swipe();
    let width = 0;
    new ResizeObserver(entries => {
      const w = Math.round(entries[0].contentRect.width);
      if (this.doc && w > 0 && Math.abs(w - width) > 8) {
        width = w;
        this.draw();
      }
    }).observe(root.querySelector('[data-pdf-viewport]'));
  }

  /** Loads the document once (when its item is first shown) and draws the current page. */
  open() {
    this.loading ??= (async () => {
      try {
        worker ??= new pdfjs.PDFWorker();
        this.doc = await pdfjs.getDocument({ url: this.url, worker, ...options }).promise;
        this.pages = this.doc.numPages;
        await this.draw();
      } catch (error) {
        const message = this.root.querySelector('[data-pdf-error]');
        message.hidden = false;
        message.textContent = navigator.onLine
          ? 'Bilaget kunne ikke vises. Hent det med linket nedenfor.'
          : 'Bilaget er ikke gemt på enheden og kan ikke hentes uden net.';
        console.error(error);
      }
    })();
    return this.loading;
  }

  go(n) {
    if (!this.doc || n < 1 || n > this.pages || n === this.pageNumber) {
      return;
    }
    this.pageNumber = n;
    this.draw().then(() => this.announce(`${this.label}: side ${n} af ${this.pages}`));
  }

  /** Draws the current page; a request while drawing is kept and drawn next, so quick taps end on the right page. */
  draw() {
    if (this.rendering) {
      this.queued = true;
      return this.rendering;
    }
    this.rendering = this.#render().finally(() => {
      this.rendering = null;
      if (this.queued) {
        this.queued = false;
        this.draw();
      }
    });
    return this.rendering;
  }

  async #render() {
    const page = await this.doc.getPage(this.pageNumber);
    const natural = page.getViewport({ scale: 1 });
    const available = this.root.querySelector('[data-pdf-viewport]').clientWidth || natural.width;
    let scale = available / natural.width;
    if (!this.fitWidth) {
      const height = Math.max(320, window.innerHeight - 160);
      scale = Math.min(scale, height / natural.height);
    }
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    this.pageBox.style.width = canvas.style.width;
    this.pageBox.style.height = canvas.style.height;
    await page.render({
      canvas,
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    }).promise;
    canvas.setAttribute('aria-label', `${this.label}, side ${this.pageNumber} af ${this.pages}`);
    this.position.textContent = `Side ${this.pageNumber} af ${this.pages}`;
    this.root.querySelector('[data-page-prev]').disabled = this.pageNumber <= 1;
    this.root.querySelector('[data-page-next]').disabled = this.pageNumber >= this.pages;
    this.root.dataset.drawnPage = String(this.pageNumber);
    this.onPage(this);
  }

  /** A horizontal swipe turns the page (not while marking an area). */
  swipe() {
    let start = null;
    this.pageBox.addEventListener('pointerdown', e => {
      if (e.pointerType !== 'mouse' && !this.marking) {
        start = { x: e.clientX, y: e.clientY };
      }
    });
    this.pageBox.addEventListener('pointerup', e => {
      if (!start || this.marking) {
        return;
      }
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      start = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
        this.go(this.pageNumber + (dx < 0 ? 1 : -1));
      }
    });
    this.pageBox.addEventListener('pointercancel', () => { start = null; });
  }
}
