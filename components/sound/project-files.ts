'use client';
// Export and import of a sound project: the model zip from lib/persist plus every example as a WAV.
import {
  AUDIO_SAMPLE_RATE,
  decodeWav,
  encodeWav,
  EXAMPLE_SAMPLES,
  resample,
  SoundClassifier,
  toMono,
} from '@/lib/audio';
import { InputError } from '@/lib/errors';
import { expandFiles, exportModelZip, loadImportedLayersModel, type NamedBytes } from '@/lib/persist';

import { newId, type SoundClass } from './use-sound-project';

/** Name of the file in the zip that lists classes and their example files. */
export const PROJECT_FILE = 'sound-project.json';

interface ProjectManifest {
  classes: Array<{ name: string; background: boolean; examples: string[] }>;
}

/** Zips the model, its metadata and every example (WAV) so the whole project can be re-imported. */
export async function exportSoundProject(
  classifier: SoundClassifier,
  classes: readonly SoundClass[],
): Promise<Uint8Array> {
  const files: NamedBytes[] = [];
  const manifest: ProjectManifest = {
    classes: classes.map((c, ci) => ({
      name: c.name,
      background: c.background,
      examples: c.examples.map((ex, ei) => {
        // expandFiles flattens folders, so names must be unique on their own.
        const name = `example-${ci}-${ei}.wav`;
        files.push({ name, data: encodeWav(ex.samples, AUDIO_SAMPLE_RATE) });
        return name;
      }),
    })),
  };
  files.push({ name: PROJECT_FILE, data: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) });
  const background = classifier.labels.findIndex((l) => classes.find((c) => c.name === l)?.background);
  return exportModelZip(
    classifier.model,
    { ...classifier.metadata(), name: 'Sound model', backgroundIndex: background },
    files,
  );
}

/** What an import gives back. */
export interface ImportedSoundProject {
  classifier: SoundClassifier;
  /** Classes with examples when the zip had them, else one empty class per label. */
  classes: SoundClass[];
}

/** Reads a zip (or model.json + weights + metadata.json). Throws InputError naming what is wrong. */
export async function importSoundProject(files: NamedBytes[]): Promise<ImportedSoundProject> {
  const { model, metadata } = await loadImportedLayersModel(files);
  let classifier: SoundClassifier;
  try {
    classifier = SoundClassifier.fromModel(model, metadata);
  } catch (e) {
    model.dispose();
    throw e;
  }
  const all = expandFiles(files);
  const manifestFile = all.find((f) => f.name === PROJECT_FILE);
  const backgroundIndex = typeof metadata.backgroundIndex === 'number' ? metadata.backgroundIndex : -1;
  if (!manifestFile) {
    return {
      classifier,
      classes: classifier.labels.map((name, i) => ({
        id: newId(),
        name,
        background: i === backgroundIndex,
        examples: [],
      })),
    };
  }
  let manifest: ProjectManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestFile.data)) as ProjectManifest;
    if (!Array.isArray(manifest.classes)) throw new Error('no classes');
  } catch {
    classifier.dispose();
    throw new InputError(`"${PROJECT_FILE}" is damaged.`, PROJECT_FILE);
  }
  const classes = manifest.classes.map((c) => ({
    id: newId(),
    name: String(c.name),
    background: Boolean(c.background),
    examples: (c.examples ?? []).flatMap((name) => {
      const f = all.find((x) => x.name === name);
      if (!f) return [];
      const wav = decodeWav(f.data, name);
      const samples = resample(toMono(wav.channels), wav.sampleRate, AUDIO_SAMPLE_RATE);
      const fixed = new Float32Array(EXAMPLE_SAMPLES);
      fixed.set(samples.subarray(0, EXAMPLE_SAMPLES));
      return [{ id: newId(), samples: fixed, source: 'file' as const, file: name }];
    }),
  }));
  if (!classes.some((c) => c.background) && classes.length) classes[0]!.background = true;
  return { classifier, classes };
}
