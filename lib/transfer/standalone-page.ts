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
  if (typeof resetModel === 'function') resetModel();
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
// "?backend=cpu" (or wasm, webgl) picks the TensorFlow.js backend; by default it chooses.
var wanted = new URLSearchParams(location.search).get('backend');
(wanted ? tf.setBackend(wanted) : tf.ready()).then(function () { return loadInline(DATA.model); }).then(function (m) {
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

/**
 * The pose program: MoveNet (pose-detection) finds the keypoints, they are normalised exactly as
 * lib/pose's normalizePose does (torso centre and size, low-score points masked) and the dense
 * head gives the probabilities. DATA.movenet is the keypoint model, DATA.head the layers model.
 */
const POSE_PROGRAM = String.raw`
var detector = null, head = null;
// A still picture is analysed on its own (MoveNet follows a person between video frames).
function resetModel() { if (detector) detector.reset(); }
function poseFrame(kp, minScore) {
  function ok(i) { return (kp[i] && kp[i].score || 0) >= minScore; }
  function mid(a, b) { return { x: (kp[a].x + kp[b].x) / 2, y: (kp[a].y + kp[b].y) / 2 }; }
  function dist(p, q) { return Math.hypot(p.x - q.x, p.y - q.y); }
  var sh = ok(5) && ok(6) ? mid(5, 6) : null, hp = ok(11) && ok(12) ? mid(11, 12) : null, sizes = [];
  if (sh && hp) sizes.push(dist(sh, hp));
  if (sh) sizes.push(dist(kp[5], kp[6]));
  if (hp) sizes.push(dist(kp[11], kp[12]));
  var centre = sh && hp ? { x: (sh.x + hp.x) / 2, y: (sh.y + hp.y) / 2 } : (sh || hp);
  var size = sizes.length ? Math.max.apply(null, sizes) : 0;
  if (!centre || !(size > 1e-6)) {
    var vis = kp.filter(function (k) { return k.score >= minScore; });
    if (vis.length < 2) return null;
    var xs = vis.map(function (k) { return k.x; }), ys = vis.map(function (k) { return k.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    centre = centre || { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    size = Math.max(x1 - x0, y1 - y0);
    if (!(size > 1e-6)) return null;
  }
  return { cx: centre.x, cy: centre.y, size: size };
}
function features(kp, minScore) {
  var out = new Float32Array(51), f = poseFrame(kp, minScore);
  if (!f) return out;
  for (var i = 0; i < 17; i++) {
    var k = kp[i];
    if (!k || k.score < minScore) continue;
    out[i * 3] = (k.x - f.cx) / f.size; out[i * 3 + 1] = (k.y - f.cy) / f.size; out[i * 3 + 2] = 1;
  }
  return out;
}
function predict(source) {
  if (!detector || !head) return Promise.resolve(null);
  var px = tf.browser.fromPixels(source);
  return detector.estimatePoses(px, { flipHorizontal: false, maxPoses: 1 }).then(function (poses) {
    px.dispose();
    var best = null;
    poses.forEach(function (p) {
      var kp = [];
      for (var i = 0; i < 17; i++) { var q = p.keypoints[i] || {}; kp.push({ x: q.x || 0, y: q.y || 0, score: q.score || 0 }); }
      var score = p.score != null ? p.score : kp.reduce(function (s, k) { return s + k.score; }, 0) / 17;
      if (!best || score > best.score) best = { kp: kp, score: score };
    });
    if (!best || best.score < DATA.minPoseScore) return null;
    var f = features(best.kp, DATA.normalization.minScore);
    var out = tf.tidy(function () { return head.predict(tf.tensor2d(f, [1, 51])); });
    return out.data().then(function (d) { out.dispose(); return Array.prototype.slice.call(d); });
  });
}
var wanted = new URLSearchParams(location.search).get('backend');
(wanted ? tf.setBackend(wanted) : tf.ready()).then(function () {
  var h = DATA.head;
  return Promise.all([
    poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
      modelType: DATA.movenetType,
      enableSmoothing: false,
      modelUrl: tf.io.fromMemory({
        modelTopology: DATA.movenet.modelJson.modelTopology, format: DATA.movenet.modelJson.format,
        signature: DATA.movenet.modelJson.signature,
        weightSpecs: DATA.movenet.modelJson.weightsManifest.reduce(function (a, g) { return a.concat(g.weights); }, []),
        weightData: b64ToBuffer(DATA.movenet.weights)
      })
    }),
    tf.loadLayersModel(tf.io.fromMemory({ modelTopology: h.modelTopology, weightSpecs: h.weightSpecs, weightData: b64ToBuffer(h.weights) }))
  ]);
}).then(function (r) {
  detector = r[0]; head = r[1];
  statusEl.textContent = '';
  document.body.setAttribute('data-ready', tf.getBackend());
}, function (e) { statusEl.textContent = String(e && e.message || e); });
`;

/** What {@link standalonePosePage} needs besides the shared page input. */
export interface StandalonePosePageInput extends Omit<
  StandaloneImagePageInput,
  'model' | 'program' | 'extra'
> {
  /** The MoveNet graph model (model.json object + weights). */
  movenet: InlineModel;
  /** pose-detection's model type, e.g. "SinglePose.Lightning". */
  movenetType: string;
  /** The pose head: its layers-model topology, weight specs and weights. */
  head: { modelTopology: unknown; weightSpecs: unknown; weights: Uint8Array };
  /** Keypoints scored below this are masked (the model's normalisation). */
  minScore: number;
  /** A pose scored below this gives no answer (the studio's threshold). */
  minPoseScore: number;
  /** The source of pose-detection.min.js. */
  poseDetection: string;
}

/** The pose page: MoveNet + the pose head, as one HTML file. */
export function standalonePosePage(input: StandalonePosePageInput): string {
  return standaloneImagePage({
    ...input,
    model: { modelJson: null, weights: new Uint8Array(0) },
    extraScripts: [input.poseDetection, ...(input.extraScripts ?? [])],
    program: POSE_PROGRAM,
    extra: {
      movenet: { modelJson: input.movenet.modelJson, weights: toBase64(input.movenet.weights) },
      movenetType: input.movenetType,
      head: {
        modelTopology: input.head.modelTopology,
        weightSpecs: input.head.weightSpecs,
        weights: toBase64(input.head.weights),
      },
      normalization: { minScore: input.minScore },
      minPoseScore: input.minPoseScore,
    },
  });
}
