// Draws the Vega-Lite charts of a page (div.vega-chart with its spec in data-spec) with
// vega-embed. The expression interpreter and tooltip: false keep within the CSP: no eval(),
// no inline style. The figures of each chart are also on the page as a table.
document.addEventListener("DOMContentLoaded", () => {
  for (const element of document.querySelectorAll("div.vega-chart[data-spec]")) {
    const spec = JSON.parse(element.dataset.spec);
    vegaEmbed(element, spec, {
      actions: false,
      ast: true,
      expr: vega.expressionInterpreter,
      renderer: "svg",
      defaultStyle: false,
      tooltip: false,
    }).catch((error) => {
      element.textContent = element.dataset.error || String(error);
    });
  }
});
