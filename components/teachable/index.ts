// The teachable kit's UI (classes → examples → train → preview → save), used by the Image, Pose and
// Sound studios. The library half is lib/transfer; see lib/transfer/README.md.
export { ClassCard, MAX_THUMBS_SHOWN, type ClassCardProps } from './class-card';
export { ClassList, type ClassListProps } from './class-list';
export { ExportPageButton, type ExportPageButtonProps } from './export-page-button';
export { HeadSettings, type HeadSettingsProps } from './head-settings';
export { ModelSourceToggle, type ModelSourceToggleProps } from './model-source-toggle';
export { noticeOf } from './notice';
export { PredictionPanel, type PredictionPanelProps } from './prediction-panel';
export {
  ProjectFilesPanel,
  type FilesNamespace,
  type FilesNotice,
  type ProjectFilesPanelProps,
} from './project-files-panel';
export { RATE_WINDOW_MS, createRateMeter, roundRate } from './rate-meter';
export { SamplePreview } from './sample-preview';
export { drawSpectrogram, paintColumn } from './spectrogram';
export { StudioNotices, useStudioNotice, type StudioNoticesProps } from './studio-notices';
export { TrainPanel, type TrainPanelProps } from './train-panel';
export { TrainResults } from './train-results';
export {
  useTeachableProject,
  type SaveState,
  type TeachableProjectApi,
  type UseTeachableProjectOptions,
} from './use-teachable-project';
export {
  useTeachableStudio,
  type LearnerSource,
  type TeachableStudio,
  type TeachableStudioOptions,
} from './use-teachable-studio';
export { CLASS_COLORS } from '@/components/ui/palette';
export { useQuickModel, type QuickModel } from './use-quick-model';
