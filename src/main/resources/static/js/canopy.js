// Small behaviours shared by every page; no build step, no framework.
document.addEventListener("DOMContentLoaded", () => {
  // htmx requests carry the CSRF token like forms do.
  const token = document.querySelector("meta[name=_csrf]");
  const header = document.querySelector("meta[name=_csrf_header]");
  if (token && header) {
    document.body.addEventListener("htmx:configRequest", (event) => {
      event.detail.headers[header.content] = token.content;
    });
  }
  // Copy buttons: <button data-copy="#id" data-copied="Copied">, data-copied in the page's language.
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.dataset.copy);
      await navigator.clipboard.writeText(source.textContent.trim());
      const label = button.innerHTML;
      const name = button.getAttribute("aria-label");
      const copied = button.dataset.copied || "Copied";
      button.textContent = copied;
      // The accessible name says what the button shows (WCAG 2.5.3), then goes back with it.
      if (name) button.setAttribute("aria-label", copied);
      setTimeout(() => {
        button.innerHTML = label;
        if (name) button.setAttribute("aria-label", name);
      }, 1500);
    });
  });
  // Forms that ask before doing something that cannot be undone: <form data-confirm="...">.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Bulk selection: <input type="checkbox" data-check-all="ids"> ticks every checkbox named ids, and
  // <span data-checked-count="ids"> counts the ticked ones; delegated, so rows htmx loads later count too.
  const countTicked = () =>
    document.querySelectorAll("[data-checked-count]").forEach((counter) => {
      const name = counter.dataset.checkedCount;
      counter.textContent = document.querySelectorAll(`input[type=checkbox][name="${name}"]:checked`).length;
    });
  document.body.addEventListener("change", (event) => {
    const all = event.target.closest("[data-check-all]");
    if (all) {
      document
        .querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`)
        .forEach((box) => (box.checked = all.checked));
    }
    countTicked();
  });
  countTicked();
  // A box that scrolls sideways (a wide table on a phone, a code sample) can be scrolled from the keyboard too.
  const focusableScrolling = () =>
    document.querySelectorAll(".table-responsive, pre").forEach((box) => {
      if (box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
      } else if (box.tabIndex === 0) {
        box.removeAttribute("tabindex");
      }
    });
  focusableScrolling();
  window.addEventListener("resize", focusableScrolling);
  // Tabs that scroll sideways on a phone show the current one.
  document.querySelectorAll(".nav-tabs .nav-link.active").forEach((tab) => {
    const tabs = tab.closest(".nav-tabs");
    if (tabs.scrollWidth > tabs.clientWidth) {
      tabs.scrollLeft = tab.offsetLeft - (tabs.clientWidth - tab.offsetWidth) / 2;
    }
  });
});
