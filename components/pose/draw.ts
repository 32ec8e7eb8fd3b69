// Drawing poses on a canvas: bones and keypoints coloured by confidence, in the input's pixels.
import { SKELETON, type Pose } from '@/lib/pose';

/** Colour of a keypoint: red (unsure) → yellow → green (sure). */
export function scoreColor(score: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, score)) * 120);
  return `hsl(${hue} 90% 50%)`;
}

const PERSON_COLORS = ['#22d3ee', '#f472b6', '#a3e635', '#fbbf24', '#c084fc'];

/**
 * Sizes `canvas` to the input (so CSS object-fit lines it up with the picture under it) and
 * draws every pose; points below `minScore` and bones touching them are left out.
 * `background` is drawn first when given (for thumbnails and still photos).
 */
export function drawPoses(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  poses: readonly Pose[],
  minScore: number,
  background?: CanvasImageSource,
): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, width, height);
  if (background) ctx.drawImage(background, 0, 0, width, height);
  const unit = Math.max(2, Math.min(width, height) / 120);
  poses.forEach((pose, p) => {
    const k = pose.keypoints;
    ctx.lineWidth = unit;
    ctx.strokeStyle = PERSON_COLORS[p % PERSON_COLORS.length];
    ctx.lineCap = 'round';
    for (const [a, b] of SKELETON) {
      if (k[a].score < minScore || k[b].score < minScore) continue;
      ctx.beginPath();
      ctx.moveTo(k[a].x, k[a].y);
      ctx.lineTo(k[b].x, k[b].y);
      ctx.stroke();
    }
    for (const point of k) {
      if (point.score < minScore) continue;
      ctx.beginPath();
      ctx.arc(point.x, point.y, unit * 1.6, 0, Math.PI * 2);
      ctx.fillStyle = scoreColor(point.score);
      ctx.fill();
      ctx.lineWidth = unit / 2;
      ctx.strokeStyle = '#0f172a';
      ctx.stroke();
    }
  });
}

/** The natural size of a picture source (a <video> reports 0×0 until it has a frame). */
export function sourceSize(el: HTMLVideoElement | HTMLImageElement | HTMLCanvasElement): {
  width: number;
  height: number;
} {
  if (el instanceof HTMLVideoElement) return { width: el.videoWidth, height: el.videoHeight };
  if (el instanceof HTMLImageElement) return { width: el.naturalWidth, height: el.naturalHeight };
  return { width: el.width, height: el.height };
}

/**
 * A small square JPEG of the frame with its skeleton (the class card thumbnail), centre-cropped,
 * mirrored when the view is mirrored so it looks like what the child saw.
 */
export async function poseThumbnail(
  source: CanvasImageSource,
  width: number,
  height: number,
  pose: Pose,
  minScore: number,
  mirror: boolean,
  size = 112,
): Promise<Uint8Array> {
  const full = document.createElement('canvas');
  drawPoses(full, width, height, [pose], minScore, source);
  const thumb = document.createElement('canvas');
  thumb.width = size;
  thumb.height = size;
  const ctx = thumb.getContext('2d');
  if (!ctx) return new Uint8Array(0);
  const side = Math.min(width, height);
  if (mirror) {
    ctx.translate(size, 0);
    ctx.scale(-1, 1);
  }
  ctx.drawImage(full, (width - side) / 2, (height - side) / 2, side, side, 0, 0, size, size);
  const blob = await new Promise<Blob | null>((resolve) => thumb.toBlob(resolve, 'image/jpeg', 0.8));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array(0);
}
