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
export const CLASS_COLORS = [
  '#6366f1',
  '#f59e0b',
  '#10b981',
  '#ec4899',
  '#0ea5e9',
  '#84cc16',
  '#ef4444',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
];
