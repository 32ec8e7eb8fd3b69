"""Train Magenta's attention_rnn melody configuration on Nottingham and export it for @magenta/music.

Magenta's attention_rnn wraps the stacked LSTM in TF's AttentionCellWrapper (attn_length 40): every
step the cell looks back over its own last 40 outputs, so it can copy a figure it played a few bars
ago. This is the same computation as magenta-js music_rnn/attention.ts, step by step:
  x' = [x, a_prev] @ K + b                  (rnn/attention_cell_wrapper/kernel, bias)
  c, h = MultiRNNCell(x')                   (3 BasicLSTMCells: magenta-js reads h[2], so 3 layers)
  f_j = H_j @ W                             (attention/attn_w, 1x1 conv over the last 40 outputs H)
  y = [c0, h0, c1, h1, c2, h2] @ Q          (attention/kernel; magenta-js adds no bias here)
  s_j = sum(v * tanh(f_j + y)); a = softmax(s); d = sum_j a_j H_j
  out = [h2, d] @ P + p                     (attention_output_projection) -> fully_connected
  H <- H[1:] + [out]; a_prev <- d
Usage: /usr/bin/python3 scripts/music/train_attention_rnn.py [--minutes 20]
Writes public/models/music/attention_rnn/{config.json, weights_manifest.json, group1-shard1of1,
reference.json, metrics.json}.
"""
import argparse
import os
import shutil
import sys

import numpy as np
import torch
import torch.nn as nn

from common import (DATA, MAX_PITCH, MELODY_DEPTH, MIN_PITCH, REPO, StackedLSTM, load_music_rnn_export, melody_batches,
                    melody_unigram_baseline, save_json, split_melody_tunes, train_loop, write_melody_reference,
                    write_weights)
from melody_data import load_melodies

ap = argparse.ArgumentParser()
ap.add_argument('--hidden', type=int, default=128)
ap.add_argument('--attn_length', type=int, default=40)
ap.add_argument('--epochs', type=int, default=40)
ap.add_argument('--minutes', type=float, default=20)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--window', type=int, default=128)
ap.add_argument('--counter_bits', type=int, default=5)
ap.add_argument('--lr', type=float, default=3e-3)
ap.add_argument('--init', help='resume from a saved PyTorch state_dict (.pt)')
ap.add_argument('--warm_from', help='start cells 0-1 and the output layer from an exported melody_rnn folder')
ap.add_argument('--save_state', help='also save the PyTorch state_dict here')
ap.add_argument('--out', default=os.path.join(REPO, 'public', 'models', 'music', 'attention_rnn'))
args = ap.parse_args()
LAYERS = 3  # magenta-js AttentionWrapper projects [h[2], attention]: exactly three cells.


