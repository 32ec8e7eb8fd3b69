// Calibrates the shipped digit models' confidence (temperature scaling) and picks the "I'm not sure"
// threshold from measured error rates, on the 2,000 held-out MNIST digits: each as stored and as a
// "pen-like" copy (slanted, sheared, stretched, thicker or thinner strokes, then normalised by
// preprocessDigit as a drawing is), because real pen digits are further from MNIST than MNIST's own test
// set. Fit on the even rows, report on the odd rows. Run:
//   npx vitest run --config bench/vitest.eval.config.ts bench/digits-calibration.eval.ts
// Writes bench/results/digits-calibration-<time>.json and prints it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';

import { createRng, type Rng } from '@/lib/data';
import {
  calibrateProbabilities,
  chooseUnsureThreshold,
  DIGIT_MODEL_NAMES,
  expectedCalibrationError,
  fitTemperature,
  loadDigitModel,
  loadMnist,
  negativeLogLikelihood,
  unsureRates,
} from '@/lib/pretrained/digits';
import { fsFetch, fsModelHandler, modelDir, REPO_ROOT } from '@/lib/pretrained/digits/node-files.test-util';
import { preprocessDigit } from '@/lib/vision';

const UP = 3;
const BIG = 28 * UP;

/** A held-out digit redrawn the way a child's pen differs from MNIST; null if it vanished. */
function penLike(img: Float32Array, rng: Rng): Float32Array | null {
  const u = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const angle = (u(-22, 22) * Math.PI) / 180;
  const shear = u(-0.35, 0.35);
  const sx = u(0.75, 1.25);
  const sy = u(0.85, 1.15);
  // Forward map (about the centre): rotate · shear · scale; sample the source through its inverse.
  const [a, b, c, d] = [
    Math.cos(angle) * sx,
    (Math.cos(angle) * shear - Math.sin(angle)) * sy,
    Math.sin(angle) * sx,
    (Math.sin(angle) * shear + Math.cos(angle)) * sy,
  ];
  const det = a * d - b * c;
  const [ia, ib, ic, id] = [d / det, -b / det, -c / det, a / det];
  let ink = new Float32Array(BIG * BIG);
  for (let y = 0; y < BIG; y++)
    for (let x = 0; x < BIG; x++) {
      const dx = (x + 0.5) / UP - 14;
      const dy = (y + 0.5) / UP - 14;
      const sxp = ia * dx + ib * dy + 14 - 0.5;
      const syp = ic * dx + id * dy + 14 - 0.5;
      const x0 = Math.floor(sxp);
      const y0 = Math.floor(syp);
      const fx = sxp - x0;
      const fy = syp - y0;
      const px = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx > 27 || yy > 27 ? 0 : img[yy * 28 + xx]);
      ink[y * BIG + x] =
        px(x0, y0) * (1 - fx) * (1 - fy) +
        px(x0 + 1, y0) * fx * (1 - fy) +
        px(x0, y0 + 1) * (1 - fx) * fy +
        px(x0 + 1, y0 + 1) * fx * fy;
    }
  // Pen width: thicker (max filter, radius 1–4 of the 84-px drawing) or thinner (min filter, radius 1–2).
  const r = Math.floor(u(-2, 5));
  if (r !== 0) {
    const out = new Float32Array(BIG * BIG);
    const rad = Math.abs(r);
    for (let y = 0; y < BIG; y++)
      for (let x = 0; x < BIG; x++) {
        let v = r > 0 ? 0 : 1;
        for (let yy = Math.max(0, y - rad); yy <= Math.min(BIG - 1, y + rad); yy++)
          for (let xx = Math.max(0, x - rad); xx <= Math.min(BIG - 1, x + rad); xx++)
            v = r > 0 ? Math.max(v, ink[yy * BIG + xx]) : Math.min(v, ink[yy * BIG + xx]);
        out[y * BIG + x] = v;
      }
    ink = out;
  }
  const gray = new Uint8Array(BIG * BIG);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round(255 * (1 - Math.min(1, ink[i])));
  return preprocessDigit({ data: gray, width: BIG, height: BIG });
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

