// Shared presentational UI pieces (no tfjs imports).
export { Alert } from './alert';
export { Button } from './button';
export { ConfidenceBars } from './confidence-bars';
export { ConfusionMatrix } from './confusion-matrix';
export { LineChart, type ChartSeries } from './line-chart';
export { ModelSummaryTable, type SummaryRow } from './model-summary-table';
export { ProgressBar } from './progress-bar';
export { FileProgress, type FileProgressProps } from './file-progress';
export { Slider } from './slider';
export { TrainingCurves, type TrainingHistory } from './training-curves';
export { Card, type CardProps } from './card';
export { Field, type FieldProps } from './field';
export { CLASS_COLORS, NEUTRAL_CLASS_COLOR, classColor, hexToRgb } from './palette';
export { SELECT_CLASS, Select, type SelectOption, type SelectProps } from './select';
