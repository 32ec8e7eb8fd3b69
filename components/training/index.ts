// Training UI state shared by every studio that trains a model.
export {
  useTrainingRun,
  type EpochMetrics,
  type RunPhase,
  type TrainingRun,
  type TrainingRunContext,
  type TrainingRunState,
} from './use-training-run';
