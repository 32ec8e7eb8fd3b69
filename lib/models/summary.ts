// Plain-data model summary (layer rows and parameter counts) for a UI table.
import type * as tf from '@tensorflow/tfjs';
import type { LayerSummary, ModelSummary } from './types';

type Shape = (number | null)[];

function outputShapeOf(layer: tf.layers.Layer): Shape {
  try {
    const s = layer.outputShape as Shape | Shape[];
    return (Array.isArray(s[0]) ? s[0] : s) as Shape;
  } catch {
    // A sub-model reused in several graphs (e.g. an encoder inside an autoencoder) has one
    // output shape per use, and tfjs refuses `outputShape`; report its latest use.
    const nodes = layer.inboundNodes;
    const s = nodes[nodes.length - 1].outputShapes as Shape | Shape[];
    return (Array.isArray(s[0]) ? s[0] : s) as Shape;
  }
}

/** Summarises a model's layers (the implicit InputLayer is left out) and parameter counts. */
export function summarizeModel(model: tf.LayersModel): ModelSummary {
  const layers: LayerSummary[] = model.layers
    .filter((l) => l.getClassName() !== 'InputLayer')
    .map((l) => ({
      name: l.name,
      className: l.getClassName(),
      outputShape: outputShapeOf(l),
      params: l.countParams(),
      trainable: l.trainable,
    }));
  const count = (ws: tf.LayerVariable[]) =>
    ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  return {
    layers,
    totalParams: model.countParams(),
    trainableParams: count(model.trainableWeights),
  };
}
