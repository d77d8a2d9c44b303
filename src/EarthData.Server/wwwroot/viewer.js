// EarthData web viewer: scene search through /stac/search, a result list with thumbnails, the scene's layers (its
// pre-rendered pyramids and the dynamic index layers) over an offline Natural Earth basemap, opacity, links to the STAC
// item, the COG, TileJSON and WMTS. Every URL is relative, so the viewer works behind a path prefix too.
(function () {
  'use strict';
  const i18n = window.earthdataI18n;
  const t = i18n.t;
  const $ = (id) => document.getElementById(id);
  const dynamicLayers = ['ndvi', 'ndwi', 'water-hazard'];
  // Drawn only from an item's index COG asset (TOA reflectance): offered when the item has it.
  const assetLayers = ['evi', 'savi'];
  const state = { ready: false, results: [], selected: null, layer: null, tilesLoaded: 0, tileErrors: [], alerts: 0 };
  const severityColours = ['match', ['get', 'severity'], 'Extreme', '#7f0000', 'Severe', '#d7301f', 'Moderate', '#fc8d59', 'Minor', '#fdcc8a', '#fdcc8a'];

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
  }

  async function fetchJson(url, options) {
    const response = await fetch(url, options);
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    if (!response.ok) {
      throw new Error((json && (json.detail || json.title)) || `${response.status} ${response.statusText}`);
    }
    return json;
  }

  const map = new maplibregl.Map({
    container: 'map',
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'ocean', type: 'background', paint: { 'background-color': '#c6dbef' } }],
    },
    center: [-50, -15],
    zoom: 3,
    // Keeps the drawn frame readable (screenshots, tests reading the canvas).
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl(), 'bottom-right');

  // Natural Earth rings that cross the antimeridian (Fiji, Chukotka) jump from +180 to -180; drawn on a flat map that
  // jump is a line around the world. Such rings are moved onto one side (longitudes past 180 are fine for MapLibre).
  function unwrap(line) {
    for (let i = 1; i < line.length; i++) {
      if (Math.abs(line[i][0] - line[i - 1][0]) > 180) {
        return line.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
      }
    }
    return line;
  }

  function unwrapGeometry(geometry) {
    switch (geometry.type) {
      case 'Polygon': case 'MultiLineString': return { ...geometry, coordinates: geometry.coordinates.map(unwrap) };
      case 'MultiPolygon': return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(unwrap)) };
      case 'LineString': return { ...geometry, coordinates: unwrap(geometry.coordinates) };
      default: return geometry;
    }
  }

  function unwrapFeatures(geojson) {
    if (geojson.type === 'FeatureCollection') return { ...geojson, features: geojson.features.map(unwrapFeatures) };
    if (geojson.type === 'Feature') return { ...geojson, geometry: unwrapGeometry(geojson.geometry) };
    return unwrapGeometry(geojson);
  }

  async function loadBasemap() {
    const topo = await fetchJson('vendor/countries-50m.json');
    map.addSource('land', { type: 'geojson', data: unwrapFeatures(topojson.feature(topo, topo.objects.land)) });
    map.addSource('borders', { type: 'geojson', data: unwrapFeatures(topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b)) });
    map.addSource('footprints', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1ea' } });
    map.addLayer({ id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#6b7f95', 'line-width': 0.8 } });
    map.addLayer({ id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#9b8aa3', 'line-width': 0.7, 'line-dasharray': [2, 1] } });
    map.addLayer({ id: 'footprints', type: 'line', source: 'footprints', paint: { 'line-color': '#d9480f', 'line-width': 1.5 } });
    map.on('click', 'footprints', (e) => {
      const id = e.features[0].properties.id;
      const item = state.results.find((r) => r.id === id);
      if (item) select(item);
    });
  }

  // Alert polygons (GeoJSON of /api/alerts) over the map, coloured by severity, reloaded for the visible area.
  async function loadAlerts() {
    if (!map.getSource('alerts')) {
      map.addSource('alerts', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'alerts-fill', type: 'fill', source: 'alerts', paint: { 'fill-color': severityColours, 'fill-opacity': 0.35 } });
      map.addLayer({ id: 'alerts-line', type: 'line', source: 'alerts', paint: { 'line-color': severityColours, 'line-width': 1.5 } });
      map.on('click', 'alerts-fill', (e) => {
        const p = e.features[0].properties;
        new maplibregl.Popup().setLngLat(e.lngLat)
          .setText(t('alertPopup', { hazard: t('hazard:' + p.hazard), severity: t('severity:' + p.severity), date: String(p.observed).slice(0, 10), scene: p.scene }))
          .addTo(map);
      });
    }
    const b = map.getBounds();
    const bbox = [b.getWest(), Math.max(b.getSouth(), -90), b.getEast(), Math.min(b.getNorth(), 90)]
      .map((v, i) => (i % 2 === 0 ? Math.max(-180, Math.min(180, v)) : v).toFixed(4)).join(',');
    const geojson = await fetchJson(`api/alerts?f=geojson&limit=200&bbox=${bbox}`);
    map.getSource('alerts').setData(geojson);
    state.alerts = geojson.features.length;
    map.setLayoutProperty('alerts-fill', 'visibility', $('show-alerts').checked ? 'visible' : 'none');
    map.setLayoutProperty('alerts-line', 'visibility', $('show-alerts').checked ? 'visible' : 'none');
    $('alerts-status').textContent = t('alertsShown', { n: state.alerts });
  }

  async function loadCollections() {
    const body = await fetchJson('stac/collections');
    const select = $('collection');
    for (const c of body.collections || []) {
      const option = document.createElement('option');
      option.value = c.id;
      option.textContent = c.id;
      select.appendChild(option);
    }
  }

  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

  async function search(event) {
    if (event) event.preventDefault();
    clearError();
    $('status').textContent = t('searching');
    const body = { limit: 50 };
    const from = $('date-from').value;
    const to = $('date-to').value;
    if (from || to) body.datetime = `${from ? from + 'T00:00:00Z' : '..'}/${to ? to + 'T23:59:59Z' : '..'}`;
    if ($('collection').value) body.collections = [$('collection').value];
    if ($('use-extent').checked) {
      const b = map.getBounds();
      const wide = b.getEast() - b.getWest() >= 360;
      body.bbox = [wide ? -180 : clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        wide ? 180 : clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)];
    }
    try {
      const page = await fetchJson('stac/search', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/geo+json' },
        body: JSON.stringify(body),
      });
      state.results = page.features || [];
      renderResults();
      map.getSource('footprints')?.setData({
        type: 'FeatureCollection',
        features: state.results.filter((f) => f.geometry).map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.id } })),
      });
    } catch (e) {
      $('status').textContent = '';
      showError(`${t('searchFailed')}: ${e.message}`);
    }
  }

  function renderResults() {
    $('status').textContent = state.results.length ? t('found', { n: state.results.length }) : t('none');
    const list = $('results');
    list.replaceChildren();
    for (const item of state.results) {
      const li = document.createElement('li');
      li.dataset.id = item.id;
      if (state.selected && state.selected.id === item.id) li.classList.add('selected');
      const thumb = item.assets && item.assets.thumbnail;
      if (thumb) {
        const img = document.createElement('img');
        img.src = thumb.href;
        img.alt = item.id;
        img.loading = 'lazy';
        li.appendChild(img);
      }
      const meta = document.createElement('div');
      meta.className = 'meta';
      const p = item.properties || {};
      const date = (p.datetime || '').slice(0, 10);
      const cloud = p['eo:cloud_cover'] !== undefined ? ' · ' + t('cloud', { c: Math.round(p['eo:cloud_cover']) }) : '';
      meta.innerHTML = '';
      const strong = document.createElement('strong');
      strong.textContent = item.id;
      meta.append(strong, document.createElement('br'), `${item.collection} · ${date}${cloud}`);
      li.appendChild(meta);
      li.addEventListener('click', () => select(item));
      list.appendChild(li);
    }
  }

  function layersOf(item) {
    const preRendered = (item.links || []).filter((l) => l.rel === 'xyz')
      .map((l) => decodeURIComponent(l.href.split('/').slice(-4)[0]));
    const fromAssets = assetLayers.filter((name) => item.assets && item.assets[name]);
    return [...new Set([...preRendered, ...dynamicLayers, ...fromAssets])];
  }

  function tilesBase(item) {
    return `tiles/${encodeURIComponent(item.collection)}/${encodeURIComponent(item.id)}`;
  }

  function select(item) {
    state.selected = item;
    renderResults();
    $('scene').hidden = false;
    $('scene-title').textContent = item.id;
    renderLayers();
    renderLinks();
    if (item.bbox) map.fitBounds([[item.bbox[0], item.bbox[1]], [item.bbox[2], item.bbox[3]]], { padding: 40, duration: 0 });
    const layers = layersOf(item);
    setLayer(layers.includes('true-color') ? 'true-color' : layers[0]);
  }

  function renderLayers() {
    const box = $('layers');
    box.replaceChildren();
    if (!state.selected) return;
    for (const name of layersOf(state.selected)) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'layer';
      input.value = name;
      input.checked = name === state.layer;
      input.addEventListener('change', () => setLayer(name));
      const text = document.createElement('span');
      text.textContent = t('layer:' + name);
      label.append(input, text);
      box.appendChild(label);
    }
  }

  function renderLinks() {
    const item = state.selected;
    const list = $('links');
    list.replaceChildren();
    if (!item) return;
    const self = (item.links || []).find((l) => l.rel === 'self');
    const wmts = (item.links || []).find((l) => l.rel === 'wmts');
    const entries = [
      ['stacItem', self && self.href],
      ['cog', item.assets && item.assets.visual && item.assets.visual.href],
      ['tilejson', state.layer && `${tilesBase(item)}/${state.layer}/tilejson.json`],
      ['wmts', wmts && wmts.href],
    ];
    for (const [key, href] of entries) {
      if (!href) continue;
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = t(key);
      li.appendChild(a);
      list.appendChild(li);
    }
  }

  function setLayer(name) {
    const item = state.selected;
    if (!item) return;
    state.layer = name;
    state.tilesLoaded = 0;
    state.tileErrors = [];
    if (map.getLayer('scene')) map.removeLayer('scene');
    if (map.getSource('scene')) map.removeSource('scene');
    map.addSource('scene', { type: 'raster', url: `${tilesBase(item)}/${encodeURIComponent(name)}/tilejson.json`, tileSize: 256 });
    map.addLayer({ id: 'scene', type: 'raster', source: 'scene', paint: { 'raster-opacity': $('opacity').value / 100 } },
      map.getLayer('coast') ? 'coast' : undefined);
    for (const input of document.querySelectorAll('#layers input')) input.checked = input.value === name;
    renderLinks();
  }

  map.on('sourcedata', (e) => {
    if (e.sourceId === 'scene' && e.tile && e.tile.state === 'loaded') state.tilesLoaded++;
  });
  map.on('error', (e) => {
    const status = e.error && e.error.status;
    // Tiles without scene pixels are not stored (404); anything else is a real failure the user must see.
    if (e.sourceId === 'scene' && status === 404) return;
    state.tileErrors.push(e.error ? e.error.message : String(e));
    showError(`${e.sourceId === 'scene' ? t('tileFailed') : t('basemapFailed')}: ${e.error ? e.error.message : e}`);
  });

  $('show-alerts').addEventListener('change', () => loadAlerts().catch((e) => showError(`${t('alertsFailed')}: ${e.message}`)));
  map.on('moveend', () => {
    if (state.ready) loadAlerts().catch((e) => showError(`${t('alertsFailed')}: ${e.message}`));
  });
  $('opacity').addEventListener('input', () => {
    if (map.getLayer('scene')) map.setPaintProperty('scene', 'raster-opacity', $('opacity').value / 100);
  });
  $('search-form').addEventListener('submit', search);
  $('language').addEventListener('change', () => i18n.set($('language').value));
  document.addEventListener('earthdata:language', () => {
    $('language').value = i18n.language;
    if (state.results.length) renderResults();
    renderLayers();
    renderLinks();
    $('alerts-status').textContent = t('alertsShown', { n: state.alerts });
  });

  $('language').value = i18n.language;
  i18n.apply();
  map.on('load', async () => {
    try {
      await Promise.all([loadBasemap(), loadCollections()]);
    } catch (e) {
      showError(`${t('basemapFailed')}: ${e.message}`);
    }
    try {
      await loadAlerts();
    } catch (e) {
      showError(`${t('alertsFailed')}: ${e.message}`);
    }
    state.ready = true;
  });

  window.earthdataViewer = { map, state, search, select, setLayer, loadAlerts };
})();
