'use client';
// useMidi: the Music studio's Web MIDI state: connect on a click, follow devices, send clips, record input.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { InputError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import {
  type Clip,
  listenToInput,
  type MidiConnection,
  MidiError,
  type MidiNoteMessage,
  type MidiPlayback,
  type MidiPortInfo,
  MidiRecorder,
  midiSupport,
  recordedNotesToClip,
  requestMidi,
  sendClip,
} from '@/lib/music';

/** A message for the MIDI panel, already translated. */
export interface MidiNotice {
  kind: 'error' | 'warning' | 'info' | 'success';
  text: string;
}

/** Options of {@link useMidi}. */
export interface UseMidiOptions {
  /** The studio's tempo: clips are sent and recordings quantized at it. */
  qpm: number;
  /** Whether sent clips repeat until stopped (the studio's Loop box). */
  loop: boolean;
  /** Receives each finished recording as a new clip. */
  onRecorded: (clip: Clip) => void;
}

/** Everything the MIDI panel and the per-clip Send buttons need. */
export interface MidiController {
  support: 'checking' | 'supported' | 'unsupported' | 'insecure';
  status: 'idle' | 'connecting' | 'connected';
  outputs: MidiPortInfo[];
  inputs: MidiPortInfo[];
  outputId: string;
  inputId: string;
  channel: number;
  monitor: boolean;
  /** Id of the clip being sent, or null. */
  sendingId: string | null;
  sendingName: string;
  recording: boolean;
  recordedCount: number;
  /** Pitches held down on the MIDI input right now. */
  liveKeys: ReadonlySet<number>;
  notice: MidiNotice | null;
  connect(): void;
  setOutputId(id: string): void;
  setInputId(id: string): void;
  setChannel(channel: number): void;
  setMonitor(on: boolean): void;
  send(clip: Clip): void;
  stopSending(): void;
  startRecording(): void;
  stopRecording(): void;
  dismiss(): void;
}

/** Keeps the chosen port if it is still there, otherwise takes the first one (or none). */
function keep(id: string, ports: MidiPortInfo[]): string {
  return ports.some((p) => p.id === id) ? id : (ports[0]?.id ?? '');
}

