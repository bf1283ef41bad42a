// Behaviour the pages share. Kept in a file because the Content-Security-Policy allows no inline scripts.
(function () {
    "use strict";

    // htmx requests are POSTs too, so they carry the same CSRF token as the forms.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name='_csrf']");
        var header = document.querySelector("meta[name='_csrf_header']");
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    document.addEventListener("DOMContentLoaded", function () {
        var toggle = document.getElementById("menu-toggle");
        var sidebar = document.getElementById("sidebar");
        if (toggle && sidebar) {
            toggle.addEventListener("click", function () {
                var open = sidebar.classList.toggle("open");
                toggle.setAttribute("aria-expanded", String(open));
            });
        }
        // The client switcher applies a choice at once; without JavaScript its button does.
        document.querySelectorAll("select.auto-submit").forEach(function (select) {
            select.addEventListener("change", function () {
                select.form.submit();
            });
        });
    });
})();
