// The service worker: Serwist precaches the app shell (pages, scripts, styles, fonts, tfjs WASM) at
// install, caches models and data sets on first use, and serves our offline page for any page it
// does not hold. Bundled by scripts/build-sw.mjs after `next build`; the precache list is injected
// into `self.__SW_MANIFEST` by @serwist/build.
import { CacheFirst, NetworkOnly, Serwist } from 'serwist';

/** Cache that holds models and data sets; lib/offline fills and reads the same cache. */
const RUNTIME_CACHE = 'cas-models';

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    // Every page is a static file: `?lang=ko&kids=1` or `?_rsc=…` still means the same file.
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    concurrency: 8,
  },
  // A new version waits until the page asks it to take over ("a new version is ready — reload").
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith('/models/') || url.pathname.startsWith('/data/')),
      handler: new CacheFirst({ cacheName: RUNTIME_CACHE, matchOptions: { ignoreSearch: true } }),
    },
    {
      // Pages not in the precache (an unknown address): the network, or our offline page without it.
      matcher: ({ request }) => request.mode === 'navigate',
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: '/offline/index.html', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();
