/*
 * Redress's script for Camunda's Welcome app, listed in ../scripts/config.js (customScripts); a plain
 * ES module, no build step.
 *
 * A browser without a staff session that asks for a Redress staff page (/staff/dashboard …) is sent to
 * Camunda's login here; the server remembers the page in the cookie redress-after-login
 * (security/EngineRestAuthentication). Once the login has succeeded, this goes to that page instead of
 * staying on the Welcome page. Only a page of this server under /staff/ is followed.
 */
const COOKIE = 'redress-after-login';
const WELCOME = new URL('../', import.meta.url).pathname;
const CURRENT_USER = new URL('../../../api/admin/auth/user/default', import.meta.url).pathname;

function pageAskedFor() {
  const found = document.cookie.split('; ').find((c) => c.startsWith(COOKIE + '='));
  if (!found) {
    return null;
  }
  const page = decodeURIComponent(found.slice(COOKIE.length + 1).replace(/\+/g, ' '));
  return /^\/[^/\\]/.test(page) && page.includes('/staff/') ? page : null;
}

async function backToThePageAskedFor() {
  const page = pageAskedFor();
  if (!page || (window.location.hash || '').includes('/login')) {
    return;
  }
  const user = await fetch(CURRENT_USER, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!user.ok) {
    return;
  }
  document.cookie = COOKIE + '=; Max-Age=0; Path=' + WELCOME.replace(/\/$/, '');
  window.location.replace(page);
}

window.addEventListener('hashchange', backToThePageAskedFor);
backToThePageAskedFor();

export default [];
