'use client';
// Playing clips with Magenta's Player on Tone.js, and sounding single keys of the on-screen keyboard.
// Tone is preloaded on mount so Play can start the AudioContext synchronously inside the click
// (browsers only allow that during a user gesture).
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { toTimedSequence, withHarmony } from '@/lib/music';

import type { StudioClip } from './studio-types';

/** What the clip list and keyboard need from the player. */
export interface ClipPlayer {
  /** Id of the clip playing, or null. */
  playing: string | null;
  /** Step being played, or null. */
  playhead: number | null;
  /** The AudioContext's state ('none' before the first click). */
  audioState: string;
  loop: boolean;
  setLoop: (loop: boolean) => void;
  play: (clip: StudioClip) => void;
  stop: () => void;
  /** Sounds one key (an eighth note). */
  playKey: (pitch: number) => void;
}

/** Owns the Tone synth and Magenta Player; stops and disposes them on unmount. */
export function useClipPlayer(onError: (message: string) => void): ClipPlayer {
  const [playing, setPlaying] = useState<string | null>(null);
  const [playhead, setPlayhead] = useState<number | null>(null);
  const [audioState, setAudioState] = useState('none');
  const [loop, setLoop] = useState(false);
  const loopRef = useRef(loop);
  loopRef.current = loop;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const player = useRef<import('@magenta/music/es6/core').Player | null>(null);
  const tone = useRef<typeof import('tone') | null>(null);
  const core = useRef<typeof import('@magenta/music/es6/core') | null>(null);
  const keySynth = useRef<import('tone').PolySynth | null>(null);

  useEffect(() => {
    void Promise.all([import('tone'), import('@magenta/music/es6/core')]).then(([toneModule, coreModule]) => {
      tone.current = toneModule;
      core.current = coreModule;
    });
    return () => {
      player.current?.stop();
      keySynth.current?.dispose();
    };
  }, []);

  const stop = useCallback(() => {
    player.current?.stop();
    setPlaying(null);
    setPlayhead(null);
  }, []);

  const play = useCallback((clip: StudioClip) => {
    const Tone = tone.current;
    const mm = core.current;
    if (!Tone || !mm) return;
    // Starting the AudioContext here, inside the click, is what browsers require.
    void Tone.start().then(() => setAudioState(Tone.getContext().state));
    setAudioState(Tone.getContext().state);
    player.current?.stop();
    const p =
      player.current ??
      new mm.Player(false, {
        run: (n: { quantizedStartStep?: number | null }) => setPlayhead(n.quantizedStartStep ?? null),
        stop: () => undefined,
      });
    player.current = p;
    setPlaying(clip.id);
    const once = (): Promise<void> =>
      // Played times, not a quantized sequence, so grooved clips keep their micro-timing.
      p.start(toTimedSequence(withHarmony(clip), clip.totalQuantizedSteps, clip.qpm)).then(() => {
        if (loopRef.current && player.current === p && p.getPlayState() === 'stopped') return once();
      });
    once()
      .catch((e: unknown) => onErrorRef.current(errorTextNow(e)))
      .finally(() => {
        setPlaying((cur) => (cur === clip.id ? null : cur));
        setPlayhead(null);
      });
  }, []);

  const playKey = useCallback((pitch: number) => {
    const Tone = tone.current;
    if (!Tone) return;
    void Tone.start().then(() => setAudioState(Tone.getContext().state));
    keySynth.current ??= new Tone.PolySynth(Tone.Synth).toDestination();
    keySynth.current.triggerAttackRelease(Tone.Frequency(pitch, 'midi').toFrequency(), '8n');
  }, []);

  return { playing, playhead, audioState, loop, setLoop, play, stop, playKey };
}
