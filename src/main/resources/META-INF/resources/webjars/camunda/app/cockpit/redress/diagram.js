/*
 * The complaint's BPMN diagram with the path it actually took: activities and sequence flows it
 * passed are marked "redress-taken", activities still waiting "redress-running", and each activity
 * carries how often it ran. Drawn by bpmn-js' viewer from Redress's own webjar (/webjars/bpmn-js),
 * so Cockpit works offline; Cockpit's bundled bpmn-js is not reachable from a route plugin.
 */
import { h } from './dom.js';
import { contextPath } from './audit-api.js';

const BPMN_JS = '/webjars/bpmn-js/8.0.0/dist';
let loading = null;

function stylesheet(href) {
  if (!document.querySelector('link[href="' + href + '"]')) {
    document.head.appendChild(h('link', { rel: 'stylesheet', type: 'text/css', href }));
  }
}

/** Loads the viewer once per page. */
export function loadBpmnJs() {
  stylesheet(contextPath() + BPMN_JS + '/assets/diagram-js.css');
  if (window.BpmnJS) {
    return Promise.resolve(window.BpmnJS);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      // Cockpit keeps an AMD loader for legacy plugins; the UMD bundle would register with it
      // instead of setting window.BpmnJS, so it is hidden while the bundle runs.
      const amdDefine = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = contextPath() + BPMN_JS + '/bpmn-navigated-viewer.production.min.js';
      script.onload = () => {
        window.define = amdDefine;
        if (window.BpmnJS) {
          resolve(window.BpmnJS);
        } else {
          loading = null;
          reject(new Error('the diagram viewer did not start'));
        }
      };
      script.onerror = () => {
        window.define = amdDefine;
        loading = null;
        reject(new Error('the diagram viewer could not be loaded'));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/**
 * Renders history.diagramXml into container and marks the path. Returns the viewer (destroy() it
 * when the page goes away).
 */
export async function renderDiagram(container, history) {
  const BpmnJS = await loadBpmnJs();
  const viewer = new BpmnJS({ container });
  await viewer.importXML(history.diagramXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');

  const counts = history.activityCounts || {};
  for (const [activityId, count] of Object.entries(counts)) {
    if (!registry.get(activityId)) {
      continue; // e.g. "Task_X#multiInstanceBody", which has no shape of its own
    }
    canvas.addMarker(activityId, 'redress-taken');
    if (registry.get(activityId).type === 'bpmn:SubProcess') {
      canvas.addMarker(activityId, 'redress-container'); // outlined, not filled: what it contains tells the path
    }
    overlays.add(activityId, 'redress-count', {
      position: { bottom: 10, right: 10 },
      html: h('span', { class: 'redress-activity-count', title: 'ran ' + count + (count === 1 ? ' time' : ' times') },
        String(count))
    });
  }
  for (const flowId of history.takenSequenceFlowIds || []) {
    if (registry.get(flowId)) {
      canvas.addMarker(flowId, 'redress-taken');
    }
  }
  for (const activityId of history.runningActivityIds || []) {
    if (registry.get(activityId)) {
      canvas.addMarker(activityId, 'redress-running');
    }
  }
  canvas.zoom('fit-viewport', 'auto');
  return viewer;
}
