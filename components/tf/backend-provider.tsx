'use client';
// Backend context: starts the best tfjs backend once per page (after mount) and lets the user switch.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import type { BackendAttempt, BackendName, BackendPreference } from '@/lib/tf';

type Status = 'idle' | 'starting' | 'ready' | 'error';

interface BackendValue {
  status: Status;
  /** The backend running now, once ready. */
  name: BackendName | null;
  attempts: BackendAttempt[];
  /** The WebGL renderer's name when it is software (then 'auto' prefers WebAssembly), else null. */
  softwareRenderer: string | null;
  preference: BackendPreference;
  error: string | null;
  /** Resolves with the backend name once one is running; studios await it before using tfjs. */
  whenReady: () => Promise<BackendName>;
  /** Switches backend and remembers the choice. */
  setPreference: (pref: BackendPreference) => Promise<void>;
}

const BackendContext = createContext<BackendValue | null>(null);

const STORAGE_KEY = 'cais.backend';
const PREFS: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

function readPreference(): { pref: BackendPreference; fromUrl: boolean } {
  const query = new URLSearchParams(window.location.search);
  const fromUrl = query.get('backend') ?? query.get('engine');
  if (fromUrl && (PREFS as readonly string[]).includes(fromUrl))
    return { pref: fromUrl as BackendPreference, fromUrl: true };
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return {
    pref: saved && (PREFS as readonly string[]).includes(saved) ? (saved as BackendPreference) : 'auto',
    fromUrl: false,
  };
}

/** Provides the tfjs backend state. tfjs itself is loaded only after the page has mounted. */
export function BackendProvider({ children }: { children: React.ReactNode }) {
  const [status, setStatus] = useState<Status>('idle');
  const [name, setName] = useState<BackendName | null>(null);
  const [attempts, setAttempts] = useState<BackendAttempt[]>([]);
  const [softwareRenderer, setSoftwareRenderer] = useState<string | null>(null);
  const [preference, setPref] = useState<BackendPreference>('auto');
  const [error, setError] = useState<string | null>(null);
  const ready = useRef<Promise<BackendName> | null>(null);

  const start = useCallback((pref: BackendPreference, switching: boolean) => {
    setStatus('starting');
    const p = import('@/lib/tf').then(async (lib) => {
      const options = { preferred: pref };
      const result = await (switching ? lib.switchBackend(options) : lib.ensureBackend(options));
      return result;
    });
    ready.current = p.then((r) => r.name);
    p.then(
      (result) => {
        setName(result.name);
        setAttempts(result.attempts);
        setSoftwareRenderer(result.softwareRenderer ?? null);
        setStatus('ready');
        setError(null);
      },
      (e: unknown) => {
        setStatus('error');
        setError(errorTextNow(e));
      },
    );
    return ready.current;
  }, []);

  useEffect(() => {
    const { pref } = readPreference();
    setPref(pref);
    void start(pref, false).catch(() => undefined);
  }, [start]);

  const whenReady = useCallback(() => ready.current ?? start(readPreference().pref, false), [start]);

  const setPreference = useCallback(
    async (pref: BackendPreference) => {
      setPref(pref);
      window.localStorage.setItem(STORAGE_KEY, pref);
      await start(pref, true).catch(() => undefined);
    },
    [start],
  );

  const value = useMemo<BackendValue>(
    () => ({ status, name, attempts, softwareRenderer, preference, error, whenReady, setPreference }),
    [status, name, attempts, softwareRenderer, preference, error, whenReady, setPreference],
  );
  return <BackendContext.Provider value={value}>{children}</BackendContext.Provider>;
}

/** The tfjs backend state; must be used inside BackendProvider. */
export function useBackend(): BackendValue {
  const v = useContext(BackendContext);
  if (!v) throw new Error('useBackend must be used inside <BackendProvider>');
  return v;
}
