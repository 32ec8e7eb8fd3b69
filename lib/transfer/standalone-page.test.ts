// The single HTML page: everything inlined (no src/href to load), no network allowed by its CSP,
// the data round-trips, and inlined code cannot close its own <script> early.
import { describe, expect, it } from 'vitest';

import { standaloneImagePage, standalonePosePage, toBase64 } from './standalone-page';

const texts = {
  title: '공 · 블록',
  camera: '카메라',
  picture: '그림 고르기',
  loading: '…',
  noCamera: 'x',
  made: 'y',
};

function data(html: string): Record<string, unknown> {
  const m = /<script>var DATA = (.*);<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]) as Record<string, unknown>;
}

describe('standalone pages', () => {
  it('inlines the library, the model and its weights, in the given language, with no network', () => {
    const weights = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    const html = standaloneImagePage({
      lang: 'ko',
      texts,
      labels: ['공', '</script><b>'],
      colors: ['#f00', '#0f0'],
      model: { modelJson: { format: 'graph-model', note: '</script>' }, weights },
      tfjs: 'var tf = {}; /* </script> <!-- */',
    });
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('카메라');
    expect(html).toContain("default-src 'none'");
    // Nothing is loaded from anywhere: no src= or href= attributes at all.
    expect(html).not.toMatch(/\s(src|href)=/);
    // Only the page's own three script elements close; the library's "</script>" was escaped.
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const d = data(html);
    expect(d.labels).toEqual(['공', '</script><b>']);
    expect((d.model as { weights: string }).weights).toBe(toBase64(weights));
    expect(Buffer.from((d.model as { weights: string }).weights, 'base64')).toEqual(Buffer.from(weights));
  });

  it('the pose page carries MoveNet, the head and the normalisation', () => {
    const html = standalonePosePage({
      lang: 'en',
      texts,
      labels: ['a', 'b'],
      colors: ['#f00'],
      tfjs: '',
      poseDetection: 'var poseDetection = {};',
      movenet: { modelJson: { format: 'graph-model' }, weights: new Uint8Array([7, 8]) },
      movenetType: 'SinglePose.Lightning',
      head: { modelTopology: { a: 1 }, weightSpecs: [], weights: new Uint8Array([9]) },
      minScore: 0.3,
      minPoseScore: 0.25,
    });
    const d = data(html);
    expect(d).toMatchObject({
      movenetType: 'SinglePose.Lightning',
      normalization: { minScore: 0.3 },
      minPoseScore: 0.25,
    });
    expect((d.head as { weights: string }).weights).toBe(toBase64(new Uint8Array([9])));
    expect(html).toContain('var poseDetection = {};');
  });
});
