"""Train a small flat MusicVAE for 2-bar (32-step) melodies on Nottingham and export it in the
variable layout `@magenta/music`'s MusicVAE loads (music_vae/model.ts):
  encoder/cell_0/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/lstm_cell/{kernel,bias}
  encoder/mu/{kernel,bias}
  decoder/multi_rnn_cell/cell_N/lstm_cell/{kernel,bias}
  decoder/z_to_initial_state/{kernel,bias}   (tanh, split into c0, h0, c1, h1, ...)
  decoder/output_projection/{kernel,bias}    (categorical decoder; input = [previous one-hot, z])

Usage: /usr/bin/python3 scripts/music/train_mel_2bar_vae.py [--minutes 8] [--save_state s.pt] [--init s.pt]
"""
import argparse
import math
import os
import shutil
import time

import numpy as np
import torch
import torch.nn as nn

from common import (DATA, MAX_PITCH, MELODY_DEPTH, MIN_PITCH, REPO, events_to_notes, is_validation,
                    lstm_to_magenta, melody_events, save_json, write_weights)
from melody_data import load_melodies

ap = argparse.ArgumentParser()
ap.add_argument('--enc', type=int, default=128)
ap.add_argument('--dec', type=int, default=128)
ap.add_argument('--dec_layers', type=int, default=2)
ap.add_argument('--z', type=int, default=32)
ap.add_argument('--minutes', type=float, default=8)
ap.add_argument('--batch', type=int, default=128)
ap.add_argument('--lr', type=float, default=2e-3)
ap.add_argument('--beta', type=float, default=0.2)
ap.add_argument('--free_bits', type=float, default=24.0)
ap.add_argument('--init', help='resume from a PyTorch state dict saved by --save_state (the Magenta export lacks sigma)')
ap.add_argument('--save_state', help='also save the PyTorch state dict here, to resume later')
ap.add_argument('--out', default=os.path.join(REPO, 'public', 'models', 'music', 'mel_2bar_vae'))
args = ap.parse_args()
T = 32

tunes = load_melodies()
tr, va = [], []
for name, q, lo, hi in tunes:
    ev = melody_events(q)
    for s in range(0, len(ev) - T + 1, 16):  # bar-aligned in 4/4, every bar start
        w = ev[s:s + T]
        if (w >= 2).sum() < 4:
            continue
        (va if is_validation(name) else tr).append((w, lo, hi))
tr_x = np.stack([w for w, _, _ in tr]); tr_lo = np.array([l for _, l, _ in tr]); tr_hi = np.array([h for _, _, h in tr])
va_x = np.stack([w for w, _, _ in va])
k_lo = np.maximum(-6, MIN_PITCH - tr_lo)
k_hi = np.minimum(5, MAX_PITCH - tr_hi)
print(f'{len(tr_x)} train / {len(va_x)} validation 2-bar windows')
eye = torch.eye(MELODY_DEPTH)


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.LSTM(MELODY_DEPTH, args.enc, batch_first=True, bidirectional=True)
        self.mu = nn.Linear(2 * args.enc, args.z)
        self.sigma = nn.Linear(2 * args.enc, args.z)
        self.z_init = nn.Linear(args.z, 2 * args.dec_layers * args.dec)
        self.dec = nn.LSTM(MELODY_DEPTH + args.z, args.dec, num_layers=args.dec_layers, batch_first=True)
        self.proj = nn.Linear(args.dec, MELODY_DEPTH)

    def encode(self, x):
        out, _ = self.enc(x)
        u = args.enc
        final = torch.cat([out[:, -1, :u], out[:, 0, u:]], -1)  # fw last, bw first (as Magenta.js)
        return self.mu(final), nn.functional.softplus(self.sigma(final))

    def init_state(self, z):
        s = torch.tanh(self.z_init(z)).view(z.shape[0], 2 * args.dec_layers, args.dec)
        c = s[:, 0::2].transpose(0, 1).contiguous()
        h = s[:, 1::2].transpose(0, 1).contiguous()
        return h, c

    def decode_teacher(self, z, x):
        prev = torch.cat([torch.zeros_like(x[:, :1]), x[:, :-1]], 1)
        inp = torch.cat([prev, z[:, None].expand(-1, x.shape[1], -1)], -1)
        y, _ = self.dec(inp, self.init_state(z))
        return self.proj(y)

    @torch.no_grad()
    def decode_greedy(self, z, steps):
        h, c = self.init_state(z)
        prev = torch.zeros(z.shape[0], MELODY_DEPTH, dtype=z.dtype)
        out = []
        for _ in range(steps):
            y, (h, c) = self.dec(torch.cat([prev, z], -1)[:, None], (h, c))
            e = self.proj(y[:, 0]).argmax(-1)
            out.append(e)
            prev = nn.functional.one_hot(e, MELODY_DEPTH).to(z.dtype)
        return torch.stack(out, 1)


