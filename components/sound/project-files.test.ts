// Export → import of a whole sound project: the same predictions, class names, background flag and example sounds.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import {
  AUDIO_SAMPLE_RATE,
  buildSoundModel,
  EXAMPLE_SAMPLES,
  LogMelComputer,
  SoundClassifier,
} from '@/lib/audio';
import { InputError } from '@/lib/errors';

import { exportSoundProject, importSoundProject } from './project-files';
import type { SoundClass } from './use-sound-project';

function tone(hz: number): Float32Array {
  return Float32Array.from(
    { length: EXAMPLE_SAMPLES },
    (_, i) => 0.4 * Math.sin((2 * Math.PI * hz * i) / AUDIO_SAMPLE_RATE),
  );
}

describe('sound project files', () => {
  it('round-trips model, classes and examples', async () => {
    const before = tf.memory().numTensors;
    const model = buildSoundModel([49, 40, 1], 2, { seed: 5 });
    const classifier = new SoundClassifier(
      model,
      ['Background noise', 'Whistle'],
      { mean: -8, std: 3 },
      new LogMelComputer().config,
    );
    const classes: SoundClass[] = [
      {
        id: 'a',
        name: 'Background noise',
        background: true,
        examples: [{ id: '1', samples: tone(100), source: 'mic' }],
      },
      {
        id: 'b',
        name: 'Whistle',
        background: false,
        examples: [{ id: '2', samples: tone(2000), source: 'file', file: 'w.wav' }],
      },
    ];
    const zip = await exportSoundProject(classifier, classes);
    const imported = await importSoundProject([{ name: 'sound-model.zip', data: zip }]);
    expect(imported.classes.map((c) => [c.name, c.background, c.examples.length])).toEqual([
      ['Background noise', true, 1],
      ['Whistle', false, 1],
    ]);
    // 16-bit WAV keeps the sound to within one quantisation step.
    const back = imported.classes[1]!.examples[0]!.samples;
    for (let i = 0; i < back.length; i += 97)
      expect(Math.abs(back[i]! - classes[1]!.examples[0]!.samples[i]!)).toBeLessThan(1e-4);
    const a = await classifier.predictWaveform(tone(2000));
    const b = await imported.classifier.predictWaveform(tone(2000));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 5));
    classifier.dispose();
    imported.classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the problem when the zip is not a sound model', async () => {
    await expect(
      importSoundProject([{ name: 'notes.txt', data: new TextEncoder().encode('hello') }]),
    ).rejects.toThrow(InputError);
  });
});
