// The shell: configuration, sign-in (local "sign in as" or OpenID Connect), and hash routing between the views.
import { ApiError, session, signInLocally } from './api.js';
import { $, showError, guarded } from './ui.js';
import { beginSignIn, completeSignIn, keepRenewed } from './oidc.js';
import { initLibrary, reloadLibrary } from './library.js';
import { loadTrash } from './trash.js';
import { initAdmin, loadAdmin } from './admin.js';
import { initDiscovery, loadDiscovery } from './discovery.js';
import { initCatalog, loadCatalog } from './catalog.js';
import { initWantList, loadWantList } from './wantlist.js';
import { initStatistics, loadStatistics } from './statistics.js';

/** The views: a new one is a section #view-{id}, a nav link #/{id} and an entry here. */
const views = {
  'sign-in': { load: () => $('sign-in-user').focus(), public: true },
  library: { load: reloadLibrary },
  trash: { load: loadTrash },
  discovery: { load: loadDiscovery },
  catalog: { load: loadCatalog },
  'want-list': { load: loadWantList },
  statistics: { load: loadStatistics },
  admin: { load: loadAdmin, role: 'admin' },
};
let config = { signIn: { dev: true, oidc: null } };

function route() {
  let view = location.hash.replace('#/', '') || 'library';
  if (!session.signedIn) view = 'sign-in';
  if (!views[view] || (views[view].role && !session.roles.includes(views[view].role))) view = 'library';
  Object.keys(views).forEach(v => { $(`view-${v}`).hidden = v !== view; });
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.getAttribute('href') === `#/${view}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  $('nav').hidden = !session.signedIn;
  $('nav-admin').hidden = !session.roles.includes('admin');
  document.title = `NovaTune — ${$(`view-${view}`).querySelector('h2').textContent}`;
  views[view].load();
}

function signedIn(who) {
  $('who').textContent = `Signed in as ${who}`;
  if (!location.hash || location.hash === '#/sign-in') location.hash = '#/library';
  route();
  $('main').focus();
}

$('sign-in-form').addEventListener('submit', guarded(async e => {
  e.preventDefault();
  const user = $('sign-in-user').value.trim();
  await signInLocally(user, $('sign-in-admin').checked);
  signedIn(user);
}));
$('sign-in-oidc').addEventListener('click', guarded(() => beginSignIn(config.signIn.oidc)));
// Stops the silent renewal of an OIDC sign-in.
let stopRenewal = () => {};
function signOut() {
  stopRenewal();
  session.signOut();
  $('toasts').replaceChildren();
  $('errors').replaceChildren();
  $('who').textContent = '';
  location.hash = '#/sign-in';
  route();
}
$('sign-out').addEventListener('click', signOut);
window.addEventListener('novatune:unauthorized', () => {
  signOut();
  showError(new ApiError(401, { detail: 'Your sign-in has ended (the token expired or was refused): sign in again.' }));
});

initLibrary();
initAdmin();
initDiscovery();
initCatalog();
initWantList();
initStatistics();
window.addEventListener('hashchange', route);

async function start() {
  try {
    const response = await fetch('/config.json');
    if (response.ok) config = await response.json();
  } catch { /* the defaults: local sign-in */ }
  $('sign-in-form').hidden = !config.signIn.dev;
  $('sign-in-oidc-panel').hidden = !config.signIn.oidc;
  if (config.signIn.oidc) {
    $('sign-in-oidc-issuer').textContent = config.signIn.oidc.issuer;
    try {
      const answer = await completeSignIn(config.signIn.oidc);
      if (answer) {
        signedIn(session.adopt(answer.access_token));
        stopRenewal = keepRenewed(config.signIn.oidc, answer, {
          adopt: token => session.adopt(token),
          ended: () => window.dispatchEvent(new Event('novatune:unauthorized')),
        });
        return;
      }
    } catch (error) {
      showError(error);
    }
  }
  route();
}
start();