def loss_fn(model, ev, sample=True):
    x = eye[ev]
    mu, sigma = model.encode(x)
    z = mu + sigma * torch.randn_like(mu) if sample else mu
    logits = model.decode_teacher(z, x)
    rec = nn.functional.cross_entropy(logits.reshape(-1, MELODY_DEPTH), ev.reshape(-1), reduction='none')
    rec = rec.view(ev.shape).sum(1)
    kl = (0.5 * (mu ** 2 + sigma ** 2 - 1) - torch.log(sigma + 1e-8)).sum(1)
    acc = (logits.argmax(-1) == ev).float().mean()
    return rec, kl, acc


torch.manual_seed(0)
rng = np.random.default_rng(0)
model = VAE()
if args.init:
    model.load_state_dict(torch.load(args.init))
    print('resumed from', args.init)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
t0 = time.time()
step = 0
history = []
va_t = torch.tensor(va_x)


@torch.no_grad()
def validate():
    model.eval()
    rec, kl, acc = loss_fn(model, va_t, sample=False)
    model.train()
    return rec.mean().item() / T, kl.mean().item(), acc.item()


while time.time() - t0 < args.minutes * 60:
    idx = rng.integers(0, len(tr_x), args.batch)
    k = k_lo[idx] + np.floor(rng.random(len(idx)) * (k_hi[idx] - k_lo[idx] + 1)).astype(np.int64)
    ev = torch.tensor(np.where(tr_x[idx] >= 2, tr_x[idx] + k[:, None], tr_x[idx]))
    rec, kl, _ = loss_fn(model, ev)
    frac = min(1.0, (time.time() - t0) / (args.minutes * 60))
    for g in opt.param_groups:
        g['lr'] = args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))
    beta = args.beta if args.init else args.beta * min(1.0, step / 1000)  # warm up only from scratch
    loss = rec.mean() + beta * torch.clamp(kl.mean() - args.free_bits, min=0)
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    step += 1
    if step % 500 == 0:
        v = validate()
        history.append({'step': step, 'val_rec_per_step': v[0], 'val_kl': v[1], 'val_acc': v[2],
                        'elapsed_s': round(time.time() - t0, 1)})
        print(history[-1], flush=True)

val_rec, val_kl, val_acc = validate()
if args.save_state:
    torch.save(model.state_dict(), args.save_state)
counts = np.bincount(tr_x.reshape(-1), minlength=MELODY_DEPTH) + 1.0
p = counts / counts.sum()
base_ce = float(-np.log(p[va_x.reshape(-1)]).mean())
base_acc = float((va_x.reshape(-1) == p.argmax()).mean())
print(f'validation reconstruction (z = mu, teacher forced): {val_rec:.4f} nats/step, acc {val_acc:.4f}, '
      f'KL {val_kl:.2f}; unigram {base_ce:.4f} / {base_acc:.4f}')

