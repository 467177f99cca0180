/*
 * #/redress/complaints — find any complaint, running or closed, by what an auditor knows about it.
 * The filters travel in the address (?reference=…&state=closed…) so a search can be bookmarked
 * and "back" from a complaint returns to the same list.
 */
import { h, clear } from './dom.js';
import { auditPath, getJson, problemMessage } from './audit-api.js';

const PAGE_SIZE = 20;

// The statuses, stages (ISO 10002 clause 7), channels and categories come from the audit API with
// their labels (/choices): the filters show words and send codes.
const FILTERS = [
  { name: 'reference', label: 'Reference', type: 'text', placeholder: 'e.g. C-2026-000123' },
  { name: 'name', label: 'Complainant name', type: 'text', placeholder: 'supervisors and admins only' },
  { name: 'status', label: 'Status', choices: 'statuses' },
  { name: 'stage', label: 'Stage', choices: 'stages' },
  { name: 'channel', label: 'Channel', choices: 'channels' },
  { name: 'category', label: 'Category', choices: 'categories' },
  { name: 'receivedFrom', label: 'Received from', type: 'date' },
  { name: 'receivedTo', label: 'Received to', type: 'date' },
  { name: 'overdue', label: 'Overdue', options: [['true', 'overdue only'], ['false', 'not overdue']] },
  { name: 'state', label: 'Open / closed', options: [['open', 'open'], ['closed', 'closed']], any: 'all' }
];

export function historyHref(reference) {
  return '#/redress/complaints/' + encodeURIComponent(reference);
}

/** The query of the current address: #/redress/complaints?reference=…  */
function currentQuery() {
  const hash = window.location.hash;
  const question = hash.indexOf('?');
  return new URLSearchParams(question < 0 ? '' : hash.slice(question + 1));
}

function field(filter, query, choices) {
  const id = 'redress-filter-' + filter.name;
  const options = filter.choices ? (choices[filter.choices] || []).map((choice) => [choice.code, choice.label]) : filter.options;
  let input;
  if (options) {
    input = h('select', { id, name: filter.name, class: 'form-control input-sm' },
      h('option', { value: '' }, filter.any || 'any'),
      options.map(([value, label]) => h('option', { value }, label)));
  } else {
    input = h('input', { id, name: filter.name, type: filter.type, class: 'form-control input-sm',
      placeholder: filter.placeholder });
  }
  input.value = query.get(filter.name) || '';
  return h('div', { class: 'form-group redress-filter' }, h('label', { for: id }, filter.label), input);
}

let choicesLoaded = null;

/** The filters' choices, loaded once per page; without them the lists offer only "any". */
function loadChoices() {
  if (!choicesLoaded) {
    choicesLoaded = getJson(auditPath('/choices')).catch(() => {
      choicesLoaded = null;
      return {};
    });
  }
  return choicesLoaded;
}

export async function renderSearch(node) {
  const query = currentQuery();
  const page = Math.max(0, parseInt(query.get('page') || '0', 10) || 0);
  const choices = await loadChoices();
  const form = h('form', { class: 'redress-search-form', name: 'redressComplaintSearch' },
    FILTERS.map((filter) => field(filter, query, choices)),
    h('div', { class: 'form-group redress-filter redress-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, 'Search'),
      ' ',
      h('a', { class: 'btn btn-default btn-sm', href: '#/redress/complaints' }, 'Clear')));
  const results = h('div', { class: 'redress-results' });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value) {
        next.set(element.name, element.value.trim());
      }
    }
    const target = '#/redress/complaints' + (next.toString() ? '?' + next : '');
    if (window.location.hash === target) {
      load(node, results, next, 0);
    } else {
      window.location.hash = target;
    }
  });

  clear(node).appendChild(h('div', { class: 'redress-plugin redress-search' },
    h('h1', { class: 'redress-title' }, 'Complaints'),
    h('p', { class: 'text-muted' },
      'Every complaint, running or closed. Open one to see its full history: the path it took through ',
      'the process, who did what and when, the decisions and the complainant\u2019s letters.'),
    form, results));
  load(node, results, query, page);
}

async function load(node, results, query, page) {
  const params = new URLSearchParams();
  for (const filter of FILTERS) {
    if (query.get(filter.name)) {
      params.set(filter.name, query.get(filter.name));
    }
  }
  if (!params.has('state')) {
    params.set('state', 'all');
  }
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  clear(results).appendChild(h('p', { class: 'text-muted redress-loading' }, 'Loading complaints\u2026'));
  try {
    const answer = await getJson(auditPath('/complaints?' + params));
    clear(results).appendChild(table(answer));
    results.appendChild(pager(answer, query));
  } catch (error) {
    clear(results).appendChild(problemMessage(error, 'the complaints'));
  }
}

function table(answer) {
  if (!answer.items || answer.items.length === 0) {
    return h('p', { class: 'redress-empty' }, 'No complaint matches these filters.');
  }
  return h('table', { class: 'table table-striped table-condensed cam-table redress-complaints-table' },
    h('thead', {}, h('tr', {},
      ['Reference', 'Complainant', 'Status', 'Stage', 'Channel', 'Category', 'Severity', 'Received', 'Due', 'Closed', '']
        .map((label) => h('th', {}, label)))),
    h('tbody', {}, answer.items.map((item) => h('tr', { class: 'redress-complaint-row', 'data-reference': item.reference },
      h('td', {}, h('a', { class: 'redress-open-complaint', href: historyHref(item.reference) }, item.reference)),
      h('td', {}, item.complainantName === null || item.complainantName === undefined
        ? h('span', { class: 'text-muted', title: 'You may not see complainants\u2019 names' }, 'hidden')
        : item.complainantName),
      h('td', { 'data-code': item.status }, item.statusLabel || ''),
      h('td', { 'data-code': item.stage }, item.stageLabel || ''),
      h('td', { 'data-code': item.channel }, item.channelLabel || ''),
      h('td', { 'data-code': item.category }, item.categoryLabel || ''),
      h('td', { 'data-code': item.severity }, item.severityLabel || ''),
      h('td', {}, item.receivedAtText || ''),
      h('td', {}, item.dueAtText || ''),
      h('td', {}, item.closedAtText || ''),
      h('td', {},
        item.overdue ? h('span', { class: 'label label-danger' }, 'overdue') : null,
        ' ',
        item.running ? h('span', { class: 'label label-info' }, 'running') : h('span', { class: 'label label-default' }, 'closed'))))));
}

function pager(answer, query) {
  const page = answer.page || 0;
  const size = answer.size || PAGE_SIZE;
  const total = answer.total || 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (target, label, enabled) => {
    if (!enabled) {
      return h('li', { class: 'disabled' }, h('span', {}, label));
    }
    const next = new URLSearchParams(query);
    next.set('page', String(target));
    return h('li', {}, h('a', { href: '#/redress/complaints?' + next }, label));
  };
  return h('div', { class: 'redress-pager' },
    h('span', { class: 'text-muted redress-total' },
      total + (total === 1 ? ' complaint' : ' complaints') + ' \u00b7 page ' + (page + 1) + ' of ' + pages),
    h('ul', { class: 'pager' }, link(page - 1, '\u2039 Previous', page > 0), ' ', link(page + 1, 'Next \u203a', page + 1 < pages)));
}
