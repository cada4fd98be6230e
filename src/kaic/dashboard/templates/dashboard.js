(function () {
  "use strict";

  // Sortable tables: every <th> holding a <button data-sort> sorts its column.
  function sortKey(cell, kind) {
    if (!cell) return kind === "text" ? "" : Infinity;
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (kind === "num") {
      var n = parseFloat(raw);
      return isNaN(n) ? Infinity : n;
    }
    if (kind === "version") {
      return raw.split(".").map(function (p) { return ("00000" + p).slice(-5); }).join(".");
    }
    return raw.toLocaleLowerCase();
  }

  function sortTable(table, th) {
    var headRow = th.parentNode;
    var index = Array.prototype.indexOf.call(headRow.children, th);
    var kind = th.querySelector("button").getAttribute("data-sort");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(headRow.children, function (other) {
      if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.children[index], kind), y = sortKey(b.children[index], kind);
      if (x < y) return ascending ? -1 : 1;
      if (x > y) return ascending ? 1 : -1;
      return 0;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      var button = th.querySelector("button[data-sort]");
      if (button) button.addEventListener("click", function () { sortTable(table, th); });
    });
  });

  // Filters: hide the rows that do not match; say how many are shown.
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function bindFilters(form, table, counter, noun, match) {
    if (!form || !table) return;
    function apply() {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (el) { if (el.name) values[el.name] = el.value; });
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = match(row, values);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      counter.textContent = shown === rows.length ? plural(rows.length, noun)
        : shown + " of " + plural(rows.length, noun) + " shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  function text(row) { return row.textContent.toLocaleLowerCase(); }

  bindFilters(document.getElementById("matrix-filters"), document.getElementById("matrix-table"),
    document.getElementById("matrix-count"), "submission", function (row, f) {
      if (f.vendor && row.getAttribute("data-vendor") !== f.vendor) return false;
      if (f.version && row.getAttribute("data-version") !== f.version) return false;
      if (f.group && row.getAttribute("data-group") !== f.group) return false;
      if (f.cert) {
        var cert = row.getAttribute("data-cert"), seen = row.getAttribute("data-platform-status");
        if (f.cert === "current" && cert !== "current") return false;
        if (f.cert === "platform" && cert !== "current" && seen !== "renewed") return false;
        if (f.cert === "lapsed" && (cert === "current" || cert === "")) return false;
      }
      if (f.requirement || f.status) {
        var hit = false;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-r") || cell.getAttribute("data-s") === "") return;
          if (f.requirement && cell.getAttribute("data-r") !== f.requirement) return;
          if (f.status && cell.getAttribute("data-s") !== f.status) return;
          hit = true;
        });
        if (!hit) return false;
      }
      if (f.q && text(row).indexOf(f.q.toLocaleLowerCase()) < 0 &&
          (row.getAttribute("data-path") || "").toLocaleLowerCase().indexOf(f.q.toLocaleLowerCase()) < 0) return false;
      return true;
    });

  bindFilters(document.getElementById("findings-filters"), document.getElementById("findings-table"),
    document.getElementById("findings-count"), "finding", function (row, f) {
      if (f.severity && row.getAttribute("data-severity") !== f.severity) return false;
      if (f.q && text(row).indexOf(f.q.toLocaleLowerCase()) < 0) return false;
      return true;
    });

  // Submission details open as an overlay on their #fragment; Escape closes them.
  var opener = null;
  function openDetail() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains("detail")) {
      var heading = target.querySelector("h2");
      if (heading) heading.focus();
      document.body.style.overflow = "hidden";
    } else {
      document.body.style.overflow = "";
      if (opener && document.body.contains(opener)) { opener.focus(); opener = null; }
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#sub-']") : null;
    if (link) opener = link;
  });
  window.addEventListener("hashchange", openDetail);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains("detail")) {
      event.preventDefault();
      window.location.hash = "#matrix";
    }
  });
  openDetail();
})();
