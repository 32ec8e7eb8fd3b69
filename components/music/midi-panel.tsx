'use client';
// MidiPanel: connect Web MIDI, choose output and input devices, record a MIDI keyboard; MidiSendButton sends one clip.
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button } from '@/components/ui';
import type { Clip } from '@/lib/music';

import type { MidiController } from './use-midi';

const SELECT = 'rounded-lg border border-slate-300 px-2 py-1 disabled:text-slate-400';

/** The studio's MIDI section. State lives in {@link MidiController} (from `useMidi`). */
export function MidiPanel({ midi }: { midi: MidiController }) {
  const t = useT();
  const connected = midi.status === 'connected';
  return (
    <section
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
      aria-labelledby="music-midi"
      data-testid="midi-panel"
      data-status={midi.status}
    >
      <h2 id="music-midi" className="text-xl font-semibold">
        {t('midi.title')}
      </h2>
      <p className="text-slate-700">{t('midi.lead')}</p>

      {midi.support === 'unsupported' || midi.support === 'insecure' ? (
        <Alert kind="warning">
          <span data-testid="midi-message">{t(`midi.${midi.support}`)}</span>
        </Alert>
      ) : (
        !connected && (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              onClick={midi.connect}
              disabled={midi.status === 'connecting' || midi.support === 'checking'}
            >
              {t('midi.connect')}
            </Button>
            <span className="text-sm text-slate-600" aria-live="polite">
              {midi.status === 'connecting' ? t('midi.connecting') : t('midi.connect.hint')}
            </span>
          </div>
        )
      )}

      {midi.notice && (
        <Alert kind={midi.notice.kind} onDismiss={midi.dismiss} dismissLabel={t('music.dismiss')}>
          <span data-testid="midi-message">{midi.notice.text}</span>
        </Alert>
      )}

      {connected && (
        <div className="grid gap-4 md:grid-cols-2">
          <fieldset className="space-y-2 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 font-medium">{t('midi.output.legend')}</legend>
            {midi.outputs.length === 0 ? (
              <p className="text-sm text-slate-700" role="status" data-testid="midi-no-outputs">
                {t('midi.noOutputs')}
              </p>
            ) : (
              <div className="flex flex-wrap items-end gap-3">
                <label className="flex min-w-0 flex-col text-sm">
                  {t('midi.output')}
                  <select
                    className={SELECT}
                    value={midi.outputId}
                    onChange={(e) => midi.setOutputId(e.target.value)}
                  >
                    {midi.outputs.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col text-sm">
                  {t('midi.channel')}
                  <select
                    className={SELECT}
                    value={midi.channel}
                    onChange={(e) => midi.setChannel(Number(e.target.value))}
                  >
                    {Array.from({ length: 16 }, (_, i) => i + 1).map((ch) => (
                      <option key={ch} value={ch}>
                        {ch}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            )}
            <p className="text-sm text-slate-600">{t('midi.channel.hint')}</p>
            {midi.sendingId && (
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm" role="status" data-testid="midi-sending">
                  {midi.sendingName}
                </span>
                <Button size="sm" variant="secondary" onClick={midi.stopSending}>
                  {t('midi.stop')}
                </Button>
              </div>
            )}
          </fieldset>

          <fieldset className="space-y-2 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 font-medium">{t('midi.input.legend')}</legend>
            {midi.inputs.length === 0 ? (
              <p className="text-sm text-slate-700" role="status" data-testid="midi-no-inputs">
                {t('midi.noInputs')}
              </p>
            ) : (
              <>
                <div className="flex flex-wrap items-end gap-3">
                  <label className="flex min-w-0 flex-col text-sm">
                    {t('midi.input')}
                    <select
                      className={SELECT}
                      value={midi.inputId}
                      onChange={(e) => midi.setInputId(e.target.value)}
                    >
                      {midi.inputs.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  {midi.recording ? (
                    <Button variant="danger" onClick={midi.stopRecording}>
                      {t('midi.record.stop')}
                    </Button>
                  ) : (
                    <Button onClick={midi.startRecording} disabled={!midi.inputId}>
                      {t('midi.record')}
                    </Button>
                  )}
                </div>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={midi.monitor}
                    onChange={(e) => midi.setMonitor(e.target.checked)}
                  />
                  {t('midi.monitor')}
                </label>
                {midi.recording && (
                  <p className="text-sm font-medium text-rose-700" role="status" data-testid="midi-recording">
                    {t('midi.recording', { n: midi.recordedCount })}
                  </p>
                )}
                <p className="text-sm text-slate-600">{t('midi.record.hint')}</p>
              </>
            )}
          </fieldset>
        </div>
      )}
    </section>
  );
}

/** "Send to MIDI" (or "Stop MIDI" while it plays) for one clip; shown once an output is chosen. */
export function MidiSendButton({ midi, clip }: { midi: MidiController; clip: Clip }) {
  const t = useT();
  if (midi.status !== 'connected' || !midi.outputId) return null;
  return midi.sendingId === clip.id ? (
    <Button
      size="sm"
      variant="secondary"
      onClick={midi.stopSending}
      aria-label={t('midi.stop.named', { name: clip.name })}
    >
      {t('midi.stop')}
    </Button>
  ) : (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => midi.send(clip)}
      aria-label={t('midi.send.named', { name: clip.name })}
    >
      {t('midi.send')}
    </Button>
  );
}
