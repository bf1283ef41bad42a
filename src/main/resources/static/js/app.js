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

    // A copy of a table row with every input emptied and the row's number in its names and ids (states[3].code,
    // states-3-code, line3.quantity) made index; labels counting from one ("Line 4 quantity") say index + 1.
    function blankCopy(row, index) {
        var copy = row.cloneNode(true);
        copy.querySelectorAll("[name], [id], [for], [aria-label]").forEach(function (element) {
            ["name", "id", "for"].forEach(function (attribute) {
                var value = element.getAttribute(attribute);
                if (value) {
                    element.setAttribute(attribute, value.replace(/\d+/, String(index)));
                }
            });
            var label = element.getAttribute("aria-label");
            if (label) {
                element.setAttribute("aria-label", label.replace(/\d+/, String(index + 1)));
            }
        });
        copy.querySelectorAll("input, textarea").forEach(function (input) {
            if (input.type === "checkbox" || input.type === "radio") {
                input.checked = input.defaultChecked = false;
            } else if (input.type !== "hidden") {
                input.value = input.defaultValue = "";
            }
        });
        copy.querySelectorAll("select").forEach(function (select) {
            select.querySelectorAll("option").forEach(function (option) {
                option.defaultSelected = false;
            });
            select.selectedIndex = 0;
        });
        copy.querySelectorAll(".field-error").forEach(function (error) {
            error.remove();
        });
        copy.querySelectorAll(".invalid").forEach(function (cell) {
            cell.classList.remove("invalid");
        });
        copy.querySelectorAll("details").forEach(function (details) {
            details.open = false;
        });
        copy.querySelectorAll("[data-blank-text]").forEach(function (element) {
            element.textContent = element.getAttribute("data-blank-text");
        });
        return copy;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var toggle = document.getElementById("menu-toggle");
        var sidebar = document.getElementById("sidebar");
        if (toggle && sidebar) {
            toggle.addEventListener("click", function () {
                var open = sidebar.classList.toggle("open");
                toggle.setAttribute("aria-expanded", String(open));
            });
        }
        // An "Add a row" button (hidden without JavaScript, when the spare rows do) copies its table's last row,
        // blank and numbered next, so a form that reads rows 0, 1, 2… in turn reads it too.
        document.querySelectorAll("button[data-add-row]").forEach(function (button) {
            var body = document.querySelector("#" + button.getAttribute("data-add-row") + " tbody");
            var max = Number(button.getAttribute("data-max-rows")) || Infinity;
            if (!body || body.rows.length === 0 || body.rows.length >= max) {
                return;
            }
            button.hidden = false;
            button.addEventListener("click", function () {
                var row = blankCopy(body.rows[body.rows.length - 1], body.rows.length);
                body.appendChild(row);
                var first = row.querySelector("input:not([type='hidden']), select");
                if (first) {
                    first.focus();
                }
                button.hidden = body.rows.length >= max;
            });
        });

        // The client switcher applies a choice at once; without JavaScript its button does.
        document.querySelectorAll("select.auto-submit").forEach(function (select) {
            select.addEventListener("change", function () {
                select.form.submit();
            });
        });
    });
})();
