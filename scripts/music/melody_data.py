"""Nottingham melodies (midi/melody/*.mid) as Magenta.js MelodyConverter event arrays."""
import os

import numpy as np

from common import DATA, MAX_PITCH, MIN_PITCH, melody_events, octave_shift_into_range, quantize, read_midi_notes

NOTT = os.path.join(DATA, 'nottingham', 'midi', 'melody')


def load_melodies():
    """[(name, qnotes shifted by octaves into 48..83, lowest, highest)] for every tune that fits."""
    out = []
    for fn in sorted(os.listdir(NOTT)):
        if not fn.endswith('.mid'):
            continue
        notes, tpb = read_midi_notes(os.path.join(NOTT, fn))
        if not notes:
            continue
        q = quantize(notes, tpb)
        lo, hi = min(n[0] for n in q), max(n[0] for n in q)
        k = octave_shift_into_range(lo, hi)
        if k is None:
            continue
        q = [(p + k, s, e) for p, s, e in q]
        out.append((fn[:-4], q, lo + k, hi + k))
    return out
