'use client';
// PoseSettingsPanel: the Pose studio's model switch and its options, the minimum confidence, mirroring,
// and the keypoint table of the best pose.
import { useMemo } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Select, Slider } from '@/components/ui';
import {
  DEFAULT_MIN_SCORE,
  DEFAULT_POSE_MODEL,
  KEYPOINT_NAMES,
  POSENET_RESOLUTIONS,
  POSE_MODEL_NAMES,
  type Pose,
  type PoseModelName,
} from '@/lib/pose';

import { scoreColor } from './draw';

/** The studio's settings, kept on this device. */
export interface PoseSettings {
  model: PoseModelName;
  multiPose: boolean;
  inputResolution: number;
  minScore: number;
  mirror: boolean;
}

/** Settings before the learner changes any. */
export const DEFAULT_SETTINGS: PoseSettings = {
  model: DEFAULT_POSE_MODEL,
  multiPose: false,
  inputResolution: 257,
  minScore: DEFAULT_MIN_SCORE,
  mirror: true,
};

/** Props: the settings, how to change them, and the pose to list. */
export interface PoseSettingsPanelProps {
  settings: PoseSettings;
  onChange: (patch: Partial<PoseSettings>) => void;
  /** Mirroring only applies to the camera. */
  showMirror: boolean;
  /** The best pose of the last frame. */
  pose: Pose | null;
}

/** The settings column beside the picture. */
export function PoseSettingsPanel({ settings, onChange: update, showMirror, pose }: PoseSettingsPanelProps) {
  const t = useT();
  return (
    <section
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={t('pose.model')}
    >
      <Select
        label={t('pose.model')}
        value={settings.model}
        data-testid="pose-model"
        onChange={(model) => update({ model })}
        options={POSE_MODEL_NAMES.map((m) => ({ value: m, label: t(`pose.model.${m}`) }))}
        hint={t('pose.modelHint')}
      />
      {settings.model === 'posenet' && (
        <div className="space-y-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={settings.multiPose}
              onChange={(e) => update({ multiPose: e.target.checked })}
              data-testid="pose-multi"
            />
            {t('pose.multiPose')}
          </label>
          <Select
            label={t('pose.resolution')}
            value={String(settings.inputResolution)}
            onChange={(v) => update({ inputResolution: Number(v) })}
            options={POSENET_RESOLUTIONS.map((r) => ({ value: String(r), label: `${r} × ${r}` }))}
            hint={t('pose.resolutionHint')}
          />
        </div>
      )}
      <Slider
        label={t('pose.minScore')}
        value={settings.minScore}
        min={0}
        max={1}
        step={0.05}
        format={(v) => `${Math.round(v * 100)}%`}
        hint={t('pose.minScoreHint')}
        onChange={(v) => update({ minScore: Math.round(v * 100) / 100 })}
      />
      {showMirror && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={settings.mirror}
            onChange={(e) => update({ mirror: e.target.checked })}
          />
          {t('pose.mirror')}
        </label>
      )}
      <KeypointTable pose={pose} minScore={settings.minScore} />
    </section>
  );
}

/** The 17 keypoints of the best pose with a bar per confidence; hidden points greyed out. */
function KeypointTable({ pose, minScore }: { pose: Pose | null; minScore: number }) {
  const t = useT();
  const rows = useMemo(
    () => KEYPOINT_NAMES.map((name, i) => ({ name, score: pose?.keypoints[i]?.score ?? null })),
    [pose],
  );
  return (
    <table className="w-full text-sm" data-testid="keypoint-table">
      <caption className="mb-1 text-left font-medium">{t('pose.keypoints')}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t('pose.keypoint')}</th>
          <th scope="col">{t('pose.score')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, score }) => {
          const shown = score !== null && score >= minScore;
          return (
            <tr key={name} className={shown ? '' : 'text-slate-500'} data-testid={`kp-${name}`}>
              <th scope="row" className="py-0.5 pr-2 text-left font-normal whitespace-nowrap">
                {t(`pose.kp.${name}`)}
              </th>
              <td className="w-full py-0.5">
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 overflow-hidden rounded bg-slate-100">
                    {score !== null && (
                      <div
                        className="h-full rounded"
                        style={{
                          width: `${Math.round(score * 100)}%`,
                          background: shown ? scoreColor(score) : '#cbd5e1',
                        }}
                      />
                    )}
                  </div>
                  <span className="w-16 text-right tabular-nums">
                    {score === null ? '—' : `${Math.round(score * 100)}%`}
                    {score !== null && !shown && <span className="sr-only"> {t('pose.hidden')}</span>}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
