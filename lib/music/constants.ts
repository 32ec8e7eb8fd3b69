// The music checkpoints we ship in public/models/music (trained by scripts/music/*.py).

/** One Magenta.js checkpoint folder served from public/. */
export interface MusicModelInfo {
  /** Magenta class that loads it. */
  kind: 'MusicRNN' | 'MusicVAE';
  /** Folder URL under the site root, passed to `new mm.MusicRNN(url)` / `new mm.MusicVAE(url)`. */
  url: string;
  /** What it does, in one line. */
  description: string;
  /** Licence of the training data the weights come from. */
  dataLicence: string;
  /** Size of the weight shard in bytes. */
  bytes: number;
}

/** Shipped music models, keyed by folder name. Quality numbers are in docs/music-models.md. */
export const MUSIC_MODELS: Readonly<Record<string, Readonly<MusicModelInfo>>> = Object.freeze({
  melody_rnn: Object.freeze({
    kind: 'MusicRNN',
    url: '/models/music/melody_rnn',
    description: 'Melody continuation (MelodyConverter 48–83), trained on Nottingham folk tunes.',
    dataLicence: 'GPL-3.0 (Nottingham dataset)',
    bytes: 898_200,
  }),
  attention_rnn: Object.freeze({
    kind: 'MusicRNN',
    url: '/models/music/attention_rnn',
    description:
      "Melody continuation with Magenta's attention_rnn configuration (3x128 LSTM, attention over 40 steps), trained on Nottingham folk tunes.",
    dataLicence: 'GPL-3.0 (Nottingham dataset)',
    bytes: 2_045_480,
  }),
  drum_rnn: Object.freeze({
    kind: 'MusicRNN',
    url: '/models/music/drum_rnn',
    description: 'Drum continuation (DrumsOneHotConverter, 9 classes), trained on the Groove MIDI Dataset.',
    dataLicence: 'CC-BY-4.0 (Groove MIDI Dataset, Gillick et al. 2019)',
    bytes: 2_115_584,
  }),
  chord_melody_rnn: Object.freeze({
    kind: 'MusicRNN',
    url: '/models/music/chord_melody_rnn',
    description:
      'Melody over a chord progression (PitchChordEncoder), trained on Nottingham tunes and chords.',
    dataLicence: 'GPL-3.0 (Nottingham dataset)',
    bytes: 973_976,
  }),
  mel_2bar_vae: Object.freeze({
    kind: 'MusicVAE',
    url: '/models/music/mel_2bar_vae',
    description: '2-bar melody MusicVAE (encode, decode, interpolate), trained on Nottingham tunes.',
    dataLicence: 'GPL-3.0 (Nottingham dataset)',
    bytes: 1_738_008,
  }),
  groovae_2bar_humanize: Object.freeze({
    kind: 'MusicVAE',
    url: '/models/music/groovae_2bar_humanize',
    description:
      'GrooVAE "Groove": 2-bar drum hits in, velocities and micro-timing out (GrooveConverter humanize), trained on the Groove MIDI Dataset.',
    dataLicence: 'CC-BY-4.0 (Groove MIDI Dataset, Gillick et al. 2019)',
    bytes: 2_980_460,
  }),
  groovae_2bar_tap: Object.freeze({
    kind: 'MusicVAE',
    url: '/models/music/groovae_2bar_tap',
    description:
      'GrooVAE "Drumify": a 2-bar tapped rhythm in, a full beat with velocities and timing out (GrooveConverter tapify), trained on the Groove MIDI Dataset.',
    dataLicence: 'CC-BY-4.0 (Groove MIDI Dataset, Gillick et al. 2019)',
    bytes: 2_980_460,
  }),
});