class AttentionRNN(nn.Module):
    """Stacked LSTM cells inside TF's AttentionCellWrapper (state_is_tuple), batch-first."""

    def __init__(self, in_size, hidden, attn_length, out_size, dropout=0.1):
        super().__init__()
        self.in_size, self.hidden, self.L = in_size, hidden, attn_length
        self.inp = nn.Linear(in_size + hidden, in_size)
        self.cells = nn.ModuleList([nn.LSTMCell(in_size if l == 0 else hidden, hidden) for l in range(LAYERS)])
        self.attn_w = nn.Linear(hidden, hidden, bias=False)
        self.attn_q = nn.Linear(2 * LAYERS * hidden, hidden, bias=False)
        self.attn_v = nn.Parameter(torch.randn(hidden) * 0.05)
        self.out_proj = nn.Linear(2 * hidden, hidden)
        self.fc = nn.Linear(hidden, out_size)
        self.drop = nn.Dropout(dropout)
        for cell in self.cells:  # TF's BasicLSTMCell adds forget_bias 1.0; start PyTorch there too.
            with torch.no_grad():
                cell.bias_ih[hidden:2 * hidden].fill_(1.0)
                cell.bias_hh.zero_()

    def initial_state(self, B, dtype):
        z = torch.zeros(B, self.hidden, dtype=dtype)
        return {'c': [z] * LAYERS, 'h': [z] * LAYERS, 'attn': z,
                'H': [z] * self.L, 'F': [z] * self.L}  # past outputs and their attn_w features

    def forward(self, x, state=None):
        B, T, _ = x.shape
        st = state or self.initial_state(B, x.dtype)
        c, h, attn, H, F = list(st['c']), list(st['h']), st['attn'], list(st['H']), list(st['F'])
        outs = []
        for t in range(T):
            inp = self.inp(torch.cat([x[:, t], attn], -1))
            for l, cell in enumerate(self.cells):
                h[l], c[l] = cell(inp if l == 0 else self.drop(h[l - 1]), (h[l], c[l]))
            Hs, Fs = torch.stack(H, 1), torch.stack(F, 1)  # [B, L, hidden]
            q = self.attn_q(torch.cat([v for l in range(LAYERS) for v in (c[l], h[l])], -1))
            s = (self.attn_v * torch.tanh(Fs + q[:, None])).sum(-1)
            a = torch.softmax(s, -1)
            attn = (a[..., None] * Hs).sum(1)
            out = self.out_proj(torch.cat([h[-1], attn], -1))
            H, F = H[1:] + [out], F[1:] + [self.attn_w(out)]
            outs.append(out)
        y = torch.stack(outs, 1)
        return self.fc(self.drop(y)), {'c': c, 'h': h, 'attn': attn, 'H': H, 'F': F}


def cell_to_magenta(cell):
    """nn.LSTMCell -> BasicLSTMCell kernel [in+u, 4u] (gates i, g, f, o) and bias (forget - 1.0)."""
    w_ih, w_hh = cell.weight_ih.detach().double().numpy(), cell.weight_hh.detach().double().numpy()
    b = (cell.bias_ih + cell.bias_hh).detach().double().numpy()
    u = w_hh.shape[1]
    k = np.concatenate([w_ih.T, w_hh.T], 0)
    i, f, g, o = (slice(j * u, (j + 1) * u) for j in range(4))
    return (np.concatenate([k[:, i], k[:, g], k[:, f], k[:, o]], 1).astype(np.float32),
            np.concatenate([b[i], b[g], b[f] - 1.0, b[o]]).astype(np.float32))


def export(model, out_dir, config):
    p = 'rnn/attention_cell_wrapper/'
    t = lambda w: w.detach().numpy().T
    named = [(p + 'kernel', t(model.inp.weight)), (p + 'bias', model.inp.bias.detach().numpy())]
    for l, cell in enumerate(model.cells):
        k, b = cell_to_magenta(cell)
        named += [(p + f'multi_rnn_cell/cell_{l}/basic_lstm_cell/kernel', k),
                  (p + f'multi_rnn_cell/cell_{l}/basic_lstm_cell/bias', b)]
    named += [(p + 'attention/attn_w', t(model.attn_w.weight)[None, None]),
              (p + 'attention/attn_v', model.attn_v.detach().numpy()),
              (p + 'attention/kernel', t(model.attn_q.weight)),
              (p + 'attention/bias', np.zeros(model.hidden, np.float32)),
              (p + 'attention_output_projection/kernel', t(model.out_proj.weight)),
              (p + 'attention_output_projection/bias', model.out_proj.bias.detach().numpy()),
              ('fully_connected/weights', t(model.fc.weight)), ('fully_connected/biases', model.fc.bias.detach().numpy())]
    nbytes = write_weights(out_dir, named)
    save_json(os.path.join(out_dir, 'config.json'), config)
    return nbytes


train, val = split_melody_tunes(load_melodies())
# Windows start on a bar line (stride = window, a multiple of 16) and the counter starts at each window's
# start, as Magenta counts from the primer's step 0; the attention state starts empty, as in Magenta.
make_batch, val_batches, n_batches = melody_batches(train, val, args.window, args.batch, args.counter_bits,
                                                    count_from_window_start=True)

torch.manual_seed(0)
model = AttentionRNN(MELODY_DEPTH + args.counter_bits, args.hidden, args.attn_length, MELODY_DEPTH)
if args.init:
    model.load_state_dict(torch.load(args.init))
    print('resumed from', args.init)
