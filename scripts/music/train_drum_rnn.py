"""Train a Magenta MusicRNN drum model (DrumsOneHotConverter, 9 classes -> 512 combos) on the Groove
MIDI Dataset (official train split; validation split for metrics) and export it.

Usage: /usr/bin/python3 scripts/music/train_drum_rnn.py [--hidden 128] [--minutes 8]
"""
import argparse
import sys
import csv
import os

import numpy as np
import torch

from common import (load_music_rnn_export, DATA, binary_counter, REPO, StackedLSTM, export_music_rnn, greedy_reference, read_midi_notes, save_json,
                    padded_windows, train_loop, unigram_baseline)

ap = argparse.ArgumentParser()
ap.add_argument('--hidden', type=int, default=128)
ap.add_argument('--layers', type=int, default=2)
ap.add_argument('--epochs', type=int, default=6)
ap.add_argument('--minutes', type=float, default=8)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--window', type=int, default=64)
ap.add_argument('--counter_bits', type=int, default=6)
ap.add_argument('--init', help='resume from an exported checkpoint folder')
ap.add_argument('--lr', type=float, default=3e-3)
ap.add_argument('--out', default=os.path.join(REPO, 'public', 'models', 'music', 'drum_rnn'))
args = ap.parse_args()

GROOVE = os.path.join(DATA, 'groove')
# The 9 classes of the Groove README (Magenta's ROLAND_DRUM_PITCH_CLASSES), first pitch = output pitch.
GMD_CLASSES = [[36], [38, 40, 37], [42, 22, 44], [46, 26], [43, 58], [47, 45], [50, 48], [49, 52, 55, 57],
               [51, 59, 53]]
# Magenta.js DEFAULT_DRUM_PITCH_CLASSES (core/constants.ts): appended where they do not clash, so
# General-MIDI primers from the app (35, 39, 41, ...) also map to a class instead of NaN.
MAGENTA_DEFAULT = [[36, 35], [38, 27, 28, 31, 32, 33, 34, 37, 39, 40, 56, 65, 66, 75, 85],
                   [42, 44, 54, 68, 69, 70, 71, 73, 78, 80], [46, 67, 72, 74, 79, 81], [45, 29, 41, 61, 64, 84],
                   [48, 47, 60, 63, 77, 86, 87], [50, 30, 43, 62, 76, 83], [49, 55, 57, 58], [51, 52, 53, 59, 82]]
taken = {p for c in GMD_CLASSES for p in c}
PITCH_CLASSES = [c + [p for p in d if p not in taken] for c, d in zip(GMD_CLASSES, MAGENTA_DEFAULT)]
PITCH_TO_CLASS = {p: i for i, c in enumerate(PITCH_CLASSES) for p in c}
DEPTH = 2 ** len(PITCH_CLASSES)


def drum_labels(path):
    """Per 16th-note step, the OR of 2^class over onsets quantised to that step."""
    notes, tpb = read_midi_notes(path)
    step = tpb / 4
    qs = [(PITCH_TO_CLASS[p], int(round(s / step))) for p, s, _, _ in notes]
    n = max(s for _, s in qs) + 1
    lab = np.zeros(n, dtype=np.int64)
    for c, s in qs:
        lab[s] |= 1 << c
    return lab


rows = list(csv.DictReader(open(os.path.join(GROOVE, 'info.csv'))))
train = [(r['id'], drum_labels(os.path.join(GROOVE, r['midi_filename']))) for r in rows if r['split'] == 'train']
val = [(r['id'], drum_labels(os.path.join(GROOVE, r['midi_filename']))) for r in rows if r['split'] == 'validation']
print(f'{len(train)} train takes, {len(val)} validation takes')
W = args.window + 1


tr_x, tr_p, tr_len, _ = padded_windows([lab for _, lab in train], W, args.window)
va_x, va_p, va_len, _ = padded_windows([lab for _, lab in val], W, args.window)
eye = torch.eye(DEPTH)


