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

/** 2 700 000 → "45 min", 11 400 000 → "3 h 10 min", 187 200 000 → "2 d 4 h"; under a minute in seconds. */
export function duration(millis) {
  if (millis === null || millis === undefined) {
    return '';
  }
  if (millis < 1000) {
    return '< 1 s';
  }
  const seconds = Math.floor(millis / 1000);
  if (seconds < 60) {
    return seconds + ' s';
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return minutes + ' min';
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
  }
  return Math.floor(hours / 24) + ' d' + (hours % 24 ? ' ' + (hours % 24) + ' h' : '');
}

/** Only links into Cockpit itself ("#/decision-instance/…") are followed from data. */
export function cockpitLink(link) {
  return typeof link === 'string' && /^#\/[A-Za-z0-9\-_/?=&%.:]*$/.test(link) ? link : null;
}
