#!/usr/bin/python3
"""Trains the sound embedding (a small depthwise-separable CNN over the app's 49x40 log-mel input)
as a classifier of ~1,300 synthetic sound classes, then exports the part before the classifier as a
tfjs LayersModel whose output (a 128-number vector per 1-s window) the browser's dense head learns on.

Run from the repository root with Debian's Python, after make_data.py:

    nice -n 15 /usr/bin/python3 scripts/sound/train_embedding.py --minutes 40

Resumable: a checkpoint is written to .cache/sound-embedding/ckpt.pt after every epoch and picked up
on the next run (--fresh starts over). --export-only writes the model from the checkpoint.

Training-time augmentation (each clip, each time it is drawn): speed change 0.85-1.2 (moves pitch
and formants like a different speaker), random placement in the 1-s window, random EQ tilt, room
reverb on 30% (synthetic decaying-noise impulse responses), background noise on 60% (white to brown, 5-40 dB SNR), level -35 to -10 dB RMS, then SpecAugment masks on the log-mel.
"""
import argparse
import datetime
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features as feat  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.environ.get("SOUND_CACHE", os.path.join(ROOT, ".cache", "sound-embedding"))
MODEL_OUT = os.environ.get("SOUND_MODEL_OUT", os.path.join(ROOT, "public", "models", "sound-embedding"))
SCRIPT = "scripts/sound/train_embedding.py"
SR = feat.SR


# ---------------------------------------------------------------------------------------------
# Model


