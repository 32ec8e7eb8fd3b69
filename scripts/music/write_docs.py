"""Write each model folder's README.md and docs/music-models.md from the metrics.json files the
training scripts saved (so the documented numbers are the measured ones).

Usage: /usr/bin/python3 scripts/music/write_docs.py
"""
import json
import os

from common import REPO

MODELS = os.path.join(REPO, 'public', 'models', 'music')
NOTT = ('Nottingham folk-tune dataset (jukedeck/nottingham-dataset snapshot 0992bb6; tunes from the '
        'Nottingham Music Database, Eric Foxley), **GNU GPLv3**. The full licence text is beside the '
        'weights (`LICENSE-nottingham-GPLv3.md`). The weights are trained on GPLv3 data; keep this notice '
        'and the attribution wherever they are redistributed.')
GROOVE = ('Groove MIDI Dataset v1.0.0, **CC BY 4.0**. Credit: Drum data: Groove MIDI Dataset (Gillick, '
          'Roberts, Engel, Eck & Bamman, "Learning to Groove with Inverse Sequence Transformations", ICML '
          '2019), Magenta / Google, licensed CC BY 4.0.')

SPECS = {
    'melody_rnn': dict(
        title='Melody RNN (Nottingham)', data=NOTT, script='train_melody_rnn.py',
        what='Monophonic melody continuation. `MelodyConverter` (minPitch 48, maxPitch 83: 38 classes, '
             '0 = no event, 1 = note-off, 2.. = note-on), 16th-note steps, auxInputs `BinaryCounter` (5 bits).',
        api='`new mm.MusicRNN(url)`, `initialize()`, `continueSequence(seq, steps, temperature)`, '
            '`continueSequenceAndReturnProbabilities(seq, steps)`, `dispose()`',
        data_detail='`midi/melody/*.mid`, quantised to 4 steps per quarter, shifted by octaves into 48..83; '
                    'validation = about 10% of tunes chosen by an MD5 of the file name. Training windows '
                    'are transposed by a random −6..+5 semitones that stays in range (validation is not).'),
    'drum_rnn': dict(
        title='Drum RNN (Groove MIDI Dataset)', data=GROOVE, script='train_drum_rnn.py',
        what='Drum-pattern continuation. `DrumsOneHotConverter` with the Groove README\'s 9 classes as '
             '`pitchClasses` (plus Magenta.js\'s General-MIDI defaults where they do not clash), so 2^9 = 512 '
             'combination classes; 16th-note steps; auxInputs `BinaryCounter` (6 bits). Output pitches are the '
             'first of each class: 36, 38, 42, 46, 43, 47, 50, 49, 51.',
        api='`new mm.MusicRNN(url)`, `initialize()`, `continueSequence(seq, steps, temperature)`, '
            '`continueSequenceAndReturnProbabilities(seq, steps)`, `dispose()`',
        data_detail='official `train` split (897 takes: beats and fills) for training, official `validation` '
                    'split (124 takes) for the numbers below; onsets quantised to the 16th-note grid (timing '
                    'and velocity dropped).'),
    'chord_melody_rnn': dict(
        title='Chord-conditioned melody RNN (Nottingham)', data=NOTT, script='train_chord_melody_rnn.py',
        what='Melody continuation over a chord progression (ImprovRNN-style). `MelodyConverter` 48..83, '
             '`chordEncoder: "PitchChordEncoder"` (37 values: no-chord flag, root, chord pitch classes, bass), '
             'auxInputs `BinaryCounter` (5 bits). Magenta feeds [chord of the next step, event, counter].',
        api='`new mm.MusicRNN(url)`, `continueSequence(seq, steps, temperature, chordProgression)`, '
            '`continueSequenceAndReturnProbabilities(seq, steps, undefined, chordProgression)`, `dispose()`',
        data_detail='melody track + block-chord track of `midi/*.mid`; each chord block is named by template '
                    'matching (major, m, 7, m7, dim, aug; bass as root) and held until the next block; same '
                    'by-tune split and transposition (chords transposed with the melody). Chord symbols are '
                    'ones tonal parses (C, Am, G7, F#dim, Bbaug, Dm7...). Do not mix `N.C.` with chords in one '
                    'progression: Magenta.js encodes N.C. as int32 and chords as float32, and `tf.stack` '
                    'throws on tfjs 4.22.'),
}


def fmt(x, n=4):
    return f'{x:.{n}f}'


