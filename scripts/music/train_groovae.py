"""Train a small GrooVAE (2-bar MusicVAE over hits, velocities and timing offsets) on the Groove MIDI
Dataset and export it in the layout `@magenta/music`'s MusicVAE loads with a `GrooveConverter`:

  encoder/cell_0/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/lstm_cell/{kernel,bias}
  encoder/mu/{kernel,bias}
  decoder/multi_rnn_cell/cell_N/lstm_cell/{kernel,bias}
  decoder/z_to_initial_state/{kernel,bias}   (tanh, split into c0, h0, c1, h1, ...)
  decoder/output_projection/{kernel,bias}    (27 = 9 hit logits, 9 velocity logits, 9 offset pre-tanh)

Magenta.js (core/data.ts GrooveConverter, music_vae/model.ts GrooveDecoder) fixes the formats mirrored here:
- a step is [hits(9), velocities(9), offsets(9)]; velocity = MIDI velocity / 127; offset =
  2 * (grid time - played time) / step length, so +1 is half a step early and -1 half a step late;
- per step and drum class the loudest note is kept (the first on a tie);
- `humanize` zeroes the input velocities and offsets; `tapify` puts every note on drum class 3 (open
  hi-hat) with velocity 0 but keeps its offset;
- decoding feeds back [hits > 0.5 (after sigmoid), sigmoid(velocity), tanh(offset)] with z appended, from
  a zero first input; a note is written where hit > 0.5, at (step - offset / 2) steps.
The loss is GrooVAE's (lstm_models.py GrooveLstmDecoder): per step, summed over the 9 classes, hit
log-loss + velocity MSE + offset MSE at every position (targets 0 where no hit), plus beta * max(KL -
free bits, 0) per example (free bits in bits, as Magenta).

Usage: /usr/bin/python3 scripts/music/train_groovae.py --mode humanize|tap [--minutes 20] [--out DIR]
"""
import argparse
import csv
import math
import os
import pickle
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from common import (DATA, DRUM_PITCH_CLASSES, DRUM_PITCH_TO_CLASS, REPO, lstm_to_magenta, read_midi_notes,
                    save_json, write_weights)

ap = argparse.ArgumentParser()
ap.add_argument('--mode', choices=['humanize', 'tap'], required=True)
ap.add_argument('--enc', type=int, default=128)
ap.add_argument('--dec', type=int, default=192)
ap.add_argument('--dec_layers', type=int, default=2)
ap.add_argument('--z', type=int, default=64)
ap.add_argument('--minutes', type=float, default=20)
ap.add_argument('--batch', type=int, default=64)
ap.add_argument('--lr', type=float, default=2e-3)
ap.add_argument('--beta', type=float, default=0.2)
ap.add_argument('--free_bits', type=float, default=48.0)
ap.add_argument('--dropout', type=float, default=0.2)
ap.add_argument('--eval_every', type=int, default=400)
ap.add_argument('--out')
ap.add_argument('--init', help='resume from the PyTorch state saved by an earlier run (CKPT below)')
ap.add_argument('--reference_only', action='store_true', help='with --init: only rewrite reference.json')
args = ap.parse_args()
NAME = {'humanize': 'groovae_2bar_humanize', 'tap': 'groovae_2bar_tap'}[args.mode]
OUT = args.out or os.path.join(REPO, 'public', 'models', 'music', NAME)
T, D, TAP = 32, 9, 3
DEPTH = 3 * D
GROOVE = os.path.join(DATA, 'groove')
CACHE = '/tmp/groovae_takes.pkl'
CKPT = f'/tmp/{NAME}.pt'  # full PyTorch state (with sigma and the earlier runs' history), for --init


def load_take(path):
    """Onsets as (step, class, velocity, offset-tensor-value) with Magenta.js's rounding to the grid."""
    notes, tpb = read_midi_notes(path)
    step = tpb / 4
    out = []
    for p, tick, _, v in notes:
        x = tick / step
        s = int(math.floor(x + 0.5))  # Magenta.js quantizeToStep (cutoff 0.5)
        out.append((s, DRUM_PITCH_TO_CLASS[p], v, 2.0 * (s - x)))
    return out


