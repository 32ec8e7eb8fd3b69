'use client';
// The studio's Magenta checkpoints: which are served (checked once), and each model loaded once on first
// use — after the app's tfjs backend is ready — and disposed when the component that loaded it goes.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useBackend } from '@/components/tf/backend-provider';
import { MUSIC_MODELS } from '@/lib/music';

export type ModelAvailability = 'checking' | 'yes' | 'no';

interface Disposable {
  dispose(): void;
}

/**
 * `available[id]` says whether `public/models/music/<id>/config.json` is served; `get(id)` loads the
 * model (MusicRNN or MusicVAE, by MUSIC_MODELS) and caches it; a failed load is forgotten, so a later
 * call tries again.
 */
export function useMusicModels<Id extends string>(
  ids: readonly Id[],
): {
  available: Record<Id, ModelAvailability>;
  get: <T>(id: Id) => Promise<T & Disposable>;
} {
  const { whenReady } = useBackend();
  const [available, setAvailable] = useState(
    () => Object.fromEntries(ids.map((id) => [id, 'checking'])) as Record<Id, ModelAvailability>,
  );
  const cache = useRef(new Map<Id, Promise<Disposable>>());
  const idList = ids.join(',');

  useEffect(() => {
    let alive = true;
    for (const id of idList.split(',') as Id[]) {
      fetch(`${MUSIC_MODELS[id].url}/config.json`)
        .then((r) => r.ok)
        .catch(() => false)
        .then((ok) => alive && setAvailable((a) => ({ ...a, [id]: ok ? 'yes' : 'no' })));
    }
    return () => {
      alive = false;
    };
  }, [idList]);

  useEffect(() => {
    const owned = cache.current;
    return () => {
      for (const m of owned.values()) void m.then((v) => v.dispose()).catch(() => undefined);
      owned.clear();
    };
  }, []);

  const get = useCallback(
    <T>(id: Id): Promise<T & Disposable> => {
      let p = cache.current.get(id);
      if (!p) {
        const info = MUSIC_MODELS[id];
        p = (async () => {
          await whenReady();
          const model =
            info.kind === 'MusicRNN'
              ? new (await import('@magenta/music/es6/music_rnn')).MusicRNN(info.url)
              : new (await import('@magenta/music/es6/music_vae')).MusicVAE(info.url);
          await model.initialize();
          return model;
        })();
        cache.current.set(id, p);
        p.catch(() => cache.current.delete(id));
      }
      return p as Promise<T & Disposable>;
    },
    [whenReady],
  );

  return { available, get };
}
