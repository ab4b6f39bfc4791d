// Warns before the user leaves a page with a form whose changes are not saved.
// A form opts in with data-unsaved-warning; data-unsaved-warning="dirty" marks a form the server showed again
// after a refused save, whose content is therefore not saved yet. Sending a form disarms the warning for that
// form only: sending one form while another has unsaved changes still warns, because those changes would be lost.
(function () {
    'use strict';

    var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-unsaved-warning]'));
    if (forms.length === 0) {
        return;
    }

    // What the form would send, as text; a file field counts by the names of the chosen files.
    function state(form) {
        var parts = [];
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button' || field.type === 'reset') {
                return;
            }
            if (field.type === 'file') {
                parts.push(field.name + '=' + Array.prototype.map.call(field.files, function (f) { return f.name; }).join('|'));
            } else if (field.type === 'checkbox' || field.type === 'radio') {
                parts.push(field.name + '=' + field.value + ':' + field.checked);
            } else if (field.tagName === 'SELECT') {
                parts.push(field.name + '=' + Array.prototype.filter.call(field.options, function (o) { return o.selected; })
                    .map(function (o) { return o.value; }).join('|'));
            } else {
                parts.push(field.name + '=' + field.value);
            }
        });
        return parts.join('\n');
    }

    var saved = new Map();
    forms.forEach(function (form) {
        saved.set(form, form.getAttribute('data-unsaved-warning') === 'dirty' ? null : state(form));
    });

    var sending = null;

    function hasUnsavedChanges(form) {
        return form !== sending && (saved.get(form) === null || state(form) !== saved.get(form));
    }

    document.addEventListener('submit', function (event) {
        if (saved.has(event.target)) {
            sending = event.target;
        }
    });

    // Back to a page kept in the browser's cache: nothing is being sent any more.
    window.addEventListener('pageshow', function () {
        sending = null;
    });

    window.addEventListener('beforeunload', function (event) {
        if (forms.some(hasUnsavedChanges)) {
            event.preventDefault();
            // Older browsers show the dialog only when returnValue is set.
            event.returnValue = '';
        }
    });
}());
