// The map pin of a public initiative's page: Leaflet, no internet tiles (the pin over a plain map).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('story-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var lat = parseFloat(el.dataset.lat);
  var lon = parseFloat(el.dataset.lon);
  var map = L.map(el, {attributionControl: false}).setView([lat, lon], 10);
  L.marker([lat, lon], {title: el.dataset.label, alt: el.dataset.label}).addTo(map).bindPopup(el.dataset.label);
});