elif args.warm_from:
    # Warm start (CPU minutes are scarce): the wrapper's input projection passes x through unchanged,
    # cells 0-1 and the output layer are melody_rnn's, cell 2 starts as a near pass-through of cell 1
    # (input and output gates open, forget gate shut, g = tanh(h1): validation 1.11 nats before any
    # update vs 1.70 after a 19-minute run from scratch), and the attention output
    # projection starts as [I, 0] (attention off). Training then learns to use the attention.
    base = StackedLSTM(MELODY_DEPTH + args.counter_bits, args.hidden, 2, MELODY_DEPTH)
    load_music_rnn_export(base, args.warm_from)
    H, n_in = args.hidden, MELODY_DEPTH + args.counter_bits
    with torch.no_grad():
        model.inp.weight.zero_(); model.inp.weight[:, :n_in] = torch.eye(n_in); model.inp.bias.zero_()
        for l in range(2):
            for w in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
                getattr(model.cells[l], w).copy_(getattr(base.lstm, f'{w}_l{l}'))
        c2 = model.cells[2]
        c2.weight_ih.mul_(0.01); c2.weight_hh.mul_(0.01); c2.bias_hh.zero_()
        c2.weight_ih[2 * H:3 * H] = torch.eye(H)
        c2.bias_ih.copy_(torch.cat([torch.full((H,), 6.0), torch.full((H,), -6.0), torch.zeros(H), torch.full((H,), 6.0)]))
        model.out_proj.weight.zero_(); model.out_proj.weight[:, :H] = torch.eye(H); model.out_proj.bias.zero_()
        model.fc.weight.copy_(base.fc.weight); model.fc.bias.copy_(base.fc.bias)
    print('warm start from', args.warm_from)
res = train_loop(model, make_batch, n_batches, val_batches, args.epochs, args.lr, args.minutes * 60, print)
if args.save_state:
    torch.save(model.state_dict(), args.save_state)

train_steps, val_steps, base_ce, base_acc = melody_unigram_baseline(train, val)
print(f'validation: loss {res["val_loss"]:.4f} acc {res["val_acc"]:.4f}; unigram {base_ce:.4f} / {base_acc:.4f}')

config = {'type': 'MusicRNN',
          'dataConverter': {'type': 'MelodyConverter', 'args': {'minPitch': MIN_PITCH, 'maxPitch': MAX_PITCH}},
          'auxInputs': [{'type': 'BinaryCounter', 'args': {'numBits': args.counter_bits}}],
          'attentionLength': args.attn_length}
nbytes = export(model, args.out, config)

# Parity reference: 32 greedy steps after a 32-step primer (longer than attn_length).
write_melody_reference(model, val, args.counter_bits, os.path.join(args.out, 'reference.json'))
metrics = {'command': '/usr/bin/python3 scripts/music/' + os.path.basename(__file__) + ' ' + ' '.join(sys.argv[1:]),
           'tunes_train': len(train), 'tunes_val': len(val), 'train_steps': train_steps,
           'val_steps': val_steps, 'hidden': args.hidden, 'layers': LAYERS,
           'attn_length': args.attn_length, 'params': sum(p.numel() for p in model.parameters()),
           'weight_bytes': nbytes, 'val_loss': res['val_loss'], 'val_acc': res['val_acc'],
           'unigram_val_loss': base_ce, 'unigram_val_acc': base_acc, 'epochs_run': res['epochs_run'],
           'batches_run': res['batches_run'], 'train_time_s': res['train_time_s'], 'batch': args.batch,
           'window': args.window, 'lr': args.lr, 'resumed_from_previous_run': bool(args.init), 'warm_start_from': args.warm_from,
           'history': res['history']}
save_json(os.path.join(args.out, 'metrics.json'), metrics)
shutil.copyfile(os.path.join(DATA, 'nottingham', 'LICENSE.md'), os.path.join(args.out, 'LICENSE-nottingham-GPLv3.md'))
print('exported', args.out, nbytes, 'bytes')
