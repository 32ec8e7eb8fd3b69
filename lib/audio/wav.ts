// WAV (RIFF) encoding and decoding of PCM and float sounds: exports, playback and Node tests.
import { InputError } from '../errors';

/** A decoded sound: one Float32Array per channel, values in [-1, 1]. */
export interface DecodedWav {
  sampleRate: number;
  channels: Float32Array[];
}

/** Encodes mono samples in [-1, 1] as a 16-bit PCM WAV file. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const v = new DataView(bytes.buffer);
  const text = (o: number, s: string) => [...s].forEach((ch, i) => v.setUint8(o + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    v.setInt16(44 + i * 2, Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), true);
  }
  return bytes;
}

/** Decodes a PCM (8/16/24/32-bit) or 32-bit float WAV. Throws InputError naming `name` if it is not one. */
export function decodeWav(bytes: Uint8Array, name = 'file'): DecodedWav {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(...bytes.subarray(o, o + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw new InputError(`${name} is not a WAV file.`, name);
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  let o = 12;
  while (o + 8 <= bytes.length) {
    const id = tag(o);
    const size = v.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      format = v.getUint16(body, true);
      channels = v.getUint16(body + 2, true);
      sampleRate = v.getUint32(body + 4, true);
      bits = v.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 26) format = v.getUint16(body + 24, true);
    } else if (id === 'data') {
      if (!channels || !sampleRate) throw new InputError(`${name}: WAV data comes before its format.`, name);
      const bytesPer = bits / 8;
      const frames = Math.floor(Math.min(size, bytes.length - body) / (bytesPer * channels));
      const out = Array.from({ length: channels }, () => new Float32Array(frames));
      for (let i = 0; i < frames; i++) {
        for (let c = 0; c < channels; c++) {
          const p = body + (i * channels + c) * bytesPer;
          let s: number;
          if (format === 3 && bits === 32) s = v.getFloat32(p, true);
          else if (format === 1 && bits === 16) s = v.getInt16(p, true) / 0x8000;
          else if (format === 1 && bits === 8) s = (v.getUint8(p) - 128) / 128;
          else if (format === 1 && bits === 24)
            s = (v.getUint8(p) | (v.getUint8(p + 1) << 8) | (v.getInt8(p + 2) << 16)) / 0x800000;
          else if (format === 1 && bits === 32) s = v.getInt32(p, true) / 0x80000000;
          else
            throw new InputError(`${name}: WAV format ${format} with ${bits} bits is not supported.`, name);
          out[c]![i] = s;
        }
      }
      return { sampleRate, channels: out };
    }
    o = body + size + (size % 2);
  }
  throw new InputError(`${name}: the WAV file has no sound data.`, name);
}
