'use client';
// Digits half of the Autoencoder lab: squeeze digits through a bottleneck, look at reconstructions
// and the code space, and use reconstruction error to spot digits unlike the ones it learned.
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { DigitImage } from '@/components/digits/digit-image';
import { useT } from '@/components/i18n/i18n-provider';
import { useCanSave } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun } from '@/components/training';
import { Alert, LineChart, Select, Slider, classColor } from '@/components/ui';
import {
  AUTOENCODER_SHOW,
  DEFAULT_AUTOENCODER_CONFIG,
  DIGIT_PIXELS,
  flaggedAt,
  mapBounds,
  trainDigitAutoencoder,
  walkToPoint,
  type AutoencoderLabConfig,
  type DigitAutoencoderRun,
} from '@/lib/lab';
import { digitsAutoencoderSchema, readStored } from '@/lib/files';
import { loadProject, saveProject } from '@/lib/persist';
import { loadMnist, type MnistData } from '@/lib/pretrained/digits';

import { AnomalyPanel } from './anomaly-panel';
import { LatentMapCard } from './latent-map';
import { LatentWalk } from './latent-walk';
import { RadioFieldset } from './radio-fieldset';
import { TrainStop } from './train-stop';

type Mode = 'all' | 'anomaly';
const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));
const LEGEND = DIGITS.map((d, i) => ({ color: classColor(i), text: d }));

const SAVE_KEY = 'lab/autoencoder-digits';
interface Saved {
  mode: Mode;
  normalDigit: number;
  config: AutoencoderLabConfig;
}

