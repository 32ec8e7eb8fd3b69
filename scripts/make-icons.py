# Draws the app icons in public/icons/ (the same picture as app/icon.svg) with Pillow: python3 scripts/make-icons.py
from PIL import Image, ImageDraw
def draw(size, maskable=False):
    S = 8*size; k = S/64
    img = Image.new('RGBA', (S, S), (0,0,0,0)); d = ImageDraw.Draw(img)
    if maskable:
        d.rectangle([0,0,S,S], fill='#4f46e5'); k2 = k*0.78; off = (S-64*k2)/2
    else:
        d.rounded_rectangle([0,0,S-1,S-1], radius=14*k, fill='#4f46e5'); k2=k; off=0
    P = lambda x,y: (off+x*k2, off+y*k2); w = 4*k2
    for a,b in [((22,22),(42,31)),((22,42),(42,33))]:
        d.line([P(*a),P(*b)], fill='white', width=int(w))
        for p in (a,b): x,y=P(*p); d.ellipse([x-w/2,y-w/2,x+w/2,y+w/2], fill='white')
    for cx,cy in [(18,22),(18,42),(46,32)]:
        x,y=P(cx,cy); r=4*k2
        d.ellipse([x-r-w/2,y-r-w/2,x+r+w/2,y+r+w/2], outline='white', width=int(w))
    return img.resize((size,size), Image.LANCZOS)
draw(192).save('public/icons/icon-192.png'); draw(512).save('public/icons/icon-512.png')
draw(512, True).save('public/icons/maskable-512.png'); draw(180, True).save('public/icons/apple-touch-icon.png')
