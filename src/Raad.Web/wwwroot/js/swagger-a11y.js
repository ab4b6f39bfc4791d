// The API's documentation (Swagger UI at /api/docs): Swagger UI draws selects without a name (the server, a response's
// media type). A screen reader needs one, so each gets the words next to it or a Danish name, also when Swagger UI
// draws more as an operation opens.
(function () {
    'use strict';
    document.documentElement.lang = 'da';
    function nameSelects(root) {
        root.querySelectorAll('select:not([aria-label]):not([aria-labelledby])').forEach(function (select) {
            // Swagger UI wraps the server select in a <label> with no words of its own (its text is the options'):
            // such a label names nothing.
            var labelled = select.labels && Array.prototype.some.call(select.labels, function (label) {
                return label.textContent.replace(select.textContent, '').trim().length > 0;
            });
            if (labelled) {
                return;
            }
            var name;
            if (select.id === 'servers') {
                name = 'Server';
            } else if (select.closest('.response-control-media-type')) {
                name = 'Medietype for svaret';
            } else if (select.closest('.content-type-wrapper, .body-param-content-type')) {
                name = 'Medietype for forespørgslen';
            } else if (select.closest('.parameters')) {
                var row = select.closest('tr');
                var parameter = row && row.querySelector('.parameter__name');
                name = parameter ? 'Værdi for ' + parameter.textContent.replace('*', '').trim() : 'Værdi';
            } else {
                name = 'Valg';
            }
            select.setAttribute('aria-label', name);
        });
    }
    new MutationObserver(function () { nameSelects(document); }).observe(document.documentElement, { childList: true, subtree: true });
    nameSelects(document);
})();
