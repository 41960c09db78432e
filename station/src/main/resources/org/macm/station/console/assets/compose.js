// Compose page: keeps a half-written message in this tab's sessionStorage, so that an expired
// session (login again) does not lose it, and opens a form when one is chosen from the list.
// No inline script: the page's CSP allows only files served by the console.
(function () {
  "use strict";
  var KEY = "macm.compose.draft";
  var SENT = "macm_compose_sent";

  function form() { return document.getElementById("compose-form"); }

  function fields(f) {
    var out = {};
    Array.prototype.forEach.call(f.elements, function (el) {
      if (el.name && el.name !== "csrf" && el.name !== "action" && el.type !== "submit") {
        out[el.name] = el.value;
      }
    });
    return out;
  }

  function save() {
    var f = form();
    if (!f) { return; }
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ template: f.dataset.template || "", fields: fields(f) }));
    } catch (e) { /* storage full or disabled: the draft is simply not kept */ }
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  function forgetIfSent() {
    if (document.cookie.split(";").some(function (c) { return c.trim().indexOf(SENT + "=") === 0; })) {
      sessionStorage.removeItem(KEY);
      document.cookie = SENT + "=; Path=/compose; Max-Age=0; SameSite=Strict";
      return true;
    }
    return false;
  }

  function restore(f, draft) {
    var missing = false;
    Object.keys(draft.fields).forEach(function (name) {
      var value = draft.fields[name];
      var el = f.elements.namedItem(name);
      if (el && el.value !== undefined) {
        el.value = value;
      } else if (value !== "") {
        // a list item the fresh page has no slot for: carried as a hidden input, and the preview
        // below renders the form again with a slot for every item
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = name;
        hidden.value = value;
        hidden.setAttribute("data-restored", "");
        f.appendChild(hidden);
        missing = true;
      }
    });
    if (missing) {
      var preview = f.querySelector("button[value=preview]");
      if (preview) { preview.click(); }
    }
  }

  function start() {
    var f = form();
    if (!f) { return; }
    var sent = forgetIfSent();
    var mode = f.dataset.restore || "";
    var draft = sent ? null : load();
    if (draft && (mode === "fresh" || mode === "restore:" + draft.template)) {
      if (mode === "fresh" && draft.template) {
        location.replace("/compose?template=" + encodeURIComponent(draft.template));
        return;
      }
      restore(f, draft);
    } else if (mode === "keep") {
      save();
    }
    f.addEventListener("input", save);
    f.addEventListener("change", save);
    document.body.addEventListener("htmx:afterSwap", function () {
      // the swapped form now has an input for every restored value: drop the carriers
      Array.prototype.forEach.call(f.querySelectorAll("input[data-restored]"), function (el) { el.remove(); });
      save();
    });
    var choose = document.getElementById("compose-template");
    if (choose) {
      choose.addEventListener("change", function () { choose.form.submit(); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
