// Colour scales for the Playground's heat maps, points and links (TF Playground's orange–grey–blue).
import type { PlaygroundSnapshot, Point2D, ProblemKind } from '@/lib/lab';

type RGB = [number, number, number];

const NEG: RGB = [245, 147, 34];
const MID: RGB = [232, 234, 235];
const POS: RGB = [8, 119, 189];

/** Class colours: orange and blue first so two-class pictures match TF Playground. */
export const CLASS_COLORS: readonly RGB[] = [
  NEG,
  POS,
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [23, 190, 207],
];

function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Colour of a value in [-1, 1] (clamped): orange for negative, grey for 0, blue for positive. */
export function divergingColor(v: number): RGB {
  const c = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  return c < 0 ? mix(MID, NEG, -c) : mix(MID, POS, c);
}

/** CSS rgb() of a class or a value, for points and links. */
export function css(rgb: RGB): string {
  return `rgb(${rgb.map((x) => Math.round(x)).join(',')})`;
}

/** Autoencoder maps: normal rows in the Playground's blue, anomalous ones in its orange. */
export const NORMAL_COLOR = css(POS);
export const ANOMALY_COLOR = css(NEG);

/** Colour of a data point's label. */
export function pointColor(p: Point2D, problem: ProblemKind): RGB {
  return problem === 'regression' ? divergingColor(p.label) : CLASS_COLORS[p.label % CLASS_COLORS.length];
}

/** Paints a size×size map of values in [-1, 1] into a canvas (1 pixel per cell; CSS scales it). */
export function paintMap(
  canvas: HTMLCanvasElement,
  size: number,
  values: Float32Array,
  toColor: (v: number, i: number) => RGB,
): void {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const [r, g, b] = toColor(values[i], i);
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** Colour for the output map: class-1 probability (binary), winning class faded by confidence, or value. */
export function outputColorFn(
  snap: PlaygroundSnapshot,
  problem: ProblemKind,
  numClasses: number,
): (v: number, i: number) => RGB {
  if (problem === 'regression') return (v) => divergingColor(v);
  if (snap.confidence) {
    const conf = snap.confidence;
    // Fade towards grey where the network is unsure (confidence near 1 / numClasses).
    return (v, i) =>
      mix(
        MID,
        CLASS_COLORS[v % CLASS_COLORS.length],
        Math.max(0, (conf[i] - 1 / numClasses) / (1 - 1 / numClasses)) * 0.85,
      );
  }
  return (v) => divergingColor((2 * v - 1) * 0.85);
}