def rnn_section(name, spec, m, cfg, heading='##'):
    sz = m['weight_bytes']
    rows = [
        f'{heading} {spec["title"]} — `public/models/music/{name}/`', '',
        spec['what'], '',
        f'- Magenta APIs confirmed by `lib/music/{name.replace("_", "-")}.test.ts`: {spec["api"]}.',
        f'- Data: {spec["data_detail"]}',
        f'- Model: {m["layers"]}-layer LSTM, {m["hidden"]} units, dense output; {m["params"]:,} parameters; '
        f'weights {sz:,} bytes (float32, one shard).',
        f'- Training: `/usr/bin/python3 scripts/music/{spec["script"]}` — Adam, lr {m["lr"]} cosine, batch '
        f'{m["batch"]} windows of {m["window"]} steps, dropout 0.1, best-validation epoch kept. '
        f'{m["epochs_run"]} epoch(s), {m["train_time_s"]:.0f} s in this run'
        + (' (resumed from the exported weights of an earlier run of the same script; see history below).'
           if m.get('resumed_from_previous_run') else '.'),
        *([f'- Earlier run(s) this one resumed from: ' + '; '.join(
            f'`{p["command"]}` — {p["epochs_run"]} epoch(s), {p["train_time_s"]:.0f} s, val {p["val_loss"]:.4f} / '
            f'acc {p["val_acc"]:.4f}' for p in m['previous_runs'])] if m.get('previous_runs') else []),
        *([f'- This run: `{m["command"]}`.'] if m.get('command') else []),
        f'- Train steps: {m["train_steps"]:,}; validation steps: {m["val_steps"]:,}.', '',
        '| next-step prediction on validation | cross-entropy (nats/step) | accuracy |', '|---|---|---|',
        f'| this model | {fmt(m["val_loss"])} | {fmt(m["val_acc"])} |',
        f'| unigram baseline (train-set class frequencies) | {fmt(m["unigram_val_loss"])} | {fmt(m["unigram_val_acc"])} |',
        '',
        'Per-epoch history of this run: ' + '; '.join(
            f'ep {h["epoch"]}: val {h["val_loss"]:.4f} / acc {h["val_acc"]:.4f}' for h in m['history']) + '.', '',
        f'Licence / credit: {spec["data"]}', '',
    ]
    return rows


def vae_section(m, heading='##'):
    return [
        f'{heading} MusicVAE, 2-bar melodies (Nottingham) — `public/models/music/mel_2bar_vae/`', '',
        'Flat MusicVAE: `MelodyConverter` (numSteps 32, minPitch 48, maxPitch 83), one-layer bidirectional '
        f'LSTM encoder ({m["enc"]} units each way) → `encoder/mu` (z = {m["z"]} dims), decoder '
        f'{m["dec_layers"]}×{m["dec"]} LSTM initialised from z through `decoder/z_to_initial_state` (tanh), '
        'categorical output, input = [previous one-hot, z]. Variable names as `music_vae/model.ts` reads them.', '',
        '- Magenta APIs confirmed by `lib/music/mel-2bar-vae.test.ts`: `new mm.MusicVAE(url)`, `initialize()`, '
        '`encode(seqs)` (z equals PyTorch mu to 1e-4), `decode(z)` (greedy decode equals PyTorch), '
        '`interpolate(seqs, 4)`, `sample(n, temperature)`, `dispose()`.',
        '- Data: every bar-aligned 32-step window (stride 16) of the Nottingham melodies with at least 4 notes; '
        'same by-tune split and transposition augmentation as melody_rnn.',
        f'- Training: `/usr/bin/python3 scripts/music/train_mel_2bar_vae.py` — Adam lr 2e-3, batch {m["batch"]}, '
        f'β = {m["beta"]} (warm-up 1000 steps) with {m["free_bits"]} free nats of KL; {m["steps"]} updates in '
        f'{m["train_time_s"]:.0f} s in this run. {m["windows_train"]:,} train / {m["windows_val"]:,} validation windows.',
        *([f'- This run: `{m["command"]}`, resumed from the PyTorch state of: ' + '; '.join(
            f'`{p["command"]}` ({p["steps"]:,} updates, {p["train_time_s"]:.0f} s, val {p["val_rec_nats_per_step"]:.4f} '
            f'/ acc {p["val_acc"]:.4f})' for p in m['previous_runs'])
           + f'. In all {m["total_steps"]:,} updates, {m["total_train_time_s"] / 60:.0f} min of CPU.']
          if m.get('previous_runs') else []),
        f'- Size: {m["params_exported"]:,} exported parameters, {m["weight_bytes"]:,} bytes.', '',
        '| validation (z = mu, teacher-forced reconstruction) | cross-entropy (nats/step) | accuracy | KL (nats) |',
        '|---|---|---|---|',
        f'| this model | {fmt(m["val_rec_nats_per_step"])} | {fmt(m["val_acc"])} | {m["val_kl"]:.2f} |',
        f'| unigram baseline | {fmt(m["unigram_val_loss"])} | {fmt(m["unigram_val_acc"])} | – |', '',
        f'Licence / credit: {NOTT}', '',
    ]


