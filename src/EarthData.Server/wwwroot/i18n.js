// Interface text in English, Chinese and Portuguese (the partner programme's languages). The browser's languages pick
// one; the selector switches and remembers it. Elements carry data-i18n keys.
window.earthdataI18n = (function () {
  const messages = {
    en: {
      title: 'EarthData viewer', language: 'Language', from: 'From', to: 'To', collection: 'Collection',
      allCollections: 'All collections', useExtent: 'Only the visible map area', search: 'Search', layer: 'Layer',
      opacity: 'Opacity', searching: 'Searching…', found: '{n} scene(s) found', none: 'No scene matches.',
      stacItem: 'STAC item (JSON)', cog: 'Cloud-optimised GeoTIFF', tilejson: 'TileJSON', wmts: 'WMTS capabilities',
      cloud: 'cloud {c}%', searchFailed: 'Search failed', tileFailed: 'Tiles could not be loaded', basemapFailed: 'The basemap could not be loaded',
      'layer:true-color': 'True colour', 'layer:false-color': 'False colour (infrared)', 'layer:ndvi': 'Vegetation (NDVI)',
      'layer:ndwi': 'Water (NDWI)', 'layer:water-hazard': 'Open-water hazard classes',
      'layer:evi': 'Vegetation (EVI)', 'layer:savi': 'Vegetation, soil-adjusted (SAVI)',
      showAlerts: 'Show disaster alerts', alertsShown: '{n} alert(s) in view', alertsFailed: 'Alerts could not be loaded',
      alertPopup: '{hazard} · {severity} · {date} · {scene}', 'hazard:drought': 'Drought', 'hazard:flood': 'Flood', 'hazard:burn': 'Burnt area',
      'severity:Minor': 'minor', 'severity:Moderate': 'moderate', 'severity:Severe': 'severe', 'severity:Extreme': 'extreme',
    },
    zh: {
      title: 'EarthData 影像浏览器', language: '语言', from: '开始日期', to: '结束日期', collection: '数据集',
      allCollections: '全部数据集', useExtent: '仅当前地图范围', search: '搜索', layer: '图层',
      opacity: '不透明度', searching: '正在搜索…', found: '找到 {n} 景影像', none: '没有符合条件的影像。',
      stacItem: 'STAC 条目 (JSON)', cog: '云优化 GeoTIFF', tilejson: 'TileJSON', wmts: 'WMTS 能力文档',
      cloud: '云量 {c}%', searchFailed: '搜索失败', tileFailed: '无法加载瓦片', basemapFailed: '无法加载底图',
      'layer:true-color': '真彩色', 'layer:false-color': '假彩色（近红外）', 'layer:ndvi': '植被指数 (NDVI)',
      'layer:ndwi': '水体指数 (NDWI)', 'layer:water-hazard': '水体灾害等级',
      'layer:evi': '增强植被指数 (EVI)', 'layer:savi': '土壤调节植被指数 (SAVI)',
      showAlerts: '显示灾害预警', alertsShown: '当前范围内 {n} 条预警', alertsFailed: '无法加载预警',
      alertPopup: '{hazard} · {severity} · {date} · {scene}', 'hazard:drought': '干旱', 'hazard:flood': '洪涝', 'hazard:burn': '火烧迹地',
      'severity:Minor': '轻微', 'severity:Moderate': '中等', 'severity:Severe': '严重', 'severity:Extreme': '极端',
    },
    pt: {
      title: 'Visualizador EarthData', language: 'Idioma', from: 'De', to: 'Até', collection: 'Coleção',
      allCollections: 'Todas as coleções', useExtent: 'Somente a área visível do mapa', search: 'Pesquisar', layer: 'Camada',
      opacity: 'Opacidade', searching: 'Pesquisando…', found: '{n} cena(s) encontrada(s)', none: 'Nenhuma cena corresponde.',
      stacItem: 'Item STAC (JSON)', cog: 'GeoTIFF otimizado para nuvem', tilejson: 'TileJSON', wmts: 'Capacidades WMTS',
      cloud: 'nuvens {c}%', searchFailed: 'A pesquisa falhou', tileFailed: 'Não foi possível carregar os tiles', basemapFailed: 'Não foi possível carregar o mapa base',
      'layer:true-color': 'Cor verdadeira', 'layer:false-color': 'Falsa cor (infravermelho)', 'layer:ndvi': 'Vegetação (NDVI)',
      'layer:ndwi': 'Água (NDWI)', 'layer:water-hazard': 'Classes de risco de água',
      'layer:evi': 'Vegetação (EVI)', 'layer:savi': 'Vegetação ajustada ao solo (SAVI)',
      showAlerts: 'Mostrar alertas de desastres', alertsShown: '{n} alerta(s) na área visível', alertsFailed: 'Não foi possível carregar os alertas',
      alertPopup: '{hazard} · {severity} · {date} · {scene}', 'hazard:drought': 'Seca', 'hazard:flood': 'Inundação', 'hazard:burn': 'Área queimada',
      'severity:Minor': 'menor', 'severity:Moderate': 'moderado', 'severity:Severe': 'severo', 'severity:Extreme': 'extremo',
    },
  };
  const supported = Object.keys(messages);

  function choose() {
    const param = new URLSearchParams(location.search).get('lang');
    const stored = localStorage.getItem('earthdata.lang');
    const candidates = [param, stored, ...(navigator.languages || [navigator.language])].filter(Boolean);
    for (const c of candidates) {
      const base = c.toLowerCase().split('-')[0];
      if (supported.includes(base)) return base;
    }
    return 'en';
  }

  let current = choose();

  function t(key, values) {
    const text = (messages[current] && messages[current][key]) || messages.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (_, k) => (values && k in values ? values[k] : ''));
  }

  function apply() {
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : current;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  }

  function set(lang) {
    current = supported.includes(lang) ? lang : 'en';
    localStorage.setItem('earthdata.lang', current);
    apply();
    document.dispatchEvent(new CustomEvent('earthdata:language', { detail: current }));
  }

  return { t, apply, set, get language() { return current; }, supported };
})();
