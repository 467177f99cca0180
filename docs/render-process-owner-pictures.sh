#!/usr/bin/env bash
# Renders the pictures of docs/process-owners.md from the repository's files, with bpmn-js and
# dmn-js (the libraries inside Camunda Modeler) in headless Chromium. They show the content of the
# files, not Modeler's window.
#
#   docs/render-process-owner-pictures.sh
#
# Needs node + npm (bpmn-js and dmn-js are installed into a temporary directory) and Debian's
# chromium (apt-get install chromium).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/docs/images
chromium=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Installing bpmn-js@18 and dmn-js@17 into $work"
npm install --prefix "$work" --no-audit --no-fund --no-save --loglevel=error bpmn-js@18 dmn-js@17 >/dev/null

shot() { # page.html out.png width height
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" --allow-file-access-from-files \
    --virtual-time-budget=5000 --hide-scrollbars --window-size="$3,$4" --screenshot="$2" "file://$1" \
    >/dev/null 2>&1
  test -s "$2"
  echo "Rendered $2 (${3}x${4})"
}

# 1. The initial-assessment decision table, as dmn-js's table view shows it.
node - "$repo/processes/initial-assessment.dmn" "$work/dmn.html" <<'JS'
const fs = require('fs');
const [dmnFile, page] = process.argv.slice(2);
const xml = fs.readFileSync(dmnFile, 'utf8');
fs.writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/dmn-js/dist/assets/dmn-js-shared.css">
<link rel="stylesheet" href="node_modules/dmn-js/dist/assets/dmn-js-decision-table.css">
<link rel="stylesheet" href="node_modules/dmn-js/dist/assets/dmn-font/css/dmn-embedded.css">
<style>body{margin:0;background:#fff;font-family:Arial,sans-serif} #canvas{padding:12px}</style></head>
<body><div id="canvas"></div>
<script src="node_modules/dmn-js/dist/dmn-viewer.production.min.js"></script>
<script>
  const viewer = new DmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)}).then(() => {
    const table = viewer.getViews().find(v => v.type === 'decisionTable');
    return viewer.open(table);
  }).catch(e => { document.body.textContent = 'ERROR ' + e.message; });
</script></body></html>`);
JS
shot "$work/dmn.html" "$out/initial-assessment-table.png" 2260 470

# 2. Version 2 of "Prepare response" from the migration test: the renamed and the added task.
node - "$repo/src/test/resources/migration/complaint-handling-v2.bpmn" "$work/bpmn.html" <<'JS'
const fs = require('fs');
const [bpmnFile, page] = process.argv.slice(2);
const xml = fs.readFileSync(bpmnFile, 'utf8');
fs.writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-js.css">
<style>body{margin:0;background:#fff} #canvas{width:1400px;height:315px}
.highlight .djs-visual > :nth-child(1){fill:#fff3c4 !important;stroke:#b58100 !important}</style></head>
<body><div id="canvas"></div>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)}).then(() => {
    const canvas = viewer.get('canvas');
    canvas.viewbox({ x: 1311, y: 236, width: 1690, height: 380 }); // the sub-process Prepare response
    ['Task_DraftResponse', 'Task_CheckWording'].forEach(id => canvas.addMarker(id, 'highlight'));
  }).catch(e => { document.body.textContent = 'ERROR ' + e.message; });
</script></body></html>`);
JS
shot "$work/bpmn.html" "$out/add-a-task-v2.png" 1400 315
