#!/usr/bin/python3
"""Renders the pretraining clips for the sound embedding (speech words, instrument notes, noises).

Run from the repository root with Debian's Python:  /usr/bin/python3 scripts/sound/make_data.py
Needs Debian packages espeak-ng, flite, fluidsynth, fluid-soundfont-gm, python3-mido.
Writes .cache/sound-embedding/clips.npz (not committed): int16 samples at 16 kHz, one clip per row
of `offsets`, with its class index and the class names. Clips are trimmed of leading/trailing
silence; augmentation (placement in the 1-s window, gain, noise, reverb, speed) happens at
training time.

Classes (all made here, no recordings of people):
- English words spoken by Flite's five voices and espeak-ng's English accents with voice variants;
- made-up words in 14 languages with regular spelling (espeak-ng), Korean words from random Hangul
  syllables and Mandarin pinyin syllable pairs, so the network learns to tell apart sounds of
  speech, not a fixed vocabulary;
- notes of all 128 General MIDI instruments and 46 drum sounds (FluidSynth + FluidR3_GM, MIT);
- plain noises (white, pink, brown, hum) so "nothing happening" has its own region.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synth  # noqa: E402

SR = synth.SR
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, ".cache", "sound-embedding")

ENGLISH = """yes no up down left right stop go on off one two three four five six seven eight nine
zero ten hello goodbye please thanks sorry cat dog bird fish horse cow pig sheep duck mouse lion
tiger bear monkey rabbit frog snake apple banana orange grape lemon cherry bread water milk juice
red blue green yellow purple pink black white brown gray big small fast slow hot cold happy sad
jump run walk sit stand sleep eat drink play sing dance read write draw open close start finish
again more less here there now later today tomorrow morning night sun moon star rain snow wind
tree flower grass river mountain house door window table chair book pen paper car bus train plane
boat bike ball game music piano guitar drum robot rocket computer phone light dark loud quiet
mother father sister brother baby friend teacher school class lunch dinner breakfast bed happy
forward backward faster slower bigger smaller higher lower turn spin shake clap whistle knock
ready steady wait look listen follow learn think remember forget magic dragon wizard castle king
queen pirate treasure island ocean beach sand shell spider bee butterfly ant elephant giraffe
zebra penguin dolphin whale shark octopus turtle owl eagle parrot chicken egg cheese pizza pasta
soup salad cookie cake candy chocolate popcorn sandwich carrot potato tomato corn pepper onion
garden kitchen bathroom bedroom window mirror clock watch shoe sock shirt hat coat glove scarf
number letter word sentence story picture color shape circle square triangle heart diamond
north south east west inside outside above below between behind front back middle corner
alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar
papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu""".split()

# Languages with regular spelling where a Latin-letter made-up word is read predictably.
PSEUDO_LANGS = ["es", "it", "de", "fi", "id", "sw", "tr", "pl", "nl", "pt", "cs", "hu", "ro", "eu"]
CONS = list("bcdfghjklmnprstvz") + ["ch", "sh", "tr", "pl", "gr", "st"]
VOWELS = list("aeiou") + ["ai", "au", "ei", "oi"]
PINYIN = ("ba bo pa po ma mo fa fo da de ta te na ne la le ga ge ka ke ha he ji qi xi zhu chu shu ru zi ci si "
          "bai pai mai dai tai nai lai gai kai hai zhai chai shai zai cai sai bao pao mao dao tao nao lao gao "
          "kao hao zhao chao shao rao zao cao sao ban pan man fan dan tan nan lan gan kan han zhan chan shan ran "
          "zan can san bang pang mang fang dang tang nang lang gang kang hang zhang chang shang rang long dong "
          "tong nong gong kong hong zhong chong rong zong cong song").split()

DROP_VARIANTS = {"Demonic", "UniRobot", "anikaRobot", "RicishayMax", "RicishayMax2", "RicishayMax3"}


def espeak_variants():
    d = "/usr/lib/x86_64-linux-gnu/espeak-ng-data/voices/!v"
    return sorted(v for v in os.listdir(d) if v not in DROP_VARIANTS and " " not in v)


def pseudo_word(rng):
    n = rng.choice([1, 2, 2, 2, 3])
    s = ""
    for i in range(n):
        if i == 0 and rng.random() < 0.2:
            s += rng.choice(VOWELS)
        else:
            s += rng.choice(CONS) + rng.choice(VOWELS)
    if rng.random() < 0.35:
        s += rng.choice(list("nmslrkt"))
    return s


def hangul_word(rng):
    # A syllable is 0xAC00 + (initial * 21 + medial) * 28 + final.
    n = rng.choice([1, 2, 2, 3])
    out = ""
    for _ in range(n):
        final = 0 if rng.random() < 0.6 else int(rng.choice([4, 8, 16, 17, 21]))  # ㄴ ㄹ ㅁ ㅂ ㅇ
        out += chr(0xAC00 + (int(rng.integers(19)) * 21 + int(rng.integers(21))) * 28 + final)
    return out


def trim(x, db=-40.0, pad=400):
    """Cuts leading/trailing parts quieter than `db` below the clip's peak (20 ms frames)."""
    if len(x) == 0:
        return x
    peak = np.abs(x).max() + 1e-9
    f = 320
    n = len(x) // f
    if n == 0:
        return x
    e = np.sqrt((x[: n * f].reshape(n, f) ** 2).mean(1)) / peak
    on = np.nonzero(e > 10 ** (db / 20))[0]
    if len(on) == 0:
        return x[:0]
    a = max(0, on[0] * f - pad)
    b = min(len(x), (on[-1] + 1) * f + pad)
    return x[a:b]


