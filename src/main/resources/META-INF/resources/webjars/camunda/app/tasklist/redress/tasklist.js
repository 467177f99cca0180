/*
 * Redress's script for Camunda Tasklist, listed in ../scripts/config.js (customScripts); a plain ES
 * module, no build step.
 *
 * The task list sorted as Redress's filters are (engine/TasklistFilters: priority, then due date).
 * Tasklist sends its own sorting with every list request, "Created" unless the person chose another,
 * and that sorting wins over the filter's: so the order the filters promise is made Tasklist's default
 * here, and the list header says what the list is sorted by. A sorting the person chooses is kept.
 */
const FILTER_ORDER = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' }
]);

function sortAsTheFiltersDo() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const at = hash.indexOf('?');
  const path = at < 0 ? hash.slice(1) : hash.slice(1, at);
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', FILTER_ORDER);
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', sortAsTheFiltersDo);
sortAsTheFiltersDo();

export default [];
