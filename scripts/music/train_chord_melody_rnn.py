"""Train a chord-conditioned Magenta MusicRNN (MelodyConverter 48..83 + PitchChordEncoder) on
Nottingham melodies with the chord symbols read from each tune's block-chord track, and export it.

Usage: /usr/bin/python3 scripts/music/train_chord_melody_rnn.py [--hidden 128] [--minutes 8]
"""
import argparse
import sys
import collections
import os
import shutil

import numpy as np
import torch

from common import (DATA, binary_counter, load_music_rnn_export, MAX_PITCH, MELODY_DEPTH, MIN_PITCH, REPO, StackedLSTM, events_to_notes,
                    export_music_rnn, greedy_reference, is_validation, melody_events, octave_shift_into_range,
                    quantize, read_midi_notes, save_json, train_loop, unigram_baseline, windows)

ap = argparse.ArgumentParser()
ap.add_argument('--hidden', type=int, default=128)
ap.add_argument('--layers', type=int, default=2)
ap.add_argument('--epochs', type=int, default=6)
ap.add_argument('--minutes', type=float, default=8)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--window', type=int, default=64)
ap.add_argument('--counter_bits', type=int, default=5)
ap.add_argument('--init', help='resume from an exported checkpoint folder')
ap.add_argument('--lr', type=float, default=3e-3)
ap.add_argument('--out', default=os.path.join(REPO, 'public', 'models', 'music', 'chord_melody_rnn'))
args = ap.parse_args()

NOTT = os.path.join(DATA, 'nottingham', 'midi')
ROOTS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B']
# Chord kinds found in the Nottingham chord track (bass = root in nearly all blocks); symbol suffixes
# are ones tonal (used by Magenta's ChordSymbols) reads, and the pitch sets are what it returns.
KINDS = [('', (0, 4, 7)), ('m', (0, 3, 7)), ('7', (0, 4, 7, 10)), ('m7', (0, 3, 7, 10)),
         ('dim', (0, 3, 6)), ('aug', (0, 4, 8))]
NC = -1  # no chord
CHORD_DEPTH = 1 + 3 * 12


def chord_id(pitches):
    """(root, kind index) for a block chord: exact match with the bass as root, else best overlap."""
    bass = min(pitches)
    pcs = {p % 12 for p in pitches}
    best = None
    for root in [bass % 12] + [r for r in range(12) if r != bass % 12]:
        rel = {(p - root) % 12 for p in pcs}
        for k, (_, tpl) in enumerate(KINDS):
            score = len(rel & set(tpl)) - len(rel ^ set(tpl)) * 0.5 - (0 if root == bass % 12 else 0.25)
            if best is None or score > best[0]:
                best = (score, root, k)
    return best[1] * len(KINDS) + best[2]


