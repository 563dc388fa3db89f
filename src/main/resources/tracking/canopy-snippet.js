/* Canopy tracking snippet: keeps the partner click id in a first-party cookie and reports sign-ups. */
(function () {
  var endpoint = __ENDPOINT__, days = __DAYS__, domains = __DOMAINS__;
  var CLICK = "cnp_click", REF = "cnp_ref";

  function param(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(window.location.search);
    return match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : null;
  }
  function cookieDomain() {
    var host = window.location.hostname;
    for (var i = 0; i < domains.length; i++) {
      if (host === domains[i] || host.slice(-domains[i].length - 1) === "." + domains[i]) return domains[i];
    }
    return null;
  }
  function keep(name, value) {
    var domain = cookieDomain();
    document.cookie = name + "=" + encodeURIComponent(value) + "; Max-Age=" + days * 86400 + "; Path=/; SameSite=Lax" +
      (domain ? "; Domain=" + domain : "") + (window.location.protocol === "https:" ? "; Secure" : "");
  }
  function read(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  var click = param(CLICK), ref = param(REF);
  if (click) keep(CLICK, click);
  if (ref) keep(REF, ref);

  window.canopy = {
    /** The click id to pass on, e.g. as Stripe Checkout's client_reference_id. */
    clickId: function () { return read(CLICK); },
    ref: function () { return read(REF); },
    /** Reports a sign-up: canopy.lead({email: "…", customerId: "…", name: "…"}). */
    lead: function (lead) {
      lead = lead || {};
      var body = { clickId: read(CLICK), partnerRef: read(REF), email: lead.email, customerId: lead.customerId, name: lead.name };
      if (!body.clickId && !body.partnerRef) return Promise.resolve({ outcome: "NO_PARTNER" });
      return fetch(endpoint, {
        method: "POST", mode: "cors", credentials: "omit", keepalive: true,
        headers: { "Content-Type": "text/plain" }, body: JSON.stringify(body)
      }).then(function (response) { return response.json(); });
    }
  };
})();