def take_tensors(onsets, n_steps=None):
    """Target [n, 27] and the tapped input's hit/offset columns, keeping the loudest note (first on a tie)."""
    n = n_steps or (max(s for s, _, _, _ in onsets) + 1)
    tgt = np.zeros((n, DEPTH), np.float32)
    best, tap = {}, {}
    for s, d, v, o in onsets:
        if s >= n:
            continue
        if (s, d) not in best or best[(s, d)][0] < v:
            best[(s, d)] = (v, o)
        if s not in tap or tap[s][0] < v:
            tap[s] = (v, o)
    for (s, d), (v, o) in best.items():
        tgt[s, d], tgt[s, D + d], tgt[s, 2 * D + d] = 1.0, v / 127.0, o
    tp = np.zeros((n, DEPTH), np.float32)
    for s, (v, o) in tap.items():
        tp[s, TAP], tp[s, 2 * D + TAP] = 1.0, o
    return tgt, tp


def model_input(tgt, tp):
    if args.mode == 'humanize':
        x = np.zeros_like(tgt)
        x[..., :D] = tgt[..., :D]
        return x
    return tp


rows = [r for r in csv.DictReader(open(os.path.join(GROOVE, 'info.csv'))) if r['time_signature'] == '4-4']
if os.path.exists(CACHE):
    takes = pickle.load(open(CACHE, 'rb'))
else:
    takes = {r['id']: load_take(os.path.join(GROOVE, r['midi_filename'])) for r in rows}
    pickle.dump(takes, open(CACHE, 'wb'))


def make_windows(split):
    xs, ys, n_takes = [], [], 0
    for r in rows:
        if r['split'] != split:
            continue
        tgt, tp = take_tensors(takes[r['id']])
        x = model_input(tgt, tp)
        used = False
        for s in range(0, len(tgt) - T + 1, 16):  # every bar start, whole 2-bar windows only
            if (tgt[s:s + T, :D].sum(1) > 0).sum() < 4:
                continue
            xs.append(x[s:s + T]); ys.append(tgt[s:s + T]); used = True
        n_takes += used
    return np.stack(xs), np.stack(ys), n_takes


tr_x, tr_y, tr_takes = make_windows('train')
va_x, va_y, va_takes = make_windows('validation')
print(f'{NAME}: {len(tr_x)} train windows ({tr_takes} takes), {len(va_x)} validation windows ({va_takes} takes)',
      flush=True)


class GrooVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.LSTM(DEPTH, args.enc, batch_first=True, bidirectional=True)
        self.mu = nn.Linear(2 * args.enc, args.z)
        self.sigma = nn.Linear(2 * args.enc, args.z)
        self.z_init = nn.Linear(args.z, 2 * args.dec_layers * args.dec)
        self.dec = nn.LSTM(DEPTH + args.z, args.dec, num_layers=args.dec_layers, batch_first=True,
                           dropout=args.dropout if args.dec_layers > 1 else 0.0)
        self.proj = nn.Linear(args.dec, DEPTH)

    def encode(self, x):
        out, _ = self.enc(x)
        u = args.enc
        final = torch.cat([out[:, -1, :u], out[:, 0, u:]], -1)  # fw last, bw first (as Magenta.js)
        return self.mu(final), nn.functional.softplus(self.sigma(final))

    def init_state(self, z):
        s = torch.tanh(self.z_init(z)).view(z.shape[0], 2 * args.dec_layers, args.dec)
        return s[:, 1::2].transpose(0, 1).contiguous(), s[:, 0::2].transpose(0, 1).contiguous()  # h, c

    def decode_teacher(self, z, y):
        prev = torch.cat([torch.zeros_like(y[:, :1]), y[:, :-1]], 1)
        y_, _ = self.dec(torch.cat([prev, z[:, None].expand(-1, y.shape[1], -1)], -1), self.init_state(z))
        return self.proj(y_)

    @torch.no_grad()
    def decode_free(self, z, steps=T):
        """Magenta.js GrooveDecoder.sample without temperature. Returns outputs [B, T, 27] and hit logits."""
        state = self.init_state(z)
        prev = torch.zeros(z.shape[0], DEPTH, dtype=z.dtype)
        outs, logits = [], []
        for _ in range(steps):
            h, state = self.dec(torch.cat([prev, z], -1)[:, None], state)
            o = self.proj(h[:, 0])
            hl, vl, ol = o.split(D, -1)
            prev = torch.cat([(torch.sigmoid(hl) > 0.5).to(z.dtype), torch.sigmoid(vl), torch.tanh(ol)], -1)
            outs.append(prev)
            logits.append(hl)
        return torch.stack(outs, 1), torch.stack(logits, 1)