/** Web MIDI for the Music studio. Nothing is requested until `connect()` runs from a click. */
export function useMidi({ qpm, loop, onRecorded }: UseMidiOptions): MidiController {
  const t = useT();
  const [support, setSupport] = useState<MidiController['support']>('checking');
  const [status, setStatus] = useState<MidiController['status']>('idle');
  const [conn, setConn] = useState<MidiConnection | null>(null);
  const [outputs, setOutputs] = useState<MidiPortInfo[]>([]);
  const [inputs, setInputs] = useState<MidiPortInfo[]>([]);
  const [outputId, setOutputId] = useState('');
  const [inputId, setInputId] = useState('');
  const [channel, setChannel] = useState(1);
  const [monitor, setMonitor] = useState(true);
  const [sending, setSending] = useState<{ id: string; name: string } | null>(null);
  const [recording, setRecording] = useState(false);
  const [recordedCount, setRecordedCount] = useState(0);
  const [liveKeys, setLiveKeys] = useState<ReadonlySet<number>>(() => new Set());
  const [notice, setNotice] = useState<MidiNotice | null>(null);

  const playback = useRef<MidiPlayback | null>(null);
  const recorder = useRef<MidiRecorder | null>(null);
  const recordings = useRef(0);
  const synth = useRef<import('tone').PolySynth | null>(null);
  const tone = useRef<typeof import('tone') | null>(null);
  const monitorRef = useRef(monitor);
  monitorRef.current = monitor;
  const recordingRef = useRef(recording);
  recordingRef.current = recording;
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const explain = useCallback(
    (e: unknown): MidiNotice => {
      if (e instanceof MidiError) {
        if (e.kind === 'failed')
          return { kind: 'error', text: t('midi.failed', { message: errorTextNow(e) }) };
        if (e.kind === 'no-devices') return { kind: 'warning', text: t('midi.noOutputs') };
        return { kind: e.kind === 'denied' ? 'error' : 'warning', text: t(`midi.${e.kind}`) };
      }
      return { kind: 'error', text: t('midi.failed', { message: errorTextNow(e) }) };
    },
    [t],
  );

  // Feature detection only (no request, no prompt): says at once when this browser has no Web MIDI.
  useEffect(() => {
    setSupport(midiSupport());
  }, []);

  // Follow hot-plugging: refresh both lists on every device change.
  useEffect(() => {
    if (!conn) return;
    const refresh = () => {
      const outs = conn.outputs();
      const ins = conn.inputs();
      setOutputs(outs);
      setInputs(ins);
      setOutputId((id) => keep(id, outs));
      setInputId((id) => keep(id, ins));
    };
    refresh();
    return conn.onChange(refresh);
  }, [conn]);

  // Listen to the chosen input: held keys light up the on-screen keyboard and, if wanted, sound here.
  useEffect(() => {
    if (!conn || !inputId) return;
    let input;
    try {
      input = conn.input(inputId);
    } catch {
      return;
    }
    const onNote = (m: MidiNoteMessage) => {
      setLiveKeys((prev) => {
        const next = new Set(prev);
        if (m.type === 'on') next.add(m.pitch);
        else next.delete(m.pitch);
        return next;
      });
      if (m.type === 'on' && recordingRef.current) setRecordedCount((n) => n + 1);
      const Tone = tone.current;
      if (!Tone || !monitorRef.current) return;
      synth.current ??= new Tone.PolySynth(Tone.Synth).toDestination();
      const f = Tone.Frequency(m.pitch, 'midi').toFrequency();
      if (m.type === 'on') synth.current.triggerAttack(f, undefined, m.velocity / 127);
      else synth.current.triggerRelease(f);
    };
    const stopListening = listenToInput(input, onNote);
    return () => {
      stopListening();
      setLiveKeys(new Set());
      synth.current?.releaseAll();
    };
  }, [conn, inputId]);

  const stopSending = useCallback(() => {
    playback.current?.stop();
    playback.current = null;
    setSending(null);
  }, []);

  const finishRecording = useCallback(
    (save: boolean) => {
      const rec = recorder.current;
      recorder.current = null;
      setRecording(false);
      if (!rec) return;
      const notes = rec.stop();
      rec.dispose();
      if (!save) return;
      try {
        recordings.current += 1;
        const clip = recordedNotesToClip(notes, qpm, {
          id: newId(),
          name: t('midi.name.recording', { n: recordings.current }),
        });
        onRecordedRef.current(clip);
        setNotice({ kind: 'success', text: t('midi.recorded', { n: clip.notes.length, name: clip.name }) });
      } catch (e) {
        if (e instanceof InputError) {
          recordings.current -= 1;
          setNotice({ kind: 'info', text: t('midi.recorded.empty') });
        } else setNotice(explain(e));
      }
    },
    [explain, qpm, t],
  );

  // A recording whose input disappears (or changes) ends and keeps what was played.
  useEffect(() => {
    if (recording && !inputs.some((p) => p.id === inputId)) finishRecording(true);
  }, [finishRecording, inputId, inputs, recording]);

  // Nothing keeps sounding or listening after the studio closes.
  const connRef = useRef(conn);
  connRef.current = conn;
  useEffect(
    () => () => {
      playback.current?.stop();
      recorder.current?.dispose();
      synth.current?.dispose();
      synth.current = null;
      connRef.current?.dispose();
    },
    [],
  );

  /** Starts the AudioContext inside the click, for hearing what the MIDI keyboard plays. */
  const startAudio = useCallback(() => {
    void import('tone')
      .then((Tone) => {
        tone.current = Tone;
        return Tone.start();
      })
      .catch(() => undefined);
  }, []);

  const connect = useCallback(() => {
    setNotice(null);
    startAudio();
    setStatus('connecting');
    requestMidi()
      .then((c) => {
        setConn(c);
        setStatus('connected');
      })
      .catch((e: unknown) => {
        setStatus('idle');
        setNotice(explain(e));
      });
  }, [explain, startAudio]);

  const send = useCallback(
    (clip: Clip) => {
      if (!conn) return;
      setNotice(null);
      playback.current?.stop();
      try {
        const output = conn.output(outputId);
        const pb = sendClip(output, clip, {
          loop,
          channel,
          onEnd: () => {
            if (playback.current !== pb) return;
            playback.current = null;
            setSending(null);
          },
          onError: (e) => setNotice(explain(e)),
        });
        playback.current = pb;
        setSending(pb.playing ? { id: clip.id, name: clip.name } : null);
      } catch (e) {
        playback.current = null;
        setSending(null);
        setNotice(explain(e));
      }
    },
    [channel, conn, explain, loop, outputId],
  );

  const startRecording = useCallback(() => {
    if (!conn) return;
    setNotice(null);
    startAudio();
    try {
      const rec = new MidiRecorder(conn.input(inputId));
      rec.start();
      recorder.current?.dispose();
      recorder.current = rec;
      setRecordedCount(0);
      setRecording(true);
    } catch (e) {
      setNotice(explain(e));
    }
  }, [conn, explain, inputId, startAudio]);

  const outputName = outputs.find((o) => o.id === outputId)?.name ?? outputId;

  return {
    support,
    status,
    outputs,
    inputs,
    outputId,
    inputId,
    channel,
    monitor,
    sendingId: sending?.id ?? null,
    sendingName: sending ? t('midi.sending', { name: sending.name, device: outputName }) : '',
    recording,
    recordedCount,
    liveKeys,
    notice,
    connect,
    setOutputId: (id) => {
      stopSending();
      setOutputId(id);
    },
    setInputId: (id) => {
      if (recordingRef.current) finishRecording(true);
      setInputId(id);
    },
    setChannel,
    setMonitor,
    send,
    stopSending,
    startRecording,
    stopRecording: () => finishRecording(true),
    dismiss: () => setNotice(null),
  };
}
