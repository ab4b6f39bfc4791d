// The reader's "Offline" panel: keep this meeting or the member's next meetings, list what is kept and how big it is,
// remove one, and sync with the server on load and whenever the device comes online.
const mb = bytes => bytes < 1024 * 1024
  ? `${Math.max(1, Math.round(bytes / 1024))} kB`
  : `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

export async function bindOfflinePanel(root, offline, meetingId, announce) {
  const panel = root.querySelector('[data-offline-panel]');
  const status = panel?.querySelector('[data-offline-status]');
  const say = text => { if (status) { status.textContent = text; } };

  async function render() {
    if (!panel) {
      return;
    }
    const { kept, shell } = await offline.list();
    const ul = panel.querySelector('[data-kept]');
    // Built whole before it replaces the list: renders may overlap (a sync while keeping).
    const lis = [];
    for (const k of kept) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/moeder/${k.meetingId}/laes`;
      a.textContent = k.title ?? `Møde ${k.meetingId}`;
      const size = document.createElement('span');
      size.textContent = ` (${mb(k.bytes)})`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button button-tertiary';
      remove.textContent = 'Fjern';
      remove.setAttribute('aria-label', `Fjern ${a.textContent} fra enheden`);
      remove.addEventListener('click', async () => {
        await offline.remove(k.meetingId);
        say(`${a.textContent} er fjernet fra enheden.`);
        await render();
      });
      li.append(a, size, ' ', remove);
      lis.push(li);
    }
    ul.replaceChildren(...lis);
    const total = kept.reduce((sum, k) => sum + k.bytes, 0);
    panel.querySelector('[data-kept-total]').textContent = kept.length === 0
      ? 'Intet gemt på enheden.'
      : `${kept.length} ${kept.length === 1 ? 'møde' : 'møder'}: ${mb(total)}, og ${mb(shell)} til læseren selv (PDF.js, skrifttyper, layout).`;
    const keepThis = panel.querySelector('[data-keep-this]');
    const isKept = kept.some(k => k.meetingId === meetingId);
    keepThis.textContent = isKept ? 'Gem til offline igen' : 'Gem til offline';
    root.dataset.isKept = String(isKept);
  }

  async function keepAll(ids, button) {
    if (ids.length === 0) {
      say(navigator.onLine ? 'Du har ingen kommende møder at gemme.' : 'Du er offline. Gem møderne, når du er online igen.');
      return;
    }
    button.disabled = true;
    say(ids.length === 1 ? 'Gemmer mødet på enheden …' : `Gemmer ${ids.length} møder på enheden …`);
    try {
      await offline.registerWorker();
      let kept = 0;
      let failed = null;
      for (const id of ids) {
        try {
          await offline.keep(id);
          kept++;
        } catch (error) {
          // A next meeting without an agenda yet is skipped; the rest are kept.
          failed = error;
        }
      }
      await offline.sync();
      if (!navigator.onLine) {
        say('Du er offline. Gem mødet, når du er online igen.');
      } else if (ids.length === 1) {
        say(kept === 1 ? 'Mødet er gemt på enheden og kan læses uden net.' : `Mødet kunne ikke gemmes: ${failed?.message}`);
      } else {
        say(`${kept} af ${ids.length} møder er gemt på enheden og kan læses uden net.${kept < ids.length ? ' De øvrige har ingen dagsorden endnu.' : ''}`);
      }
    } finally {
      button.disabled = false;
      await render();
    }
  }

  const keepThis = panel?.querySelector('[data-keep-this]');
  const keepNext = panel?.querySelector('[data-keep-next]');
  keepThis?.addEventListener('click', e => keepAll([meetingId], e.currentTarget));
  keepNext?.addEventListener('click', async e => {
    const button = e.currentTarget;
    keepAll(await nextMeetings(), button);
  });
  // The page renders the buttons disabled: a tap before this script has loaded would otherwise do nothing, unseen.
  for (const button of [keepThis, keepNext]) {
    if (button) {
      button.disabled = false;
    }
  }

  async function sync() {
    const result = await offline.sync();
    if (result.outcome === 'forgotten') {
      say('Det gemte er slettet fra enheden, fordi du ikke længere er logget ind på den.');
    } else if (result.outcome === 'removed') {
      say(`${result.removed.length} ${result.removed.length === 1 ? 'møde er' : 'møder er'} fjernet fra enheden, fordi du ikke længere har adgang.`);
    }
    await render();
  }

  if (root.dataset.keep === 'true') {
    // The worker caches what the reader loads, so a meeting kept later has the files it needs.
    offline.registerWorker().catch(() => { /* no service worker: nothing kept offline */ });
  }
  await render();
  if (navigator.onLine) {
    await sync();
  }
  window.addEventListener('online', sync);
}

/** The member's next meetings: the start page's data (GET /api/me, "upcoming"), else the list the reader page carries. */
// The member's next meetings are those of his start page (GET /api/me, Visibility decides); none without a network.
async function nextMeetings() {
  try {
    const response = await fetch('/api/me', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const me = await response.json();
      return [...new Set((me.upcoming ?? []).map(u => u.meetingId))];
    }
  } catch { /* offline: nothing new can be kept anyway */ }
  return [];
}
