// The preview's catch-up on a missed rebuild (src/preview/catch-up.ts), run before Eleventy's
// reload client: when that client's socket opens, asks for the last build written and reloads the
// page if that is the build the page awaited (data-awaited) or a later one.
/* global document, fetch, location, window */
const { awaited, written } = document.currentScript.dataset;
const ReloadSocket = window.WebSocket;

window.WebSocket = class extends ReloadSocket {
  constructor(...args) {
    super(...args);
    const catchUp = async () => {
      const last = await (await fetch(written, { cache: "no-store" })).json();
      if (last.written >= Number(awaited)) location.reload();
    };
    // A preview that stopped answering has nothing newer to show.
    this.addEventListener("open", () => catchUp().catch(() => {}), { once: true });
  }
};
