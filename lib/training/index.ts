// Public entry of lib/training: the train loop, options, metrics and prediction helpers.
export { train, accuracyOn } from './train';
export { resolveTrainOptions } from './options';
export { predictClasses, predictProbabilities } from './predict';
export type { PredictInput } from './predict';
export {
  accuracy,
  perClassAccuracy,
  confusionMatrix,
  mse,
  mae,
  rmse,
  mape,
  r2,
  rocCurve,
  auc,
  precisionRecallAt,
} from './metrics';
export { DEFAULT_TRAIN_OPTIONS, DEFAULT_EARLY_STOPPING, BINARY_THRESHOLD, MAX_EPOCHS } from './constants';
export type * from './types';
