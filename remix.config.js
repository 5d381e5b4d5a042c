/** Remix v2 classic compiler (no Vite): see docs/decisions/001-remix-classic-compiler.md */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  tailwind: true,
  postcss: true,
  watchPaths: ["db/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with it, every page's render matches each parent path against all routes again to
    // inline a partial manifest (4 % of a page's CPU); without it the manifest is one cached file.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: false,
  },
};