def symbol(cid):
    return 'N.C.' if cid == NC else ROOTS[cid // len(KINDS)] + KINDS[cid % len(KINDS)][0]


def transpose_chord(cid, k):
    return cid if cid == NC else ((cid // len(KINDS) + k) % 12) * len(KINDS) + cid % len(KINDS)


# Magenta's PitchChordEncoder: [no-chord flag, root one-hot, chord pitch classes, bass (= root) one-hot].
ENC = np.zeros((12 * len(KINDS) + 1, CHORD_DEPTH), dtype=np.float32)
ENC[12 * len(KINDS), 0] = 1.0  # row for NC (index -1)
for cid in range(12 * len(KINDS)):
    root = cid // len(KINDS)
    ENC[cid, 1 + root] = 1
    for iv in KINDS[cid % len(KINDS)][1]:
        ENC[cid, 13 + (root + iv) % 12] = 1
    ENC[cid, 25 + root] = 1


def load():
    out = []
    for fn in sorted(os.listdir(NOTT)):
        if not fn.endswith('.mid'):
            continue
        mel, tpb = read_midi_notes(os.path.join(NOTT, fn), track=0)
        ch, _ = read_midi_notes(os.path.join(NOTT, fn), track=1)
        if not mel or not ch:
            continue
        q = quantize(mel, tpb)
        lo, hi = min(n[0] for n in q), max(n[0] for n in q)
        k = octave_shift_into_range(lo, hi)
        if k is None:
            continue
        q = [(p + k, s, e) for p, s, e in q]
        ev = melody_events(q)
        blocks = collections.defaultdict(list)
        for p, s, _ in quantize(ch, tpb):
            blocks[s].append(p)
        chords = np.full(len(ev), NC, dtype=np.int64)
        for s in sorted(blocks):
            if s < len(ev):
                chords[s:] = chord_id(blocks[s])
        out.append((fn[:-4], ev, chords, lo + k, hi + k))
    return out


tunes = load()
train = [t for t in tunes if not is_validation(t[0])]
val = [t for t in tunes if is_validation(t[0])]
print(f'{len(tunes)} tunes with chords: {len(train)} train, {len(val)} validation')
W = args.window + 1


def make_windows(items, stride):
    xs, cs, ps, lens, los, his = [], [], [], [], [], []
    for _, ev, ch, lo, hi in items:
        ws, ls = windows(ev, W, stride)
        wc, _ = windows(ch, W, stride)
        wp, _ = windows(np.arange(len(ev)), W, stride)
        for w, c, p, l in zip(ws, wc, wp, ls):
            pe = np.zeros(W, dtype=np.int64); pe[:l] = w
            pc = np.full(W, NC, dtype=np.int64); pc[:l] = c
            pp = np.arange(W); pp[:l] = p
            xs.append(pe); cs.append(pc); ps.append(pp); lens.append(l); los.append(lo); his.append(hi)
    return np.stack(xs), np.stack(cs), np.stack(ps), np.array(lens), np.array(los), np.array(his)


tr_x, tr_c, tr_p, tr_len, tr_lo, tr_hi = make_windows(train, args.window)
va_x, va_c, va_p, va_len, _, _ = make_windows(val, args.window)
k_lo = np.maximum(-6, MIN_PITCH - tr_lo)
k_hi = np.minimum(5, MAX_PITCH - tr_hi)
eye = np.eye(MELODY_DEPTH, dtype=np.float32)
ENC_T = torch.tensor(ENC)


def batch_from(ev, ch, pos, lens):
    # Input at step t, in Magenta's order: chord encoding of step t+1 (the step being predicted),
    # event t one-hot, BinaryCounter of step t.
    x = np.concatenate([ENC[ch[:, 1:]], eye[ev[:, :-1]], binary_counter(pos[:, :-1], args.counter_bits)], axis=-1)
    m = (torch.arange(W - 1)[None, :] < torch.tensor(lens)[:, None] - 1).float()
    return torch.tensor(x), torch.tensor(ev[:, 1:]), m


def make_batch(rng):
    idx = rng.integers(0, len(tr_x), args.batch)
    k = k_lo[idx] + np.floor(rng.random(len(idx)) * (k_hi[idx] - k_lo[idx] + 1)).astype(np.int64)
    ev = np.where(tr_x[idx] >= 2, tr_x[idx] + k[:, None], tr_x[idx])
    ch = tr_c[idx].copy()
    for b in range(len(idx)):
        ch[b] = [transpose_chord(c, int(k[b])) for c in ch[b]]
    return batch_from(ev, ch, tr_p[idx], tr_len[idx])


val_batches = [batch_from(va_x[i:i + 256], va_c[i:i + 256], va_p[i:i + 256], va_len[i:i + 256]) for i in range(0, len(va_x), 256)]
n_batches = max(1, len(tr_x) // args.batch)
print(f'{len(tr_x)} train windows ({n_batches} batches/epoch), {len(va_x)} validation windows')
torch.manual_seed(0)
model = StackedLSTM(CHORD_DEPTH + MELODY_DEPTH + args.counter_bits, args.hidden, args.layers, MELODY_DEPTH, dropout=0.1)
if args.init:
    load_music_rnn_export(model, args.init)
    print('resumed from', args.init)
res = train_loop(model, make_batch, n_batches, val_batches, args.epochs, args.lr, args.minutes * 60, print)
tr_t = np.concatenate([t[1][1:] for t in train])
va_t = np.concatenate([t[1][1:] for t in val])
base_ce, base_acc = unigram_baseline(tr_t, va_t, MELODY_DEPTH)
print(f'validation: loss {res["val_loss"]:.4f} acc {res["val_acc"]:.4f}; unigram baseline loss {base_ce:.4f} acc {base_acc:.4f}')

config = {'type': 'MusicRNN', 'chordEncoder': 'PitchChordEncoder',
          'dataConverter': {'type': 'MelodyConverter', 'args': {'minPitch': MIN_PITCH, 'maxPitch': MAX_PITCH}},
          'auxInputs': [{'type': 'BinaryCounter', 'args': {'numBits': args.counter_bits}}]}
nbytes = export_music_rnn(model, args.out, config)

# Reference: 32-step primer, 32 greedy steps, 4 chords spread evenly over the 64 steps as Magenta does
# (ChordEncoder.encodeProgression: chord index floor(step * numChords / numSteps)).
name, ev, ch, _, _ = val[0]
primer = ev[:32]
notes = events_to_notes(primer)
# A fixed progression that exercises every chord kind and flat and sharp roots (8 steps each). No
# 'N.C.': Magenta.js's PitchChordEncoder encodes it as int32 (tf.oneHot) and the others as float32,
# so tf.stack in encodeProgression throws on tfjs 4 when N.C. is mixed with chords.
prog = [ROOTS.index('E') * len(KINDS) + 2] + [ROOTS.index(r) * len(KINDS) + [k for k, _ in KINDS].index(kind) for r, kind in
               (('A', 'm'), ('G', '7'), ('F#', 'dim'), ('Bb', 'aug'), ('D', 'm7'), ('C', ''), ('Eb', ''))]
total = 64
ctl = [ENC[prog[j * len(prog) // total]] for j in range(total)]
eye64 = np.eye(MELODY_DEPTH)
cnt = binary_counter(np.arange(total), args.counter_bits)
primer_in = np.stack([np.concatenate([ctl[j + 1], eye64[primer[j]], cnt[j]]) for j in range(32)])
probs, events = greedy_reference(model, primer_in, 32, lambda i, e: np.concatenate([ctl[i + 1], eye64[e], cnt[i]]))
save_json(os.path.join(args.out, 'reference.json'), {
    'source': f'nottingham/midi/{name}.mid (validation split), first 32 steps',
    'stepsPerQuarter': 4, 'totalQuantizedSteps': 32,
    'notes': [{'pitch': p, 'quantizedStartStep': s, 'quantizedEndStep': e} for p, s, e in notes],
    'chordProgression': [symbol(c) for c in prog], 'primerEvents': primer.tolist(), 'steps': 32,
    'expectedEvents': events, 'expectedProbs': probs})
counts = collections.Counter(symbol(c)[len(ROOTS[c // len(KINDS)]) if c != NC else 0:] for t in tunes for c in t[2])
metrics = {'command': '/usr/bin/python3 scripts/music/' + os.path.basename(__file__) + ' ' + ' '.join(sys.argv[1:]), 'tunes_train': len(train), 'tunes_val': len(val), 'train_steps': int(len(tr_t)), 'val_steps': int(len(va_t)),
           'hidden': args.hidden, 'layers': args.layers, 'params': sum(p.numel() for p in model.parameters()),
           'weight_bytes': nbytes, 'val_loss': res['val_loss'], 'val_acc': res['val_acc'],
           'unigram_val_loss': base_ce, 'unigram_val_acc': base_acc, 'epochs_run': res['epochs_run'],
           'train_time_s': res['train_time_s'], 'resumed_from_previous_run': bool(args.init), 'chord_kind_steps': dict(counts), 'batch': args.batch,
           'window': args.window, 'counter_bits': args.counter_bits, 'lr': args.lr, 'history': res['history']}
save_json(os.path.join(args.out, 'metrics.json'), metrics)
shutil.copyfile(os.path.join(DATA, 'nottingham', 'LICENSE.md'), os.path.join(args.out, 'LICENSE-nottingham-GPLv3.md'))
print('exported', args.out, nbytes, 'bytes')
