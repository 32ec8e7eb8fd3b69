"""Shared helpers for training Magenta-format MusicRNN checkpoints with PyTorch.

MIDI parsing (mido), Magenta.js-compatible event encodings, a stacked-LSTM next-step model,
a training loop with a by-tune validation split, and export to the weights_manifest.json layout
that `@magenta/music`'s MusicRNN loads (variable names from magenta-js music/src/music_rnn/model.ts).
"""
import hashlib
import json
import math
import os
import time

import mido
import numpy as np
import torch
import torch.nn as nn

# One thread: on this shared 2-core machine (load ~16) two OpenMP threads spin-wait and
# made one LSTM batch 25x slower (30 s vs 1.2 s measured).
torch.set_num_threads(1)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
# The training data lives beside the repository (../shared/data); MUSIC_DATA_DIR points elsewhere.
DATA = os.environ.get('MUSIC_DATA_DIR', os.path.abspath(os.path.join(REPO, '..', 'shared', 'data')))
STEPS_PER_QUARTER = 4

# Magenta.js MelodyConverter (core/data.ts + core/melodies.ts): 0 = no event, 1 = note-off,
# 2 + (pitch - minPitch) = note-on; depth = maxPitch - minPitch + 3.
NO_EVENT, NOTE_OFF, FIRST_PITCH = 0, 1, 2
MIN_PITCH, MAX_PITCH = 48, 83
MELODY_DEPTH = MAX_PITCH - MIN_PITCH + 1 + FIRST_PITCH


def read_midi_notes(path, track=None):
    """Notes as (pitch, start_tick, end_tick, velocity) plus ticks per beat. track=None merges all."""
    mid = mido.MidiFile(path)
    tracks = mid.tracks if track is None else [mid.tracks[track]]
    notes = []
    for tr in tracks:
        t = 0
        on = {}
        for msg in tr:
            t += msg.time
            if msg.type == 'note_on' and msg.velocity > 0:
                if msg.note in on:  # re-strike without note-off: close the old one
                    s, v = on.pop(msg.note)
                    notes.append((msg.note, s, t, v))
                on[msg.note] = (t, msg.velocity)
            elif msg.type in ('note_off', 'note_on'):
                if msg.note in on:
                    s, v = on.pop(msg.note)
                    notes.append((msg.note, s, t, v))
    notes.sort(key=lambda n: (n[1], -n[0]))
    return notes, mid.ticks_per_beat


def quantize(notes, tpb, spq=STEPS_PER_QUARTER):
    """(pitch, start_step, end_step) on a grid of spq steps per quarter; notes last >= 1 step."""
    step = tpb / spq
    out = []
    for p, s, e, _ in notes:
        qs = int(round(s / step))
        qe = max(int(round(e / step)), qs + 1)
        out.append((p, qs, qe))
    return out


def melody_events(qnotes, min_pitch=MIN_PITCH, total_steps=None):
    """Exactly Magenta.js Melody.fromNoteSequence (ignorePolyphony=true): highest pitch wins a
    shared onset, note-on at start, note-off at end (overwritten by a note starting there)."""
    if total_steps is None:
        total_steps = max(e for _, _, e in qnotes)
    ev = np.zeros(total_steps, dtype=np.int64)
    srt = sorted(qnotes, key=lambda n: (n[1], -n[0]))
    last = -1
    for p, s, e in srt:
        if s == last:
            continue
        if s < total_steps:
            ev[s] = p - min_pitch + FIRST_PITCH
        if e < total_steps:
            ev[e] = NOTE_OFF
        last = s
    return ev


def octave_shift_into_range(lo, hi, min_pitch=MIN_PITCH, max_pitch=MAX_PITCH):
    """Octave shift that puts [lo, hi] inside [min_pitch, max_pitch], or None if impossible."""
    for k in (0, -12, 12, -24, 24, -36, 36):
        if lo + k >= min_pitch and hi + k <= max_pitch:
            return k
    return None


def is_validation(name, frac=0.1):
    """Deterministic by-name split: about frac of the tunes/takes go to validation."""
    h = int(hashlib.md5(name.encode()).hexdigest()[:8], 16)
    return (h % 1000) < frac * 1000


