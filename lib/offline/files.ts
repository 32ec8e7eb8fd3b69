// Which files each studio needs offline, read from public/models/manifest.json.
import { ModelLoadError } from '../errors';

import { MODEL_MANIFEST_URL, STUDIO_RESOURCES } from './constants';
import type { ModelManifest, OfflineFile, OfflineStudioId } from './types';

/** Fetches and checks the model manifest. Throws a ModelLoadError if it is missing or malformed. */
export async function loadModelManifest(
  url = MODEL_MANIFEST_URL,
  fetchFn: typeof fetch = fetch,
): Promise<ModelManifest> {
  const res = await fetchFn(url);
  if (!res.ok) throw new ModelLoadError(`The model list ${url} could not be loaded (HTTP ${res.status}).`);
  const json = (await res.json()) as Partial<ModelManifest>;
  if (!Array.isArray(json.models)) throw new ModelLoadError(`The model list ${url} has no "models" array.`);
  return { models: json.models, data: Array.isArray(json.data) ? json.data : [] };
}

function matches(name: string, wanted: string): boolean {
  return wanted.endsWith('/') ? name.startsWith(wanted) : name === wanted;
}

/**
 * The files one or more studios need offline, without duplicates (the Image and Dream studios
 * share a model), sorted by URL. Unknown names in STUDIO_RESOURCES simply match nothing.
 */
export function filesForStudios(manifest: ModelManifest, studios: readonly OfflineStudioId[]): OfflineFile[] {
  const byUrl = new Map<string, OfflineFile>();
  for (const studio of studios) {
    const { models, data } = STUDIO_RESOURCES[studio];
    for (const model of manifest.models) {
      if (!models.some((m) => matches(model.name, m))) continue;
      for (const f of model.files)
        byUrl.set(`/models/${f.path}`, { url: `/models/${f.path}`, bytes: f.bytes });
    }
    for (const f of manifest.data ?? []) {
      if (data.some((d) => f.path.startsWith(d)))
        byUrl.set(`/${f.path}`, { url: `/${f.path}`, bytes: f.bytes });
    }
  }
  return [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
}

/** Total size of a list of files, in bytes. */
export function totalBytes(files: readonly OfflineFile[]): number {
  return files.reduce((s, f) => s + f.bytes, 0);
}

/** A size for people: "12.3 MB", "850 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
