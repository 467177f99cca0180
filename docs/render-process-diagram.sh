#!/usr/bin/env bash
# Renders a BPMN file to SVG and PNG with bpmn-js in headless Chromium, for the README and docs.
#
#   docs/render-process-diagram.sh                      # processes/complaint-handling.bpmn
#   docs/render-process-diagram.sh in.bpmn out/name     # writes out/name.svg and out/name.png
#
# Needs node + npm (bpmn-js is installed into a temporary directory) and Debian's chromium
# (apt-get install chromium). SCALE=0.8 makes the PNG smaller (default 1 = one pixel per BPMN unit).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
in=$(realpath "${1:-$repo/processes/complaint-handling.bpmn}")
out=${2:-$repo/docs/images/complaint-handling}
scale=${SCALE:-1}
chromium=${CHROMIUM:-/usr/bin/chromium}
mkdir -p "$(dirname "$out")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Installing bpmn-js@18 into $work"
npm install --prefix "$work" --no-audit --no-fund --no-save --loglevel=error bpmn-js@18 >/dev/null

headless() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" --allow-file-access-from-files \
    --virtual-time-budget=5000 "$@" 2>/dev/null
}

# 1. An HTML page that imports the diagram and exports it as SVG (cropped to the diagram by bpmn-js).
node - "$in" "$work/export.html" <<'JS'
const fs = require('fs');
const [bpmnFile, page] = process.argv.slice(2);
const xml = fs.readFileSync(bpmnFile, 'utf8');
fs.writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-js.css"></head>
<body><div id="canvas" style="width:1600px;height:900px"></div><pre id="out"></pre>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)})
    .then(() => viewer.saveSVG())
    .then(({ svg }) => {
      document.getElementById('out').textContent = btoa(unescape(encodeURIComponent(svg)));
    })
    .catch(e => { document.getElementById('out').textContent = 'ERROR ' + e.message; });
</script></body></html>`);
JS

echo "Exporting $in to $out.svg"
headless --dump-dom "file://$work/export.html" > "$work/dom.html"
node - "$work/dom.html" "$out.svg" <<'JS'
const fs = require('fs');
const [dom, svgFile] = process.argv.slice(2);
const m = fs.readFileSync(dom, 'utf8').match(/<pre id="out">([^<]*)<\/pre>/);
if (!m || !m[1] || m[1].startsWith('ERROR')) {
  console.error('bpmn-js could not render the diagram: ' + (m ? m[1] : 'no output'));
  process.exit(1);
}
fs.writeFileSync(svgFile, Buffer.from(m[1], 'base64').toString('utf8') + '\n');
JS

# 2. A screenshot of that SVG on white, exactly its size (times SCALE).
read -r width height < <(node -e '
  const svg = require("fs").readFileSync(process.argv[1], "utf8");
  const n = a => Math.ceil(Number(svg.match(new RegExp(a + "=\"([0-9.]+)\""))[1]) * Number(process.argv[2]));
  console.log(n("width"), n("height"));' "$out.svg" "$scale")
cp "$out.svg" "$work/diagram.svg"
cat > "$work/png.html" <<HTML
<!doctype html><html><body style="margin:0;background:#fff">
<img src="diagram.svg" width="$width" height="$height" style="display:block"></body></html>
HTML
echo "Rendering $out.png (${width}x${height})"
headless --hide-scrollbars --window-size="$width,$height" --screenshot="$out.png" "file://$work/png.html" >/dev/null
test -s "$out.png"