/** The digits half of the Autoencoder lab. */
export function DigitsAutoencoder() {
  const t = useT();
  const { whenReady } = useBackend();
  const [data, setData] = useState<MnistData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('all');
  const [normalDigit, setNormalDigit] = useState(1);
  const [config, setConfig] = useState<AutoencoderLabConfig>({ ...DEFAULT_AUTOENCODER_CONFIG });
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState(0);
  const [walk, setWalk] = useState<[number, number]>([0, 0]);
  const training = useTrainingRun<{ run: DigitAutoencoderRun; normalDigit: number; bottleneck: number }>();
  const { state, busy: running } = training;
  const model = useRef<DigitAutoencoderRun['model'] | null>(null);

  useEffect(() => {
    loadMnist().then(setData, (e: unknown) => setLoadError(errorTextNow(e)));
    return () => model.current?.dispose();
  }, []);

  // The settings are kept on this device, so a reload comes back to the same experiment.
  useEffect(() => {
    loadProject<unknown>(SAVE_KEY)
      .then((raw) => {
        if (raw === undefined) return;
        // Read field by field: a damaged setting takes its default.
        const s: Saved = readStored(
          digitsAutoencoderSchema({ mode: 'all', normalDigit: 1, config: { ...DEFAULT_AUTOENCODER_CONFIG } }),
          raw,
        );
        setMode(s.mode);
        setNormalDigit(s.normalDigit);
        setConfig(s.config);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);
  // Only the tab that holds the lab saves (a second tab never overwrites the first one's settings).
  const canSave = useCanSave();
  useEffect(() => {
    if (restored && canSave)
      void saveProject<Saved>(SAVE_KEY, { mode, normalDigit, config }).catch(() => undefined);
  }, [mode, normalDigit, config, restored, canSave]);

  const update = (patch: Partial<AutoencoderLabConfig>) => setConfig((c) => ({ ...c, ...patch }));

  const start = async () => {
    if (!data || running) return;
    setError(null);
    await training.start(
      async (ctx) => {
        try {
          await whenReady();
          model.current?.dispose();
          model.current = null;
          const run = await trainDigitAutoencoder(data, config, mode === 'anomaly' ? normalDigit : null, {
            signal: ctx.signal,
            onEpochEnd: (e, logs) => ctx.onEpochEnd(e + 1, logs),
          });
          model.current = run.model;
          if (run.report) setThreshold(run.report.threshold);
          setWalk([0, 0]);
          return { run, normalDigit, bottleneck: config.bottleneck };
        } catch (e) {
          setError(errorTextNow(e));
          throw e;
        }
      },
      { epochs: config.epochs },
    );
  };

  const trained = state.result?.run ?? null;
  const bounds = useMemo(() => (trained ? mapBounds(trained.map.points) : null), [trained]);
  const colorOf = useMemo(() => (i: number) => classColor(trained?.map.labels[i] ?? 0), [trained]);

  // Walk the code space: decode the point under the marker.
  const walkImage = useMemo(() => {
    if (!trained || !bounds) return null;
    try {
      return trained.model.decode([trained.map.toCode(walkToPoint(walk, bounds))]);
    } catch {
      return null;
    }
  }, [walk, trained, bounds]);

  const flagged = useMemo(() => {
    const report = trained?.report;
    const images = trained?.scoredImages;
    if (!report || !images) return [];
    return flaggedAt(report.scores, threshold, 16).map((e) => ({
      ...e,
      anomalous: report.labels[e.i] === 1,
      pixels: images.subarray(e.i * DIGIT_PIXELS, (e.i + 1) * DIGIT_PIXELS),
    }));
  }, [trained, threshold]);

  if (loadError) return <Alert kind="error">{loadError}</Alert>;
  if (!data) return <p className="text-slate-600">{t('lab.ae.loading')}</p>;

  const shownDigit = state.result?.normalDigit ?? normalDigit;
  const shownBottleneck = state.result?.bottleneck ?? config.bottleneck;
  return (
    <div className="space-y-4" data-testid="digits-autoencoder">
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="ae-setup"
        >
          <h2 id="ae-setup" className="font-semibold">
            {t('lab.ae.setup')}
          </h2>
          <RadioFieldset
            legend={t('lab.ae.mode')}
            name="ae-mode"
            options={['all', 'anomaly'] as const}
            value={mode}
            onChange={setMode}
            labelOf={(m) => t(`lab.ae.mode.${m}`)}
            testIdPrefix="ae-mode"
          />
          {mode === 'anomaly' && (
            <Select
              id="ae-normal"
              label={t('lab.ae.normalDigit')}
              value={String(normalDigit)}
              onChange={(v) => setNormalDigit(Number(v))}
              options={DIGITS.map((d) => ({ value: d, label: d }))}
            />
          )}
          <RadioFieldset
            legend={t('lab.ae.kind')}
            name="ae-kind"
            options={['dense', 'conv'] as const}
            value={config.kind}
            onChange={(kind) => update({ kind })}
            labelOf={(k) => t(`lab.ae.kind.${k}`)}
          />
          <Slider
            label={t('lab.ae.bottleneck')}
            value={config.bottleneck}
            min={1}
            max={32}
            onChange={(bottleneck) => update({ bottleneck })}
            hint={t('lab.ae.bottleneckHint')}
          />
          <Slider
            label={t('lab.seq.epochs')}
            value={config.epochs}
            min={1}
            max={40}
            onChange={(epochs) => update({ epochs })}
          />
          <TrainStop
            running={running}
            onTrain={() => void start()}
            onStop={training.cancel}
            trainLabel={t('lab.ae.train')}
            trainTestId="ae-train"
          />
          {state.history.loss.length > 0 && (
            <LineChart
              title={t('lab.ae.loss')}
              xLabel={t('lab.pg.epoch')}
              emptyText=""
              series={[{ label: t('lab.pg.train'), values: state.history.loss, color: '#4f46e5' }]}
              height={120}
            />
          )}
        </section>

        {trained && bounds && (
          <section className="min-w-0 space-y-4" data-testid="ae-result">
            <div className="rounded-xl border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{t('lab.ae.recon')}</h3>
              <p className="text-xs text-slate-600">{t('lab.ae.reconExplain', { n: shownBottleneck })}</p>
              <div className="mt-2 flex flex-wrap gap-3">
                {Array.from({ length: AUTOENCODER_SHOW }, (_, i) => (
                  <div key={i} className="flex flex-col gap-1">
                    <DigitImage
                      paper="white"
                      size={48}
                      pixels={trained.originals.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS)}
                      label={t('lab.ae.original')}
                    />
                    <DigitImage
                      paper="white"
                      size={48}
                      pixels={trained.reconstructions.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS)}
                      label={t('lab.ae.reconstruction')}
                      testId={i === 0 ? 'recon-0' : undefined}
                    />
                  </div>
                ))}
              </div>
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              <LatentMapCard
                bottleneck={shownBottleneck}
                title={t('lab.ae.map')}
                points={trained.map.points}
                bounds={bounds}
                colorOf={colorOf}
                walk={walk}
                onWalk={setWalk}
                label={t('lab.ae.mapLabel')}
                testId="latent-map"
                legend={LEGEND}
              />
              <LatentWalk walk={walk} onWalk={setWalk} explain={t('lab.ae.walkExplain')}>
                {walkImage && (
                  <DigitImage
                    paper="white"
                    pixels={walkImage}
                    label={t('lab.ae.decoded')}
                    size={112}
                    testId="walk-image"
                  />
                )}
              </LatentWalk>
            </div>
            {trained.report && (
              <AnomalyPanel
                report={trained.report}
                threshold={threshold}
                onThreshold={setThreshold}
                title={t('lab.ae.anomaly', { d: shownDigit })}
                explain={t('lab.ae.anomalyExplain', { d: shownDigit })}
                legend={t('lab.ae.histLegend', { d: shownDigit })}
              >
                <div>
                  <h4 className="text-sm font-medium">{t('lab.ae.flagged')}</h4>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {flagged.map((f) => (
                      <div
                        key={f.i}
                        className={`rounded p-0.5 ${f.anomalous ? 'bg-emerald-100' : 'bg-rose-100'}`}
                      >
                        <DigitImage
                          paper="white"
                          pixels={f.pixels}
                          label={f.anomalous ? t('lab.ae.trueFlag') : t('lab.ae.falseFlag')}
                          size={40}
                        />
                      </div>
                    ))}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{t('lab.ae.flagLegend')}</p>
                </div>
              </AnomalyPanel>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
