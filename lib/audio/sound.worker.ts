// Web worker: parses a WAV file (or takes decoded channels), mixes to mono and resamples to 16 kHz
// off the main thread (lib/audio/decode-job.ts), posting progress as it resamples.
import { serveRequests } from '../files/off-thread';
import { type SoundDecodeRequest, decodeSoundJob } from './decode-job';

serveRequests<SoundDecodeRequest, Float32Array>(decodeSoundJob, (samples) => [samples.buffer]);
