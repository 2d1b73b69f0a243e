// The cluster picker: a text box with data-cluster-picker="one" suggests "Name (CC)" from the
// registry's public search as one types (a <datalist>, the browser's own keyboard-accessible
// list); a box with data-cluster-picker="many" (a textarea, one cluster per line) gets a box
// under it whose chosen suggestions are added as lines. Without this script the boxes take
// the same text typed by hand; the server reads and checks it either way.
// Data is only ever put into the page as text (option values, textContent), never as HTML.
(() => {
  "use strict";
  const WAIT_MS = 250; // after the last key, so a word typed fast is one request
  const SHOWN = 10;
  let counter = 0;

  // "Name (CC)", or the registry id where the answer holds two of that name and country
  // (the server would refuse that text as ambiguous).
  function entries(results) {
    const seen = new Map();
    for (const r of results) {
      const key = `${r.name} (${r.country})`;
      seen.set(key, (seen.get(key) || 0) + 1);
    }
    return results.map((r) => {
      const text = `${r.name} (${r.country})`;
      return seen.get(text) > 1 ? { value: String(r.pk), label: text } : { value: text, label: "" };
    });
  }

  function attach(input, box) {
    const id = `cluster-picker-${++counter}`;
    const list = document.createElement("datalist");
    list.id = `${id}-list`;
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.setAttribute("list", list.id);
    input.after(list, status);
    let timer = 0;
    let pending = null;
    let asked = "";

    async function search(text) {
      if (pending) pending.abort();
      pending = new AbortController();
      const url = new URL(box.dataset.searchUrl, location.origin);
      url.searchParams.set("q", text);
      url.searchParams.set("size", String(SHOWN));
      let answer;
      try {
        const response = await fetch(url, {
          signal: pending.signal,
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        answer = await response.json();
      } catch (error) {
        return; // overtaken by the next search, or offline: the box still takes typed text
      }
      const found = entries(Array.isArray(answer.results) ? answer.results : []);
      list.replaceChildren(
        ...found.map((entry) => {
          const option = document.createElement("option");
          option.value = entry.value;
          if (entry.label) option.label = entry.label;
          return option;
        })
      );
      status.textContent = found.length
        ? (box.dataset.found || "{count}").replace("{count}", String(found.length))
        : box.dataset.none || "";
    }

    input.addEventListener("input", () => {
      const text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < 2 || /^\d+$/.test(text) || text === asked) return;
      timer = window.setTimeout(() => {
        asked = text;
        search(text);
      }, WAIT_MS);
    });
    return list;
  }

  function attachOne(input) {
    attach(input, input);
  }

  // A box under the textarea; a chosen suggestion (or Enter, or the button) adds its line.
  function attachMany(area) {
    const wrap = document.createElement("div");
    wrap.className = "cluster-picker-add";
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "text";
    input.id = `${area.id || "cluster-picker"}-add`;
    input.autocomplete = "off";
    input.spellcheck = false;
    label.htmlFor = input.id;
    label.textContent = area.dataset.addLabel || "";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = area.dataset.addButton || "+";
    wrap.append(label, input, button);
    area.after(wrap); // under the list it adds to, which stays by its label
    const list = attach(input, area);

    function add() {
      const text = input.value.trim();
      if (!text) return;
      const lines = area.value.split("\n").map((line) => line.trim()).filter(Boolean);
      if (!lines.includes(text)) lines.push(text);
      area.value = lines.join("\n");
      input.value = "";
      input.focus();
    }
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // adds the line; it does not send the form
        add();
      }
    });
    // Choosing from the list fills the box with an option's whole value.
    input.addEventListener("input", () => {
      const text = input.value;
      if ([...list.options].some((option) => option.value === text)) add();
    });
    button.addEventListener("click", add);
  }

  function start() {
    for (const box of document.querySelectorAll("[data-cluster-picker]")) {
      if (box.dataset.clusterPicker === "many") attachMany(box);
      else attachOne(box);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