def binary_counter(positions, bits):
    """Magenta.js BinaryCounter aux input (core/aux_inputs.ts) for absolute steps `positions`:
    bit k of (step + 1) as +1 / -1. Magenta appends it after the event one-hot at each step."""
    p = np.asarray(positions)[..., None] + 1
    return np.where((p // (2 ** np.arange(bits))) % 2 == 1, 1.0, -1.0).astype(np.float32)


def windows(seq, length, stride):
    """Cut a 1-D (or [T, ...]) array into windows of `length` (last one aligned to the end).
    Short sequences give one padded window. Returns (list of arrays, list of valid lengths)."""
    T = len(seq)
    if T <= length:
        return [seq], [T]
    starts = list(range(0, T - length + 1, stride))
    if starts[-1] != T - length:
        starts.append(T - length)
    return [seq[s:s + length] for s in starts], [length] * len(starts)


class StackedLSTM(nn.Module):
    """Input one-hot (+ optional control) -> stacked LSTM -> dense logits, like Magenta's MusicRNN."""

    def __init__(self, in_size, hidden, layers, out_size, dropout=0.0):
        super().__init__()
        self.lstm = nn.LSTM(in_size, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.fc = nn.Linear(hidden, out_size)

    def forward(self, x, state=None):
        y, state = self.lstm(x, state)
        return self.fc(y), state


def lstm_to_magenta(lstm, layer):
    """PyTorch LSTM layer -> Magenta basic_lstm_cell (kernel [in+u, 4u], bias [4u]).
    PyTorch gate order (i, f, g, o) -> TF BasicLSTMCell (i, j=g, f, o); forget_bias 1.0 is
    added by Magenta at run time, so subtract it from the stored forget bias."""
    w_ih = getattr(lstm, f'weight_ih_l{layer}').detach().double().numpy()
    w_hh = getattr(lstm, f'weight_hh_l{layer}').detach().double().numpy()
    b = (getattr(lstm, f'bias_ih_l{layer}') + getattr(lstm, f'bias_hh_l{layer}')).detach().double().numpy()
    u = w_hh.shape[1]
    kernel = np.concatenate([w_ih.T, w_hh.T], axis=0)
    i, f, g, o = (slice(k * u, (k + 1) * u) for k in range(4))
    kernel = np.concatenate([kernel[:, i], kernel[:, g], kernel[:, f], kernel[:, o]], axis=1)
    bias = np.concatenate([b[i], b[g], b[f] - 1.0, b[o]])
    return kernel.astype(np.float32), bias.astype(np.float32)


def write_weights(out_dir, named, shard_name='group1-shard1of1'):
    """Write tfjs weights_manifest.json + one float32 little-endian shard."""
    os.makedirs(out_dir, exist_ok=True)
    specs, buf = [], bytearray()
    for name, arr in named:
        arr = np.ascontiguousarray(arr, dtype='<f4')
        specs.append({'name': name, 'shape': list(arr.shape), 'dtype': 'float32'})
        buf += arr.tobytes()
    with open(os.path.join(out_dir, shard_name), 'wb') as f:
        f.write(buf)
    with open(os.path.join(out_dir, 'weights_manifest.json'), 'w') as f:
        json.dump([{'paths': [shard_name], 'weights': specs}], f, indent=1)
    return len(buf)


def export_music_rnn(model, out_dir, config):
    named = []
    for l in range(model.lstm.num_layers):
        k, b = lstm_to_magenta(model.lstm, l)
        named.append((f'rnn/multi_rnn_cell/cell_{l}/basic_lstm_cell/kernel', k))
        named.append((f'rnn/multi_rnn_cell/cell_{l}/basic_lstm_cell/bias', b))
    named.append(('fully_connected/weights', model.fc.weight.detach().numpy().T))
    named.append(('fully_connected/biases', model.fc.bias.detach().numpy()))
    nbytes = write_weights(out_dir, named)
    with open(os.path.join(out_dir, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)
    return nbytes


def unigram_baseline(train_targets, val_targets, depth):
    """Cross-entropy (nats) and accuracy on validation of the train-set class frequencies."""
    counts = np.bincount(train_targets, minlength=depth).astype(np.float64) + 1.0
    p = counts / counts.sum()
    ce = float(-np.log(p[val_targets]).mean())
    acc = float((val_targets == p.argmax()).mean())
    return ce, acc


def train_loop(model, make_batch, n_train_batches, val_batches, epochs, lr, time_budget_s, log, seed=0,
               clip=1.0):
    """Adam + masked cross-entropy. make_batch(rng) -> (x, y, mask). The learning rate follows a cosine
    over the wall-clock budget (the machine is shared, so epochs take unpredictable time); the budget is
    checked after every batch. Evaluates on validation after each epoch and once at the end, and keeps
    the best-validation weights."""
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    if os.environ.get('SMOKE'):  # quick end-to-end check of a script: two batches per epoch
        n_train_batches = 2
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    best = (math.inf, None, None)
    t0 = time.time()
    history = []
    out_of_time = False
    for ep in range(epochs):
        model.train()
        tl, tn = 0.0, 0
        for _ in range(n_train_batches):
            frac = min(1.0, (time.time() - t0) / time_budget_s)
            for g in opt.param_groups:
                g['lr'] = lr * 0.5 * (1 + math.cos(math.pi * frac))
            x, y, m = make_batch(rng)
            logits, _ = model(x)
            loss = (nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                reduction='none') * m.reshape(-1)).sum() / m.sum()
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), clip)
            opt.step()
            tl += loss.item()
            tn += 1
            if time.time() - t0 > time_budget_s:
                out_of_time = True
                break
        vl, va = evaluate(model, val_batches)
        history.append({'epoch': ep + 1, 'batches': tn, 'train_loss': tl / tn, 'val_loss': vl, 'val_acc': va,
                        'elapsed_s': round(time.time() - t0, 1)})
        log(f'epoch {ep + 1} ({tn} batches): train {tl / tn:.4f} val {vl:.4f} acc {va:.4f} ({time.time() - t0:.0f}s)')
        if vl < best[0]:
            best = (vl, va, {k: v.clone() for k, v in model.state_dict().items()})
        if out_of_time:
            log('time budget reached')
            break
    model.load_state_dict(best[2])
    return {'val_loss': best[0], 'val_acc': best[1], 'epochs_run': len(history),
            'batches_run': sum(h['batches'] for h in history),
            'train_time_s': round(time.time() - t0, 1), 'history': history}


@torch.no_grad()
def evaluate(model, val_batches):
    model.eval()
    tot, correct, n = 0.0, 0.0, 0.0
    for x, y, m in val_batches:
        logits, _ = model(x)
        ce = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), reduction='none')
        mm_ = m.reshape(-1)
        tot += (ce * mm_).sum().item()
        correct += ((logits.argmax(-1).reshape(-1) == y.reshape(-1)).float() * mm_).sum().item()
        n += mm_.sum().item()
    return tot / n, correct / n


