// A form marked data-confirm="…" asks before it does something that cannot be undone. The policy forbids inline
// script (onsubmit="…" never runs), so the question lives here.
document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
}, true);
