// "Udskriv" on the document pages: a button marked data-print prints the page (no inline onclick: the CSP forbids it).
document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