# Export.
named = []
for d in ('fw', 'bw'):
    suffix = '' if d == 'fw' else '_reverse'
    class _L:  # view one direction as a single-layer LSTM for lstm_to_magenta
        pass
    view = _L()
    for n in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
        setattr(view, f'{n}_l0', getattr(model.enc, f'{n}_l0{suffix}'))
    kk, bb = lstm_to_magenta(view, 0)
    named += [(f'encoder/cell_0/bidirectional_rnn/{d}/multi_rnn_cell/cell_0/lstm_cell/kernel', kk),
              (f'encoder/cell_0/bidirectional_rnn/{d}/multi_rnn_cell/cell_0/lstm_cell/bias', bb)]
named += [('encoder/mu/kernel', model.mu.weight.detach().numpy().T), ('encoder/mu/bias', model.mu.bias.detach().numpy())]
for l in range(args.dec_layers):
    kk, bb = lstm_to_magenta(model.dec, l)
    named += [(f'decoder/multi_rnn_cell/cell_{l}/lstm_cell/kernel', kk), (f'decoder/multi_rnn_cell/cell_{l}/lstm_cell/bias', bb)]
named += [('decoder/z_to_initial_state/kernel', model.z_init.weight.detach().numpy().T),
          ('decoder/z_to_initial_state/bias', model.z_init.bias.detach().numpy()),
          ('decoder/output_projection/kernel', model.proj.weight.detach().numpy().T),
          ('decoder/output_projection/bias', model.proj.bias.detach().numpy())]
nbytes = write_weights(args.out, named)
config = {'type': 'MusicVAE',
          'dataConverter': {'type': 'MelodyConverter', 'args': {'numSteps': T, 'minPitch': MIN_PITCH, 'maxPitch': MAX_PITCH}}}
save_json(os.path.join(args.out, 'config.json'), config)

# Reference: two validation windows -> mu (float64), and greedy decoding of those mus.
m64 = VAE().double()
m64.load_state_dict({k: v.double() for k, v in model.state_dict().items()})
m64.eval()
pick = [0, len(va_x) // 2]
with torch.no_grad():
    mu, _ = m64.encode(torch.eye(MELODY_DEPTH, dtype=torch.float64)[torch.tensor(va_x[pick])])
    dec = m64.decode_greedy(mu, T)
save_json(os.path.join(args.out, 'reference.json'), {
    'source': 'two 2-bar windows of Nottingham validation tunes', 'stepsPerQuarter': 4,
    'inputs': [{'notes': [{'pitch': p, 'quantizedStartStep': s, 'quantizedEndStep': e} for p, s, e in events_to_notes(va_x[i])],
                'totalQuantizedSteps': T, 'events': va_x[i].tolist()} for i in pick],
    'expectedZ': mu.numpy().tolist(), 'expectedDecodedEvents': dec.numpy().tolist()})
save_json(os.path.join(args.out, 'metrics.json'), {
    'windows_train': len(tr_x), 'windows_val': len(va_x), 'enc': args.enc, 'dec': args.dec, 'dec_layers': args.dec_layers,
    'z': args.z, 'params_exported': int(sum(np.asarray(a).size for _, a in named)), 'weight_bytes': nbytes,
    'steps': step, 'resumed_from_previous_run': bool(args.init), 'batch': args.batch, 'train_time_s': round(time.time() - t0, 1), 'beta': args.beta,
    'free_bits': args.free_bits, 'val_rec_nats_per_step': val_rec, 'val_acc': val_acc, 'val_kl': val_kl,
    'unigram_val_loss': base_ce, 'unigram_val_acc': base_acc, 'history': history})
shutil.copyfile(os.path.join(DATA, 'nottingham', 'LICENSE.md'), os.path.join(args.out, 'LICENSE-nottingham-GPLv3.md'))
print('exported', args.out, nbytes, 'bytes')
