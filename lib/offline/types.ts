// Types for making studios available offline.

/** A studio that can be made available offline (the ids of components/layout/studios.ts). */
export type OfflineStudioId = 'image' | 'pose' | 'sound' | 'digits' | 'dream' | 'music' | 'lab';

/** One file to keep offline: its URL on our origin and its size in bytes. */
export interface OfflineFile {
  url: string;
  bytes: number;
}

/** public/models/manifest.json, as written by scripts/copy-models.mjs (the fields we read). */
export interface ModelManifest {
  models: { name: string; bytes: number; files: { path: string; bytes: number }[] }[];
  data?: { path: string; bytes: number }[];
}

/** What a studio needs beyond the app shell: model folders and data files. */
export interface StudioResources {
  /** Model folder names (or prefixes ending in '/') from the manifest, e.g. 'centernet', 'music/'. */
  models: readonly string[];
  /** Data path prefixes relative to public/, e.g. 'data/mnist/'. */
  data: readonly string[];
}

/** Progress of a download, in plain numbers. */
export interface OfflineProgress {
  loadedBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

/** How much of a list of files is already kept offline. */
export interface OfflineStatus {
  cachedBytes: number;
  totalBytes: number;
  missing: OfflineFile[];
  /** True when every file is in the cache with the expected size. */
  ready: boolean;
}

/** One cache of this site, for the Privacy page. */
export interface CacheSummary {
  name: string;
  entries: number;
}
