"""The app's log-mel features (lib/audio) re-implemented in NumPy (float64, for references) and
PyTorch (float32, batched, for training). Same numbers as lib/audio/spectrogram.ts + mel.ts:
16 kHz, 512-sample periodic-Hann frames every 320 samples, |FFT|^2 / (sum of window)^2, 40 HTK-mel
triangles from 60 Hz to 8 kHz, natural log of (energy + 1e-6); 49 frames x 40 bands per second.
tests check the match: lib/pretrained/sound-embedding's parity test runs lib/audio on the same
waveforms and compares the model outputs to reference.json.
"""
import numpy as np

SR = 16000
FFT = 512
HOP = 320
MELS = 40
MIN_HZ = 60.0
MAX_HZ = 8000.0
LOG_FLOOR = 1e-6
FRAMES = 1 + (SR - FFT) // HOP  # 49


def hz_to_mel(hz):
    return 2595 * np.log10(1 + hz / 700)


def mel_to_hz(mel):
    return 700 * (10 ** (mel / 2595) - 1)


def mel_filter_bank():
    n_bins = FFT // 2 + 1
    lo, hi = hz_to_mel(MIN_HZ), hz_to_mel(MAX_HZ)
    step = (hi - lo) / (MELS + 1)
    edges = [mel_to_hz(lo + step * i) for i in range(MELS + 2)]
    bin_hz = SR / FFT
    w = np.zeros((MELS, n_bins))
    for m in range(MELS):
        left, centre, right = edges[m], edges[m + 1], edges[m + 2]
        for k in range(n_bins):
            f = k * bin_hz
            if left < f < right:
                w[m, k] = (f - left) / (centre - left) if f <= centre else (right - f) / (right - centre)
        if not w[m].any():
            w[m, min(n_bins - 1, int(np.floor(centre / bin_hz + 0.5)))] = 1
    return w


WINDOW = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FFT) / FFT)
POWER_SCALE = 1.0 / WINDOW.sum() ** 2
FILTERS = mel_filter_bank()


def log_mel_np(x: np.ndarray) -> np.ndarray:
    """[n] float waveform (16 kHz) -> [frames, 40] float64, exactly as lib/audio's LogMelComputer."""
    x = np.asarray(x, dtype=np.float64)
    n = 0 if len(x) < FFT else 1 + (len(x) - FFT) // HOP
    idx = np.arange(FFT)[None, :] + HOP * np.arange(n)[:, None]
    spec = np.fft.rfft(x[idx] * WINDOW, axis=1)
    power = (spec.real ** 2 + spec.imag ** 2) * POWER_SCALE
    return np.log(power @ FILTERS.T + LOG_FLOOR)


class TorchLogMel:
    """Batched float32 version for training: [B, 16000] -> [B, 49, 40]."""

    def __init__(self):
        import torch

        self.torch = torch
        self.window = torch.tensor(WINDOW, dtype=torch.float32)
        self.filters = torch.tensor(FILTERS.T, dtype=torch.float32)
        self.scale = float(POWER_SCALE)

    def __call__(self, x):
        frames = x.unfold(1, FFT, HOP)  # [B, 49, 512]
        spec = self.torch.fft.rfft(frames * self.window, dim=-1)
        power = (spec.real ** 2 + spec.imag ** 2) * self.scale
        return self.torch.log(power @ self.filters + LOG_FLOOR)