GROOVAE = {
    'groovae_2bar_humanize': dict(
        title='GrooVAE "Groove" (humanize), 2 bars (Groove MIDI Dataset)', flag='humanize: true',
        what='Reads which of the 9 drum classes hit on each of 32 sixteenth-note steps (the converter zeroes '
             'velocities and offsets) and writes the hits back with a velocity and a timing offset each: a '
             'quantised beat comes out played like a drummer. Used by the studio\'s **Groove** button.',
        baseline='copy the input hits (the target hits are the input hits)'),
    'groovae_2bar_tap': dict(
        title='GrooVAE "Drumify" (tap), 2 bars (Groove MIDI Dataset)', flag='tapify: true',
        what='Reads only a rhythm: every note, whatever its pitch, becomes a hit on drum class 3 with its timing '
             'offset and no velocity (Magenta.js `tapify`). Writes a full 9-class beat with velocities and '
             'offsets. Used by the studio\'s **Drumify** button (a tapped rhythm, a melody, or one drum).',
        baseline=None),
}


def groovae_section(name, spec, m, heading='##'):
    f1_rows = [f'| this model, free-running decode of z = mu (as Magenta.js `decode` at temperature 0) | '
               f'{fmt(m["hit_precision"], 3)} | {fmt(m["hit_recall"], 3)} | **{fmt(m["hit_f1"], 3)}** |']
    if 'baseline_copy_input_hit_f1' in m:
        f1_rows.append(f'| baseline: {spec["baseline"]} | – | – | {fmt(m["baseline_copy_input_hit_f1"], 3)} |')
    f1_rows += [
        f'| baseline: each (step, class) hit when > 50% of training windows have it | – | – | '
        f'{fmt(m["baseline_step_frequency_hit_f1"], 3)} |',
        f'| baseline: the same, split by whether the step is tapped (any hit) | – | – | '
        f'{fmt(m["baseline_tap_conditional_hit_f1"], 3)} |']
    return [
        f'{heading} {spec["title"]} — `public/models/music/{name}/`', '',
        spec['what'], '',
        f'- Format: `{{"type": "MusicVAE", "dataConverter": {{"type": "GrooveConverter", "args": {{"numSteps": 32, '
        f'"{spec["flag"].split(":")[0]}": true, "pitchClasses": [...]}}}}}}` (pitch classes as drum_rnn: the '
        'Groove README\'s 9 classes plus Magenta.js\'s General-MIDI defaults). A step is [9 hits, 9 velocities '
        '(MIDI / 127), 9 offsets (2 × (grid time − played time) / step)]; Magenta.js picks its `GrooveDecoder` '
        '(sigmoid hits, sigmoid velocities, tanh offsets, fed back as the next input) from the converter type.',
        f'- Model: one-layer bidirectional LSTM encoder ({m["enc"]} units each way) → `encoder/mu` (z = {m["z"]}), '
        f'decoder {m["dec_layers"]}×{m["dec"]} LSTM initialised from z (`decoder/z_to_initial_state`, tanh), '
        f'input [previous step output, z], `decoder/output_projection` to 27 values. {m["params_exported"]:,} '
        f'exported parameters, {m["weight_bytes"]:,} bytes (float32).',
        '- Magenta APIs confirmed by `lib/music/groove.test.ts`: `new mm.MusicVAE(url)`, `initialize()`, the '
        'converter\'s `toTensor` of our sequence equals the tensor PyTorch saw, `encode` equals PyTorch mu and '
        '`decodeTensors` equals the PyTorch free-running decode (of mu and of a fixed random z) to 1e-4; '
        '`grooveClip` / `drumifyClip` run `encode` + `decode(z, temperature, undefined, 4, qpm)`.',
        f'- Data: official `train` split of the 4/4 takes (beats and fills) for training, `validation` split for '
        f'the numbers; every bar-aligned 2-bar window (stride 1 bar) lying wholly inside a take with hits on at '
        f'least 4 steps (takes shorter than 2 bars, mostly 1-bar fills, give none): {m["windows_train"]:,} train '
        f'windows from {m["takes_train"]} takes, {m["windows_val"]:,} validation windows from {m["takes_val"]} '
        'takes. Onsets go to the nearest 16th (as Magenta.js quantizes); per step and class the loudest hit is kept.',
        f'- Training: `{m["command"]}` — GrooVAE\'s loss (per step and class: hit log-loss + velocity MSE + '
        f'offset MSE, at every position), β = {m["beta"]} with {m["free_bits"]:g} free bits of KL, Adam lr '
        f'{m["lr"]} cosine, batch {m["batch"]}, dropout {m["dropout"]} between decoder layers; {m["steps"]:,} '
        f'updates in {m["train_time_s"]:.0f} s, best validation reconstruction at update {m["best_step"]:,} kept.',
        *([f'- This run resumed from the saved PyTorch state of: ' + '; '.join(
            f'`{p["command"]}` ({p["steps"]:,} updates, {p["train_time_s"]:.0f} s, best validation reconstruction '
            f'{p["val_rec"]:.2f})' for p in m['previous_runs']) + f'. In all: {m["total_steps"]:,} updates, '
            f'{m["total_train_time_s"] / 60:.0f} min of CPU training.'] if m.get('previous_runs') else []),
        '',
        '| validation hits (all 9 classes × 32 steps) | precision | recall | F1 |', '|---|---|---|---|',
        *f1_rows, '',
        '| validation timing and dynamics, on hits the model got right | this model | baseline |', '|---|---|---|',
        f'| velocity mean absolute error (MIDI 1–127) | {m["velocity_mae_midi"]:.1f} | '
        f'{m["baseline_velocity_mae_midi"]:.1f} (each class\'s mean training velocity) |',
        f'| offset mean absolute error (steps) | {m["offset_mae_steps"]:.3f} | '
        f'{m["baseline_offset_mae_steps_grid"]:.3f} (on the grid) / {m["baseline_offset_mae_steps_class_mean"]:.3f} '
        '(each class\'s mean offset) |',
        f'| spread of velocities (std, MIDI) | {m["velocity_std_midi_pred"]:.1f} | {m["velocity_std_midi_true"]:.1f} (real drummers) |',
        f'| spread of offsets (std, steps) | {m["offset_std_steps_pred"]:.3f} | {m["offset_std_steps_true"]:.3f} (real drummers) |',
        '',
        f'Teacher-forced validation losses per 2-bar window (z = mu): hits {m["val_hits_loss"]:.2f}, velocities '
        f'{m["val_velocity_loss"]:.2f}, offsets {m["val_offset_loss"]:.2f}; KL {m["val_kl"]:.1f} nats.', '',
        'Reference: Jon Gillick, Adam Roberts, Jesse Engel, Douglas Eck, David Bamman. "Learning to Groove with '
        'Inverse Sequence Transformations." ICML 2019. This is our own small re-implementation trained from '
        'scratch, not Magenta\'s GrooVAE checkpoint.', '',
        f'Licence / credit: {GROOVE}', '',
    ]


