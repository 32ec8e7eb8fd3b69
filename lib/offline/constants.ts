// Names and tables for offline use: the caches and what each studio needs.
import type { OfflineStudioId, StudioResources } from './types';

/** The cache that holds models and data sets; sw/service-worker.js reads the same name. */
export const OFFLINE_CACHE = 'cas-models';

/** Where the list of models (with files and sizes) is served. */
export const MODEL_MANIFEST_URL = '/models/manifest.json';

/** What each studio loads beyond the app shell (the shell itself is precached by the service worker). */
export const STUDIO_RESOURCES: Readonly<Record<OfflineStudioId, StudioResources>> = Object.freeze({
  image: { models: ['centernet'], data: [] },
  pose: { models: ['movenet-lightning', 'movenet-thunder', 'posenet'], data: [] },
  sound: { models: ['sound-embedding'], data: [] },
  digits: { models: ['digits-mlp', 'digits-cnn'], data: ['data/mnist/'] },
  dream: { models: ['centernet'], data: [] },
  music: { models: ['music/'], data: [] },
  lab: { models: [], data: ['data/mnist/', 'data/vega/'] },
});

/** Every studio, in the home page's order. */
export const OFFLINE_STUDIOS = Object.keys(STUDIO_RESOURCES) as OfflineStudioId[];
