// The API's documentation (Swagger UI at /api/docs): Swagger UI draws selects without a name (the server, a response's
// media type). A screen reader needs one, so each gets the words next to it or a Danish name, also when Swagger UI
// draws more as an operation opens.
(function () {
    'use strict';
    document.documentElement.lang = 'da';
    function nameSelects(root) {
        root.querySelectorAll('select:not([aria-label]):not([aria-labelledby])').forEach(function (select) {
            if (select.labels && select.labels.length > 0) {
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
