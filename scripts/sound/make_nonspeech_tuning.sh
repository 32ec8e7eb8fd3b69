#!/usr/bin/env bash
# Renders the non-speech tuning clips for bench/sound-nonspeech.eval.ts into .cache/sfx (gitignored):
# SoX knocks, square-wave beeps, rain-like noise, brown/white noise with hum, and FluidSynth
# (FluidR3_GM) piano, guitar, flute and drum phrases. None of these are the test fixtures.
set -euo pipefail
mkdir -p "$(dirname "$0")/../../.cache/sfx"
cd "$(dirname "$0")/../../.cache/sfx"
F=(-R -r 16000 -c 1 -b 16)
T=$(mktemp -d)
# knocks: low band noise bursts, decaying
for set in a b; do
  if [ $set = a ]; then c=300; g=-3; else c=500; g=-8; fi
  parts=(); i=0
  for sp in 0.35 0.5 0.28 0.6 0.4 0.33 0.45 0.3 0.55 0.38 0.42 0.5; do
    sox "${F[@]}" -n $T/k$i.wav synth 0.08 brownnoise band $c 200 fade l 0.001 0.08 0.075 gain $g pad 0 $sp; parts+=($T/k$i.wav); i=$((i+1)); done
  sox "${parts[@]}" $T/knock.wav; sox "${F[@]}" -n $T/room.wav synth 6 pinknoise vol 0.003
  sox -m $T/knock.wav $T/room.wav "${F[@]}" knock-$set.wav trim 0 5 norm -6
  # beeps: square-ish tones
  if [ $set = a ]; then p=880; q=660; else p=520; q=1040; fi
  parts=(); i=0
  for sp in "0.4 $p" "0.3 $q" "0.5 $p" "0.35 $q" "0.45 $p" "0.3 $q" "0.4 $p" "0.5 $q"; do set -- $sp
    sox "${F[@]}" -n $T/b$i.wav synth $1 square $2 fade 0.01 $1 0.02 vol 0.3 pad 0 0.2; parts+=($T/b$i.wav); i=$((i+1)); done
  sox "${parts[@]}" $T/beep.wav; sox $T/beep.wav "${F[@]}" beep-$set.wav trim 0 5 norm -4 pad 0 2 trim 0 5
  # noise: brown/white + hum
  if [ $set = a ]; then n=brownnoise; else n=whitenoise; fi
  sox "${F[@]}" -n $T/n.wav synth 5 $n vol 0.05; sox "${F[@]}" -n $T/h.wav synth 5 sine 60 vol 0.01
  sox -m $T/n.wav $T/h.wav "${F[@]}" noise-$set.wav
  # rain-like: crackle of many tiny bursts -> use highpassed noise with tremolo
  sox "${F[@]}" -n rain-$set.wav synth 5 whitenoise highpass $([ $set = a ] && echo 2000 || echo 1200) tremolo $([ $set = a ] && echo 13 || echo 7) 80 vol 0.3
done
rm -rf $T
cat > midi.py <<'PY'
import mido, sys
for name, prog, base in [('piano-a',0,60),('piano-b',0,48),('flute-a',73,72),('flute-b',73,67),('guitar-a',24,52),('guitar-b',24,59),('drum-a',-1,38),('drum-b',-1,42)]:
    mid = mido.MidiFile(); tr = mido.MidiTrack(); mid.tracks.append(tr)
    ch = 9 if prog < 0 else 0
    if prog >= 0: tr.append(mido.Message('program_change', program=prog, channel=ch))
    notes = [0,4,7,12,7,4,2,5,9,0,4,7]
    for i,n in enumerate(notes):
        note = base + (n if prog >= 0 else [0,2,0,7,0,2,0,7,0,2,0,9][i])
        tr.append(mido.Message('note_on', note=note, velocity=60+ (i*7)%60, channel=ch, time=0 if i==0 else 60))
        tr.append(mido.Message('note_off', note=note, velocity=0, channel=ch, time=300+(i*37)%200))
    mid.save(name + '.mid')
PY
/usr/bin/python3 midi.py
for m in *.mid; do
  fluidsynth -ni -g 0.8 -r 16000 -F "${m%.mid}.raw.wav" /usr/share/sounds/sf2/FluidR3_GM.sf2 "$m" >/dev/null 2>&1
  sox "${m%.mid}.raw.wav" -r 16000 -c 1 -b 16 "${m%.mid}.wav" trim 0 5 norm -4
done
rm -f ./*.raw.wav
