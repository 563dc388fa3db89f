/*
 * Canopy's partner directory, embedded: put <div data-canopy-directory></div> where the list goes and load this
 * script. Filters come from the div's attributes (data-type, data-region, data-industry, data-service,
 * data-certification, data-tier). Everything shown is set as text, never as HTML, and only http(s) links are
 * followed, so a partner's words cannot run on the page.
 */
(function () {
  "use strict";
  var feed = "__CANOPY_FEED__";
  var filters = ["type", "region", "industry", "service", "certification", "tier"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeLink(href, text) {
    try {
      var url = new URL(String(href));
      if (url.protocol !== "https:" && url.protocol !== "http:") return el("span", null, text);
      var a = el("a", null, text);
      a.href = url.href;
      a.rel = "noopener";
      return a;
    } catch (e) {
      return el("span", null, text);
    }
  }

  function card(p) {
    var item = el("li", "canopy-directory-partner");
    var title = el("h3", "canopy-directory-name");
    title.appendChild(safeLink(p.profileUrl, p.name));
    item.appendChild(title);
    var facts = [];
    if (p.tier) facts.push(p.tier);
    if (p.typeLabels && p.typeLabels.length) facts.push(p.typeLabels.join(", "));
    if (p.certifiedPeople > 0) facts.push(p.certifiedPeople + " certified");
    if (facts.length) item.appendChild(el("p", "canopy-directory-facts", facts.join(" · ")));
    if (p.description) item.appendChild(el("p", "canopy-directory-description", p.description));
    var tags = (p.services || []).concat(p.regions || []);
    if (tags.length) item.appendChild(el("p", "canopy-directory-tags", tags.join(" · ")));
    return item;
  }

  function show(target, data) {
    while (target.firstChild) target.removeChild(target.firstChild);
    var list = el("ul", "canopy-directory-list");
    (data.partners || []).forEach(function (p) {
      list.appendChild(card(p));
    });
    if (!list.firstChild) target.appendChild(el("p", "canopy-directory-empty", "No partners match."));
    target.appendChild(list);
    var more = el("p", "canopy-directory-more");
    more.appendChild(safeLink(data.directoryUrl, "All partners"));
    target.appendChild(more);
  }

  function load(target) {
    var query = filters
      .filter(function (f) { return target.getAttribute("data-" + f); })
      .map(function (f) { return encodeURIComponent(f) + "=" + encodeURIComponent(target.getAttribute("data-" + f)); })
      .join("&");
    fetch(feed + (query ? "?" + query : ""), { credentials: "omit" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (data) { show(target, data); })
      .catch(function () { target.textContent = "The partner directory is not available right now."; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-canopy-directory]"), load);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
