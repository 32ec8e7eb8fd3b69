// Reusable pieces of a "teachable" studio (classes → samples → train → preview). See lib/transfer.
export { ClassCard, MAX_THUMBS_SHOWN, type ClassCardProps } from './class-card';
export { ModelSourceToggle, type ModelSourceToggleProps } from './model-source-toggle';
export { PredictionPanel, type PredictionPanelProps } from './prediction-panel';
export { TrainPanel, type TrainPanelProps } from './train-panel';
export {
  useHeadTraining,
  type StartTrainingInput,
  type TrainingState,
  type TrainingStatus,
} from './use-head-training';
export {
  DEFAULT_AUGMENT,
  emptyProject,
  newId,
  useTransferProject,
  type TransferProjectApi,
} from './use-transfer-project';
export { CLASS_COLORS } from '@/components/ui/palette';