def rec_terms(out, y):
    hl, vl, ol = out.split(D, -1)
    hits = nn.functional.binary_cross_entropy_with_logits(hl, y[..., :D], reduction='none').sum((1, 2))
    vel = ((torch.sigmoid(vl) - y[..., D:2 * D]) ** 2).sum((1, 2))
    off = ((torch.tanh(ol) - y[..., 2 * D:]) ** 2).sum((1, 2))
    return hits, vel, off


FREE_NATS = args.free_bits * math.log(2.0)


def loss_fn(model, x, y, sample=True):
    mu, sigma = model.encode(x)
    z = mu + sigma * torch.randn_like(mu) if sample else mu
    hits, vel, off = rec_terms(model.decode_teacher(z, y), y)
    kl = (0.5 * (mu ** 2 + sigma ** 2 - 1) - torch.log(sigma + 1e-8)).sum(1)
    loss = (hits + vel + off + args.beta * torch.clamp(kl - FREE_NATS, min=0)).mean()
    return loss, hits, vel, off, kl


torch.manual_seed(0)
rng = np.random.default_rng(0)
model = GrooVAE()
previous_runs = []
if args.init:
    saved = torch.load(args.init)
    model.load_state_dict(saved['model'])
    previous_runs = saved['runs']
    print('resumed from', args.init, flush=True)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
va_xt, va_yt = torch.tensor(va_x), torch.tensor(va_y)


@torch.no_grad()
def validate():
    model.eval()
    tot = np.zeros(5)
    for i in range(0, len(va_x), 512):
        _, h, v, o, kl = loss_fn(model, va_xt[i:i + 512], va_yt[i:i + 512], sample=False)
        tot += [h.sum().item(), v.sum().item(), o.sum().item(), kl.sum().item(), 0]
    model.train()
    h, v, o, kl, _ = tot / len(va_x)
    return {'val_hits_loss': h, 'val_velocity_loss': v, 'val_offset_loss': o, 'val_rec': h + v + o, 'val_kl': kl}


# ---- Reference for the Magenta.js parity test: notes of one validation window (as the app would pass
# them: quantized step + offset as a fraction of a step, positive = late), Magenta's input tensor built
# from those notes, encoder mu, and free-running decodes of mu and of a fixed random z (float64).
def window_notes(i):
    """Notes of validation window i: one per hit (pitch = first pitch of the class)."""
    y = va_y[i]
    notes = []
    for s in range(T):
        for d in range(D):
            if y[s, d] > 0.5:
                notes.append({'pitch': DRUM_PITCH_CLASSES[d][0], 'quantizedStartStep': s, 'quantizedEndStep': s + 1,
                              'velocity': int(round(float(y[s, D + d]) * 127)),
                              'offset': round(-float(y[s, 2 * D + d]) / 2, 4), 'isDrum': True})
    return notes


def magenta_tensor(notes):
    """Exactly GrooveConverter.toTensor (with this mode's flag) for notes given as step + offset."""
    onsets = [(n['quantizedStartStep'], DRUM_PITCH_TO_CLASS[n['pitch']], n['velocity'], -2.0 * n['offset'])
              for n in notes]
    tgt, tp = take_tensors(onsets, T)
    return model_input(tgt.astype(np.float64), tp.astype(np.float64))


