'use client';
// Collecting sound examples: record N seconds from the microphone (every second is one example)
// or cut uploaded files into 1-second examples, skipping silence.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { decodeAudioFile } from '@/components/media/audio-file';
import { AUDIO_SAMPLE_RATE, EXAMPLE_SAMPLES, clipSample, splitIntoExamples } from '@/lib/audio';
import { InputError } from '@/lib/errors';
import { FileError, describeFileError, isCancelled } from '@/lib/files';
import { newId } from '@/lib/ids';
import type { ProjectClass, ProjectSample } from '@/lib/transfer';

import type { Microphone } from './use-microphone';

/** The file being read in an upload: the `i`-th of `n`, `fraction` of it done. */
export interface SoundUpload {
  classId: string;
  name: string;
  i: number;
  n: number;
  fraction: number;
}

/** A message about the files of one upload. */
export interface SoundNotice {
  kind: 'error' | 'warning' | 'info' | 'success';
  text: string;
}

/** Recording and upload state for the class cards, with the notices of the last upload. */
export function useSoundCapture(
  mic: Microphone,
  recordSeconds: number,
  addSamples: (classId: string, samples: ProjectSample[]) => void,
) {
  const t = useT();
  const [recording, setRecording] = useState<{ classId: string; left: number } | null>(null);
  const [upload, setUpload] = useState<SoundUpload | null>(null);
  const uploading = useRef<AbortController | null>(null);
  useEffect(() => () => uploading.current?.abort(), []);
  /** Stops the upload in progress: the file being read adds nothing, files before it stay. */
  const cancelUpload = useCallback(() => uploading.current?.abort(), []);
  const [notices, setNotices] = useState<SoundNotice[]>([]);

  const record = useCallback(
    async (classId: string) => {
      if (!(await mic.ensure())) return;
      const need = recordSeconds * AUDIO_SAMPLE_RATE;
      const parts: Float32Array[] = [];
      let have = 0;
      setRecording({ classId, left: recordSeconds });
      await new Promise<void>((resolve) => {
        const off = mic.mic.onChunk((chunk) => {
          parts.push(chunk);
          have += chunk.length;
          setRecording({ classId, left: Math.max(0, need - have) / AUDIO_SAMPLE_RATE });
          if (have >= need) {
            off();
            resolve();
          }
        });
      });
      const all = new Float32Array(have);
      let o = 0;
      for (const p of parts) {
        all.set(p, o);
        o += p.length;
      }
      // Microphone recordings are kept whole, quiet seconds too: the user chose to record them.
      const samples: ProjectSample[] = [];
      for (let s = 0; s + EXAMPLE_SAMPLES <= need; s += EXAMPLE_SAMPLES)
        samples.push(clipSample(newId(), all.slice(s, s + EXAMPLE_SAMPLES), 'mic'));
      addSamples(classId, samples);
      setRecording(null);
    },
    [mic, recordSeconds, addSamples],
  );

  const uploadFiles = useCallback(
    async (cls: ProjectClass, files: File[]) => {
      const found: SoundNotice[] = [];
      let count = 0;
      uploading.current?.abort();
      const controller = new AbortController();
      uploading.current = controller;
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        setUpload({ classId: cls.id, name: file.name, i, n: files.length, fraction: 0 });
        let shown = 0;
        const onProgress = (fraction: number) => {
          // One update per percent.
          if (Math.floor(fraction * 100) === shown) return;
          shown = Math.floor(fraction * 100);
          setUpload({ classId: cls.id, name: file.name, i, n: files.length, fraction });
        };
        try {
          // Parsed and resampled in the sound worker, with progress; Cancel stops it.
          const samples = await decodeAudioFile(file, { signal: controller.signal, onProgress });
          // Background noise is quiet by nature, so its files are not checked for silence.
          const r = splitIntoExamples(samples, AUDIO_SAMPLE_RATE, cls.background ? { silenceDb: -300 } : {});
          if (!r.examples.length)
            found.push({ kind: 'warning', text: t('sound.upload.silent', { name: file.name }) });
          if (r.truncated)
            found.push({
              kind: 'warning',
              text: t('sound.upload.truncated', { name: file.name, n: r.examples.length }),
            });
          addSamples(
            cls.id,
            r.examples.map((s) => clipSample(newId(), s, 'file', file.name)),
          );
          count += r.examples.length;
        } catch (e) {
          if (isCancelled(e)) {
            found.push({ kind: 'info', text: describeFileError(e, t) });
            break;
          }
          found.push({
            kind: 'error',
            text:
              e instanceof FileError
                ? e.text(t)
                : e instanceof InputError
                  ? t('sound.upload.bad', { name: file.name })
                  : errorTextNow(e),
          });
        }
      }
      if (uploading.current === controller) uploading.current = null;
      setUpload(null);
      if (count) found.unshift({ kind: 'success', text: t('sound.upload.added', { count }) });
      setNotices(found);
    },
    [addSamples, t],
  );

  return { recording, upload, cancelUpload, notices, setNotices, record, uploadFiles };
}