doc = ['# Music models', '',
       'Checkpoints in Magenta.js format that we train ourselves with PyTorch (Debian `python3-torch`, CPU) and '
       'load with `@magenta/music` 1.23.1 on tfjs 4.22 — Magenta\'s hosted checkpoints are not reachable '
       'offline. Every folder holds `config.json`, `weights_manifest.json`, one float32 shard, `reference.json` '
       '(inputs and PyTorch outputs for the parity test) and `metrics.json` (the numbers below). All numbers '
       'were measured by the training scripts on held-out data; none are copied from elsewhere.', '',
       'How the export works (scripts/music/common.py): PyTorch LSTM gates (i, f, g, o) become TF '
       '`BasicLSTMCell` columns (i, g, f, o); kernel = [weight_ih.T; weight_hh.T]; bias = b_ih + b_hh with 1.0 '
       'subtracted from the forget block because Magenta adds `forget_bias = 1.0` at run time. Dense kernels are '
       'transposed. Training machine: 2 shared cores under heavy load from other jobs, one torch thread (two '
       'OpenMP threads spin-waited and were 25× slower); Debian\'s reference BLAS was replaced by '
       '`libopenblas0-pthread` (10× faster matmul). Setup on a fresh Debian machine: `apt-get install -y '
       'python3-torch python3-numpy python3-mido libopenblas0-pthread`, then run the scripts with `/usr/bin/python3` '
       '(not a pyenv python). Each model had tens of minutes of CPU, not Magenta\'s GPU-days; see Limitations.', '']