def write_reference():
    """Picks the fullest validation window (under 60 hits) and a seeded z whose free-running decodes keep every
    hit logit at least 0.01 from the 0.5 threshold, so float32 (Magenta) and float64 (here) agree on the hits."""
    m64 = GrooVAE().double()
    m64.load_state_dict({k: v.double() for k, v in model.state_dict().items()})
    m64.eval()
    counts = va_y[:, :, :D].sum((1, 2))
    order = [int(i) for i in np.argsort(-(counts * (counts < 60)), kind='stable')]
    with torch.no_grad():
        for pick in order[:50]:
            notes = window_notes(pick)
            x_ref = magenta_tensor(notes)
            mu64, _ = m64.encode(torch.tensor(x_ref)[None])
            dec_mu, lg_mu = m64.decode_free(mu64)
            if lg_mu.abs().min() > 0.01:
                break
        for seed in range(1, 50):
            z_fixed = torch.tensor(np.random.default_rng(seed).standard_normal((1, args.z)))
            dec_fx, lg_fx = m64.decode_free(z_fixed)
            if lg_fx.abs().min() > 0.01:
                break
    save_json(os.path.join(OUT, 'reference.json'), {
        'source': f'groove validation split, window {pick} (2 bars, 4/4); z seed {seed}', 'stepsPerQuarter': 4,
        'qpm': 120, 'notes': notes, 'inputTensor': x_ref.tolist(),
        'expectedMu': mu64[0].numpy().tolist(),
        'expectedDecodeOfMu': dec_mu[0].numpy().tolist(),
        'fixedZ': z_fixed[0].numpy().tolist(), 'expectedDecodeOfFixedZ': dec_fx[0].numpy().tolist(),
        'minAbsHitLogit': float(min(lg_mu.abs().min(), lg_fx.abs().min())),
    })


if args.reference_only:  # rewrite reference.json for the weights saved by an earlier run (needs --init)
    assert args.init, '--reference_only needs --init'
    model.eval()
    write_reference()
    print('wrote', os.path.join(OUT, 'reference.json'))
    sys.exit(0)


t0 = time.time()
budget = args.minutes * 60
step, history, best = 0, [], (math.inf, None, None)
while True:
    frac = min(1.0, (time.time() - t0) / budget)
    for g in opt.param_groups:
        g['lr'] = args.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
    idx = rng.integers(0, len(tr_x), args.batch)
    loss, *_ = loss_fn(model, torch.tensor(tr_x[idx]), torch.tensor(tr_y[idx]))
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    step += 1
    done = time.time() - t0 > budget or (os.environ.get('SMOKE') and step >= 20)
    if step % args.eval_every == 0 or done:
        v = validate()
        v.update(step=step, train_loss=loss.item(), elapsed_s=round(time.time() - t0, 1))
        history.append(v)
        print(v, flush=True)
        if v['val_rec'] < best[0]:
            best = (v['val_rec'], step, {k: t.clone() for k, t in model.state_dict().items()})
    if done:
        break
model.load_state_dict(best[2])
model.eval()
final = validate()
train_time = round(time.time() - t0, 1)
this_run = {'command': '/usr/bin/python3 scripts/music/train_groovae.py ' + ' '.join(sys.argv[1:]), 'steps': step,
            'best_step': best[1], 'train_time_s': train_time, 'val_rec': final['val_rec']}
torch.save({'model': model.state_dict(), 'runs': previous_runs + [this_run]}, CKPT)

# ---- Free-running evaluation with z = mu (what Magenta.js decode() does without temperature).
with torch.no_grad():
    outs = []
    for i in range(0, len(va_x), 512):
        mu, _ = model.encode(va_xt[i:i + 512])
        outs.append(model.decode_free(mu)[0])
    pred = torch.cat(outs).numpy()
ph, pv, po = pred[..., :D] > 0.5, pred[..., D:2 * D], pred[..., 2 * D:]
th, tv, to = va_y[..., :D] > 0.5, va_y[..., D:2 * D], va_y[..., 2 * D:]


def f1(p, t):
    tp = (p & t).sum()
    prec, rec = tp / max(1, p.sum()), tp / max(1, t.sum())
    return float(prec), float(rec), float(2 * prec * rec / max(1e-9, prec + rec))


both = ph & th
tr_h = tr_y[..., :D] > 0.5
class_vel = np.array([tr_y[..., D + d][tr_h[..., d]].mean() for d in range(D)])
class_off = np.array([tr_y[..., 2 * D + d][tr_h[..., d]].mean() for d in range(D)])
cls = np.broadcast_to(np.arange(D), th.shape)
prec, rec, hit_f1 = f1(ph, th)
m = {
    'hit_precision': prec, 'hit_recall': rec, 'hit_f1': hit_f1,
    'velocity_mae_midi': float(np.abs(pv - tv)[both].mean() * 127),
    'baseline_velocity_mae_midi': float(np.abs(class_vel[cls] - tv)[both].mean() * 127),
    'velocity_std_midi_pred': float(pv[ph].std() * 127), 'velocity_std_midi_true': float(tv[th].std() * 127),
    # Offsets reported in steps (tensor value / 2).
    'offset_mae_steps': float(np.abs(po - to)[both].mean() / 2),
    'baseline_offset_mae_steps_grid': float(np.abs(to)[both].mean() / 2),
    'baseline_offset_mae_steps_class_mean': float(np.abs(class_off[cls] - to)[both].mean() / 2),
    'offset_std_steps_pred': float(po[ph].std() / 2), 'offset_std_steps_true': float(to[th].std() / 2),
}
# Hit baselines. Humanize: copy the input hits. Tap: (a) each (step, class) hit when more than half of the
# training windows have it; (b) the same, split by whether the step was tapped.
if args.mode == 'humanize':
    m['baseline_copy_input_hit_f1'] = f1(va_x[..., :D] > 0.5, th)[2]
