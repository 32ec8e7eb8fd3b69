'use client';
// Live prediction output: a confidence bar per class, and kids' mode (big letters, optional speech).
import { useEffect, useRef, useState } from 'react';

import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { useLesson } from '@/components/lesson/lesson-store';
import { ConfidenceBars } from '@/components/ui';

import { roundRate } from './rate-meter';

/** Props for {@link PredictionPanel}. */
export interface PredictionPanelProps {
  labels: string[];
  probabilities: number[] | null;
  colors: string[];
  kidsMode: boolean;
  speak: boolean;
  onKidsMode: (on: boolean) => void;
  onSpeak: (on: boolean) => void;
  /** Predictions per second measured by the caller (over the last seconds), shown for teachers. */
  fps?: number | null;
  /** What to say before the first prediction (defaults to "Waiting for the camera…"). */
  waiting?: string;
}

/** Shows the prediction; speaks the winner when it changes (confidence ≥ 80%). */
export function PredictionPanel({
  labels,
  probabilities,
  colors,
  kidsMode,
  speak,
  onKidsMode,
  onSpeak,
  fps,
  waiting,
}: PredictionPanelProps) {
  const t = useT();
  const { locale } = useLocale();
  const best = probabilities && probabilities.length ? probabilities.indexOf(Math.max(...probabilities)) : -1;
  const winner = best >= 0 ? labels[best] : null;
  const spoken = useRef<string | null>(null);
  const [noVoice, setNoVoice] = useState(false);
  // A lesson link with kids=1 starts in kids' mode: big letters, and the winner spoken.
  const lessonKids = useLesson().kids;
  const onKidsRef = useRef({ onKidsMode, onSpeak });
  onKidsRef.current = { onKidsMode, onSpeak };
  useEffect(() => {
    if (!lessonKids) return;
    onKidsRef.current.onKidsMode(true);
    onKidsRef.current.onSpeak(true);
  }, [lessonKids]);

  useEffect(() => {
    if (!speak || !winner || !probabilities || probabilities[best] < 0.8 || spoken.current === winner) return;
    spoken.current = winner;
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    // Only on-device voices: some browsers' online voices would send the word to a server.
    const voices = window.speechSynthesis.getVoices().filter((v) => v.localService);
    const lang = locale === 'ko' ? 'ko' : 'en';
    const voice = voices.find((v) => v.lang.toLowerCase().startsWith(lang)) ?? voices[0];
    if (!voice) {
      setNoVoice(true);
      return;
    }
    const u = new SpeechSynthesisUtterance(winner);
    u.voice = voice;
    u.lang = voice.lang;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  }, [speak, winner, best, probabilities, locale]);

  return (
    <div className="space-y-3">
      {kidsMode && winner && (
        <p
          className="rounded-2xl py-6 text-center text-5xl font-extrabold break-words text-white sm:text-7xl"
          style={{ background: colors[best] }}
          aria-live="polite"
          data-testid="kids-winner"
        >
          {winner}
        </p>
      )}
      {probabilities ? (
        <ConfidenceBars
          labels={labels}
          values={probabilities}
          colors={colors}
          title={t('teach.prediction')}
        />
      ) : (
        <p className="text-sm text-slate-500" data-testid="no-prediction">
          {waiting ?? t('teach.noPrediction')}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={kidsMode} onChange={(e) => onKidsMode(e.target.checked)} />
          {t('teach.kidsMode')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={speak} onChange={(e) => onSpeak(e.target.checked)} />
          {t('teach.speak')}
        </label>
        {speak && noVoice && <span className="text-amber-700">{t('teach.noVoice')}</span>}
        {fps != null && fps > 0 && (
          <span className="text-slate-500 tabular-nums">{t('teach.fps', { fps: roundRate(fps) })}</span>
        )}
      </div>
    </div>
  );
}