def batch_from(ev, pos, lens):
    # Input at step t: drum-combination one-hot of step t, then Magenta's BinaryCounter of step t.
    m = (torch.arange(W - 1)[None, :] < torch.tensor(lens)[:, None] - 1).float()
    x = torch.cat([eye[torch.tensor(ev[:, :-1])], torch.tensor(binary_counter(pos[:, :-1], args.counter_bits))], -1)
    return x, torch.tensor(ev[:, 1:]), m


def make_batch(rng):
    idx = rng.integers(0, len(tr_x), args.batch)
    return batch_from(tr_x[idx], tr_p[idx], tr_len[idx])


val_batches = [batch_from(va_x[i:i + 256], va_p[i:i + 256], va_len[i:i + 256]) for i in range(0, len(va_x), 256)]
n_batches = max(1, len(tr_x) // args.batch)
print(f'{len(tr_x)} train windows ({n_batches} batches/epoch), {len(va_x)} validation windows')
torch.manual_seed(0)
model = StackedLSTM(DEPTH + args.counter_bits, args.hidden, args.layers, DEPTH, dropout=0.1)
if args.init:
    load_music_rnn_export(model, args.init)
    print('resumed from', args.init)
res = train_loop(model, make_batch, n_batches, val_batches, args.epochs, args.lr, args.minutes * 60, print)
tr_t = np.concatenate([l[1:] for _, l in train])
va_t = np.concatenate([l[1:] for _, l in val])
base_ce, base_acc = unigram_baseline(tr_t, va_t, DEPTH)
print(f'validation: loss {res["val_loss"]:.4f} acc {res["val_acc"]:.4f}; unigram baseline loss {base_ce:.4f} acc {base_acc:.4f}')

config = {'type': 'MusicRNN', 'dataConverter': {'type': 'DrumsOneHotConverter', 'args': {'pitchClasses': PITCH_CLASSES}},
          'auxInputs': [{'type': 'BinaryCounter', 'args': {'numBits': args.counter_bits}}]}
nbytes = export_music_rnn(model, args.out, config)

name, lab = next((n, l) for n, l in val if len(l) >= 64 and np.count_nonzero(l[:32]) >= 8)
primer = lab[:32]
notes = [{'pitch': PITCH_CLASSES[c][0], 'quantizedStartStep': s, 'quantizedEndStep': s + 1, 'isDrum': True}
         for s in range(32) for c in range(len(PITCH_CLASSES)) if primer[s] >> c & 1]
eye64 = np.eye(DEPTH)
cnt = binary_counter(np.arange(64), args.counter_bits)
primer_in = np.concatenate([eye64[primer], cnt[:32]], -1)
probs, events = greedy_reference(model, primer_in, 32, lambda i, e: np.concatenate([eye64[e], cnt[i]]))
save_json(os.path.join(args.out, 'reference.json'), {
    'source': f'groove {name} (validation split), first 32 steps', 'stepsPerQuarter': 4,
    'totalQuantizedSteps': 32, 'notes': notes, 'primerEvents': primer.tolist(), 'steps': 32,
    'expectedEvents': events, 'expectedProbs': probs})
metrics = {'command': '/usr/bin/python3 scripts/music/' + os.path.basename(__file__) + ' ' + ' '.join(sys.argv[1:]), 'takes_train': len(train), 'takes_val': len(val), 'train_steps': int(len(tr_t)), 'val_steps': int(len(va_t)),
           'hidden': args.hidden, 'layers': args.layers, 'params': sum(p.numel() for p in model.parameters()),
           'weight_bytes': nbytes, 'val_loss': res['val_loss'], 'val_acc': res['val_acc'],
           'unigram_val_loss': base_ce, 'unigram_val_acc': base_acc, 'epochs_run': res['epochs_run'],
           'train_time_s': res['train_time_s'], 'resumed_from_previous_run': bool(args.init), 'batch': args.batch, 'window': args.window, 'counter_bits': args.counter_bits, 'lr': args.lr,
           'history': res['history']}
save_json(os.path.join(args.out, 'metrics.json'), metrics)
print('exported', args.out, nbytes, 'bytes')