freq = tr_h.mean(0) > 0.5
m['baseline_step_frequency_hit_f1'] = f1(np.broadcast_to(freq, th.shape), th)[2]
tapped_tr, tapped_va = tr_y[..., :D].max(-1) > 0.5, va_y[..., :D].max(-1) > 0.5
cond = np.stack([(tr_h & (tapped_tr == k)[..., None]).sum(0) / np.maximum(1, (tapped_tr == k).sum(0))[:, None]
                 for k in (0, 1)]) > 0.5  # [2, T, D]
m['baseline_tap_conditional_hit_f1'] = f1(cond[tapped_va.astype(int), np.arange(T)[None, :]], th)[2]
print(m, flush=True)


# ---- Export.
class _Dir:  # one direction of the bidirectional encoder, viewed as a 1-layer LSTM for lstm_to_magenta
    pass


named = []
for d in ('fw', 'bw'):
    view = _Dir()
    for n in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
        setattr(view, f'{n}_l0', getattr(model.enc, f'{n}_l0' + ('' if d == 'fw' else '_reverse')))
    kk, bb = lstm_to_magenta(view, 0)
    named += [(f'encoder/cell_0/bidirectional_rnn/{d}/multi_rnn_cell/cell_0/lstm_cell/kernel', kk),
              (f'encoder/cell_0/bidirectional_rnn/{d}/multi_rnn_cell/cell_0/lstm_cell/bias', bb)]
named += [('encoder/mu/kernel', model.mu.weight.detach().numpy().T), ('encoder/mu/bias', model.mu.bias.detach().numpy())]
for l in range(args.dec_layers):
    kk, bb = lstm_to_magenta(model.dec, l)
    named += [(f'decoder/multi_rnn_cell/cell_{l}/lstm_cell/kernel', kk),
              (f'decoder/multi_rnn_cell/cell_{l}/lstm_cell/bias', bb)]
named += [('decoder/z_to_initial_state/kernel', model.z_init.weight.detach().numpy().T),
          ('decoder/z_to_initial_state/bias', model.z_init.bias.detach().numpy()),
          ('decoder/output_projection/kernel', model.proj.weight.detach().numpy().T),
          ('decoder/output_projection/bias', model.proj.bias.detach().numpy())]
nbytes = write_weights(OUT, named)
conv_args = {'numSteps': T, ('humanize' if args.mode == 'humanize' else 'tapify'): True,
             'pitchClasses': DRUM_PITCH_CLASSES}
save_json(os.path.join(OUT, 'config.json'), {'type': 'MusicVAE', 'dataConverter': {'type': 'GrooveConverter', 'args': conv_args}})


write_reference()
n_params = int(sum(np.asarray(a).size for _, a in named))
save_json(os.path.join(OUT, 'metrics.json'), {
    'command': this_run['command'], 'mode': args.mode, 'previous_runs': previous_runs,
    'total_steps': step + sum(r['steps'] for r in previous_runs),
    'total_train_time_s': round(train_time + sum(r['train_time_s'] for r in previous_runs), 1),
    'windows_train': len(tr_x), 'windows_val': len(va_x), 'takes_train': tr_takes, 'takes_val': va_takes,
    'enc': args.enc, 'dec': args.dec, 'dec_layers': args.dec_layers, 'z': args.z, 'params_exported': n_params,
    'weight_bytes': nbytes, 'steps': step, 'best_step': best[1], 'batch': args.batch, 'lr': args.lr,
    'beta': args.beta, 'free_bits': args.free_bits, 'dropout': args.dropout, 'train_time_s': train_time,
    **final, **m, 'history': history})
print('exported', OUT, nbytes, 'bytes', flush=True)