def speech_classes(rng, args):
    es = synth.Espeak()
    fl = synth.Flite()
    variants = espeak_variants()
    en_accents = ["en-us", "en", "en-gb-scotland", "en-029", "en-us-nyc", "en-gb-x-rp", "en-gb-x-gbclan"]
    classes = []  # (name, [clips])

    def espeak_take(text, lang, k):
        out = []
        for _ in range(k):
            v = lang + "+" + rng.choice(variants) if rng.random() < 0.85 else lang
            x = es.say(text, v, rate=int(rng.integers(110, 240)), pitch=int(rng.integers(15, 90)),
                       pitch_range=int(rng.integers(10, 90)))
            out.append(x)
        return out

    words = list(dict.fromkeys(ENGLISH))
    for w in words:
        clips = []
        for _ in range(args.per_word // 2):
            v = rng.choice(fl.VOICES)
            clips.append(fl.say(w, v, stretch=float(rng.uniform(0.75, 1.35)), f0=float(rng.uniform(80, 220))))
        for _ in range(args.per_word - len(clips)):
            clips += espeak_take(w, rng.choice(en_accents), 1)
        classes.append(("en:" + w, clips))
    seen = set(words)
    for lang in PSEUDO_LANGS:
        made = 0
        while made < args.pseudo_per_lang:
            w = pseudo_word(rng)
            if w in seen:
                continue
            seen.add(w)
            classes.append((f"{lang}:{w}", espeak_take(w, lang, args.per_word)))
            made += 1
    for _ in range(args.korean):
        w = hangul_word(rng)
        if w in seen:
            continue
        seen.add(w)
        classes.append(("ko:" + w, espeak_take(w, "ko", args.per_word)))
    for _ in range(args.pinyin):
        w = " ".join(rng.choice(PINYIN, size=2)) + str(int(rng.integers(1, 5)))
        classes.append(("cmn:" + w, espeak_take(w, "cmn-latn-pinyin", args.per_word)))
    return classes


def instrument_classes(rng, args):
    """One long MIDI file, rendered once by FluidSynth, cut into one clip per note."""
    import mido

    slot = 1.5
    mid = mido.MidiFile(ticks_per_beat=480)  # 120 bpm: 960 ticks per second
    track = mido.MidiTrack()
    mid.tracks.append(track)
    tps = 960
    events = []  # (class name, start seconds, length seconds)
    t = 0.0
    pending = []

    def add(at, msg):
        pending.append((at, msg))

    drums = list(range(35, 82))
    for prog in range(128):
        add(t, mido.Message("program_change", channel=0, program=prog))
        for _ in range(args.notes):
            note = int(rng.integers(40, 85))
            dur = float(rng.uniform(0.25, 0.95))
            add(t + 0.05, mido.Message("note_on", channel=0, note=note, velocity=int(rng.integers(50, 127))))
            add(t + 0.05 + dur, mido.Message("note_off", channel=0, note=note, velocity=0))
            events.append((f"gm:{prog}", t, slot))
            t += slot
    for d in drums:
        for _ in range(max(4, args.notes // 2)):
            add(t + 0.05, mido.Message("note_on", channel=9, note=d, velocity=int(rng.integers(50, 127))))
            add(t + 0.3, mido.Message("note_off", channel=9, note=d, velocity=0))
            events.append((f"drum:{d}", t, 1.0))
            t += 1.0
    pending.sort(key=lambda p: p[0])
    last = 0
    for at, msg in pending:
        tick = int(round(at * tps))
        track.append(msg.copy(time=tick - last))
        last = tick
    with tempfile.TemporaryDirectory() as tmp:
        mpath = os.path.join(tmp, "notes.mid")
        wpath = os.path.join(tmp, "notes.wav")
        mid.save(mpath)
        subprocess.run(["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-g", "0.8", "-r", str(SR),
                        "-F", wpath, "/usr/share/sounds/sf2/FluidR3_GM.sf2", mpath], check=True,
                       stdout=subprocess.DEVNULL)
        import wave

        with wave.open(wpath) as w:
            assert w.getframerate() == SR, w.getframerate()
            raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
            raw = raw.reshape(-1, w.getnchannels()).mean(1)
    by = {}
    for name, start, length in events:
        a = int(start * SR)
        x = trim(raw[a: a + int(length * SR)], db=-50)
        if len(x) > SR // 20:
            by.setdefault(name, []).append(x)
    return sorted(by.items(), key=lambda kv: (kv[0].split(":")[0], int(kv[0].split(":")[1])))


def colored_noise(rng, n, exponent):
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spec)) + 1.0
    x = np.fft.irfft(spec / f ** (exponent / 2), n)
    return (x / (np.abs(x).max() + 1e-9)).astype(np.float32)


def noise_classes(rng, k):
    out = []
    for name, exp in [("noise:white", 0), ("noise:pink", 1), ("noise:brown", 2)]:
        out.append((name, [colored_noise(rng, SR, exp) * float(rng.uniform(0.05, 0.8)) for _ in range(k)]))
    hums = []
    for _ in range(k):
        f0 = float(rng.choice([50, 60, 100, 120]))
        t = np.arange(SR) / SR
        x = sum(np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 6)) / h for h in range(1, 6))
        hums.append((x / np.abs(x).max() * rng.uniform(0.05, 0.5) + colored_noise(rng, SR, 1) * 0.02).astype(np.float32))
    out.append(("noise:hum", hums))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=19)
    p.add_argument("--per-word", type=int, default=20)
    p.add_argument("--pseudo-per-lang", type=int, default=30)
    p.add_argument("--korean", type=int, default=100)
    p.add_argument("--pinyin", type=int, default=40)
    p.add_argument("--notes", type=int, default=12)
    p.add_argument("--out", default=OUT)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    classes = speech_classes(rng, args)
    print(f"speech: {len(classes)} classes ({time.time() - t0:.0f} s)", flush=True)
    inst = instrument_classes(rng, args)
    print(f"instruments: {len(inst)} classes ({time.time() - t0:.0f} s)", flush=True)
    classes += inst + noise_classes(rng, args.notes * 2)
    names, labels, offsets, chunks = [], [], [0], []
    for k, (name, clips) in enumerate(classes):
        names.append(name)
        for x in clips:
            if not name.startswith("noise:"):
                x = trim(x)
            if len(x) < SR // 20:
                continue
            x = x[: int(1.6 * SR)]  # long words are cut at training time to a 1-s window anyway
            x = x / (np.abs(x).max() + 1e-9) * 0.9
            chunks.append(np.clip(x * 32767, -32768, 32767).astype(np.int16))
            labels.append(k)
            offsets.append(offsets[-1] + len(x))
    os.makedirs(args.out, exist_ok=True)
    np.savez(os.path.join(args.out, "clips.npz"), samples=np.concatenate(chunks), offsets=np.array(offsets),
             labels=np.array(labels, dtype=np.int32), names=np.array(names))
    kinds = {}
    for n in names:
        kinds[n.split(":")[0]] = kinds.get(n.split(":")[0], 0) + 1
    print(f"{len(labels)} clips, {len(names)} classes {kinds}, {offsets[-1] / SR / 3600:.2f} h, {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
