"""In-process speech and instrument synthesis for the sound-embedding pretraining data.

espeak-ng (libespeak-ng, GPL-3) and CMU Flite (libflite, BSD-style) are called through ctypes so
thousands of words render without starting a process per word. Only their audio output is used to
train; no code or data of either ships with the app.
"""
import ctypes
import ctypes.util

import numpy as np

SR = 16000


def resample_linear(x: np.ndarray, sr_in: int, sr_out: int = SR) -> np.ndarray:
    """Band-limited enough for speech at 22.05 -> 16 kHz: a short windowed-sinc low-pass then linear interpolation."""
    if sr_in == sr_out:
        return x.astype(np.float32)
    if sr_out < sr_in:
        cutoff = 0.5 * sr_out / sr_in * 0.95
        n = np.arange(-32, 33)
        h = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hanning(len(n))
        x = np.convolve(x, h / h.sum(), mode="same")
    t = np.arange(0, len(x) * sr_out / sr_in) * sr_in / sr_out
    return np.interp(t, np.arange(len(x)), x).astype(np.float32)


class Espeak:
    """Synchronous libespeak-ng synthesis into a NumPy array (float32, 16 kHz)."""

    SYNTH_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

    def __init__(self):
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        # AUDIO_OUTPUT_SYNCHRONOUS = 2
        self.sr = self.lib.espeak_Initialize(2, 0, None, 0)
        if self.sr <= 0:
            raise RuntimeError("espeak_Initialize failed")
        self.buf: list = []

        def cb(wav, n, events):
            if wav and n > 0:
                self.buf.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
            return 0

        self.cb = self.SYNTH_CB(cb)
        self.lib.espeak_SetSynthCallback(self.cb)
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.POINTER(ctypes.c_uint), ctypes.c_void_p,
        ]

    def say(self, text: str, voice: str, rate: int = 170, pitch: int = 50, pitch_range: int = 50) -> np.ndarray:
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise ValueError(f"espeak voice {voice!r} not found")
        # espeakRATE=1, espeakPITCH=3, espeakRANGE=4 (absolute values: relative=0)
        self.lib.espeak_SetParameter(1, rate, 0)
        self.lib.espeak_SetParameter(3, pitch, 0)
        self.lib.espeak_SetParameter(4, pitch_range, 0)
        self.buf = []
        data = text.encode("utf-8") + b"\0"
        # POS_CHARACTER=1, espeakCHARS_UTF8=1
        rc = self.lib.espeak_Synth(data, len(data), 0, 1, 0, 1, None, None)
        if rc != 0:
            raise RuntimeError(f"espeak_Synth failed ({rc}) for {text!r}")
        x = np.concatenate(self.buf) if self.buf else np.zeros(1, np.int16)
        return resample_linear(x.astype(np.float32) / 32768, self.sr)


class CstWave(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_char_p),
        ("sample_rate", ctypes.c_int),
        ("num_samples", ctypes.c_int),
        ("num_channels", ctypes.c_int),
        ("samples", ctypes.POINTER(ctypes.c_short)),
    ]


class CstVoice(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("features", ctypes.c_void_p), ("ffunctions", ctypes.c_void_p)]


class Flite:
    """CMU Flite voices (kal, kal16, awb, rms, slt: US/Scottish English, male and female)."""

    VOICES = ["kal", "kal16", "awb", "rms", "slt"]

    def __init__(self):
        self.lib = ctypes.CDLL("libflite.so.1", mode=ctypes.RTLD_GLOBAL)
        for dep in ["libflite_usenglish.so.1", "libflite_cmulex.so.1"]:
            ctypes.CDLL(dep, mode=ctypes.RTLD_GLOBAL)
        self.lib.flite_init()
        self.lib.flite_text_to_wave.restype = ctypes.POINTER(CstWave)
        self.lib.flite_text_to_wave.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        self.lib.flite_feat_set_float.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_float]
        self.voices = {}
        for v in self.VOICES:
            lib = ctypes.CDLL(f"libflite_cmu_us_{v}.so.1", mode=ctypes.RTLD_GLOBAL)
            reg = getattr(lib, f"register_cmu_us_{v}")
            reg.restype = ctypes.POINTER(CstVoice)
            reg.argtypes = [ctypes.c_char_p]
            self.voices[v] = reg(None)

    def say(self, text: str, voice: str, stretch: float = 1.0, f0: float | None = None) -> np.ndarray:
        vp = self.voices[voice]
        feats = vp.contents.features
        self.lib.flite_feat_set_float(feats, b"duration_stretch", ctypes.c_float(stretch))
        if f0 is not None:
            self.lib.flite_feat_set_float(feats, b"int_f0_target_mean", ctypes.c_float(f0))
        w = self.lib.flite_text_to_wave(text.encode(), ctypes.cast(vp, ctypes.c_void_p))
        n = w.contents.num_samples
        x = np.ctypeslib.as_array(w.contents.samples, shape=(n,)).astype(np.float32) / 32768
        sr = w.contents.sample_rate
        self.lib.delete_wave.argtypes = [ctypes.c_void_p]
        self.lib.delete_wave(ctypes.cast(w, ctypes.c_void_p))
        return resample_linear(x, sr)
