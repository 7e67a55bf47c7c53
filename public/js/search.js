// The search page: starts Pagefind's UI (loaded before this from /pagefind/pagefind-ui.js, the copy
// the build writes next to the index) in #search, and runs the query from ?q= (the header search box).
/* global PagefindUI, document, window, URLSearchParams */
const target = document.querySelector("#search");
if (target && typeof PagefindUI === "function") {
  const ui = new PagefindUI({
    element: "#search",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
}
