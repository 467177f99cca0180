/*
 * One chronological story of a complaint: the engine's history (activities, tasks and their form
 * values, variable changes, DMN decisions, timers, escalations, incidents, operations, messages)
 * merged with Redress's own hash-chained timeline of business events.
 */
import { h, clear, duration, cockpitLink } from './dom.js';

export const DOMAIN = 'COMPLAINT_EVENT';

const KIND_LABELS = {
  ACTIVITY: 'Activity',
  TASK: 'Task',
  FORM_SUBMITTED: 'Form',
  VARIABLE: 'Variable',
  DECISION: 'Decision (DMN)',
  TIMER: 'Timer',
  ESCALATION: 'Escalation',
  INCIDENT: 'Incident',
  OPERATION: 'Operation',
  MESSAGE: 'Message',
  [DOMAIN]: 'Complaint event'
};

// Variable changes are many and mostly technical: the story starts without them.
const HIDDEN_AT_FIRST = new Set(['VARIABLE']);
// What an auditor reads in full: decisions (inputs, rules, outputs), form values, letters, incidents.
const OPEN_DETAILS = new Set(['DECISION', 'FORM_SUBMITTED', 'MESSAGE', 'INCIDENT', 'ESCALATION']);

/** Process entries and domain events as one list, oldest first. */
export function mergeTimeline(history) {
  const process = (history.entries || []).map((entry) => ({
    time: entry.time,
    timeText: entry.timeText,
    endTime: entry.endTime,
    endTimeText: entry.endTimeText,
    kind: entry.kind,
    title: entry.activityName || entry.activityId || KIND_LABELS[entry.kind] || entry.kind,
    activityId: entry.activityId,
    actor: entry.actor,
    durationMillis: entry.durationMillis,
    summary: entry.summary,
    details: entry.details,
    link: entry.link
  }));
  const domain = (history.domainTimeline || []).map((event) => ({
    time: event.occurredAt,
    timeText: event.occurredAtText,
    kind: DOMAIN,
    type: event.type,
    title: event.typeLabel || event.type,
    actor: event.actor,
    summary: event.summary,
    details: parsed(event.details),
    sequence: event.sequence,
    hash: event.hash
  }));
  return process.concat(domain)
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.time) || 0 }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((sorted) => sorted.entry);
}

function parsed(details) {
  if (typeof details === 'string' && /^\s*[{[]/.test(details)) {
    try {
      return JSON.parse(details);
    } catch (notJson) {
      return details;
    }
  }
  return details;
}

export function renderTimeline(node, history) {
  const entries = mergeTimeline(history);
  const kinds = Object.keys(KIND_LABELS).filter((kind) => entries.some((entry) => entry.kind === kind));
  const shown = new Set(kinds.filter((kind) => !HIDDEN_AT_FIRST.has(kind)));
  const list = h('ol', { class: 'redress-timeline-entries list-unstyled' });

  const draw = () => {
    clear(list);
    const visible = entries.filter((entry) => shown.has(entry.kind));
    if (visible.length === 0) {
      list.appendChild(h('li', { class: 'text-muted' }, 'Nothing to show for the chosen kinds.'));
    }
    visible.forEach((entry) => list.appendChild(row(entry)));
  };

  const filters = h('div', { class: 'redress-timeline-filters' },
    h('span', { class: 'text-muted' }, 'Show: '),
    kinds.map((kind) => {
      const count = entries.filter((entry) => entry.kind === kind).length;
      const box = h('input', { type: 'checkbox', value: kind, name: 'redress-kind', checked: shown.has(kind) });
      box.addEventListener('change', () => {
        if (box.checked) {
          shown.add(kind);
        } else {
          shown.delete(kind);
        }
        draw();
      });
      return h('label', { class: 'checkbox-inline redress-kind-filter', 'data-kind': kind },
        box, ' ', KIND_LABELS[kind], ' ', h('span', { class: 'badge' }, String(count)));
    }));

  clear(node).appendChild(h('div', { class: 'redress-timeline' }, filters, list));
  draw();
}

function row(entry) {
  const link = cockpitLink(entry.link);
  return h('li', { class: 'redress-entry redress-kind-' + entry.kind.toLowerCase(), 'data-kind': entry.kind,
      'data-activity-id': entry.activityId || null, 'data-type': entry.type || null },
    h('div', { class: 'redress-entry-head' },
      h('span', { class: 'redress-entry-time' }, entry.timeText || ''),
      h('span', { class: 'label redress-kind-label' }, KIND_LABELS[entry.kind] || entry.kind),
      h('strong', { class: 'redress-entry-title' }, entry.title || ''),
      entry.actor ? h('span', { class: 'redress-entry-actor' }, 'by ', entry.actor) : null,
      entry.durationMillis !== null && entry.durationMillis !== undefined
        ? h('span', { class: 'redress-entry-duration', title: entry.endTimeText ? 'ended ' + entry.endTimeText : null },
          'took ', duration(entry.durationMillis))
        : ((entry.kind === 'ACTIVITY' || entry.kind === 'TASK') && !entry.endTime
          ? h('span', { class: 'label label-info' }, 'running') : null),
      link ? h('a', { class: 'redress-entry-link', href: link }, 'open in Cockpit') : null,
      entry.hash ? h('span', { class: 'redress-entry-hash text-muted', title: 'hash ' + entry.hash },
        '#', entry.sequence, ' \u00b7 ', String(entry.hash).slice(0, 10)) : null),
    entry.summary ? h('div', { class: 'redress-entry-summary' }, entry.summary) : null,
    hasDetails(entry.details)
      ? h('details', { class: 'redress-entry-details', open: OPEN_DETAILS.has(entry.kind) },
        h('summary', {}, 'details'), value(entry.details))
      : null);
}

function hasDetails(details) {
  if (details === null || details === undefined || details === '') {
    return false;
  }
  return typeof details !== 'object' || Object.keys(details).length > 0;
}

/** Any JSON value, readable: objects as name/value lists, lists of objects as tables. */
export function value(data) {
  if (data === null || data === undefined) {
    return h('span', { class: 'text-muted' }, '\u2014');
  }
  if (Array.isArray(data)) {
    if (data.length === 0) {
      return h('span', { class: 'text-muted' }, 'none');
    }
    if (data.every((item) => item && typeof item === 'object' && !Array.isArray(item))) {
      const columns = [...new Set(data.flatMap((item) => Object.keys(item)))];
      return h('table', { class: 'table table-condensed redress-details-table' },
        h('thead', {}, h('tr', {}, columns.map((column) => h('th', {}, column)))),
        h('tbody', {}, data.map((item) => h('tr', {}, columns.map((column) => h('td', {}, value(item[column])))))));
    }
    return h('span', {}, data.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', '));
  }
  if (typeof data === 'object') {
    return h('dl', { class: 'redress-details' },
      Object.entries(data).flatMap(([name, item]) => [
        h('dt', { title: name }, name),
        h('dd', { 'data-name': name }, value(item))]));
  }
  if (typeof data === 'string' && /^\s*\{[\s\S]*\}\s*$/.test(data)) {
    const structured = parsed(data); // e.g. a letter recorded as JSON
    if (structured !== data) {
      return value(structured);
    }
  }
  return h('span', {}, String(data));
}
