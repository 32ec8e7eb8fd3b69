// Public entry of lib/lab: Playground datasets, features, output heads, URL state and the network.
export { generatePoints, splitPoints, makeDataset, pointsToDraw, MAX_DRAWN_POINTS } from './datasets';
export { featureValue, featurize, resolveFeatures, gridPoints } from './features';
export { csvToDataset, guessProblem, type CsvColumnChoice, type CsvDataset } from './csv-dataset';
export { allowedHeads, defaultHead, matchHead, headSpec, encodeTargets } from './heads';
export { encodeState, decodeState } from './url-state';
export {
  PlaygroundNetwork,
  createPlaygroundNetwork,
  type PlaygroundNetworkOptions,
  type PlaygroundLosses,
  type PlaygroundSnapshot,
} from './playground';
export { PLAYGROUND_ENGINES, type PlaygroundEngine } from './playground-backends';
export {
  DenseEngine,
  denseEngineSupports,
  type DenseEngineCompile,
  type DenseEngineLoss,
  type DenseEngineWeights,
} from './dense-engine';
export * from './constants';
export type * from './types';
export {
  DEFAULT_FORECAST_CONFIG,
  noisySine,
  prepareSeries,
  resolveForecastConfig,
  runForecast,
  type CellName,
  type ForecastConfig,
  type ForecastMetrics,
  type ForecastResult,
  type PreparedSeries,
} from './forecast';
export { BUILTIN_SERIES, MIN_SERIES_LENGTH, seriesFromCsv, type BuiltinSeries } from './series';
export {
  DIGIT_PIXELS,
  DEFAULT_AUTOENCODER_CONFIG,
  DigitAutoencoder,
  ANOMALY_HISTOGRAM_BINS,
  LOG_HISTOGRAM_RATIO,
  anomalyReport,
  anomalyReportFromScores,
  flagAt,
  projectTo2d,
  selectDigits,
  type AnomalyReport,
  type AutoencoderLabConfig,
  type ErrorHistogram,
} from './autoencoder';
export {
  BUILTIN_TABLES,
  DEFAULT_TABLE_AUTOENCODER_CONFIG,
  MAX_LABEL_VALUES,
  MIN_NORMAL_TRAIN_ROWS,
  TableAutoencoder,
  guessTableChoice,
  prepareTable,
  resolveTableAutoencoderConfig,
  tableAnomalyReport,
  valueCounts,
  type BuiltinTable,
  type PrepareTableOptions,
  type TableAutoencoderConfig,
  type TableChoice,
  type TableData,
  type TableRows,
} from './tabular-autoencoder';
export {
  CNN_INPUT_SHAPE,
  DEFAULT_CNN_STACK,
  NEW_CNN_LAYER,
  checkCnnStack,
  convFilters,
  convLayerIndices,
  featureMaps,
  type CnnLabLayer,
  type CnnLabLayerKind,
  type CnnStackCheck,
  type CnnStackProblem,
  type CnnSummaryRow,
  type FeatureMaps,
} from './cnn-lab';
export {
  AUTOENCODER_ALL_TRAIN,
  AUTOENCODER_ANOMALY_EACH,
  AUTOENCODER_MAP_DIGITS,
  AUTOENCODER_NORMAL_TRAIN,
  AUTOENCODER_SHOW,
  TABLE_SAMPLE_EACH,
  flaggedAt,
  mapBounds,
  trainDigitAutoencoder,
  trainTableAutoencoder,
  walkToPoint,
  type AutoencoderDigits,
  type AutoencoderRunOptions,
  type CodeMap,
  type DigitAutoencoderRun,
  type MapBounds,
  type TableAutoencoderRun,
} from './autoencoder-runs';
