// Small behaviours of every page, kept out of the HTML so the CSP can forbid inline script.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-submit-on-change")) {
    // htmx may have changed the address since the page was rendered (a search): come back
    // to where the reader is now, not to the page's first address.
    const next = target.form.elements.namedItem("next");
    if (next instanceof HTMLInputElement) {
      next.value = location.pathname + location.search;
    }
    target.form.submit();
  }
});
