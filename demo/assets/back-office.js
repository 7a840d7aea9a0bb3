// Harbor & Pine back office: one section at a time, chosen by the address's #hash, and focus
// moved sensibly when the merchant signs in, signs out or picks a section. Which screen shows
// (sign-in or the back office) is CSS alone: rp-admin-signin matches :state(signed-in).
const sections = [...document.querySelectorAll('.panel-section')];
const links = [...document.querySelectorAll('.sidebar a[data-section]')];
const ids = sections.map((section) => section.id);

function currentId() {
  const id = decodeURIComponent(location.hash.slice(1));
  return ids.includes(id) ? id : ids[0];
}

/** Shows the section of the hash; `focus` when the merchant chose it (not on first load). */
function show(focus) {
  const id = currentId();
  for (const section of sections) section.hidden = section.id !== id;
  for (const link of links) {
    if (link.dataset.section === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const section = document.getElementById(id);
  const element = section?.firstElementChild;
  // Mail and sign-ups arrive while the back office is open: fetch them again when shown.
  if (focus && typeof element?.reload === 'function' && (id === 'outbox' || id === 'partners')) element.reload();
  if (focus && section) {
    section.focus({ preventScroll: true });
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
  }
  document.title = `${section?.getAttribute('aria-label') ?? 'Back office'} — Back office — Harbor & Pine Coffee`;
}

if (sections.length > 0) {
  show(false);
  window.addEventListener('hashchange', () => show(true));
}

// The form that signed in is hidden with the sign-in screen: continue in the section instead.
document.addEventListener('rp-admin-signed-in', () => {
  requestAnimationFrame(() => document.getElementById(currentId())?.focus({ preventScroll: true }));
});
// Signed out from the top bar: back to the sign-in form.
document.addEventListener('rp-admin-signed-out', () => {
  requestAnimationFrame(() => document.querySelector('rp-admin-signin.login-form')?.focus());
});
