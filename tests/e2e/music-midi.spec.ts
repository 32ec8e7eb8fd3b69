// Music studio, Web MIDI: send a clip to a MIDI output, stop it, record a MIDI keyboard into a clip and
// continue it; clear messages without Web MIDI, when permission is denied and when no device is there.
//
// Headless Chromium here has no MIDI devices (no ALSA sequencer in the container), so each page gets a
// fake Web MIDI installed before the app loads: `navigator.requestMIDIAccess` resolves to one output that
// records every `send(bytes, timestamp)` into `window.__midiSent`, and one input the test plays through
// `window.__midiInput.emit(bytes, timeStamp)`. The fake stands in for the devices; the studio's code
// (lib/music/midi-io.ts and the panel) is what is tested. `?fakemidi=` picks the fake's behaviour.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Midi } from '@tonejs/midi';
import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'music');

interface SentMessage {
  data: number[];
  ts: number | null;
}
interface FakeMidiWindow {
  __midiSent: SentMessage[];
  __midiClears: number;
  __midiRequests: number;
  __midiInput: { emit(data: number[], timeStamp: number): void };
  __midiPlug: () => void;
}

/** Runs in the page before any app code. */
function installFakeMidi() {
  const mode = new URLSearchParams(location.search).get('fakemidi') ?? 'devices';
  const w = window as unknown as FakeMidiWindow;
  const nav = Navigator.prototype as unknown as Record<string, unknown>;
  if (mode === 'none') {
    // A browser without Web MIDI (Safari, older Firefox).
    delete nav.requestMIDIAccess;
    return;
  }
  w.__midiSent = [];
  w.__midiClears = 0;
  w.__midiRequests = 0;
  const port = <T extends object>(target: EventTarget, props: T) => Object.assign(target, props);
  const input = port(new EventTarget(), {
    id: 'fake-in',
    name: 'Fake Keys',
    type: 'input',
    state: 'connected',
    open: () => Promise.resolve(input),
  });
  const output = {
    id: 'fake-out',
    name: 'Fake Synth',
    type: 'output',
    state: 'connected',
    send(data: ArrayLike<number>, ts?: number) {
      w.__midiSent.push({ data: Array.from(data), ts: ts ?? null });
    },
    clear() {
      w.__midiClears++;
    },
  };
  const empty = mode === 'empty';
  const access = port(new EventTarget(), {
    inputs: new Map(empty ? [] : [['fake-in', input]]),
    outputs: new Map<string, unknown>(empty ? [] : [['fake-out', output]]),
    sysexEnabled: false,
  });
  w.__midiInput = {
    emit(data, timeStamp) {
      const ev = new Event('midimessage');
      Object.defineProperty(ev, 'data', { value: new Uint8Array(data) });
      Object.defineProperty(ev, 'timeStamp', { value: timeStamp });
      input.dispatchEvent(ev);
    },
  };
  // Hot-plug: the synth is connected later.
  w.__midiPlug = () => {
    access.outputs.set('fake-out', output);
    access.dispatchEvent(new Event('statechange'));
  };
  Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', {
    configurable: true,
    value: () => {
      w.__midiRequests++;
      if (mode === 'denied')
        return Promise.reject(new DOMException('Permission denied by the user', 'SecurityError'));
      return Promise.resolve(access);
    },
  });
}

/** Note messages a fake output received: [status, pitch, velocity, ms from `t0`]. */
function noteMessages(sent: SentMessage[], t0: number): [number, number, number, number][] {
  return sent
    .filter((m) => (m.data[0] & 0xe0) === 0x80)
    .map((m) => [m.data[0], m.data[1], m.data[2], Math.round((m.ts ?? NaN) - t0)]);
}

/** The note-on/off messages a clip saved as .mid should produce on MIDI channel 1, at its tempo. */
function expectedMessages(bytes: Buffer): [number, number, number, number][] {
  const midi = new Midi(bytes);
  const msPerTick = 60_000 / midi.header.tempos[0].bpm / midi.header.ppq;
  return midi.tracks
    .flatMap((t) => t.notes)
    .flatMap((n) => [
      [0x90, n.midi, Math.round(n.velocity * 127), Math.round(n.ticks * msPerTick)] as [
        number,
        number,
        number,
        number,
      ],
      [0x80, n.midi, 0, Math.round((n.ticks + n.durationTicks) * msPerTick)] as [
        number,
        number,
        number,
        number,
      ],
    ])
    .sort((a, b) => a[3] - b[3] || a[0] - b[0] || a[1] - b[1]);
}

