/*
 * Building DOM without markup strings: complainants type arbitrary text, so everything that comes
 * from data becomes a text node or an attribute value, never HTML.
 */

/** h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child, [more]) */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

/** "2026-11-23T10:15:00Z" → local date and time, as the auditor's browser shows it. */
export function dateTime(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return isNaN(date) ? String(value) : date.toLocaleString(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
  });
}

/** 93784000 → "1d 2h 3m 4s"; under a second → "< 1s". */
export function duration(millis) {
  if (millis === null || millis === undefined) {
    return '';
  }
  if (millis < 1000) {
    return '< 1s';
  }
  let seconds = Math.floor(millis / 1000);
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    if (seconds >= size) {
      parts.push(Math.floor(seconds / size) + unit);
      seconds %= size;
    }
  }
  return parts.slice(0, 2).join(' ');
}

/** Only links into Cockpit itself ("#/decision-instance/…") are followed from data. */
export function cockpitLink(link) {
  return typeof link === 'string' && /^#\/[A-Za-z0-9\-_/?=&%.:]*$/.test(link) ? link : null;
}
