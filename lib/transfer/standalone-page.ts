// A single self-contained HTML page that runs an exported model with no network: tf.min.js, the
// model and its weights are inlined, so it works when opened from file:// or a USB stick. It runs
// the webcam or a chosen picture and shows one bar per class, in the language it was exported in.

/** The words on the page (already translated). */
export interface StandalonePageTexts {
  title: string;
  camera: string;
  picture: string;
  loading: string;
  noCamera: string;
  made: string;
}

/** A graph model inlined into the page. */
export interface InlineModel {
  modelJson: unknown;
  weights: Uint8Array;
}

/** What {@link standaloneImagePage} needs. */
export interface StandaloneImagePageInput {
  /** BCP 47 language of the texts, e.g. "ko". */
  lang: string;
  texts: StandalonePageTexts;
  labels: readonly string[];
  colors: readonly string[];
  /** The standalone model: [1, h, w, 3] 0–255 pixels in, probabilities out. */
  model: InlineModel;
  /** The source of tf.min.js (same version as the app). */
  tfjs: string;
  /** Extra scripts (inlined in order) and the page's own program; defaults to the image program. */
  extraScripts?: string[];
  program?: string;
  /** More data for the program, as JSON. */
  extra?: Record<string, unknown>;
}

/** Base64 of bytes, in chunks (works for tens of megabytes in browsers and Node). */
export function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A script's text made safe inside an inline <script> element. */
function inlineScript(source: string): string {
  return `<script>${source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')}</script>`;
}

/** JSON safe inside an inline <script> element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The shared page program: loads DATA.model, draws bars, runs the camera or a picture. */
const COMMON_PROGRAM = String.raw`
function b64ToBuffer(s) {
  var bin = atob(s), out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}
function loadInline(m) {
  var j = m.modelJson;
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: j.modelTopology, format: j.format, signature: j.signature,
    weightSpecs: j.weightsManifest.reduce(function (a, g) { return a.concat(g.weights); }, []),
    weightData: b64ToBuffer(m.weights)
  }));
}
var bars = document.getElementById('bars');
var statusEl = document.getElementById('status');
DATA.labels.forEach(function (label, i) {
  var row = document.createElement('div');
  row.className = 'bar';
  row.setAttribute('data-label', label);
  row.setAttribute('data-value', '0');
  row.innerHTML = '<span class="name"></span><span class="track"><span class="fill"></span></span><span class="pct">0%</span>';
  row.querySelector('.name').textContent = label;
  row.querySelector('.fill').style.background = DATA.colors[i % DATA.colors.length];
  bars.appendChild(row);
});
function show(probs) {
  var rows = bars.children, best = 0;
  for (var i = 0; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  for (var k = 0; k < rows.length; k++) {
    var p = probs[k] || 0;
    rows[k].setAttribute('data-value', String(p));
    rows[k].querySelector('.fill').style.width = (p * 100).toFixed(1) + '%';
    rows[k].querySelector('.pct').textContent = Math.round(p * 100) + '%';
    rows[k].classList.toggle('best', k === best);
  }
  document.body.setAttribute('data-top', DATA.labels[best]);
}
var video = document.getElementById('video');
var still = document.getElementById('still');
var live = false;
function startCamera() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { statusEl.textContent = DATA.texts.noCamera; return; }
  navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false })
    .then(function (stream) {
      video.srcObject = stream; video.hidden = false; still.hidden = true; live = true;
      return video.play();
    })
    .then(function () { statusEl.textContent = ''; requestAnimationFrame(loop); })
    .catch(function () { statusEl.textContent = DATA.texts.noCamera; });
}
var busy = false;
function loop() {
  if (!live) return;
  if (!busy && video.readyState >= 2 && video.videoWidth > 0) {
    busy = true;
    predict(video).then(function (p) { if (p) show(p); busy = false; }, function () { busy = false; });
  }
  requestAnimationFrame(loop);
}
document.getElementById('cam').addEventListener('click', startCamera);
document.getElementById('file').addEventListener('change', function (e) {
  var f = e.target.files && e.target.files[0];
  if (!f) return;
  live = false;
  if (video.srcObject) { video.srcObject.getTracks().forEach(function (t) { t.stop(); }); video.srcObject = null; }
  video.hidden = true;
  still.src = URL.createObjectURL(f); still.hidden = false;
  createImageBitmap(f).then(function (bmp) {
    return predict(bmp).then(function (p) { bmp.close(); if (p) show(p); document.body.setAttribute('data-done', 'picture'); });
  });
});
`;

/** The image program: the standalone model takes the pixels and returns the probabilities. */
const IMAGE_PROGRAM = String.raw`
var model = null;
function predict(source) {
  if (!model) return Promise.resolve(null);
  var out = tf.tidy(function () { return model.predict(tf.browser.fromPixels(source).toFloat().expandDims(0)); });
  return out.data().then(function (d) { out.dispose(); return Array.prototype.slice.call(d); });
}
loadInline(DATA.model).then(function (m) {
  model = m;
  statusEl.textContent = '';
  document.body.setAttribute('data-ready', tf.getBackend());
}, function (e) { statusEl.textContent = String(e && e.message || e); });
`;

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:720px;padding:16px;color:#0f172a}
h1{font-size:1.6rem}
.row{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
button,.pick{font-size:1.1rem;min-height:48px;padding:8px 18px;border-radius:12px;border:0;background:#4f46e5;color:#fff;cursor:pointer;display:inline-flex;align-items:center}
.pick input{position:absolute;opacity:0;width:1px;height:1px}
.pick:focus-within,button:focus{outline:3px solid #f59e0b}
video,img{max-width:100%;border-radius:12px}
video{transform:scaleX(-1)}
.bar{display:grid;grid-template-columns:minmax(80px,30%) 1fr 3.5em;gap:8px;align-items:center;margin:6px 0;font-size:1.1rem}
.bar.best .name{font-weight:700}
.track{background:#e2e8f0;border-radius:8px;height:24px;overflow:hidden}
.fill{display:block;height:100%;width:0}
.pct{text-align:right;font-variant-numeric:tabular-nums}
.small{font-size:.85rem;color:#475569}
`;

/** The whole page as one HTML string. */
export function standaloneImagePage(input: StandaloneImagePageInput): string {
  const data = {
    labels: input.labels,
    colors: input.colors,
    texts: input.texts,
    model: { modelJson: input.model.modelJson, weights: toBase64(input.model.weights) },
    ...(input.extra ?? {}),
  };
  const t = input.texts;
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; style-src 'unsafe-inline'; img-src blob: data:; media-src blob: mediastream:; worker-src blob:; connect-src data: blob:">
<title>${escapeHtml(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p id="status" role="status">${escapeHtml(t.loading)}</p>
<div class="row">
<button id="cam" type="button">${escapeHtml(t.camera)}</button>
<label class="pick">${escapeHtml(t.picture)}<input id="file" type="file" accept="image/*"></label>
</div>
<video id="video" playsinline muted hidden></video>
<img id="still" alt="" hidden>
<div id="bars" aria-live="polite"></div>
<p class="small">${escapeHtml(t.made)}</p>
${inlineScript(input.tfjs)}
${(input.extraScripts ?? []).map(inlineScript).join('\n')}
<script>var DATA = ${inlineJson(data)};</script>
${inlineScript(COMMON_PROGRAM + (input.program ?? IMAGE_PROGRAM))}
</body>
</html>
`;
}
