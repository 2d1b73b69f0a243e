/* The small map on a profile page: the organisation's place on offline country outlines. */
(function () {
  "use strict";
  const element = document.getElementById("profile-map");
  if (!element || typeof L === "undefined") {
    return;
  }
  const data = element.dataset;
  const point = [Number(data.lat), Number(data.lon)];
  const map = L.map(element, { zoomControl: true, attributionControl: true }).setView(point, 6);
  map.attributionControl.addAttribution("Natural Earth");
  fetch(data.world)
    .then(function (response) { return response.json(); })
    .then(function (topology) {
      const countries = topojson.feature(topology, topology.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#a7b0ba", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    })
    .catch(function (error) { console.warn("profile map:", error); });
  L.circleMarker(point, { radius: 8, color: "#0b6e4f", fillColor: "#0b6e4f", fillOpacity: 0.8 })
    .addTo(map);
  element.setAttribute("data-ready", "true");
})();
