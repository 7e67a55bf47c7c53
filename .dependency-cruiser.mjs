// Import rules of src/, checked by `npm run lint:deps` (part of `npm test`): no cycles, and each
// folder imports only folders listed before it. The README's folder map lists them in this order.
const LAYERS = [
  "util", // generic helpers: file listing, bounded parallel loops, grouping, URLs
  "images", // responsive image variants
  "markdown", // the markdown-it instance and its plugins
  "hosting", // what host and CDN need: header rules, hashed and minified assets, the manifest format
  "content", // the content model: site data, front matter, articles, newsroom time, URL keys
  "discovery", // feeds, sitemaps, JSON-LD
  "lists", // fronts, author/tag/month pages, article feet: every list, built once
  "pages", // rendering pages from layouts, finishing and writing them
  "build", // one build: options, context, Eleventy run, after-build steps
  "preview", // the preview server
  "cms", // the web editor's config and local proxy
  "eleventy", // Eleventy plugins: only .eleventy.ts imports them
  "check", // npm run check
  "publish", // npm run publish
  "cli", // entry points
];

const higherThan = (index) => `^src/(${LAYERS.slice(index + 1).join("|")})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module must not import, through any chain, a module that imports it.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...LAYERS.map((layer, index) => ({
      name: `layer-${layer}`,
      severity: "error",
      comment: `src/${layer}/ may import only folders listed before it in .dependency-cruiser.mjs.`,
      from: { path: `^src/${layer}/` },
      to: { path: higherThan(index) },
    })),
    {
      name: "known-folder",
      severity: "error",
      comment: "Every folder of src/ has a place in LAYERS (src/types/ holds declarations only).",
      from: { path: "^src/" },
      to: { path: "^src/", pathNot: `^src/(${[...LAYERS, "types"].join("|")})/` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