@torch.no_grad()
def greedy_reference(model, primer_inputs, steps, make_input):
    """Replicates MusicRNN.continueSequenceAndReturnProbabilities(seq, steps) with no temperature:
    feed the primer inputs [L, in], then take the argmax event `steps` times, returning the softmax
    probabilities of each step and the chosen events. make_input(i, event) builds the input that
    follows the event sampled at absolute step i (Magenta concatenates control[i + 1] first).
    Runs in float64 on a copy so the reference is exact up to float32 rounding in Magenta."""
    import copy
    m = copy.deepcopy(model).double().eval()
    logits, state = m(torch.tensor(primer_inputs, dtype=torch.float64)[None])
    last = logits[0, -1]
    L = len(primer_inputs)
    probs, events = [], []
    for k in range(steps):
        p = torch.softmax(last, -1)
        e = int(p.argmax())
        probs.append(p.numpy().tolist())
        events.append(e)
        if k == steps - 1:
            break
        x = torch.tensor(make_input(L + k, e), dtype=torch.float64)[None, None]
        logits, state = m(x, state)
        last = logits[0, -1]
    return probs, events


def events_to_notes(ev, min_pitch=MIN_PITCH):
    """Magenta.js Melody.toNoteSequence: events -> [(pitch, start, end)]."""
    notes, cur = [], None
    for s, e in enumerate(ev):
        e = int(e)
        if e == NO_EVENT:
            continue
        if cur is not None:
            notes.append((cur[0], cur[1], s))
            cur = None
        if e >= FIRST_PITCH:
            cur = (e - FIRST_PITCH + min_pitch, s)
    if cur is not None:
        notes.append((cur[0], cur[1], len(ev)))
    return notes


def save_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'))


