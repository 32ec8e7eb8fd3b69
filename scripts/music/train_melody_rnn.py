"""Train a Magenta MusicRNN melody model (MelodyConverter 48..83) on Nottingham and export it.

Usage: /usr/bin/python3 scripts/music/train_melody_rnn.py [--hidden 128] [--minutes 8]
Writes public/models/music/melody_rnn/{config.json, weights_manifest.json, group1-shard1of1,
reference.json, metrics.json}.
"""
import argparse
import sys
import os
import shutil

import numpy as np
import torch

from common import (load_music_rnn_export, DATA, binary_counter, MAX_PITCH, MELODY_DEPTH, MIN_PITCH, REPO, StackedLSTM, events_to_notes,
                    export_music_rnn, greedy_reference, is_validation, melody_events, save_json,
                    train_loop, unigram_baseline, windows)
from melody_data import load_melodies

ap = argparse.ArgumentParser()
ap.add_argument('--hidden', type=int, default=128)
ap.add_argument('--layers', type=int, default=2)
ap.add_argument('--epochs', type=int, default=30)
ap.add_argument('--minutes', type=float, default=8)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--window', type=int, default=64)
ap.add_argument('--counter_bits', type=int, default=5)
ap.add_argument('--init', help='resume from an exported checkpoint folder')
ap.add_argument('--lr', type=float, default=3e-3)
ap.add_argument('--out', default=os.path.join(REPO, 'public', 'models', 'music', 'melody_rnn'))
args = ap.parse_args()

tunes = load_melodies()
train, val = [], []
for name, q, lo, hi in tunes:
    ev = melody_events(q)
    (val if is_validation(name) else train).append((name, ev, lo, hi))
print(f'{len(tunes)} tunes: {len(train)} train, {len(val)} validation')

W = args.window + 1


def make_windows(items, stride):
    xs, ps, lens, los, his = [], [], [], [], []
    for _, ev, lo, hi in items:
        ws, ls = windows(ev, W, stride)
        wp, _ = windows(np.arange(len(ev)), W, stride)
        for w, p, l in zip(ws, wp, ls):
            pad = np.zeros(W, dtype=np.int64)
            pad[:l] = w
            pp = np.arange(W)
            pp[:l] = p
            xs.append(pad); ps.append(pp); lens.append(l); los.append(lo); his.append(hi)
    return np.stack(xs), np.stack(ps), np.array(lens), np.array(los), np.array(his)


tr_x, tr_p, tr_len, tr_lo, tr_hi = make_windows(train, args.window)
va_x, va_p, va_len, _, _ = make_windows(val, args.window)
# Transposition augmentation: each training window is shifted by a random -6..+5 semitones that keeps
# it inside 48..83, so the model continues a primer in any key (validation stays in the original key).
k_lo = np.maximum(-6, MIN_PITCH - tr_lo)
k_hi = np.minimum(5, MAX_PITCH - tr_hi)
eye = torch.eye(MELODY_DEPTH)


def mask_of(lens, T):
    return (torch.arange(T)[None, :] < torch.tensor(lens)[:, None] - 1).float()


def batch_from(ev, pos, lens):
    # Input at step t: event t one-hot, then Magenta's BinaryCounter of the absolute step t.
    x = torch.cat([eye[torch.tensor(ev[:, :-1])], torch.tensor(binary_counter(pos[:, :-1], args.counter_bits))], -1)
    return x, torch.tensor(ev[:, 1:]), mask_of(lens, W - 1)


def make_batch(rng):
    idx = rng.integers(0, len(tr_x), args.batch)
    k = k_lo[idx] + np.floor(rng.random(len(idx)) * (k_hi[idx] - k_lo[idx] + 1)).astype(np.int64)
    ev = tr_x[idx].copy()
    ev = np.where(ev >= 2, ev + k[:, None], ev)
    return batch_from(ev, tr_p[idx], tr_len[idx])


val_batches = [batch_from(va_x[i:i + 256], va_p[i:i + 256], va_len[i:i + 256]) for i in range(0, len(va_x), 256)]
n_batches = max(1, len(tr_x) // args.batch)
print(f'{len(tr_x)} train windows ({n_batches} batches/epoch), {len(va_x)} validation windows')

torch.manual_seed(0)
model = StackedLSTM(MELODY_DEPTH + args.counter_bits, args.hidden, args.layers, MELODY_DEPTH, dropout=0.1)
if args.init:
    load_music_rnn_export(model, args.init)
    print('resumed from', args.init)
res = train_loop(model, make_batch, n_batches, val_batches, args.epochs, args.lr, args.minutes * 60, print)

tr_targets = np.concatenate([ev[1:] for _, ev, _, _ in train])
va_targets = np.concatenate([ev[1:] for _, ev, _, _ in val])
base_ce, base_acc = unigram_baseline(tr_targets, va_targets, MELODY_DEPTH)
print(f'validation: loss {res["val_loss"]:.4f} acc {res["val_acc"]:.4f}; unigram baseline loss {base_ce:.4f} acc {base_acc:.4f}')

config = {'type': 'MusicRNN',
          'dataConverter': {'type': 'MelodyConverter', 'args': {'minPitch': MIN_PITCH, 'maxPitch': MAX_PITCH}},
          'auxInputs': [{'type': 'BinaryCounter', 'args': {'numBits': args.counter_bits}}]}
nbytes = export_music_rnn(model, args.out, config)

# Reference for the Vitest parity test: a 32-step primer from a validation tune, then 32 greedy steps.
name, ev, _, _ = val[0]
primer = ev[:32]
notes = events_to_notes(primer)
assert (melody_events(notes, total_steps=32) == primer).all()
eye64 = np.eye(MELODY_DEPTH)
cnt = binary_counter(np.arange(64), args.counter_bits)
primer_in = np.concatenate([eye64[primer], cnt[:32]], -1)
probs, events = greedy_reference(model, primer_in, 32, lambda i, e: np.concatenate([eye64[e], cnt[i]]))
save_json(os.path.join(args.out, 'reference.json'), {
    'source': f'nottingham/midi/melody/{name}.mid (validation split), first 32 steps',
    'stepsPerQuarter': 4, 'totalQuantizedSteps': 32,
    'notes': [{'pitch': p, 'quantizedStartStep': s, 'quantizedEndStep': e} for p, s, e in notes],
    'primerEvents': primer.tolist(), 'steps': 32, 'expectedEvents': events, 'expectedProbs': probs})
metrics = {'command': '/usr/bin/python3 scripts/music/' + os.path.basename(__file__) + ' ' + ' '.join(sys.argv[1:]), 'tunes_train': len(train), 'tunes_val': len(val), 'train_steps': int(len(tr_targets)),
           'val_steps': int(len(va_targets)), 'hidden': args.hidden, 'layers': args.layers,
           'params': sum(p.numel() for p in model.parameters()), 'weight_bytes': nbytes,
           'val_loss': res['val_loss'], 'val_acc': res['val_acc'], 'unigram_val_loss': base_ce,
           'unigram_val_acc': base_acc, 'epochs_run': res['epochs_run'], 'train_time_s': res['train_time_s'],
           'resumed_from_previous_run': bool(args.init), 'batch': args.batch, 'window': args.window, 'counter_bits': args.counter_bits, 'lr': args.lr, 'history': res['history']}
save_json(os.path.join(args.out, 'metrics.json'), metrics)
shutil.copyfile(os.path.join(DATA, 'nottingham', 'LICENSE.md'), os.path.join(args.out, 'LICENSE-nottingham-GPLv3.md'))
print('exported', args.out, nbytes, 'bytes')
