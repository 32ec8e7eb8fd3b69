// A dropout layer whose masks are reproducible yet different on every training step.
import * as tf from '@tensorflow/tfjs';

/** The base layer settings tfjs accepts (name, inputShape, batchInputShape …). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Settings of a SeededDropout layer, plus the usual layer settings. */
export interface SeededDropoutArgs extends LayerArgs {
  /** Fraction of inputs zeroed during training, in [0, 1). */
  rate: number;
  /** Base seed; unset means random masks. */
  seed?: number;
}

/**
 * Dropout that is active only while training. tfjs's own Dropout with a `seed` draws the
 * *same* mask on every call (it re-seeds each time), which would freeze one sub-network;
 * without a seed it uses Math.random and cannot be reproduced. This layer adds a call
 * counter to the seed so masks differ per step but replay identically for the same seed.
 */
export class SeededDropout extends tf.layers.Layer {
  /** Name used when the model is saved and loaded. */
  static className = 'SeededDropout';
  readonly rate: number;
  readonly seed?: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    const { rate, seed, ...layerArgs } = args;
    super(layerArgs);
    this.rate = rate;
    this.seed = seed;
    this.supportsMasking = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (kwargs.training !== true || this.rate <= 0) return x.clone();
      const seed = this.seed === undefined ? undefined : this.seed + this.calls++;
      return tf.dropout(x, this.rate, undefined, seed);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null };
  }

  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    // Pass everything through so batchInputShape (set on a first layer) survives a reload.
    return new cls({ ...config, seed: (config.seed as number | null) ?? undefined });
  }
}

tf.serialization.registerClass(SeededDropout);
