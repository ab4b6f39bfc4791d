// On every page of a device that keeps meetings offline: ask the server what it may still keep, and remove the rest
// (everything, once the member is signed out or has forgotten the device). The reader does the same itself.
if (localStorage.getItem('raad.offline') === '1' && !document.querySelector('[data-reader]')) {
  const offline = await import('/js/reader/offline.mjs');
  const run = () => offline.sync().catch(() => { /* tried again at the next page or when online */ });
  if (navigator.onLine) {
    run();
  }
  window.addEventListener('online', run);
}
