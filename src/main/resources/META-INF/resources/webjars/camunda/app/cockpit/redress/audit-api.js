/*
 * Redress's audit API (/api/staff/audit/**), called with the Cockpit session: the browser sends the
 * webapp's session cookie, Redress checks that the user is an auditor (or Camunda administrator).
 */
import { h } from './dom.js';

/** Where the Camunda webapps live ("/camunda" under the servlet context); Redress's API is beside them. */
export function contextPath() {
  const base = document.querySelector('base[app-root]');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '');
}

export function auditPath(path) {
  return contextPath() + '/api/staff/audit' + path;
}

export function complaintPath(reference, suffix) {
  return auditPath('/complaints/' + encodeURIComponent(reference) + (suffix || ''));
}

export class AuditApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (notJson) {
      // an HTML error page or nothing: the status says enough
    }
    throw new AuditApiError(response.status, problem);
  }
  return response.json();
}

/** The message an auditor (or someone who is not one) sees when a call fails. */
export function problemMessage(error, what) {
  if (error instanceof AuditApiError) {
    if (error.status === 403) {
      return h('div', { class: 'alert alert-warning redress-not-allowed', role: 'alert' },
        h('strong', {}, 'Not allowed. '),
        'The complaints\u2019 audit trail is open to auditors and Camunda administrators only. ',
        'Ask an administrator to add you to the group \u201cauditors\u201d if you need it.');
    }
    if (error.status === 401) {
      return h('div', { class: 'alert alert-warning', role: 'alert' },
        'Your session has ended. Sign in to Cockpit again.');
    }
    if (error.status === 404) {
      return h('div', { class: 'alert alert-info', role: 'alert' }, 'No complaint ', what ? what : '', ' was found.');
    }
    if (error.status === 400 && error.problem) {
      const field = error.problem.field || (error.problem.errors && error.problem.errors[0] && error.problem.errors[0].field);
      return h('div', { class: 'alert alert-warning', role: 'alert' },
        'Please check the filter', field ? ' \u201c' + field + '\u201d' : '', ': ', error.message);
    }
  }
  return h('div', { class: 'alert alert-danger', role: 'alert' },
    'Could not load ', what || 'the complaints', ': ', error.message || String(error));
}