for name, spec in SPECS.items():
    d = os.path.join(MODELS, name)
    if not os.path.exists(os.path.join(d, 'metrics.json')):
        continue
    m = json.load(open(os.path.join(d, 'metrics.json')))
    cfg = json.load(open(os.path.join(d, 'config.json')))
    doc += rnn_section(name, spec, m, cfg)
    readme = rnn_section(name, spec, m, cfg, heading='#') + [
        '## Files', '', '- `config.json`: ' + json.dumps(cfg)[:400] + ('…' if len(json.dumps(cfg)) > 400 else ''),
        '- `weights_manifest.json` + `group1-shard1of1`: Magenta variable names '
        '`rnn/multi_rnn_cell/cell_N/basic_lstm_cell/{kernel,bias}`, `fully_connected/{weights,biases}`.',
        '- `reference.json`: primer and PyTorch greedy continuation probabilities (Vitest parity test).',
        '- `metrics.json`: measured quality and training history.', '',
        f'Produced by `scripts/music/{spec["script"]}`; see `docs/music-models.md`.', '']
    open(os.path.join(d, 'README.md'), 'w').write('\n'.join(readme))
vd = os.path.join(MODELS, 'mel_2bar_vae')
if os.path.exists(os.path.join(vd, 'metrics.json')):
    m = json.load(open(os.path.join(vd, 'metrics.json')))
    doc += vae_section(m)
    open(os.path.join(vd, 'README.md'), 'w').write('\n'.join(vae_section(m, heading='#') + [
        'Files: `config.json`, `weights_manifest.json`, `group1-shard1of1`, `reference.json` (inputs, PyTorch z '
        'and greedy decodes), `metrics.json`. Produced by `scripts/music/train_mel_2bar_vae.py`.', '']))
for name, spec in GROOVAE.items():
    gd = os.path.join(MODELS, name)
    if not os.path.exists(os.path.join(gd, 'metrics.json')):
        continue
    m = json.load(open(os.path.join(gd, 'metrics.json')))
    doc += groovae_section(name, spec, m)
    open(os.path.join(gd, 'README.md'), 'w').write('\n'.join(groovae_section(name, spec, m, heading='#') + [
        'Files: `config.json`, `weights_manifest.json`, `group1-shard1of1`, `reference.json` (input notes, the '
        'converter tensor, PyTorch mu and free-running decodes), `metrics.json`. Produced by '
        '`scripts/music/train_groovae.py`; see `docs/music-models.md`.', '']))
doc += ['## Limitations and not done', '',
        '- The models are small (2×128 LSTMs, a 128/128 VAE, GrooVAEs with z = 64) and each had 25–75 minutes of '
        'a shared 2-core CPU in all, across resumed runs (`--init`), not the GPU-days behind Magenta\'s own '
        'checkpoints. Every model beats its baseline on held-out data (numbers above) and the VAE\'s greedy '
        'decodes now keep the input\'s rhythm and contour; musical quality was judged by ear only, with no '
        'listening test. More `--minutes` (resuming) is the way to improve them.',
        '- Models expect primers that start on a bar line: the `BinaryCounter` aux input counts from step 0 of '
        'the primer.',
        '- Chord progressions: do not mix `N.C.` with chords (Magenta.js int32/float32 `tf.stack` error on tfjs 4.22).',
        '- Magenta\'s DrumsOneHotConverter turns a pitch outside `pitchClasses` into NaN, so drum primers (an imported '
        '.mid, a MIDI drum kit) go through `toDrumClasses` (lib/music) first: each pitch moves to its class\'s first '
        'pitch and pitches no class holds are dropped.',
        '- GrooVAE models: much smaller than Magenta\'s (z 64 vs 256, decoder 2×192 vs 2×256) and trained for '
        'minutes on a shared CPU, not Magenta\'s hours on a GPU. Only the 2-bar humanize and tap variants exist '
        '(no 4-bar, no fill or "groove transfer" model); the studio runs longer clips two bars at a time.', '']
os.makedirs(os.path.join(REPO, 'docs'), exist_ok=True)
open(os.path.join(REPO, 'docs', 'music-models.md'), 'w').write('\n'.join(doc))
print('wrote docs/music-models.md and READMEs')
