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
  // Copy buttons: <button data-copy="#id">.
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.dataset.copy);
      await navigator.clipboard.writeText(source.textContent.trim());
      const label = button.innerHTML;
      button.textContent = "Copied";
      setTimeout(() => (button.innerHTML = label), 1500);
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
});
