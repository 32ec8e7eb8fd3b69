// Public entry of lib/offline: which files each studio needs offline, and the cache that keeps them.
export { OFFLINE_CACHE, OFFLINE_STUDIOS, STUDIO_RESOURCES, MODEL_MANIFEST_URL } from './constants';
export { filesForStudios, formatBytes, loadModelManifest, totalBytes } from './files';
export {
  deleteOfflineData,
  listCaches,
  makeAvailableOffline,
  offlineStatus,
  offlineSupported,
} from './cache';
export type * from './types';
