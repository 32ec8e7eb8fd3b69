// The teacher's `notes` in a project file: kept through export → import; files without it still open.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { DEFAULT_HEAD_CONFIG } from './constants';
import { emptyProject } from './project';
import { exportProjectZip, importProjectZip } from './project-zip';

function project() {
  const p = emptyProject({
    extractor: 'toy-2',
    featureSize: 2,
    settings: { ...DEFAULT_HEAD_CONFIG },
    className: (n) => `Class ${n}`,
  });
  p.classes[0].samples.push({
    id: 's0',
    feature: new Float32Array([1, 2]),
    payload: { kind: 'picture', bytes: new Uint8Array([1, 2, 3]), type: 'image/png' },
  });
  return p;
}

describe('project notes', () => {
  it('round-trips the notes', () => {
    const zip = exportProjectZip({ ...project(), notes: 'Show three fruits, then train.' });
    expect(importProjectZip('fruit.zip', zip, 'toy-2').notes).toBe('Show three fruits, then train.');
  });

  it('opens a file without notes (older files) and leaves notes out', () => {
    const zip = exportProjectZip(project());
    const json = JSON.parse(strFromU8(unzipSync(zip)['project.json'])) as Record<string, unknown>;
    expect(json).not.toHaveProperty('notes');
    const back = importProjectZip('old.zip', zip, 'toy-2');
    expect(back.notes).toBeUndefined();
    expect(back.classes[0].samples).toHaveLength(1);
  });

  it('ignores notes that are not text and cuts very long ones', () => {
    const entries = unzipSync(exportProjectZip(project()));
    const json = JSON.parse(strFromU8(entries['project.json'])) as Record<string, unknown>;
    const withNotes = (notes: unknown) =>
      zipSync({ ...entries, 'project.json': strToU8(JSON.stringify({ ...json, notes })) });
    expect(importProjectZip('a.zip', withNotes({ evil: true })).notes).toBeUndefined();
    expect(importProjectZip('b.zip', withNotes('x'.repeat(5000))).notes).toHaveLength(2000);
  });
});
