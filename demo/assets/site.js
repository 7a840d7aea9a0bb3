// Harbor & Pine demo: the only script of the shop itself (external, so the strict CSP holds).
// On the developers page it lists the rp-* events the elements fire, to show they bubble to document.
const log = document.getElementById('event-log');
if (log) {
  const events = ['rp-signed-in', 'rp-signed-out', 'rp-navigate', 'rp-profile-saved'];
  let empty = true;
  for (const type of events) {
    document.addEventListener(type, (event) => {
      if (empty) {
        log.textContent = '';
        empty = false;
      }
      const item = document.createElement('li');
      const time = new Date().toLocaleTimeString();
      item.textContent = `${time}  ${type}  ${JSON.stringify(event.detail ?? null)}`;
      log.prepend(item);
      while (log.children.length > 8) log.lastElementChild?.remove();
    });
  }
}
