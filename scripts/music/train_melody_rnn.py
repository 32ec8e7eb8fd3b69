"""Train a Magenta MusicRNN melody model (MelodyConverter 48..83) on Nottingham and export it.

Usage: /usr/bin/python3 scripts/music/train_melody_rnn.py [--hidden 128] [--minutes 8]
Writes public/models/music/melody_rnn/{config.json, weights_manifest.json, group1-shard1of1,
reference.json, metrics.json}.
"""
import argparse
import sys
import os
import shutil

import torch

from common import (DATA, MAX_PITCH, MELODY_DEPTH, MIN_PITCH, REPO, StackedLSTM, export_music_rnn, load_music_rnn_export,
                    melody_batches, melody_unigram_baseline, save_json, split_melody_tunes, train_loop,
                    write_melody_reference)
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

train, val = split_melody_tunes(load_melodies())
make_batch, val_batches, n_batches = melody_batches(train, val, args.window, args.batch, args.counter_bits)

torch.manual_seed(0)
model = StackedLSTM(MELODY_DEPTH + args.counter_bits, args.hidden, args.layers, MELODY_DEPTH, dropout=0.1)
if args.init:
    load_music_rnn_export(model, args.init)
    print('resumed from', args.init)
res = train_loop(model, make_batch, n_batches, val_batches, args.epochs, args.lr, args.minutes * 60, print)

train_steps, val_steps, base_ce, base_acc = melody_unigram_baseline(train, val)
print(f'validation: loss {res["val_loss"]:.4f} acc {res["val_acc"]:.4f}; unigram baseline loss {base_ce:.4f} acc {base_acc:.4f}')

config = {'type': 'MusicRNN',
          'dataConverter': {'type': 'MelodyConverter', 'args': {'minPitch': MIN_PITCH, 'maxPitch': MAX_PITCH}},
          'auxInputs': [{'type': 'BinaryCounter', 'args': {'numBits': args.counter_bits}}]}
nbytes = export_music_rnn(model, args.out, config)

write_melody_reference(model, val, args.counter_bits, os.path.join(args.out, 'reference.json'))
metrics = {'command': '/usr/bin/python3 scripts/music/' + os.path.basename(__file__) + ' ' + ' '.join(sys.argv[1:]), 'tunes_train': len(train), 'tunes_val': len(val), 'train_steps': train_steps,
           'val_steps': val_steps, 'hidden': args.hidden, 'layers': args.layers,
           'params': sum(p.numel() for p in model.parameters()), 'weight_bytes': nbytes,
           'val_loss': res['val_loss'], 'val_acc': res['val_acc'], 'unigram_val_loss': base_ce,
           'unigram_val_acc': base_acc, 'epochs_run': res['epochs_run'], 'train_time_s': res['train_time_s'],
           'resumed_from_previous_run': bool(args.init), 'batch': args.batch, 'window': args.window, 'counter_bits': args.counter_bits, 'lr': args.lr, 'history': res['history']}
save_json(os.path.join(args.out, 'metrics.json'), metrics)
shutil.copyfile(os.path.join(DATA, 'nottingham', 'LICENSE.md'), os.path.join(args.out, 'LICENSE-nottingham-GPLv3.md'))
print('exported', args.out, nbytes, 'bytes')
