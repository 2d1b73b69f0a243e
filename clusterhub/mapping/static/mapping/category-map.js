/* The category dashboard's map: the location quotient or the stars of each region, on the
   offline country outlines of world-atlas (no tiles, no CDN). Regions link to their
   dashboards. Text from the data is only ever set with textContent. */
(function () {
  "use strict";

  const element = document.getElementById("mapping-map");
  if (!element || typeof L === "undefined") {
    return;
  }
  const config = element.dataset;
  const measure = config.measure === "stars" ? "stars" : "lq";
  const STARS = ["#e9eef0", "#b7dfcf", "#4fae8a", "#0b6e4f"];
  const LQ_STEPS = [0.8, 1.25, 2, 4]; // class limits; below the first is "less specialised"
  const LQ_COLOURS = ["#e9eef0", "#cfe8de", "#8ccab0", "#3f9c78", "#0b6e4f"];
  const NO_DATA = "#ffffff";

  const map = L.map(element, { minZoom: 2, maxZoom: 10, zoomSnap: 0.5 }).setView([50, 15], 4);
  map.attributionControl.addAttribution(escapeText(config.attributionWorld || ""));
  map.createPane("land").style.zIndex = "250";

  getJSON(config.world).then(function (topology) {
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      pane: "land",
      renderer: L.canvas({ pane: "land", padding: 0.5 }),
      interactive: false,
      style: { color: "#a7b0ba", weight: 0.6, fillColor: "#f6f7f8", fillOpacity: 1 },
    }).addTo(map);
  }).catch(warn);

  element.setAttribute("aria-busy", "true");
  getJSON(config.regions).then(function (collection) {
    const layer = L.geoJSON(collection, {
      attribution: escapeText(config.attributionRegions || ""),
      style: function (feature) {
        return {
          color: "#4a5a6a",
          weight: 0.5,
          fillColor: colour(feature.properties),
          fillOpacity: 0.9,
        };
      },
      onEachFeature: function (feature, region) {
        region.bindTooltip(function () { return tooltip(feature.properties); }, { sticky: true });
        region.on("click", function () {
          const url = feature.properties.url;
          if (typeof url === "string" && url.charAt(0) === "/") {
            window.location.assign(url);
          }
        });
      },
    }).addTo(map);
    if (collection.features.length) {
      map.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
    }
    addLegend();
    element.dataset.count = String(collection.features.length);
    element.removeAttribute("aria-busy");
  }).catch(function (error) {
    element.removeAttribute("aria-busy");
    warn(error);
  });

  function colour(props) {
    if (measure === "stars") {
      return props.stars === null || props.stars === undefined ? NO_DATA : STARS[props.stars] || NO_DATA;
    }
    if (props.lq === null || props.lq === undefined) {
      return NO_DATA;
    }
    let step = 0;
    while (step < LQ_STEPS.length && props.lq >= LQ_STEPS[step]) {
      step += 1;
    }
    return LQ_COLOURS[step];
  }

  function tooltip(props) {
    const box = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = props.name || props.code;
    box.appendChild(name);
    box.appendChild(document.createTextNode(" (" + props.code + ")"));
    line(box, config.labelLq, props.lq === null ? null : props.lq.toFixed(2));
    if (measure === "stars") {
      line(box, config.labelStars, props.stars === null ? null : "★".repeat(props.stars) + "☆".repeat(3 - props.stars));
    }
    line(box, config.labelEmployment, props.employment === null ? null : Math.round(props.employment).toLocaleString());
    return box;
  }

  function line(parent, label, value) {
    const p = document.createElement("div");
    p.textContent = (label || "") + ": " + (value === null || value === undefined ? config.labelNoData || "" : value);
    parent.appendChild(p);
  }

  function addLegend() {
    const legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      const box = L.DomUtil.create("div", "map-legend");
      const title = document.createElement("strong");
      title.textContent = measure === "stars" ? config.labelStars || "" : config.labelLq || "";
      box.appendChild(title);
      const entries = measure === "stars"
        ? STARS.map(function (fill, stars) { return [fill, "★".repeat(stars) + "☆".repeat(3 - stars)]; })
        : LQ_COLOURS.map(function (fill, step) {
          const low = step === 0 ? null : LQ_STEPS[step - 1];
          const high = step < LQ_STEPS.length ? LQ_STEPS[step] : null;
          return [fill, low === null ? "< " + high : high === null ? "≥ " + low : low + "–" + high];
        });
      entries.push([NO_DATA, config.labelNoData || ""]);
      for (const entry of entries) {
        const row = document.createElement("div");
        const swatch = document.createElement("span");
        swatch.className = "mapping-swatch";
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(entry[1]));
        box.appendChild(row);
        swatch.style.backgroundColor = entry[0];
      }
      return box;
    };
    legend.addTo(map);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": HTTP " + response.status);
        }
        return response.json();
      });
  }

  function warn(error) {
    console.warn("mapping map:", error);
  }

  function escapeText(text) {
    const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }
})();
