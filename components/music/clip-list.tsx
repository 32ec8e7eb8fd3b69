'use client';
// ClipList: the studio's clips with play/stop, save, send to MIDI, delete and a piano roll each. New clips
// are scrolled into view and announced in a polite live region, so a result never appears unseen.
import { useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { Button } from '@/components/ui';
import {
  clipToMidiWithHarmony as clipToMidi,
  stepsPerBar,
  stepsToBars,
  type TimeSignature,
  withHarmony,
} from '@/lib/music';

import { type MidiController } from './use-midi';
import { MidiSendButton } from './midi-panel';
import { PianoRoll } from './piano-roll';
import { fileName, type StudioClip } from './studio-types';
import type { ClipPlayer } from './use-clip-player';
import type { ClipStore } from './use-clip-store';

/** Props for {@link ClipList}. */
export interface ClipListProps {
  store: ClipStore;
  player: ClipPlayer;
  midi: MidiController;
  /** Studio tempo: clips play and save at it. */
  qpm: number;
}

/** Bars as shown to people: whole numbers without a decimal. */
function barsText(steps: number, ts?: TimeSignature): string {
  const bars = stepsToBars(steps, ts);
  return bars.toFixed(bars % 1 ? 1 : 0);
}

/** The clip list card. */
export function ClipList({ store, player, midi, qpm }: ClipListProps) {
  const t = useT();
  const { clips, selectedId, added } = store;
  const items = useRef(new Map<string, HTMLLIElement>());
  const [announcement, setAnnouncement] = useState('');

  // Bring the first new clip into view and say what was made.
  useEffect(() => {
    const made = added.clips;
    if (!made.length) return;
    const first = items.current.get(made[0].id);
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    first?.scrollIntoView({
      block: made.length > 1 ? 'start' : 'nearest',
      behavior: reduce ? 'auto' : 'smooth',
    });
    const last = made[made.length - 1];
    setAnnouncement(
      made.length > 1
        ? t('music.announce.many', { n: made.length, name: last.name })
        : t('music.announce.one', {
            name: last.name,
            notes: last.notes.length,
            bars: barsText(last.totalQuantizedSteps, last.timeSignature),
          }),
    );
    // Only a new batch (its serial) triggers this, not a language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [added.serial]);

  const exportClip = (clip: StudioClip) => downloadFile(clipToMidi(clip), fileName(clip.name), 'audio/midi');
  const exportAll = async () => {
    const { zipFiles } = await import('@/lib/persist');
    const used = new Set<string>();
    const files = clips.map((c) => {
      let name = fileName(c.name);
      for (let i = 2; used.has(name); i++) name = fileName(`${c.name}-${i}`);
      used.add(name);
      return { name, data: clipToMidi(c) };
    });
    downloadFile(zipFiles(files), 'music-clips.zip', 'application/zip');
  };
  const remove = (id: string) => {
    if (player.playing === id) player.stop();
    store.remove(id);
  };

  return (
    <section
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
      aria-labelledby="music-clips"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="music-clips" className="text-xl font-semibold">
          {t('music.clips', { n: clips.length })}
        </h2>
        <div className="flex items-center gap-3">
          <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input
              type="checkbox"
              className="size-5"
              checked={player.loop}
              onChange={(e) => player.setLoop(e.target.checked)}
            />
            {t('music.loop')}
          </label>
          <Button size="sm" variant="secondary" disabled={!clips.length} onClick={() => void exportAll()}>
            {t('music.exportAll')}
          </Button>
        </div>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="music-announce">
        {announcement}
      </p>
      {!clips.length && <p className="text-slate-600">{t('music.clips.empty')}</p>}
      <ul className="space-y-3">
        {clips.map((c) => {
          const isSel = c.id === selectedId;
          const info = t('music.clip.info', {
            notes: c.notes.length,
            bars: barsText(c.totalQuantizedSteps, c.timeSignature),
          });
          return (
            <li
              key={c.id}
              ref={(el) => {
                if (el) items.current.set(c.id, el);
                else items.current.delete(c.id);
              }}
              data-testid="clip"
              data-kind={c.kind}
              className={`scroll-mt-4 space-y-2 rounded-xl border p-3 ${isSel ? 'border-indigo-500 ring-2 ring-indigo-200' : 'border-slate-200'}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <label className="flex min-h-11 items-center gap-2 font-medium sm:min-h-0">
                  <input
                    type="radio"
                    name="music-selected"
                    className="size-5"
                    checked={isSel}
                    onChange={() => store.select(c.id)}
                  />
                  {c.name}
                </label>
                <span className="text-sm text-slate-600">{info}</span>
                <span className="ml-auto flex flex-wrap gap-2">
                  {player.playing === c.id ? (
                    <Button size="sm" onClick={player.stop}>
                      {t('music.stop')}
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      onClick={() => player.play({ ...c, qpm })}
                      aria-label={t('music.play.named', { name: c.name })}
                    >
                      {t('music.play')}
                    </Button>
                  )}
                  <Button size="sm" variant="secondary" onClick={() => exportClip({ ...c, qpm })}>
                    {t('music.export')}
                  </Button>
                  <MidiSendButton midi={midi} clip={{ ...c, qpm }} />
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => remove(c.id)}
                    aria-label={t('music.delete.named', { name: c.name })}
                  >
                    {t('music.delete')}
                  </Button>
                </span>
              </div>
              <PianoRoll
                notes={withHarmony(c)}
                totalSteps={c.totalQuantizedSteps}
                playhead={player.playing === c.id ? player.playhead : null}
                marker={c.continuesAt ?? null}
                label={t('music.clip.info', {
                  notes: c.notes.length,
                  bars: stepsToBars(c.totalQuantizedSteps, c.timeSignature),
                })}
                height={isSel ? 160 : 80}
                testId="piano-roll"
                stepsPerBar={stepsPerBar(c.timeSignature)}
              />
            </li>
          );
        })}
      </ul>
      {player.playing && (
        <p className="text-sm text-slate-600" data-testid="music-playing">
          {t('music.playing', { state: player.audioState })}
        </p>
      )}
    </section>
  );
}
