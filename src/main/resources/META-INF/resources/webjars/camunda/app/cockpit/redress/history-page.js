/*
 * #/redress/complaints/<reference> — the full history of one complaint, running or closed: the
 * diagram with the path taken, the merged timeline, whether the timeline's hash chain is intact,
 * and the case file to take away.
 */
import { h, clear } from './dom.js';
import { complaintPath, getJson, problemMessage } from './audit-api.js';
import { renderDiagram } from './diagram.js';
import { renderTimeline } from './timeline.js';

/** The reference from #/redress/complaints/<reference>[?…] */
export function referenceFromHash() {
  const match = /^#\/redress\/complaints\/([^?]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export function renderHistory(node) {
  const reference = referenceFromHash();
  const page = { viewer: null };
  const body = h('div', { class: 'redress-history-body' }, h('p', { class: 'text-muted redress-loading' }, 'Loading the history\u2026'));
  clear(node).appendChild(h('div', { class: 'redress-plugin redress-history' },
    h('p', {}, h('a', { href: '#/redress/complaints', class: 'redress-back' }, '\u2039 All complaints')),
    h('h1', { class: 'redress-title' }, 'Complaint ', h('span', { class: 'redress-reference' }, reference || '')),
    body));
  if (reference) {
    load(reference, body, page);
  }
  return () => page.viewer && page.viewer.destroy();
}

async function load(reference, body, page) {
  let history;
  try {
    history = await getJson(complaintPath(reference, '/history'));
  } catch (error) {
    clear(body).appendChild(problemMessage(error, reference));
    return;
  }
  const diagram = h('div', { class: 'redress-diagram', id: 'redress-diagram' });
  const timeline = h('div', { class: 'redress-timeline-container' });
  clear(body).append(
    summary(history),
    h('h2', {}, 'Path through the process'),
    h('p', { class: 'text-muted redress-legend' },
      h('span', { class: 'redress-legend-taken' }, 'taken'), ' activities and flows, ',
      h('span', { class: 'redress-legend-running' }, 'waiting'), ' activities; the number is how often an activity ran.'),
    diagram,
    h('h2', {}, 'Timeline'),
    timeline);
  renderTimeline(timeline, history);
  try {
    page.viewer = await renderDiagram(diagram, history);
    diagram.classList.add('redress-diagram-ready');
  } catch (error) {
    diagram.appendChild(h('div', { class: 'alert alert-danger' }, 'The diagram could not be drawn: ', error.message || String(error)));
  }
}

function summary(history) {
  const reference = history.reference;
  return h('div', { class: 'redress-summary' },
    h('dl', { class: 'dl-horizontal' },
      h('dt', {}, 'State'),
      h('dd', {}, history.running
        ? h('span', { class: 'label label-info redress-state' }, 'running')
        : h('span', { class: 'label label-default redress-state' }, 'completed')),
      h('dt', {}, 'Process'),
      h('dd', {}, history.processDefinitionKey || '', ' v', history.processDefinitionVersion || '', ' \u00b7 instance ',
        history.running
          ? h('a', { href: '#/process-instance/' + encodeURIComponent(history.processInstanceId) + '/runtime' },
            history.processInstanceId)
          : h('code', {}, history.processInstanceId || '')),
      h('dt', {}, 'Started'),
      h('dd', {}, history.startTimeText || ''),
      h('dt', {}, 'Ended'),
      h('dd', {}, history.endTimeText || '\u2014'),
      h('dt', {}, 'Tamper check'),
      h('dd', {}, verificationBadge(history.verification)),
      h('dt', {}, 'Case file'),
      h('dd', { class: 'redress-case-file' },
        h('a', { class: 'btn btn-default btn-xs redress-case-file-pdf', href: complaintPath(reference, '/case-file.pdf'), download: '' }, 'PDF'),
        ' ',
        h('a', { class: 'btn btn-default btn-xs redress-case-file-json', href: complaintPath(reference, '/case-file.json'), download: '' }, 'JSON'),
        ' ',
        h('a', { class: 'btn btn-default btn-xs redress-case-file-html', href: complaintPath(reference, '/case-file.html'),
          target: '_blank', rel: 'noopener' }, 'Printable page'))));
}

function verificationBadge(verification) {
  if (!verification) {
    return h('span', { class: 'label label-default redress-verification' }, 'not checked');
  }
  if (verification.intact) {
    return h('span', { class: 'label label-success redress-verification redress-verification-intact',
      title: 'Every event carries the hash of the one before it, and all hashes match.' },
      '\u2714 Hash chain intact \u00b7 ', String(verification.events), ' events');
  }
  const problems = verification.problems || [];
  return h('span', {},
    h('span', { class: 'label label-danger redress-verification redress-verification-broken' },
      '\u2718 Hash chain broken \u00b7 ', String(problems.length), problems.length === 1 ? ' problem' : ' problems'),
    h('ul', { class: 'redress-verification-problems' },
      problems.map((problem) => h('li', {}, 'event #', String(problem.sequence), ' (', String(problem.eventId), '): ', problem.problem))));
}
