// Stored teachable projects are read defensively: whatever IndexedDB holds (an older version, a
// half-written value, a field another version named differently), the studio gets a project it can
// show. Damaged classes and examples are dropped, wrong settings fall back to the studio's defaults.
import {
  DEFAULT_AUGMENT,
  migrateProject,
  type AugmentSettings,
  type BaseTrainSettings,
  type ProjectClass,
  type ProjectModel,
  type ProjectSample,
  type TeachableProject,
} from '../transfer/project';
import { MAX_FILE_CLASSES, MAX_NAME_LENGTH } from './constants';

/** What {@link repairProject} made of a stored value. */
export interface RepairedProject<S extends BaseTrainSettings> {
  project: TeachableProject<S>;
  /** True when something was dropped or reset to its default. */
  repaired: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function sameKind(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback))
    return Array.isArray(value) && value.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === typeof fallback;
}

/** Each field of `defaults`, taken from `raw` where it has the same kind of value. */
function mergeFields<T extends object>(raw: unknown, defaults: T, note: () => void): T {
  const out = { ...defaults } as Record<string, unknown>;
  const r = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) note();
  for (const [k, d] of Object.entries(defaults)) {
    if (sameKind(r[k], d)) out[k] = r[k];
    else if (k in r) note();
  }
  return out as T;
}

function validSample(s: unknown): s is ProjectSample {
  if (!isRecord(s) || typeof s.id !== 'string' || !(s.feature instanceof Float32Array)) return false;
  const p = s.payload;
  if (!isRecord(p)) return false;
  if (p.kind === 'picture') return p.bytes instanceof Uint8Array && typeof p.type === 'string';
  if (p.kind === 'clip') return p.samples instanceof Float32Array && typeof p.sampleRate === 'number';
  return false;
}

function validHead(h: unknown): h is ProjectModel {
  return (
    isRecord(h) &&
    isRecord(h.artifacts) &&
    Array.isArray(h.labels) &&
    h.labels.every((l) => typeof l === 'string') &&
    typeof h.trainedAt === 'number'
  );
}

/**
 * Reads a stored (or imported) project defensively, or returns null for a value that is not a
 * teachable project at all. `fresh` gives the studio's defaults (settings, options).
 */
export function repairProject<S extends BaseTrainSettings>(
  raw: unknown,
  fresh: TeachableProject<S>,
): RepairedProject<S> | null {
  let p: TeachableProject<S> | null;
  try {
    p = migrateProject<S>(raw);
  } catch {
    return null;
  }
  if (!p || typeof p.extractor !== 'string') return null;
  let repaired = false;
  const note = () => {
    repaired = true;
  };
  const classes: ProjectClass[] = [];
  for (const c of p.classes) {
    if (!isRecord(c) || typeof c.id !== 'string' || typeof c.name !== 'string' || !Array.isArray(c.samples)) {
      note();
      continue;
    }
    const samples = c.samples.filter(validSample);
    if (samples.length !== c.samples.length) note();
    classes.push({ ...c, name: c.name.slice(0, MAX_NAME_LENGTH), samples });
  }
  if (classes.length > MAX_FILE_CLASSES) note();
  const head = p.head == null ? null : validHead(p.head) ? p.head : (note(), null);
  const options: TeachableProject<S>['options'] = { ...fresh.options };
  if (isRecord(p.options)) {
    for (const [k, v] of Object.entries(p.options))
      if (['number', 'string', 'boolean'].includes(typeof v)) options[k] = v as number | string | boolean;
  }
  const project: TeachableProject<S> = {
    ...p,
    featureSize: typeof p.featureSize === 'number' ? p.featureSize : fresh.featureSize,
    classes: classes.slice(0, MAX_FILE_CLASSES),
    settings: mergeFields(p.settings, fresh.settings, note),
    augment: mergeFields<AugmentSettings>(p.augment, { ...DEFAULT_AUGMENT }, note),
    head,
    revision: Number.isInteger(p.revision) && p.revision >= 0 ? p.revision : 0,
    options,
    updatedAt: typeof p.updatedAt === 'number' ? p.updatedAt : Date.now(),
  };
  // Fields the defaults do not have (a learner's extra settings) are kept as they were.
  if (isRecord(p.settings)) project.settings = { ...p.settings, ...project.settings };
  return { project, repaired };
}
