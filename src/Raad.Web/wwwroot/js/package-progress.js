// The package page while the package is built: looks again every other second and shows the progress in place (its
// status region tells a screen reader), then the download link once the package is ready. Without script the page
// has a link to look again.
(function () {
    'use strict';
    var result = document.getElementById('package-result');
    if (!result) {
        return;
    }
    function look() {
        fetch(location.href, { credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('package-result');
                if (!fresh) {
                    return;
                }
                var state = fresh.querySelector('#package-state[data-building]');
                var shown = result.querySelector('#package-state[data-building]');
                if (state && shown) {
                    shown.querySelector('label').textContent = state.querySelector('label').textContent;
                    var bar = shown.querySelector('progress');
                    bar.value = state.querySelector('progress').value;
                    bar.textContent = state.querySelector('progress').textContent;
                    setTimeout(look, 2000);
                } else {
                    result.replaceChildren.apply(result, Array.prototype.slice.call(fresh.childNodes));
                }
            })
            .catch(function () { setTimeout(look, 5000); });
    }
    setTimeout(look, 2000);
})();
