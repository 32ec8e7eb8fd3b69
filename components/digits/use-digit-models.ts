'use client';
// useDigitModels: the shipped MLP and CNN (loaded on first use) and the learner's own network.
import type * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useBackend } from '@/components/tf/backend-provider';

/** Which network answers on the drawing canvas. */
export type DigitModelChoice = 'digits-mlp' | 'digits-cnn' | 'mine';

/** What the UI shows about a network. */
export interface DigitModelInfo {
  params: number;
  /** 0–1 on the 2,000 held-out digits, when known. */
  testAccuracy: number | null;
}

/** Key of the learner's own network in IndexedDB. */
export const MY_MODEL_KEY = 'digits/my-model';

interface Loaded {
  model: tf.LayersModel;
  info: DigitModelInfo;
  dispose: () => void;
}

/** Loads networks lazily, keeps them until unmount, and gives the one chosen. */
export function useDigitModels() {
  const { whenReady } = useBackend();
  const cache = useRef(new Map<DigitModelChoice, Promise<Loaded>>());
  const [hasMine, setHasMine] = useState(false);

  useEffect(() => {
    let alive = true;
    void import('@/lib/persist')
      .then((p) => p.loadStoredModel(MY_MODEL_KEY))
      .then((stored) => {
        if (alive) setHasMine(Boolean(stored));
      })
      .catch(() => undefined);
    const models = cache.current;
    return () => {
      alive = false;
      for (const p of models.values()) void p.then((l) => l.dispose()).catch(() => undefined);
      models.clear();
    };
  }, []);

  const get = useCallback(
    (choice: DigitModelChoice): Promise<Loaded> => {
      let p = cache.current.get(choice);
      if (!p) {
        p = (async () => {
          await whenReady();
          if (choice === 'mine') {
            const { loadModelFromDb } = await import('@/lib/persist');
            const { model, metadata } = await loadModelFromDb(MY_MODEL_KEY);
            return {
              model,
              info: {
                params: model.countParams(),
                testAccuracy: typeof metadata.testAccuracy === 'number' ? metadata.testAccuracy : null,
              },
              dispose: () => model.dispose(),
            };
          }
          const { loadDigitModel } = await import('@/lib/pretrained/digits');
          const loaded = await loadDigitModel(choice);
          return {
            model: loaded.model,
            info: { params: loaded.metadata.params, testAccuracy: loaded.metadata.testAccuracy },
            dispose: () => loaded.dispose(),
          };
        })();
        p.catch(() => cache.current.delete(choice));
        cache.current.set(choice, p);
      }
      return p;
    },
    [whenReady],
  );

  /** Call after the learner's own network was saved: the next `get('mine')` loads the new one. */
  const refreshMine = useCallback(() => {
    const old = cache.current.get('mine');
    cache.current.delete('mine');
    void old?.then((l) => l.dispose()).catch(() => undefined);
    setHasMine(true);
  }, []);

  return { get, hasMine, refreshMine };
}