it('fits temperature and the unsure threshold of each shipped digit model', async () => {
  await tf.setBackend('wasm');
  const mnist = await loadMnist(fsFetch(path.join(REPO_ROOT, 'public', 'data', 'mnist')));
  const n = mnist.testLabels.length;
  const rng = createRng(20261202);
  const penImages: Float32Array[] = [];
  const penLabels: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = penLike(mnist.testImages.subarray(i * 784, (i + 1) * 784), rng);
    if (p) {
      penImages.push(p);
      penLabels.push(mnist.testLabels[i]);
    }
  }
  const pens = new Float32Array(penImages.length * 784);
  penImages.forEach((p, i) => pens.set(p, i * 784));

  const results: Record<string, unknown> = {};
  for (const name of DIGIT_MODEL_NAMES) {
    const model = await loadDigitModel(fsModelHandler(modelDir(name)));
    const clean = model.predictBatch(mnist.testImages);
    const pen = model.predictBatch(pens);
    model.dispose();
    // Fit on even rows of both sets, report on odd rows.
    const rows = [...clean, ...pen];
    const labels = [...Array.from(mnist.testLabels), ...penLabels];
    const fitIdx = rows.map((_, i) => i).filter((i) => i % 2 === 0);
    const evalIdx = rows.map((_, i) => i).filter((i) => i % 2 === 1);
    const pick = (idx: number[]) => [idx.map((i) => rows[i]), idx.map((i) => labels[i])] as const;
    const [fitRows, fitLabels] = pick(fitIdx);
    const [evalRows, evalLabels] = pick(evalIdx);
    const T = fitTemperature(fitRows, fitLabels);
    const cal = (rs: readonly number[][]) => rs.map((p) => calibrateProbabilities(p, T));
    const chosen = chooseUnsureThreshold(cal(fitRows), fitLabels, 0.05);
    const threshold = chosen.threshold;
    const penEval = evalIdx.filter((i) => i >= clean.length);
    const [penRows, penLab] = pick(penEval);
    const wrongPen = penRows.filter((p, i) => p.indexOf(Math.max(...p)) !== penLab[i]);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
    results[name] = {
      temperature: r4(T),
      unsureBelow: threshold,
      fit: chosen,
      evalHalf: {
        digits: evalRows.length,
        accuracy: r4(
          evalRows.filter((p, i) => p.indexOf(Math.max(...p)) === evalLabels[i]).length / evalRows.length,
        ),
        nll: {
          before: r4(negativeLogLikelihood(evalRows, evalLabels)),
          after: r4(negativeLogLikelihood(cal(evalRows), evalLabels)),
        },
        ece: {
          before: r4(expectedCalibrationError(evalRows, evalLabels)),
          after: r4(expectedCalibrationError(cal(evalRows), evalLabels)),
        },
        old06: unsureRates(evalRows, evalLabels, 0.6),
        chosen: unsureRates(cal(evalRows), evalLabels, threshold),
      },
      penEvalHalf: {
        digits: penRows.length,
        accuracy: r4(1 - wrongPen.length / penRows.length),
        medianConfidenceOfWrong: {
          before: r4(median(wrongPen.map((p) => Math.max(...p)))),
          after: r4(median(cal(wrongPen).map((p) => Math.max(...p)))),
        },
        old06: unsureRates(penRows, penLab, 0.6),
        chosen: unsureRates(cal(penRows), penLab, threshold),
      },
    };
  }
  expect(Object.keys(results)).toHaveLength(DIGIT_MODEL_NAMES.length);
  const out = { date: new Date().toISOString(), penLikeDigits: penImages.length, results };
  mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(REPO_ROOT, `bench/results/digits-calibration-${out.date.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(out, null, 2),
  );
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
});