def load_music_rnn_export(model, out_dir):
    """Inverse of export_music_rnn: fill a StackedLSTM from an exported checkpoint, to resume training.
    The two PyTorch biases are only known as their sum, so it all goes to bias_ih."""
    with open(os.path.join(out_dir, 'weights_manifest.json')) as f:
        specs = json.load(f)[0]['weights']
    raw = np.fromfile(os.path.join(out_dir, 'group1-shard1of1'), dtype='<f4')
    vals, off = {}, 0
    for s in specs:
        n = int(np.prod(s['shape']))
        vals[s['name']] = raw[off:off + n].reshape(s['shape'])
        off += n
    sd = model.state_dict()
    for l in range(model.lstm.num_layers):
        k = vals[f'rnn/multi_rnn_cell/cell_{l}/basic_lstm_cell/kernel']
        b = vals[f'rnn/multi_rnn_cell/cell_{l}/basic_lstm_cell/bias']
        u = k.shape[1] // 4
        i, g, f_, o = (slice(j * u, (j + 1) * u) for j in range(4))
        k = np.concatenate([k[:, i], k[:, f_], k[:, g], k[:, o]], axis=1)
        b = np.concatenate([b[i], b[f_] + 1.0, b[g], b[o]])
        n_in = k.shape[0] - u
        sd[f'lstm.weight_ih_l{l}'] = torch.tensor(k[:n_in].T.copy())
        sd[f'lstm.weight_hh_l{l}'] = torch.tensor(k[n_in:].T.copy())
        sd[f'lstm.bias_ih_l{l}'] = torch.tensor(b)
        sd[f'lstm.bias_hh_l{l}'] = torch.zeros(4 * u)
    sd['fc.weight'] = torch.tensor(vals['fully_connected/weights'].T.copy())
    sd['fc.bias'] = torch.tensor(vals['fully_connected/biases'])
    model.load_state_dict(sd)



# Melody MusicRNN training data, shared by train_melody_rnn.py and train_attention_rnn.py.
def split_melody_tunes(tunes, log=print):
    """load_melodies() tunes as (name, events, lowest, highest), split by name into train and validation."""
    train, val = [], []
    for name, q, lo, hi in tunes:
        ev = melody_events(q)
        (val if is_validation(name) else train).append((name, ev, lo, hi))
    log(f'{len(tunes)} tunes: {len(train)} train, {len(val)} validation')
    return train, val


def padded_windows(seqs, length, stride):
    """Every 1-D sequence cut into windows of `length` (see windows), zero-padded: the windows
    [n, length], the absolute step of each entry [n, length], the valid lengths [n], and the index of
    the sequence each window came from [n]."""
    xs, ps, lens, src = [], [], [], []
    for k, ev in enumerate(seqs):
        ws, ls = windows(ev, length, stride)
        wp, _ = windows(np.arange(len(ev)), length, stride)
        for w, p, l in zip(ws, wp, ls):
            pad = np.zeros(length, dtype=np.int64)
            pad[:l] = w
            pp = np.arange(length)
            pp[:l] = p
            xs.append(pad); ps.append(pp); lens.append(l); src.append(k)
    return np.stack(xs), np.stack(ps), np.array(lens), np.array(src)


def melody_windows(items, length, stride):
    """padded_windows of (name, events, lo, hi) items, with each window's tune's lowest and highest pitch
    (for transposition) in place of the tune's index."""
    xs, ps, lens, src = padded_windows([ev for _, ev, _, _ in items], length, stride)
    return xs, ps, lens, np.array([lo for _, _, lo, _ in items])[src], np.array([hi for _, _, _, hi in items])[src]


