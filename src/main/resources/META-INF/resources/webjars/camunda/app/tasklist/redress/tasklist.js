/*
 * Redress's script for Camunda Tasklist, listed in ../scripts/config.js (customScripts); a plain ES
 * module, no build step. Two things: the list sorted as the filters are, and refusals at the field.
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
  if (params.has('sorting') && !isTasklistsDefault(params.get('sorting'))) {
    return;
  }
  params.set('sorting', FILTER_ORDER);
  window.location.replace('#/?' + params.toString());
}

/* Choosing another filter writes Tasklist's own default ("Created", newest first) into the address. */
function isTasklistsDefault(sorting) {
  try {
    const order = JSON.parse(sorting);
    return Array.isArray(order) && order.length === 1 && order[0].sortBy === 'created' && order[0].sortOrder === 'desc';
  } catch (e) {
    return false;
  }
}

window.addEventListener('hashchange', sortAsTheFiltersDo);
sortAsTheFiltersDo();

/*
 * A refusal where the person looks. Tasklist shows the server's refusal of a form as a notice at the top
 * of the page, or of the start dialog, often scrolled out of view. The server words it as
 * "Label: reason" (engine/RefusalSentences); this puts each reason under the field with that label,
 * or above the form when no field has the label, scrolls to the first, and closes Tasklist's notice,
 * which would otherwise cover the form's buttons.
 */
const REFUSAL_CLASS = 'redress-refusal';

function openForm() {
  const forms = [...document.querySelectorAll('.modal-dialog .fjs-container, .task-details .fjs-container')];
  return forms.find((form) => form.offsetParent !== null) || null;
}

function fieldLabelled(form, label) {
  return [...form.querySelectorAll('.fjs-form-field')].find((field) => {
    const text = field.querySelector('.fjs-form-field-label');
    return text && text.textContent.replace(/\*\s*$/, '').trim() === label;
  }) || null;
}

function refusalNote(text) {
  const note = document.createElement('div');
  note.className = REFUSAL_CLASS;
  note.setAttribute('role', 'alert');
  note.style.cssText = 'color:#a94442;background:#f2dede;border:1px solid #ebccd1;border-radius:3px;'
      + 'padding:6px 10px;margin:4px 0 8px;font-weight:600';
  note.textContent = text;
  return note;
}

function showAtTheFields(message) {
  const form = openForm();
  if (!form || !message) {
    return;
  }
  form.querySelectorAll('.' + REFUSAL_CLASS).forEach((old) => old.remove());
  let first = null;
  const unplaced = [];
  for (const part of message.split('; ')) {
    const at = part.indexOf(': ');
    const field = at > 0 ? fieldLabelled(form, part.slice(0, at)) : null;
    if (field) {
      const note = refusalNote(part);
      field.appendChild(note);
      first = first || note;
    } else {
      unplaced.push(part);
    }
  }
  if (unplaced.length) {
    const note = refusalNote(unplaced.join('; '));
    form.prepend(note);
    first = note;
  }
  if (first) {
    first.scrollIntoView({ block: 'center' });
  }
  return first !== null;
}

const REFUSAL_NOTICE = '.alert-error, .alert-danger';

function placeRefusal(alert) {
  const message = alert.querySelector('.message');
  if (message && message.textContent.trim() && showAtTheFields(message.textContent.trim())) {
    // the sentence is at the field now; Tasklist's notice would only cover the form's buttons
    const close = alert.querySelector('button.close:not(.ng-hide)');
    if (close) {
      close.click();
    }
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) {
        continue;
      }
      const alert = node.matches(REFUSAL_NOTICE) ? node
          : node.matches('.alert') || node.querySelector('.alert') ? node.closest('.alert') || node.querySelector('.alert') : null;
      if (alert) {
        // Tasklist (AngularJS) sets the notice's class and text in the same digest: read them once it is done
        setTimeout(() => {
          if (alert.isConnected && alert.matches(REFUSAL_NOTICE)) {
            placeRefusal(alert);
          }
        }, 0);
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });

/*
 * The reference after registering. Tasklist answers a started process with "The process has been
 * started." for three seconds; the handler needs the complaint's reference (the business key, which
 * intake/RecordComplaint sets in the same transaction as the start). The engine's answer to the start
 * form carries it: a notice with the reference stays at the top of the page until it is closed or a
 * task is opened.
 */
const STARTED_CLASS = 'redress-started';

function showStarted(started) {
  document.querySelectorAll('.' + STARTED_CLASS).forEach((old) => old.remove());
  const notice = document.createElement('div');
  notice.className = STARTED_CLASS;
  notice.setAttribute('role', 'status');
  notice.style.cssText = 'position:fixed;top:56px;left:50%;transform:translateX(-50%);z-index:2000;'
      + 'color:#3c763d;background:#dff0d8;border:1px solid #d6e9c6;border-radius:3px;padding:10px 40px 10px 16px;'
      + 'font-size:15px;box-shadow:0 2px 6px rgba(0,0,0,.2)';
  const complaint = (started.definitionId || '').startsWith('complaint-handling:');
  const text = document.createElement('span');
  text.textContent = complaint ? 'Complaint registered. Reference: ' : 'Started. Reference: ';
  const reference = document.createElement('strong');
  reference.className = 'redress-reference';
  reference.textContent = started.businessKey;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.style.cssText = 'position:absolute;right:12px;top:8px';
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(text, reference, close);
  document.body.appendChild(notice);
}

// it covers the top of a task's form: opening a task (which shows its reference) closes it
window.addEventListener('hashchange', () => {
  if (/[?&]task=/.test(window.location.hash)) {
    document.querySelectorAll('.' + STARTED_CLASS).forEach((notice) => notice.remove());
  }
});

const START_FORM = /\/process-definition\/[^/?]+\/submit-form(\?|$)/;
const openRequest = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START_FORM.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const started = JSON.parse(this.responseText);
        if (started && started.businessKey) {
          showStarted(started);
        }
      } catch (notJson) {
        // not the engine's answer: nothing to show
      }
    });
  }
  return openRequest.call(this, method, url, ...rest);
};

/*
 * form-js answers a value that does not match a field's pattern with "Field must match pattern" and the
 * regular expression, which no person reads. Redress's forms describe the expected format in the field's
 * description (FormLimitsTest holds the patterns equal to the server's): that sentence is shown instead.
 */
function readablePatternErrors(root) {
  const items = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error li') : [];
  for (const item of items) {
    if (!item.textContent.startsWith('Field must match pattern')) {
      continue;
    }
    const field = item.closest('.fjs-form-field');
    const description = field && field.querySelector('.fjs-form-field-description');
    item.textContent = description && description.textContent.trim()
      ? 'Not in the expected format: ' + description.textContent.trim()
      : 'Not in the expected format.';
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    const target = change.type === 'characterData' ? change.target.parentElement : change.target;
    if (target && target.closest && target.closest('.fjs-form-field')) {
      readablePatternErrors(target.closest('.fjs-form-field'));
    }
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