async function saveMid(page: Page, clip: import('@playwright/test').Locator): Promise<Buffer> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    clip.getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  return readFileSync(await dl.path());
}

const sent = (page: Page) => page.evaluate(() => (window as unknown as FakeMidiWindow).__midiSent);

test('send a clip to a MIDI output, stop it, record a MIDI keyboard and continue the recording', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(installFakeMidi);
  await page.goto('/music/?backend=cpu');
  await waitForBackend(page);
  const clips = page.getByTestId('clip');
  const panel = page.getByTestId('midi-panel');

  // Nothing asks for MIDI until the click.
  await page.getByTestId('midi-input').setInputFiles(path.join(FIXTURES, 'twinkle.mid'));
  await expect(clips).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as FakeMidiWindow).__midiRequests)).toBe(0);
  await expect(clips.first().getByRole('button', { name: /to MIDI$/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Connect MIDI' }).click();
  await expect(panel).toHaveAttribute('data-status', 'connected');
  expect(await page.evaluate(() => (window as unknown as FakeMidiWindow).__midiRequests)).toBe(1);
  await panel.getByLabel('MIDI output').selectOption({ label: 'Fake Synth' });
  await expect(panel.getByLabel('MIDI input')).toHaveValue('fake-in');

  // Send the uploaded clip: the bytes and timestamps are the notes of the clip saved as .mid.
  const want = expectedMessages(await saveMid(page, clips.first()));
  expect(want).toHaveLength(14);
  await clips.first().getByRole('button', { name: 'Send “twinkle” to MIDI' }).click();
  await expect(panel.getByTestId('midi-sending')).toContainText('Fake Synth');
  // Two bars at 120 qpm take 4 s; the look-ahead scheduler queues the notes as it goes.
  await expect.poll(async () => noteMessages(await sent(page), 0).length, { timeout: 15_000 }).toBe(14);
  await expect(clips.first().getByRole('button', { name: 'Send “twinkle” to MIDI' })).toBeVisible();
  const first = await sent(page);
  const t0 = first[0].ts! - want[0][3];
  const got = noteMessages(first, t0).sort((a, b) => a[3] - b[3] || a[0] - b[0] || a[1] - b[1]);
  expect(got).toEqual(want);

  // Loop it, then stop: the queue is cleared, the sounding note ends and All Notes Off follows.
  await page.getByRole('checkbox', { name: 'Loop' }).check();
  await page.evaluate(() => ((window as unknown as FakeMidiWindow).__midiSent = []));
  await clips.first().getByRole('button', { name: 'Send “twinkle” to MIDI' }).click();
  await expect.poll(async () => (await sent(page)).length).toBeGreaterThan(3);
  await clips.first().getByRole('button', { name: 'Stop sending “twinkle”' }).click();
  await expect(clips.first().getByRole('button', { name: 'Send “twinkle” to MIDI' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as FakeMidiWindow).__midiClears)).toBe(1);
  const afterStop = await sent(page);
  expect(afterStop[afterStop.length - 1].data).toEqual([0xb0, 123, 0]);
  await page.waitForTimeout(500);
  expect(await sent(page)).toHaveLength(afterStop.length);

  // Record from the MIDI keyboard. A held key lights up on the on-screen keyboard.
  await panel.getByRole('button', { name: 'Record' }).click();
  await expect(panel.getByTestId('midi-recording')).toBeVisible();
  const played = [60, 64, 67, 72].map((pitch, i) => ({
    pitch,
    on: i * 500 + (i % 2) * 30,
    off: i * 500 + 400,
  }));
  await page.evaluate((notes) => {
    const base = performance.now();
    (window as unknown as { __base: number }).__base = base;
    const { emit } = (window as unknown as FakeMidiWindow).__midiInput;
    emit([0xb0, 64, 127], base); // sustain pedal: ignored
    for (const n of notes) emit([0x90, n.pitch, 100], base + n.on);
    emit([0x80, notes[0].pitch, 0], base + notes[0].off);
  }, played);
  const keyboard = page.getByRole('group', { name: 'Play notes on the keyboard' });
  await expect(keyboard.locator('[data-pitch="72"]')).toHaveAttribute('data-active', 'true');
  await expect(keyboard.locator('[data-pitch="60"]')).not.toHaveAttribute('data-active', 'true');
  await expect(panel.getByTestId('midi-recording')).toContainText('4 notes');
  await page.evaluate((notes) => {
    const base = (window as unknown as { __base: number }).__base;
    const { emit } = (window as unknown as FakeMidiWindow).__midiInput;
    // The others end with note-on velocity 0, as many keyboards send.
    for (const n of notes.slice(1)) emit([0x90, n.pitch, 0], base + n.off);
  }, played);
  await expect(keyboard.locator('[data-active]')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Stop recording' }).click();
  await expect(clips).toHaveCount(2);
  await expect(panel.getByTestId('midi-message')).toContainText('Recorded 4 notes into “MIDI recording 1”');
  const recorded = clips.nth(1);
  await expect(recorded).toContainText('MIDI recording 1');
  await expect(recorded.getByTestId('piano-roll')).toHaveAttribute('data-notes', '4');
  // At 120 qpm a sixteenth is 125 ms: the clip is what was played, snapped to the grid.
  const recMidi = new Midi(await saveMid(page, recorded));
  const ticksPerStep = recMidi.header.ppq / 4;
  expect(recMidi.tracks.flatMap((t) => t.notes).map((n) => [n.midi, n.ticks, n.durationTicks])).toEqual(
    played.map((n) => [
      n.pitch,
      Math.round(n.on / 125) * ticksPerStep,
      (Math.round((n.off - played[0].on) / 125) - Math.round(n.on / 125)) * ticksPerStep,
    ]),
  );

  // The recording is selected: Continue it by one bar with the melody model.
  await page.getByRole('slider', { name: /Length/ }).fill('1');
  await page.getByRole('button', { name: 'Continue “MIDI recording 1”' }).click();
  await expect(clips).toHaveCount(3, { timeout: 90_000 });
  await expect(clips.nth(2)).toContainText('2 bars');
  const cont = new Midi(await saveMid(page, clips.nth(2)));
  const contNotes = cont.tracks.flatMap((t) => t.notes);
  expect(contNotes.slice(0, 4).map((n) => n.midi)).toEqual(played.map((n) => n.pitch));
  expect(contNotes.slice(4).every((n) => n.ticks >= 16 * ticksPerStep)).toBe(true);
});

test('clear messages: no Web MIDI, permission denied, no devices until one is plugged in', async ({
  page,
}) => {
  await page.addInitScript(installFakeMidi);
  const panel = page.getByTestId('midi-panel');

  await page.goto('/music/?fakemidi=none');
  await expect(panel.getByTestId('midi-message')).toContainText('This browser has no Web MIDI');
  await expect(panel.getByRole('button', { name: 'Connect MIDI' })).toHaveCount(0);

  await page.goto('/music/?fakemidi=denied');
  await panel.getByRole('button', { name: 'Connect MIDI' }).click();
  await expect(panel.getByRole('alert')).toContainText('Permission to use MIDI was denied');
  // It can be tried again after changing the site settings.
  await expect(panel.getByRole('button', { name: 'Connect MIDI' })).toBeEnabled();

  await page.goto('/music/?fakemidi=empty');
  await panel.getByRole('button', { name: 'Connect MIDI' }).press('Enter');
  await expect(panel.getByTestId('midi-no-outputs')).toContainText('No MIDI devices found');
  await expect(panel.getByTestId('midi-no-inputs')).toContainText('No MIDI keyboards found');
  await page.evaluate(() => (window as unknown as FakeMidiWindow).__midiPlug());
  await expect(panel.getByLabel('MIDI output')).toHaveValue('fake-out');
  await expect(panel.getByTestId('midi-no-outputs')).toHaveCount(0);
});
