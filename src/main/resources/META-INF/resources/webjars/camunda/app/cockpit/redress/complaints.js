/*
 * Redress's "Complaints" plugin for Cockpit (ISO 10002 4.12, 8.5): auditors find any complaint,
 * running or closed, and read its full history — which Cockpit CE cannot show for a completed
 * process instance. Listed in ../scripts/config.js (customScripts); plain ES modules, no build step.
 * The data comes from Redress's audit API, which lets only auditors and Camunda administrators in.
 */
import { h, clear } from './dom.js';
import { auditPath, getJson, AuditApiError } from './audit-api.js';
import { renderSearch, historyHref } from './search-page.js';
import { renderHistory } from './history-page.js';

const STYLESHEET = new URL('./complaints.css', import.meta.url).pathname;
if (!document.querySelector('link[href="' + STYLESHEET + '"]')) {
  document.head.appendChild(h('link', { rel: 'stylesheet', type: 'text/css', href: STYLESHEET }));
}

let unmountHistory = null;

export default [
  {
    id: 'redress-complaints-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    render: (node) => {
      node.appendChild(h('a', { href: '#/redress/complaints', class: 'redress-navigation' }, 'Complaints'));
    },
    properties: {
      path: '/redress/complaints',
      checkActive: (url) => url.indexOf('#/redress/complaints') > -1
    }
  },
  {
    id: 'redress-complaints-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => renderDashboard(node)
  },
  {
    id: 'redress-complaints-search',
    pluginPoint: 'cockpit.route',
    properties: { path: '/redress/complaints' },
    render: (node) => renderSearch(node)
  },
  {
    id: 'redress-complaint-history',
    pluginPoint: 'cockpit.route',
    properties: { path: '/redress/complaints/:reference' },
    render: (node) => {
      unmountHistory = renderHistory(node);
    },
    unmount: () => {
      if (unmountHistory) {
        unmountHistory();
        unmountHistory = null;
      }
    }
  },
  {
    // On Cockpit's own page of a running complaint: a way to its full history.
    id: 'redress-complaint-history-action',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 5,
    render: (node, { processInstanceId, api }) => renderHistoryAction(node, processInstanceId, api)
  }
];

/** The dashboard's "Complaints" section: open, overdue and closed counts, and the way to the search. */
async function renderDashboard(node) {
  const counts = h('div', { class: 'redress-dashboard-counts' });
  node.appendChild(h('section', { class: 'redress-plugin redress-dashboard' },
    h('h3', { class: 'section-title' }, h('a', { href: '#/redress/complaints' }, 'Complaints')),
    h('p', { class: 'text-muted' }, 'Search every complaint, running or closed, and open its full history and case file.'),
    counts));
  const tiles = [
    ['open', 'state=open', 'open'],
    ['overdue', 'state=open&overdue=true', 'state=open&overdue=true'],
    ['closed', 'state=closed', 'state=closed']
  ];
  try {
    const totals = await Promise.all(tiles.map(([, query]) => getJson(auditPath('/complaints?' + query + '&page=0&size=1'))));
    clear(counts).append(...tiles.map(([label, , filter], index) => h('a', {
      class: 'redress-dashboard-count redress-dashboard-' + label,
      href: '#/redress/complaints?' + (filter === 'open' ? 'state=open' : filter)
    }, h('span', { class: 'redress-dashboard-number' }, String(totals[index].total)), ' ', label)));
  } catch (error) {
    clear(counts).appendChild(h('p', { class: 'text-muted redress-dashboard-refused' },
      error instanceof AuditApiError && error.status === 403
        ? 'Complaint histories are open to auditors only.'
        : 'Complaint counts are not available right now.'));
  }
}

async function renderHistoryAction(node, processInstanceId, api) {
  try {
    const response = await fetch(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const instance = response.ok ? await response.json() : null;
    if (instance && instance.businessKey) {
      node.appendChild(h('a', {
        class: 'btn btn-default action-button redress-history-action',
        href: historyHref(instance.businessKey),
        title: 'Complaint history: the path taken, the timeline and the case file'
      }, h('span', { class: 'glyphicon glyphicon-list-alt' })));
    }
  } catch (error) {
    // no link then; Cockpit's page stays as it is
  }
}