def melody_batches(train, val, window, batch, counter_bits, count_from_window_start=False, log=print):
    """Next-event batches for a melody MusicRNN, windows of `window` steps cut every `window` steps.
    Input at step t: event t one-hot, then Magenta's BinaryCounter of step t (absolute in the tune, or
    from the window's start with count_from_window_start). Each training window is transposed by a
    random -6..+5 semitones that keeps it inside MIN_PITCH..MAX_PITCH, so the model continues a primer
    in any key (validation stays in the original key). Returns (make_batch(rng) -> (x, y, mask),
    validation batches, training batches per epoch)."""
    W = window + 1
    tr_x, tr_p, tr_len, tr_lo, tr_hi = melody_windows(train, W, window)
    va_x, va_p, va_len, _, _ = melody_windows(val, W, window)
    k_lo = np.maximum(-6, MIN_PITCH - tr_lo)
    k_hi = np.minimum(5, MAX_PITCH - tr_hi)
    eye = torch.eye(MELODY_DEPTH)

    def batch_from(ev, pos, lens):
        if count_from_window_start:
            pos = pos - pos[:, :1]
        x = torch.cat([eye[torch.tensor(ev[:, :-1])], torch.tensor(binary_counter(pos[:, :-1], counter_bits))], -1)
        m = (torch.arange(W - 1)[None, :] < torch.tensor(lens)[:, None] - 1).float()
        return x, torch.tensor(ev[:, 1:]), m

    def make_batch(rng):
        idx = rng.integers(0, len(tr_x), batch)
        k = k_lo[idx] + np.floor(rng.random(len(idx)) * (k_hi[idx] - k_lo[idx] + 1)).astype(np.int64)
        ev = np.where(tr_x[idx] >= FIRST_PITCH, tr_x[idx] + k[:, None], tr_x[idx])
        return batch_from(ev, tr_p[idx], tr_len[idx])

    val_batches = [batch_from(va_x[i:i + 256], va_p[i:i + 256], va_len[i:i + 256]) for i in range(0, len(va_x), 256)]
    n_batches = max(1, len(tr_x) // batch)
    log(f'{len(tr_x)} train windows ({n_batches} batches/epoch), {len(va_x)} validation windows')
    return make_batch, val_batches, n_batches


def melody_unigram_baseline(train, val):
    """Next-event targets of both splits and the unigram baseline: (train steps, validation steps, loss, acc)."""
    tr_targets = np.concatenate([ev[1:] for _, ev, _, _ in train])
    va_targets = np.concatenate([ev[1:] for _, ev, _, _ in val])
    base_ce, base_acc = unigram_baseline(tr_targets, va_targets, MELODY_DEPTH)
    return len(tr_targets), len(va_targets), base_ce, base_acc


def write_melody_reference(model, val, counter_bits, path):
    """Reference for the Vitest parity test: a 32-step primer from the first validation tune, then 32
    greedy steps (inputs: event one-hot + BinaryCounter of the absolute step)."""
    name, ev, _, _ = val[0]
    primer = ev[:32]
    notes = events_to_notes(primer)
    assert (melody_events(notes, total_steps=32) == primer).all()
    eye64 = np.eye(MELODY_DEPTH)
    cnt = binary_counter(np.arange(64), counter_bits)
    primer_in = np.concatenate([eye64[primer], cnt[:32]], -1)
    probs, events = greedy_reference(model, primer_in, 32, lambda i, e: np.concatenate([eye64[e], cnt[i]]))
    save_json(path, {
        'source': f'nottingham/midi/melody/{name}.mid (validation split), first 32 steps',
        'stepsPerQuarter': 4, 'totalQuantizedSteps': 32,
        'notes': [{'pitch': p, 'quantizedStartStep': s, 'quantizedEndStep': e} for p, s, e in notes],
        'primerEvents': primer.tolist(), 'steps': 32, 'expectedEvents': events, 'expectedProbs': probs})

# The 9 drum classes of the Groove README (Magenta's ROLAND_DRUM_PITCH_CLASSES), first pitch = output
# pitch, with Magenta.js's General-MIDI DEFAULT_DRUM_PITCH_CLASSES appended where they do not clash (so
# General-MIDI input from the app also maps to a class). Same table as train_drum_rnn.py writes.
GMD_CLASSES = [[36], [38, 40, 37], [42, 22, 44], [46, 26], [43, 58], [47, 45], [50, 48], [49, 52, 55, 57],
               [51, 59, 53]]
_MAGENTA_DEFAULT = [[36, 35], [38, 27, 28, 31, 32, 33, 34, 37, 39, 40, 56, 65, 66, 75, 85],
                    [42, 44, 54, 68, 69, 70, 71, 73, 78, 80], [46, 67, 72, 74, 79, 81], [45, 29, 41, 61, 64, 84],
                    [48, 47, 60, 63, 77, 86, 87], [50, 30, 43, 62, 76, 83], [49, 55, 57, 58], [51, 52, 53, 59, 82]]
_taken = {p for c in GMD_CLASSES for p in c}
DRUM_PITCH_CLASSES = [c + [p for p in d if p not in _taken] for c, d in zip(GMD_CLASSES, _MAGENTA_DEFAULT)]
DRUM_PITCH_TO_CLASS = {p: i for i, c in enumerate(DRUM_PITCH_CLASSES) for p in c}
