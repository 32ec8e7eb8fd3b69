#!/usr/bin/python3
"""Generates the Image studio's test fixtures (no photos can be downloaded here).

Two visually distinct, photo-like object classes drawn with PIL, each on a varied textured
background with random position, size, rotation, lighting and blur:
  ball  - a shaded round ball (warm colours) with a highlight and a shadow
  block - a striped rectangular block (cool colours), rotated
Writes tests/fixtures/image/{ball,block}-NN.ppm (raw RGB, read by the unit tests without an
image decoder) and a few .jpg/.png copies for the e2e upload test. Deterministic (seeded).
Run: /usr/bin/python3 scripts/make-image-fixtures.py
"""
import os
import random

from PIL import Image, ImageDraw, ImageFilter

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'image')
SIZE = 96
N = 16
rng = random.Random(7)


def background():
    base = tuple(rng.randint(90, 200) for _ in range(3))
    img = Image.new('RGB', (SIZE, SIZE), base)
    d = ImageDraw.Draw(img)
    # A table edge / wall split and some speckle so backgrounds are not flat.
    y = rng.randint(SIZE // 3, SIZE - 10)
    d.rectangle([0, y, SIZE, SIZE], fill=tuple(max(0, c - rng.randint(20, 60)) for c in base))
    for _ in range(120):
        x, yy = rng.randrange(SIZE), rng.randrange(SIZE)
        v = rng.randint(-25, 25)
        px = img.getpixel((x, yy))
        d.point((x, yy), fill=tuple(min(255, max(0, c + v)) for c in px))
    return img


def ball():
    img = background()
    d = ImageDraw.Draw(img)
    r = rng.randint(18, 32)
    cx, cy = rng.randint(r, SIZE - r), rng.randint(r, SIZE - r)
    col = (rng.randint(190, 255), rng.randint(40, 140), rng.randint(0, 60))
    d.ellipse([cx - r + 4, cy + r - 6, cx + r + 4, cy + r + 2], fill=(50, 50, 50))
    for i in range(r, 0, -1):
        k = 0.55 + 0.45 * (1 - i / r)
        d.ellipse([cx - i, cy - i, cx + i, cy + i], fill=tuple(int(c * k) for c in col))
    h = max(2, r // 4)
    d.ellipse([cx - r // 2 - h, cy - r // 2 - h, cx - r // 2 + h, cy - r // 2 + h], fill=(255, 250, 240))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))


def block():
    img = background()
    w, h = rng.randint(36, 60), rng.randint(24, 44)
    tile = Image.new('RGBA', (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(tile)
    col = (rng.randint(0, 60), rng.randint(80, 160), rng.randint(170, 255))
    d.rectangle([0, 0, w - 1, h - 1], fill=col + (255,))
    stripe = rng.randint(4, 8)
    for x in range(0, w, stripe * 2):
        d.rectangle([x, 0, x + stripe - 1, h - 1], fill=(240, 240, 240, 255))
    tile = tile.rotate(rng.uniform(-35, 35), expand=True)
    x, y = rng.randint(0, SIZE - tile.width), rng.randint(0, SIZE - tile.height)
    img.paste(tile, (x, y), tile)
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))


os.makedirs(OUT, exist_ok=True)
for name, fn in (('ball', ball), ('block', block)):
    for i in range(N):
        img = fn()
        img.save(os.path.join(OUT, f'{name}-{i:02d}.ppm'))
        if i < 4:
            img.save(os.path.join(OUT, f'{name}-{i:02d}.jpg'), quality=90)
    fn().save(os.path.join(OUT, f'{name}-extra.png'))
with open(os.path.join(OUT, 'not-an-image.png'), 'w') as f:
    f.write('This is a text file pretending to be a PNG image.\n')
print('wrote fixtures to', os.path.abspath(OUT))
