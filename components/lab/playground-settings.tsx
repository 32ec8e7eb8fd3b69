'use client';
// The Playground's training settings: activation, output and loss, optimizer, learning rate, weight
// penalty, dropout, and which engine does the arithmetic.
import { useT } from '@/components/i18n/i18n-provider';
import { Select, Slider } from '@/components/ui';
import {
  OUTPUT_HEADS,
  PLAYGROUND_ACTIVATIONS,
  PLAYGROUND_ENGINES,
  allowedHeads,
  type HideableControl,
  type OutputHead,
  type PlaygroundEngine,
  type PlaygroundState,
  type ProblemKind,
} from '@/lib/lab';
import type { OptimizerName } from '@/lib/models';

const OPTIMIZER_NAMES: OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Number choices as select options, with the current value kept even if it is not in the list. */
function numberOptions(list: number[], current: number) {
  return [...new Set([...list, current])]
    .sort((a, b) => a - b)
    .map((r) => ({ value: String(r), label: String(r) }));
}

interface Props {
  state: PlaygroundState;
  update: (patch: Partial<PlaygroundState>) => void;
  hidden: (c: HideableControl) => boolean;
  head: OutputHead;
  problem: ProblemKind;
  numClasses: number;
  engine: PlaygroundEngine;
  setEngine: (engine: PlaygroundEngine) => void;
}

/** The settings grid above the network picture. */
export function PlaygroundSettings({
  state,
  update,
  hidden,
  head,
  problem,
  numClasses,
  engine,
  setEngine,
}: Props) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {!hidden('activation') && (
        <Select
          id="pg-act"
          data-testid="activation"
          label={t('lab.pg.activation')}
          value={state.activation}
          options={PLAYGROUND_ACTIVATIONS.map((a) => ({ value: a, label: t(`lab.act.${a}`) }))}
          onChange={(activation) => update({ activation })}
        />
      )}
      {!hidden('output') && (
        <Select
          id="pg-out"
          data-testid="output-head"
          label={t('lab.pg.outputLoss')}
          value={head}
          options={OUTPUT_HEADS.filter((h) => allowedHeads(problem, numClasses).includes(h)).map((h) => ({
            value: h,
            label: t(`lab.head.${h}`),
          }))}
          onChange={(output) => update({ output })}
        />
      )}
      {!hidden('optimizer') && (
        <Select
          id="pg-opt"
          data-testid="optimizer"
          label={t('lab.pg.optimizer')}
          value={state.optimizer}
          options={OPTIMIZER_NAMES.map((o) => ({ value: o, label: t(`lab.opt.${o}`) }))}
          onChange={(optimizer) => update({ optimizer })}
        />
      )}
      {!hidden('learningRate') && (
        <Select
          id="pg-lr"
          data-testid="learning-rate"
          label={t('lab.pg.learningRate')}
          value={String(state.learningRate)}
          options={numberOptions(LEARNING_RATES, state.learningRate)}
          onChange={(v) => update({ learningRate: Number(v) })}
        />
      )}
      {!hidden('regularization') && (
        <>
          <Select
            id="pg-reg"
            label={t('lab.pg.regularization')}
            value={state.regularization}
            options={(['none', 'l1', 'l2'] as const).map((r) => ({ value: r, label: t(`lab.reg.${r}`) }))}
            onChange={(regularization) => update({ regularization })}
          />
          <Select
            id="pg-regrate"
            label={t('lab.pg.regRate')}
            value={String(state.regularizationRate)}
            disabled={state.regularization === 'none'}
            options={numberOptions(REG_RATES, state.regularizationRate)}
            onChange={(v) => update({ regularizationRate: Number(v) })}
          />
        </>
      )}
      {!hidden('dropout') && (
        <Slider
          label={t('lab.pg.dropout')}
          value={state.dropout}
          min={0}
          max={0.5}
          step={0.05}
          onChange={(dropout) => update({ dropout })}
          format={(v) => `${Math.round(v * 100)}%`}
          hint={t('lab.pg.dropoutHint')}
        />
      )}
      <Select
        id="pg-engine"
        data-testid="pg-engine"
        label={t('lab.pg.engine')}
        value={engine}
        options={PLAYGROUND_ENGINES.map((e) => ({ value: e, label: t(`lab.pg.engine.${e}`) }))}
        onChange={setEngine}
        hint={t(`lab.pg.engineHint.${engine}`)}
      />
    </div>
  );
}
