// The dashboard's charts (ECharts), drawn from the JSON block the page carries (no inline script).
document.addEventListener('DOMContentLoaded', function () {
  var block = document.getElementById('dashboard-data');
  if (!block || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  var number = new Intl.NumberFormat(document.documentElement.lang || 'vi');
  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element);
    chart.setOption(Object.assign({ textStyle: { fontFamily: 'inherit' }, aria: { enabled: true } }, option));
    window.addEventListener('resize', function () { chart.resize(); });
  }
  draw('chart-sectors', {
    tooltip: { trigger: 'item', valueFormatter: function (v) { return number.format(v); } },
    series: [{ type: 'pie', radius: ['35%', '70%'], data: data.bySector, label: { formatter: '{b}: {c}' } }]
  });
  draw('chart-years', {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: data.years },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: block.dataset.totalLabel, data: data.totals },
             { type: 'line', name: block.dataset.newLabel, data: data.newByYear }]
  });
  draw('chart-children', {
    tooltip: { trigger: 'axis' },
    grid: { left: 160, right: 20, top: 10, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: data.children.slice().reverse(), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ type: 'bar', data: data.childTotals.slice().reverse() }]
  });
});

// The map: the child units' boundaries (imported by the users) coloured by their totals, no tiles.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('dashboard-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  fetch(element.dataset.src, { credentials: 'same-origin' }).then(function (response) {
    return response.json();
  }).then(function (collection) {
    var totals = collection.features.map(function (f) { return f.properties.total; });
    var max = Math.max.apply(null, totals.concat([1]));
    var map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    var layer = L.geoJSON(collection, {
      style: function (feature) {
        var share = feature.properties.total / max;
        return { color: '#335', weight: 1, fillOpacity: 0.15 + 0.75 * share, fillColor: '#b22222' };
      },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(feature.properties.name + ': ' + feature.properties.total);
      }
    }).addTo(map);
    if (collection.features.length > 0) {
      map.fitBounds(layer.getBounds());
    }
  });
});
