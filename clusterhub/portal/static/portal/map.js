/* The search page's map, offline: country outlines from world-atlas as the base layer,
   the organisations found as clustered markers, and optionally the number of organisations
   per NUTS region. It follows the search: every htmx swap of #search (and going back in
   history) loads the markers for the new location.search.
   Text from the data is only ever set with textContent. */
(function () {
  "use strict";

  const element = document.getElementById("map");
  if (!element || typeof L === "undefined") {
    return;
  }
  const config = element.dataset;
  const controls = document.getElementById("map-controls");
  const regionSwitch = document.getElementById("map-regions");
  const levelSelect = document.getElementById("map-level");

  const map = L.map(element, { minZoom: 2, maxZoom: 14, zoomSnap: 0.5 }).setView([50, 15], 4);
  map.attributionControl.addAttribution(escapeText(config.attributionWorld || ""));
  map.createPane("land").style.zIndex = "250"; // below the overlay pane (400)

  const icon = L.icon({
    iconUrl: config.icon,
    iconRetinaUrl: config.icon2x,
    shadowUrl: config.shadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
    shadowSize: [41, 41],
  });

  // Base layer: country outlines, drawn on a canvas (no tiles, no internet).
  getJSON(config.world).then(function (topology) {
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      pane: "land",
      renderer: L.canvas({ pane: "land", padding: 0.5 }),
      interactive: false,
      style: { color: "#a7b0ba", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1 },
    }).addTo(map);
  }).catch(warn);

  // Markers -----------------------------------------------------------------------------
  // Declared before the group: adding it to the map already calls chunkProgress.
  let adding = null; // how many markers are being added to `markers` (chunked), if any
  let waiting = null; // features that arrived meanwhile: shown next
  const markers = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    chunkProgress: function (processed, total) {
      if (processed === total) {
        markersShown();
      }
    },
  });
  map.addLayer(markers);

  function showMarkers(features) {
    if (adding !== null) {
      waiting = features;
      return;
    }
    markers.clearLayers();
    const layers = [];
    const positions = [];
    for (const feature of features) {
      const coordinates = feature.geometry && feature.geometry.coordinates;
      if (!coordinates) {
        continue;
      }
      const position = [coordinates[1], coordinates[0]];
      const props = feature.properties || {};
      const marker = L.marker(position, { icon: icon, title: props.name, alt: props.name });
      marker.bindPopup(function () { return popup(props); });
      layers.push(marker);
      positions.push(position);
    }
    adding = layers.length;
    if (positions.length) {
      map.fitBounds(L.latLngBounds(positions), { padding: [24, 24], maxZoom: 9, animate: false });
    }
    markers.addLayers(layers); // calls chunkProgress, at the end with processed === total
  }

  function markersShown() {
    if (adding === null) {
      return;
    }
    element.dataset.count = String(adding);
    element.removeAttribute("aria-busy");
    adding = null;
    if (waiting) {
      const next = waiting;
      waiting = null;
      showMarkers(next);
    }
  }

  function popup(props) {
    const box = document.createElement("div");
    box.className = "map-popup";
    const title = document.createElement("a");
    title.className = "map-popup-title";
    title.textContent = props.name || "";
    if (typeof props.url === "string" && props.url.charAt(0) === "/") {
      title.href = props.url;
    }
    box.appendChild(title);
    if (props.name_en && props.name_en !== props.name) {
      line(box, props.name_en, "english");
    }
    const place = [props.city, props.country].filter(Boolean).join(", ");
    if (place) {
      line(box, place, "place");
    }
    if (props.members_total !== null && props.members_total !== undefined) {
      line(box, (config.labelMembers || "") + ": " + props.members_total, "members");
    }
    return box;
  }

  function line(parent, text, className) {
    const p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    parent.appendChild(p);
  }

  // Regions: clusters per NUTS region ----------------------------------------------------
  const regionRenderer = L.canvas({ padding: 0.5 });
  let regionLayer = null;
  let regionRequest = null;
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    const box = L.DomUtil.create("div", "map-legend");
    L.DomEvent.disableClickPropagation(box);
    return box;
  };

  function showRegionControls(levels) {
    const available = (levels || []).map(String);
    let any = false;
    for (const option of levelSelect.options) {
      option.hidden = available.indexOf(option.value) < 0;
      option.disabled = option.hidden;
      any = any || !option.hidden;
    }
    controls.hidden = !any;
    if (!any) {
      regionSwitch.checked = false;
      hideRegions();
      return;
    }
    if (levelSelect.selectedOptions.length && levelSelect.selectedOptions[0].disabled) {
      const first = Array.from(levelSelect.options).find(function (o) { return !o.disabled; });
      levelSelect.value = first.value;
    }
    levelSelect.hidden = available.filter(function (l) { return l === "2" || l === "3"; }).length < 2;
  }

  function loadRegions() {
    if (!regionSwitch.checked || controls.hidden) {
      hideRegions();
      return;
    }
    const params = new URLSearchParams(searchKey());
    params.set("level", levelSelect.value);
    if (regionRequest) {
      regionRequest.abort();
    }
    const request = new AbortController();
    regionRequest = request;
    getJSON(config.regions + "?" + params.toString(), request.signal).then(function (collection) {
      if (regionRequest === request) {
        regionRequest = null;
        showRegions(collection);
      }
    }).catch(warn);
  }

  function showRegions(collection) {
    hideRegions();
    let most = 0;
    for (const feature of collection.features) {
      most = Math.max(most, feature.properties.count || 0);
    }
    regionLayer = L.geoJSON(collection, {
      renderer: regionRenderer,
      attribution: escapeText(config.attributionRegions || ""),
      style: function (feature) {
        return {
          color: "#0b6e4f",
          weight: 0.6,
          opacity: 0.6,
          fillColor: "#0b6e4f",
          fillOpacity: opacity(feature.properties.count, most),
        };
      },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(function () { return regionTooltip(feature.properties); }, { sticky: true });
      },
    }).addTo(map);
    legend.addTo(map);
    fillLegend(legend.getContainer(), most);
  }

  function hideRegions() {
    if (regionLayer) {
      map.removeLayer(regionLayer);
      regionLayer = null;
    }
    legend.remove();
  }

  function opacity(count, most) {
    return count > 0 && most > 0 ? 0.12 + 0.68 * Math.sqrt(count / most) : 0;
  }

  function regionTooltip(props) {
    const box = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = props.name || props.code;
    box.appendChild(name);
    box.appendChild(document.createTextNode(" (" + props.code + "): " + props.count));
    return box;
  }

  function fillLegend(box, most) {
    box.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = config.labelRegions || "";
    box.appendChild(title);
    const steps = most > 3 ? [1, Math.round(most / 4), Math.round(most / 2), most] : [1, most];
    for (const value of Array.from(new Set(steps)).filter(function (v) { return v > 0; })) {
      const row = document.createElement("div");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.opacity = String(opacity(value, most));
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(String(value)));
      box.appendChild(row);
    }
  }

  regionSwitch.addEventListener("change", loadRegions);
  levelSelect.addEventListener("change", loadRegions);

  // Following the search ------------------------------------------------------------------
  let shownSearch = null;
  let pointRequest = null;

  // The query without what does not change the set of organisations found.
  function searchKey() {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    params.delete("sort");
    params.delete("size");
    params.sort();
    return params.toString();
  }

  function refresh() {
    const key = searchKey();
    if (key === shownSearch) {
      return;
    }
    shownSearch = key;
    if (pointRequest) {
      pointRequest.abort();
    }
    const request = new AbortController();
    pointRequest = request;
    element.setAttribute("aria-busy", "true");
    getJSON(config.points + (key ? "?" + key : ""), request.signal).then(function (collection) {
      if (pointRequest !== request) {
        return;
      }
      pointRequest = null;
      showRegionControls(collection.region_levels);
      showMarkers(collection.features || []);
      loadRegions();
    }).catch(function (error) {
      if (pointRequest === request) {
        pointRequest = null;
        shownSearch = null; // try again on the next swap
        element.removeAttribute("aria-busy");
      }
      warn(error);
    });
  }

  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "search") {
      refresh();
    }
  });
  document.body.addEventListener("htmx:historyRestore", refresh);
  refresh();

  // Helpers -------------------------------------------------------------------------------
  function getJSON(url, signal) {
    return fetch(url, { signal: signal, headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": HTTP " + response.status);
        }
        return response.json();
      });
  }

  function warn(error) {
    if (!error || error.name !== "AbortError") {
      console.warn("map:", error);
    }
  }

  // Leaflet writes attributions as HTML; ours are plain text.
  function escapeText(text) {
    const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }
})();
