// The Map page's script (its own file: the CSP forbids inline script). It draws the offline
// coastlines (Natural Earth, served from the station's jar) once, then the encounter watch's
// picture from /map/data: zones, tracks with their course, encounters with their closest point
// of approach, and the alerts list beside the map. It re-reads the picture on each "watch"
// event of the console's stream (console.js turns it into "sse:watch" on <body>) and every 5 s.
//
// Everything in /map/data that came from a feed (a vessel's name above all) is untrusted: it is
// only ever put into the page as text (textContent, or a DOM node given to Leaflet's tooltip),
// never as HTML. Colours and shapes live in console.css, chosen by class name.
(function () {
  'use strict';
  var page = document.getElementById('map-page');
  var box = document.getElementById('map');
  if (!page || !box || !window.L) { return; }
  var L = window.L;
  var labels = page.dataset;
  var REFRESH_MS = 5000;
  var VECTOR_MINUTES = 6;

  var map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth');
  map.setView([20, 0], 2);
  var canvas = L.canvas({ padding: 0.5 });
  var zones = L.layerGroup().addTo(map);
  var encounters = L.layerGroup().addTo(map);
  var tracks = L.layerGroup().addTo(map);
  var status = document.getElementById('map-status');
  var list = document.getElementById('map-alerts');
  var fitted = false;
  var loading = false;
  var again = false;
  var cpaById = {};
  var drawn = { zones: '', alerts: '', tracks: {}, encounters: {} };

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  // A tooltip's content as a DOM node: Leaflet would parse a string as HTML.
  function tip(lines) {
    var node = document.createElement('span');
    lines.forEach(function (line, i) {
      if (i > 0) { node.appendChild(document.createElement('br')); }
      node.appendChild(document.createTextNode(line));
    });
    return node;
  }

  function latLng(p) { return [p.lat, p.lon]; }

  // Where the unit will be after VECTOR_MINUTES at its course and speed (flat-earth: a short line).
  function ahead(t) {
    var nm = t.speed * VECTOR_MINUTES / 60;
    var rad = t.course * Math.PI / 180;
    var dLat = nm * Math.cos(rad) / 60;
    var dLon = nm * Math.sin(rad) / (60 * Math.max(0.01, Math.cos(t.position.lat * Math.PI / 180)));
    return [t.position.lat + dLat, t.position.lon + dLon];
  }

  fetch('/assets/coastline.geojson', { credentials: 'same-origin' }).then(function (r) {
    return r.ok ? r.json() : null;
  }).then(function (coast) {
    if (!coast) { return; }
    var land = L.geoJSON(coast, {
      renderer: canvas, interactive: false, noClip: true,
      style: function () { return { color: '#6b7d8c', weight: 1, fillColor: '#d9d4c3', fillOpacity: 1 }; }
    }).addTo(map);
    land.bringToBack();
  }).catch(function () { /* the picture is drawn without coastlines */ });

  // Zones rarely change: redrawn only when they do.
  function drawZones(data) {
    var signature = JSON.stringify(data.zones);
    if (signature === drawn.zones) { return; }
    drawn.zones = signature;
    zones.clearLayers();
    data.zones.forEach(function (z) {
      var rings = z.polygons.map(function (polygon) {
        return polygon.map(function (ring) { return ring.map(function (c) { return [c[1], c[0]]; }); });
      });
      L.polygon(rings, { className: 'map-zone ' + z.party })
        .bindTooltip(tip([z.name, z.kind])).addTo(zones);
    });
  }

  // Tracks and encounters are kept by id and moved, so that an open tooltip stays open while
  // the picture changes every second.
  function keep(layer, kept, wanted, make, update) {
    Object.keys(kept).forEach(function (id) {
      if (!wanted[id] || kept[id].shape !== wanted[id].shape) {
        kept[id].layers.forEach(function (l) { layer.removeLayer(l); });
        delete kept[id];
      }
    });
    Object.keys(wanted).forEach(function (id) {
      if (!kept[id]) {
        kept[id] = { shape: wanted[id].shape, layers: make(wanted[id].item) };
        kept[id].layers.forEach(function (l) { l.addTo(layer); });
      }
      update(kept[id].layers, wanted[id].item);
    });
  }

  function trackLines(t) {
    var lines = [t.name + ' (' + t.side + ')',
      labels.course + ' ' + t.course + '\u00B0  ' + t.speed + ' ' + labels.speed];
    if (t.altitude !== null && t.altitude !== undefined) { lines.push(t.altitude + ' ' + labels.altitude); }
    return lines;
  }

  function drawTracks(data) {
    var byId = {};
    var wanted = {};
    data.tracks.forEach(function (t) {
      byId[t.id] = t;
      wanted[t.id] = { shape: t.kind + ' ' + t.party, item: t };
    });
    keep(tracks, drawn.tracks, wanted, function (t) {
      var where = latLng(t.position);
      var marker = t.kind === 'aircraft'
        ? L.marker(where, { icon: L.divIcon({ className: 'map-air ' + t.party, html: false, iconSize: [10, 10] }), keyboard: false })
        : L.circleMarker(where, { radius: 5, className: 'map-trk ' + t.party });
      marker.bindTooltip(tip(trackLines(t)));
      return [marker, L.polyline([where, where], { className: 'map-vec ' + t.party, interactive: false })];
    }, function (layers, t) {
      var where = latLng(t.position);
      layers[0].setLatLng(where);
      layers[0].setTooltipContent(tip(trackLines(t)));
      layers[1].setLatLngs([where, t.speed > 0.5 ? ahead(t) : where]);
    });
    return byId;
  }

  function drawEncounters(data, byId) {
    var wanted = {};
    cpaById = {};
    data.encounters.forEach(function (e) {
      wanted[e.id] = { shape: 'cpa', item: e };
      cpaById[e.id] = latLng(e.cpa);
    });
    keep(encounters, drawn.encounters, wanted, function () {
      return [L.polyline([], { className: 'map-cpa-path', interactive: false }),
        L.polyline([], { className: 'map-cpa-path', interactive: false }),
        L.polyline([], { className: 'map-cpa-line', interactive: false }),
        L.circleMarker([0, 0], { radius: 7, className: 'map-cpa' }).bindTooltip(tip([]))];
    }, function (layers, e) {
      var a = byId[e.a];
      var b = byId[e.b];
      layers[0].setLatLngs(a ? [latLng(a.position), latLng(e.cpaA)] : []);
      layers[1].setLatLngs(b ? [latLng(b.position), latLng(e.cpaB)] : []);
      layers[2].setLatLngs([latLng(e.cpaA), latLng(e.cpaB)]);
      layers[3].setLatLng(latLng(e.cpa));
      layers[3].setTooltipContent(tip([e.aName + ' / ' + e.bName,
        labels.cpa + ' ' + e.cpaNm + ' nm \u00B7 ' + utc(e.cpaTime)]));
    });
  }

  function utc(iso) { return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, 'Z'); }

  function drawAlerts(data) {
    var signature = JSON.stringify(data.alerts);
    if (signature === drawn.alerts) { return; }
    drawn.alerts = signature;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (data.alerts.length === 0) {
      list.appendChild(text('li', labels.noAlerts, 'map-alert none'));
      return;
    }
    data.alerts.forEach(function (a) {
      var li = document.createElement('li');
      li.className = 'map-alert ' + a.state;
      li.dataset.alert = a.id;
      var stateLabel = { 'new': labels.stateNew, updated: labels.stateUpdated, cleared: labels.stateCleared }[a.state];
      li.appendChild(text('span', stateLabel || a.state, 'state'));
      var what = text('button', a.text, 'what');
      what.type = 'button';
      what.addEventListener('click', function () {
        if (cpaById[a.id]) { map.setView(cpaById[a.id], Math.max(map.getZoom(), 10)); }
      });
      li.appendChild(what);
      li.appendChild(text('span', a.time, 'time'));
      if (a.compose && a.compose.indexOf('/compose?alert=') === 0) {
        var send = text('a', labels.send, 'send');
        send.href = a.compose;
        li.appendChild(send);
      }
      list.appendChild(li);
    });
  }

  function fit(data) {
    if (fitted) { return; }
    var points = data.tracks.map(function (t) { return latLng(t.position); });
    data.zones.forEach(function (z) {
      z.polygons.forEach(function (p) { p[0].forEach(function (c) { points.push([c[1], c[0]]); }); });
    });
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 10 });
      fitted = true;
    }
  }

  function draw(data) {
    if (!data.configured) { return; }
    drawZones(data);
    drawEncounters(data, drawTracks(data));
    drawAlerts(data);
    fit(data);
    status.textContent = data.time ? utc(data.time) : '';
    page.dataset.loaded = String(data.tracks.length);
  }

  function load() {
    if (loading) { again = true; return; }
    loading = true;
    fetch('/map/data', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      // The session is over: reloading the page lets the console send the officer to log in (and back here).
      if (r.redirected) { window.location.reload(); return null; }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (data) {
      if (data) { draw(data); }
    }).catch(function () {
      status.textContent = labels.failed;
    }).then(function () {
      loading = false;
      if (again) { again = false; load(); }
    });
  }

  document.body.addEventListener('sse:watch', load);
  setInterval(load, REFRESH_MS);
  load();
})();