def tf_same_pad(x, k, s):
    """Pads [B, C, H, W] the way TensorFlow's 'same' does (extra row/column after), so the exported
    tfjs model computes exactly what was trained."""
    pads = []
    for size, kk, ss in ((x.shape[3], k[1], s[1]), (x.shape[2], k[0], s[0])):
        out = -(-size // ss)
        total = max((out - 1) * ss + kk - size, 0)
        pads += [total // 2, total - total // 2]
    return F.pad(x, pads)


class ConvBN(nn.Module):
    def __init__(self, cin, cout, k, s, groups=1):
        super().__init__()
        self.k, self.s = k, s
        self.conv = nn.Conv2d(cin, cout, k, s, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.bn(self.conv(tf_same_pad(x, self.k, self.s))))


class Embedding(nn.Module):
    """[B, 1, 49, 40] log-mel -> [B, dim]. Input normalised by fixed constants (exported as a
    BatchNormalization layer in inference mode)."""

    def __init__(self, width=64, dim=128, mean=0.0, std=1.0):
        super().__init__()
        self.register_buffer("mean", torch.tensor(float(mean)))
        self.register_buffer("std", torch.tensor(float(std)))
        stem = width // 2
        self.stem = ConvBN(1, stem, (3, 3), (2, 2))  # 25 x 20
        blocks = []
        # Most work happens at 13 x 10 (260 ms x ~2 mel octaves per position after the two strides).
        plan = [(stem, width, 2), (width, width, 1), (width, width, 1), (width, dim, 1)]
        for cin, cout, s in plan:
            blocks.append(ConvBN(cin, cin, (3, 3), (s, s), groups=cin))
            blocks.append(ConvBN(cin, cout, (1, 1), (1, 1)))
        self.blocks = nn.Sequential(*blocks)

    def forward(self, x):
        x = (x - self.mean) / self.std
        x = self.blocks(self.stem(x))
        return x.mean(dim=(2, 3))


class Pretrainer(nn.Module):
    def __init__(self, emb, n_classes, dim):
        super().__init__()
        self.emb = emb
        self.drop = nn.Dropout(0.2)
        self.out = nn.Linear(dim, n_classes)

    def forward(self, x):
        return self.out(self.drop(self.emb(x)))


# ---------------------------------------------------------------------------------------------
# Data and augmentation


class Clips:
    def __init__(self, path):
        d = np.load(path)
        self.samples = d["samples"]
        self.offsets = d["offsets"]
        self.labels = d["labels"]
        self.names = list(d["names"])
        self.n = len(self.labels)

    def clip(self, i):
        return self.samples[self.offsets[i]: self.offsets[i + 1]].astype(np.float32) / 32768


def colored_noise(rng, b, n, exps):
    spec = torch.fft.rfft(torch.randn(b, n, generator=rng), dim=1)
    f = torch.arange(spec.shape[1], dtype=torch.float32) + 1
    spec = spec / f[None, :] ** (exps[:, None] / 2)
    x = torch.fft.irfft(spec, n, dim=1)
    return x / (x.pow(2).mean(1, keepdim=True).sqrt() + 1e-9)


def make_batch(data, idx, nrng, trng, augment=True):
    """Waveforms [B, 16000] for clip indices idx, augmented."""
    b = len(idx)
    x = np.zeros((b, SR), np.float32)
    for j, i in enumerate(idx):
        c = data.clip(i)
        if augment:
            speed = nrng.uniform(0.85, 1.2)
            t = np.arange(0, len(c) - 1, speed)
            c = np.interp(t, np.arange(len(c)), c).astype(np.float32)
        if len(c) >= SR:
            a = nrng.integers(0, len(c) - SR + 1) if augment else (len(c) - SR) // 2
            x[j] = c[a: a + SR]
        else:
            a = nrng.integers(0, SR - len(c) + 1) if augment else (SR - len(c)) // 2
            x[j, a: a + len(c)] = c
    x = torch.from_numpy(x)
    if not augment:
        return x * 0.3
    # EQ tilt: mix with a one-pole low-passed copy (darker) or subtract it (brighter).
    tilt = torch.from_numpy(nrng.uniform(-0.6, 0.6, b).astype(np.float32))
    lp = torch.from_numpy(np.cumsum(x.numpy(), axis=1).astype(np.float32))
    lp = (lp - torch.roll(lp, 8, 1)) / 8
    x = x + tilt[:, None] * (lp - x) * (torch.rand(b, 1, generator=trng) < 0.5)
    # Reverb on 40% of clips: exponentially decaying noise, RT60 0.15-0.8 s, 25-70% wet.
    rev = torch.from_numpy(nrng.random(b) < 0.3)
    if rev.any():
        n = int(0.5 * SR)
        rt60 = torch.from_numpy(nrng.uniform(0.15, 0.8, b).astype(np.float32))
        t = torch.arange(n, dtype=torch.float32) / SR
        ir = torch.randn(b, n, generator=trng) * torch.exp(-6.9 * t[None, :] / rt60[:, None])
        ir = ir / ir.pow(2).sum(1, keepdim=True).sqrt()
        wet = torch.from_numpy(nrng.uniform(0.25, 0.7, b).astype(np.float32))
        m = SR + n
        y = torch.fft.irfft(torch.fft.rfft(x, m) * torch.fft.rfft(ir, m), m)[:, :SR]
        y = y * (x.pow(2).mean(1, keepdim=True).sqrt() / (y.pow(2).mean(1, keepdim=True).sqrt() + 1e-9))
        mix = (1 - wet[:, None]) * x + wet[:, None] * y
        x = torch.where(rev[:, None], mix, x)
    # Level: active-part RMS to a random level, then background noise at 0-35 dB SNR on 75%.
    rms = x.pow(2).mean(1, keepdim=True).sqrt() + 1e-9
    level_db = torch.from_numpy(nrng.uniform(-35, -10, (b, 1)).astype(np.float32))
    x = x / rms * 10 ** (level_db / 20)
    exps = torch.from_numpy(nrng.uniform(0, 2, b).astype(np.float32))
    noise = colored_noise(trng, b, SR, exps)
    snr = torch.from_numpy(nrng.uniform(5, 40, (b, 1)).astype(np.float32))
    has = torch.from_numpy(nrng.random((b, 1)) < 0.6)
    x = x + has * noise * 10 ** ((level_db - snr) / 20)
    # A faint floor so no clip is digitally silent (microphones never are).
    x = x + colored_noise(trng, b, SR, torch.ones(b)) * 10 ** (torch.from_numpy(nrng.uniform(-90, -60, (b, 1)).astype(np.float32)) / 20)
    return x.clamp(-1, 1)


def spec_augment(s, trng):
    b = s.shape[0]
    s = s.clone()
    fill = s.mean(dim=(1, 2), keepdim=True)
    for _ in range(2):
        t0 = torch.randint(0, feat.FRAMES, (b,), generator=trng)
        tw = torch.randint(0, 7, (b,), generator=trng)
        f0 = torch.randint(0, feat.MELS, (b,), generator=trng)
        fw = torch.randint(0, 6, (b,), generator=trng)
        tt = torch.arange(feat.FRAMES)[None, :]
        ff = torch.arange(feat.MELS)[None, :]
        tm = (tt >= t0[:, None]) & (tt < (t0 + tw)[:, None])
        fm = (ff >= f0[:, None]) & (ff < (f0 + fw)[:, None])
        mask = tm[:, :, None] | fm[:, None, :]
        s = torch.where(mask, fill, s)
    return s


# ---------------------------------------------------------------------------------------------
# Dev-set probe: few-shot accuracy on real voices (speaker-disjoint), for watching and reporting


def load_dev(dev_dir):
    import wave

    words = ["up", "down", "left", "right"]
    clips, labels, speakers = [], [], []
    for k, w in enumerate(words):
        for f in sorted(os.listdir(os.path.join(dev_dir, w))):
            with wave.open(os.path.join(dev_dir, w, f)) as r:
                x = np.frombuffer(r.readframes(r.getnframes()), "<i2").astype(np.float32) / 32768
            y = np.zeros(SR, np.float32)
            y[: min(SR, len(x))] = x[:SR]
            clips.append(y)
            labels.append(k)
            speakers.append(int(f.split("_")[0]))
    noise = []
    for f in sorted(os.listdir(os.path.join(dev_dir, "_background_noise_"))):
        with wave.open(os.path.join(dev_dir, "_background_noise_", f)) as r:
            x = np.frombuffer(r.readframes(r.getnframes()), "<i2").astype(np.float32) / 32768
        noise.append([x[i: i + SR] for i in range(0, len(x) - SR + 1, SR)])
    return np.stack(clips), np.array(labels), np.array(speakers), noise


def embed_np(emb, waves):
    with torch.no_grad():
        s = torch.tensor(np.stack([feat.log_mel_np(w) for w in waves]), dtype=torch.float32)
        return emb(s[:, None]).numpy()


def few_shot(E, labels, speakers, noiseE, shots, trials=20, seed=0):
    """Mean accuracy of a logistic-regression head over `trials` speaker-disjoint draws: half of
    the speakers give `shots` clips per word, the other half are tested. Noise: the first half of
    each noise file trains, the second half tests."""
    rng = np.random.default_rng(seed)
    accs = []
    spk = np.unique(speakers)
    for _ in range(trials):
        train_spk = set(rng.choice(spk, len(spk) // 2, replace=False).tolist())
        tr, te = [], []
        for k in range(labels.max() + 1):
            cand = [i for i in range(len(labels)) if labels[i] == k and speakers[i] in train_spk]
            tr += list(rng.choice(cand, shots, replace=False))
            te += [i for i in range(len(labels)) if labels[i] == k and speakers[i] not in train_spk]
        nk = labels.max() + 1
        ntr = np.concatenate([n[: len(n) // 2] for n in noiseE])
        nte = np.concatenate([n[len(n) // 2:] for n in noiseE])
        ntr = ntr[rng.choice(len(ntr), shots, replace=False)]
        X = np.concatenate([E[tr], ntr])
        Y = np.concatenate([labels[tr], np.full(len(ntr), nk)])
        Xt = np.concatenate([E[te], nte])
        Yt = np.concatenate([labels[te], np.full(len(nte), nk)])
        accs.append(logreg_acc(X, Y, Xt, Yt, nk + 1))
    return float(np.mean(accs))


def logreg_acc(X, Y, Xt, Yt, k):
    mu, sd = X.mean(0), X.std(0) + 1e-3
    X, Xt = torch.tensor((X - mu) / sd, dtype=torch.float32), torch.tensor((Xt - mu) / sd, dtype=torch.float32)
    lin = nn.Linear(X.shape[1], k)
    opt = torch.optim.Adam(lin.parameters(), 0.01, weight_decay=1e-3)
    y = torch.tensor(Y)
    for _ in range(150):
        opt.zero_grad()
        F.cross_entropy(lin(X), y).backward()
        opt.step()
    with torch.no_grad():
        return float((lin(Xt).argmax(1).numpy() == Yt).mean())


def dev_probe(emb, dev, tag=""):
    clips, labels, speakers, noise = dev
    emb.eval()
    E = embed_np(emb, clips)
    noiseE = [embed_np(emb, n) for n in noise]
    r = {s: few_shot(E, labels, speakers, noiseE, s) for s in (5, 10)}
    print(f"  dev few-shot {tag}: 5-shot {r[5]:.3f}  10-shot {r[10]:.3f}", flush=True)
    return r


# ---------------------------------------------------------------------------------------------
# Export


def fold(cbn):
    """Conv weight and bias with the BatchNorm folded in (inference)."""
    bn = cbn.bn
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    w = cbn.conv.weight * scale[:, None, None, None]
    b = bn.bias - bn.running_mean * scale
    return w.detach(), b.detach()


def layer_json(cls, name, extra, batch_input_shape=None):
    cfg = {"name": name, "trainable": False, **extra}
    if batch_input_shape:
        cfg["batch_input_shape"] = batch_input_shape
        cfg["dtype"] = "float32"
    return {"class_name": cls, "config": cfg}


def conv_json(name, filters, k, s, depthwise=False):
    common = {
        "kernel_size": list(k),
        "strides": list(s),
        "padding": "same",
        "data_format": "channels_last",
        "dilation_rate": [1, 1],
        "activation": "relu",
        "use_bias": True,
        "bias_initializer": {"class_name": "Zeros", "config": {}},
        "bias_regularizer": None,
        "activity_regularizer": None,
        "bias_constraint": None,
    }
    if depthwise:
        common.update({
            "depth_multiplier": 1,
            "depthwise_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1, "mode": "fan_avg", "distribution": "normal", "seed": None}},
            "depthwise_regularizer": None,
            "depthwise_constraint": None,
        })
        return layer_json("DepthwiseConv2D", name, common)
    common.update({
        "filters": filters,
        "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1, "mode": "fan_avg", "distribution": "normal", "seed": None}},
        "kernel_regularizer": None,
        "kernel_constraint": None,
    })
    return layer_json("Conv2D", name, common)


def embedding_stats(emb, data, n=2048):
    """Per-dimension mean and standard deviation of the embedding over augmented pretraining clips.
    The exported model ends with this standardisation, so the browser's dense head starts from
    features of unit scale (Adam at 0.001 then learns in a few dozen epochs)."""
    nrng = np.random.default_rng(123)
    trng = torch.Generator().manual_seed(123)
    logmel = feat.TorchLogMel()
    outs = []
    emb.eval()
    with torch.no_grad():
        for st in range(0, n, 256):
            idx = nrng.integers(0, data.n, 256)
            outs.append(emb(logmel(make_batch(data, idx, nrng, trng))[:, None]))
    e = torch.cat(outs)
    return e.mean(0), e.std(0).clamp_min(1e-3)


class Standardised(nn.Module):
    def __init__(self, emb, mean, std):
        super().__init__()
        self.emb, self.m, self.s = emb, mean, std

    def forward(self, x):
        return (self.emb(x) - self.m) / self.s


def export(emb, folder, out_mean, out_std):
    """Writes model.json + weights.bin (tfjs LayersModel, Sequential). Returns weight bytes."""
    os.makedirs(folder, exist_ok=True)
    layers, weights = [], []
    # Input normalisation (x - mean) / std as an inference-mode BatchNormalization.
    eps = 1e-3
    bn_common = {
        "axis": -1, "momentum": 0.99, "epsilon": eps, "center": True, "scale": True,
        "beta_initializer": {"class_name": "Zeros", "config": {}},
        "gamma_initializer": {"class_name": "Ones", "config": {}},
        "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
        "moving_variance_initializer": {"class_name": "Ones", "config": {}},
        "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None,
    }
    layers.append(layer_json("BatchNormalization", "input_norm", {**bn_common}, [None, feat.FRAMES, feat.MELS, 1]))
    std = float(emb.std)
    weights += [
        ("input_norm/gamma", np.ones(1)),
        ("input_norm/beta", np.zeros(1)),
        ("input_norm/moving_mean", np.array([float(emb.mean)])),
        ("input_norm/moving_variance", np.array([std * std - eps])),
    ]
    mods = [("stem", emb.stem)] + [(f"block{i // 2 + 1}_{'dw' if i % 2 == 0 else 'pw'}", m) for i, m in enumerate(emb.blocks)]
    for name, m in mods:
        w, b = fold(m)
        if m.conv.groups > 1:
            layers.append(conv_json(name, None, m.k, m.s, depthwise=True))
            weights += [(f"{name}/depthwise_kernel", w.permute(2, 3, 0, 1).numpy()), (f"{name}/bias", b.numpy())]
        else:
            layers.append(conv_json(name, w.shape[0], m.k, m.s))
            weights += [(f"{name}/kernel", w.permute(2, 3, 1, 0).numpy()), (f"{name}/bias", b.numpy())]
    layers.append(layer_json("GlobalAveragePooling2D", "pool", {"data_format": "channels_last"}))
    layers.append(layer_json("BatchNormalization", "embedding", {**bn_common}))
    weights += [
        ("embedding/gamma", np.ones(len(out_mean))),
        ("embedding/beta", np.zeros(len(out_mean))),
        ("embedding/moving_mean", out_mean.numpy()),
        ("embedding/moving_variance", out_std.numpy() ** 2 - eps),
    ]
    specs, blobs = [], []
    for name, a in weights:
        a = np.ascontiguousarray(np.asarray(a, dtype="<f4"))
        specs.append({"name": name, "shape": list(a.shape), "dtype": "float32"})
        blobs.append(a.tobytes())
    with open(os.path.join(folder, "weights.bin"), "wb") as f:
        f.write(b"".join(blobs))
    model_json = {
        "format": "layers-model",
        "generatedBy": f"PyTorch {torch.__version__} via {SCRIPT}",
        "convertedBy": None,
        "modelTopology": {
            "class_name": "Sequential",
            "config": {"name": "sound_embedding", "layers": layers},
            "keras_version": "tfjs-layers 4.22.0",
            "backend": "tensor_flow.js",
        },
        "weightsManifest": [{"paths": ["weights.bin"], "weights": specs}],
    }
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(model_json, f)
    return sum(len(b) for b in blobs)


def write_reference(emb, folder):
    """Embeddings of a few 1-s windows of the committed test fixtures, with float64 NumPy features,
    for the Vitest parity test (lib/audio features + the exported model must give the same)."""
    import wave

    fx = os.path.join(ROOT, "tests", "fixtures", "sound")
    rows = []
    for name, start in [("clap.wav", 0.5), ("whistle.wav", 1.0), ("speech.wav", 2.0), ("noise.wav", 0.0)]:
        with wave.open(os.path.join(fx, name)) as r:
            sr = r.getframerate()
            x = np.frombuffer(r.readframes(r.getnframes()), "<i2").astype(np.float64) / 32768
            x = x.reshape(-1, r.getnchannels()).mean(1)
        assert sr == SR, (name, sr)
        a = int(start * SR)
        w = x[a: a + SR]
        with torch.no_grad():
            s = torch.tensor(feat.log_mel_np(w), dtype=torch.float32)[None, None]
            e = emb(s)[0].numpy()
        rows.append({"file": f"tests/fixtures/sound/{name}", "startSample": a, "embedding": [round(float(v), 6) for v in e]})
    with open(os.path.join(folder, "reference.json"), "w") as f:
        json.dump({"note": "1-s windows (16 kHz PCM16 fixtures, value / 32768) and their embeddings from PyTorch with float64 NumPy log-mel features.", "rows": rows}, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--minutes", type=float, default=40, help="wall-time budget of this run")
    p.add_argument("--epochs", type=int, default=60, help="total epochs (over all resumed runs)")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--width", type=int, default=96)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--fresh", action="store_true")
    p.add_argument("--export-only", action="store_true")
    p.add_argument("--tag", default="main")
    p.add_argument("--dev", default=os.path.join(ROOT, "..", "..", "shared", "data", "sounds-dev"))
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = Clips(os.path.join(CACHE, "clips.npz"))
    n_classes = len(data.names)
    ckpt_path = os.path.join(CACHE, f"ckpt-{args.tag}.pt")
    dev_dir = args.dev if os.path.isdir(args.dev) else "/work/shared/data/sounds-dev"
    dev = load_dev(dev_dir)

    state = None
    if os.path.exists(ckpt_path) and not args.fresh:
        state = torch.load(ckpt_path)
        args.width, args.dim = state["width"], state["dim"]
    if state is None:
        # Input normalisation constants from a sample of augmented clips.
        nrng = np.random.default_rng(1)
        trng = torch.Generator().manual_seed(1)
        s = feat.TorchLogMel()(make_batch(data, nrng.integers(0, data.n, 512), nrng, trng))
        mean, std = float(s.mean()), float(s.std())
    else:
        mean, std = state["mean"], state["std"]
    emb = Embedding(args.width, args.dim, mean, std)
    model = Pretrainer(emb, n_classes, args.dim)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps_per_epoch = data.n // args.batch
    total = args.epochs * steps_per_epoch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=total, pct_start=0.05)
    epoch, seconds, history = 0, 0.0, []
    if state is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        epoch, seconds, history = state["epoch"], state["seconds"], state["history"]
        print(f"resumed at epoch {epoch} ({seconds / 60:.1f} min so far)", flush=True)
    n_params = sum(p.numel() for p in emb.parameters())
    print(f"{data.n} clips, {n_classes} classes, embedding {n_params} params, width {args.width}, dim {args.dim}", flush=True)

    if not args.export_only:
        logmel = feat.TorchLogMel()
        t_run = time.time()
        last_epoch_s = 0.0
        # The budget is checked between epochs only (a cut epoch would be lost): an epoch starts when
        # the time left is at least 80% of the last epoch's duration.
        while epoch < args.epochs and (time.time() - t_run) + 0.8 * last_epoch_s < args.minutes * 60:
            model.train()
            nrng = np.random.default_rng(args.seed * 1000 + epoch)
            trng = torch.Generator().manual_seed(args.seed * 1000 + epoch)
            order = nrng.permutation(data.n)
            t0 = time.time()
            tot, correct, count = 0.0, 0, 0
            for st in range(steps_per_epoch):
                idx = order[st * args.batch: (st + 1) * args.batch]
                x = spec_augment(logmel(make_batch(data, idx, nrng, trng)), trng)
                y = torch.from_numpy(data.labels[idx]).long()
                logits = model(x[:, None])
                loss = F.cross_entropy(logits, y, label_smoothing=0.1)
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                tot += float(loss) * len(idx)
                correct += int((logits.argmax(1) == y).sum())
                count += len(idx)
                if st % 40 == 39:
                    print(f"    step {st + 1}/{steps_per_epoch} loss {tot / count:.3f} acc {correct / count:.3f} ({time.time() - t0:.0f} s)", flush=True)
            epoch += 1
            last_epoch_s = time.time() - t0
            seconds += time.time() - t0
            r = dev_probe(emb, dev, f"epoch {epoch}")
            history.append({"epoch": epoch, "loss": tot / count, "trainAcc": correct / count, "dev5": r[5], "dev10": r[10]})
            print(f"epoch {epoch}/{args.epochs} loss {tot / count:.3f} train acc {correct / count:.3f} ({time.time() - t0:.0f} s)", flush=True)
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "epoch": epoch,
                        "seconds": seconds, "history": history, "width": args.width, "dim": args.dim, "mean": mean, "std": std},
                       ckpt_path + ".tmp")
            os.replace(ckpt_path + ".tmp", ckpt_path)

    emb.eval()
    out_mean, out_std = embedding_stats(emb, data)
    nbytes = export(emb, MODEL_OUT, out_mean, out_std)
    write_reference(Standardised(emb, out_mean, out_std), MODEL_OUT)
    kinds = {}
    for n in data.names:
        kinds[n.split(":")[0]] = kinds.get(n.split(":")[0], 0) + 1
    meta = {
        "name": "sound-embedding",
        "description": "Depthwise-separable CNN: 1-s log-mel window (49 frames x 40 mel bands, lib/audio defaults) -> 128 numbers, standardised per dimension over the pretraining clips.",
        "inputShape": [None, feat.FRAMES, feat.MELS, 1],
        "outputSize": args.dim,
        "params": n_params,
        "weightBytes": nbytes,
        "inputNormalization": {"mean": mean, "std": std},
        "pretraining": {
            "task": f"classify {n_classes} synthetic sound classes (speech words, instrument notes, drums, noises)",
            "clips": int(data.n),
            "classesByKind": kinds,
            "epochs": epoch,
            "trainingMinutes": round(seconds / 60, 1),
            "history": history,
        },
        "script": SCRIPT,
        "framework": f"PyTorch {torch.__version__} (CPU), exported as a tfjs LayersModel",
        "licence": "Weights: MIT (this project). Trained only on audio synthesised by espeak-ng, Flite and FluidSynth with FluidR3_GM (MIT); no recordings.",
        "date": datetime.date.today().isoformat(),
    }
    with open(os.path.join(MODEL_OUT, "metadata.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    print(f"exported {nbytes} bytes to {MODEL_OUT}")


if __name__ == "__main__":
    main()
