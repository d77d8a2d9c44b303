using System.Globalization;
using EarthData.Core.Tiling;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// A self-contained <c>index.html</c> slippy map over a local XYZ tree (vanilla JavaScript, no CDN, works from
/// <c>file://</c>): drag to pan, wheel or +/− to zoom, tiles outside the tree simply stay empty.
/// </summary>
public static class TileViewerPage
{
    /// <summary>Renders the page.</summary>
    /// <param name="title">Page title.</param>
    /// <param name="extension">Tile file extension.</param>
    /// <param name="minZoom">Coarsest zoom in the tree.</param>
    /// <param name="maxZoom">Finest zoom in the tree.</param>
    /// <param name="extent">The data's EPSG:3857 extent (the map starts centred on it).</param>
    public static string Render(string title, string extension, int minZoom, int maxZoom, (double MinX, double MinY, double MaxX, double MaxY) extent)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentException.ThrowIfNullOrEmpty(extension);
        var cx = (extent.MinX + extent.MaxX) / 2;
        var cy = (extent.MinY + extent.MaxY) / 2;
        var start = Math.Clamp(WebMercatorQuad.MinZoomFor(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY, 3), minZoom, maxZoom);
        var config = string.Create(CultureInfo.InvariantCulture,
            $"{{ext:'{extension}',minZoom:{minZoom},maxZoom:{maxZoom},zoom:{start},x:{cx:R},y:{cy:R}}}");
        return Template.Replace("%TITLE%", System.Net.WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace("%CONFIG%", config, StringComparison.Ordinal);
    }

    private const string Template = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%TITLE%</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
html,body{margin:0;height:100%;font:13px sans-serif;background:#ddd}
#map{position:absolute;inset:0;overflow:hidden;cursor:grab;background:repeating-conic-gradient(#ccc 0 25%,#eee 0 50%) 0 0/20px 20px}
#map img{position:absolute;width:256px;height:256px;user-select:none;-webkit-user-drag:none}
#bar{position:absolute;top:8px;left:8px;z-index:2;background:#fff;padding:4px 8px;border-radius:4px;box-shadow:0 1px 4px #0005}
#bar button{width:28px}
</style></head><body>
<div id="map"></div>
<div id="bar"><button id="in">+</button> <button id="out">&minus;</button> <span id="info"></span></div>
<script>
const C=%CONFIG%, S=256, O=20037508.342789244, map=document.getElementById('map'), info=document.getElementById('info');
let zoom=C.zoom, cx=C.x, cy=C.y; const shown=new Map();
const res=z=>2*O/S/Math.pow(2,z);
function draw(){
  const w=map.clientWidth,h=map.clientHeight,r=res(zoom),n=Math.pow(2,zoom);
  const px=(cx+O)/r-w/2, py=(O-cy)/r-h/2; const want=new Set();
  const tz=Math.min(zoom,C.maxZoom), f=Math.pow(2,zoom-tz), ts=S*f, tn=Math.pow(2,tz);
  for(let ty=Math.floor(py/ts);ty<=Math.floor((py+h)/ts);ty++){
    for(let tx=Math.floor(px/ts);tx<=Math.floor((px+w)/ts);tx++){
      if(tx<0||ty<0||tx>=tn||ty>=tn||tz<C.minZoom)continue;
      const key=tz+'/'+tx+'/'+ty; want.add(key);
      let img=shown.get(key);
      if(!img){img=new Image();img.onerror=()=>{img.style.display='none'};img.src=key+'.'+C.ext;map.appendChild(img);shown.set(key,img);}
      img.style.left=(tx*ts-px)+'px';img.style.top=(ty*ts-py)+'px';img.style.width=img.style.height=ts+'px';
    }
  }
  for(const [k,img] of shown){if(!want.has(k)){img.remove();shown.delete(k);}}
  const lon=cx/O*180, lat=(2*Math.atan(Math.exp(cy/6378137))-Math.PI/2)*180/Math.PI;
  info.textContent='z'+zoom+(zoom>C.maxZoom?' (overzoomed)':'')+'  '+lat.toFixed(5)+', '+lon.toFixed(5)+'  tiles z'+C.minZoom+'-'+C.maxZoom;
}
function setZoom(z,ax,ay){
  z=Math.max(C.minZoom,Math.min(C.maxZoom+3,z)); if(z===zoom)return;
  const w=map.clientWidth,h=map.clientHeight; ax=ax??w/2; ay=ay??h/2;
  const r0=res(zoom), mx=cx+(ax-w/2)*r0, my=cy-(ay-h/2)*r0, r1=res(z);
  cx=mx-(ax-w/2)*r1; cy=my+(ay-h/2)*r1; zoom=z; draw();
}
let drag=null;
map.addEventListener('pointerdown',e=>{drag={x:e.clientX,y:e.clientY};map.setPointerCapture(e.pointerId);map.style.cursor='grabbing'});
map.addEventListener('pointermove',e=>{if(!drag)return;const r=res(zoom);cx-=(e.clientX-drag.x)*r;cy+=(e.clientY-drag.y)*r;drag={x:e.clientX,y:e.clientY};draw()});
map.addEventListener('pointerup',()=>{drag=null;map.style.cursor='grab'});
map.addEventListener('wheel',e=>{e.preventDefault();setZoom(zoom+(e.deltaY<0?1:-1),e.offsetX,e.offsetY)},{passive:false});
map.addEventListener('dblclick',e=>setZoom(zoom+1,e.offsetX,e.offsetY));
document.getElementById('in').onclick=()=>setZoom(zoom+1);
document.getElementById('out').onclick=()=>setZoom(zoom-1);
window.addEventListener('resize',draw); draw();
</script></body></html>
""";
}
