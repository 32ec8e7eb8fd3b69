// Web worker: parses an uploaded MIDI file with @tonejs/midi off the main thread and posts back
// plain notes (lib/music/midi-read.ts), with progress per track.
import { serveRequests } from '../files/off-thread';
import { type MidiReadRequest, readMidiJob } from './midi-read';

serveRequests<MidiReadRequest, ReturnType<typeof readMidiJob>>(readMidiJob);
