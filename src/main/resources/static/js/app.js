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

    // A "tick all" box ticks every box of its form; delegated, so lists htmx swaps in work too.
    document.addEventListener("change", function (event) {
        var all = event.target;
        if (all.matches && all.matches("input[data-tick-all]") && all.form) {
            all.form.querySelectorAll("input[name='" + all.getAttribute("data-tick-all") + "']").forEach(function (box) {
                box.checked = all.checked;
            });
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
