// Pose studio workloads: milliseconds per frame of each keypoint model on a 640×480 frame.
import { createPoseDetector, type PoseDetectorConfig } from '@/lib/pose';

import { medianMs } from './timing';
import type { BenchMeasurement, Workload } from './types';

const CASES: { id: string; label: string; config: Partial<PoseDetectorConfig> }[] = [
  {
    id: 'pose.posenet257',
    label: 'PoseNet MobileNetV1 0.75, 257 px, single person',
    config: { model: 'posenet', inputResolution: 257 },
  },
  {
    id: 'pose.posenet385',
    label: 'PoseNet MobileNetV1 0.75, 385 px, single person',
    config: { model: 'posenet', inputResolution: 385 },
  },
  {
    id: 'pose.posenet257multi',
    label: 'PoseNet 257 px, multi-person decoding',
    config: { model: 'posenet', inputResolution: 257, multiPose: true },
  },
  {
    id: 'pose.lightning',
    label: 'MoveNet SinglePose Lightning (192 px)',
    config: { model: 'movenet-lightning' },
  },
  { id: 'pose.thunder', label: 'MoveNet SinglePose Thunder (256 px)', config: { model: 'movenet-thunder' } },
];

export const poseWorkload: Workload = {
  id: 'pose',
  label: 'Pose studio (keypoint models per frame)',
  async run({ tf, status }) {
    // A camera-sized frame; convolution cost does not depend on what is in it.
    const frame = tf.randomUniform([480, 640, 3], 0, 255, 'int32', 3) as import('@tensorflow/tfjs').Tensor3D;
    const out: BenchMeasurement[] = [];
    for (const c of CASES) {
      status(`${c.label}: loading`);
      const detector = await createPoseDetector(c.config);
      status(`${c.label}: timing`);
      const ms = await medianMs(() => detector.estimatePoses(frame, { timestamp: performance.now() }), {
        warmup: 2,
        reps: 10,
      });
      detector.dispose();
      out.push({
        id: c.id,
        label: c.label,
        value: ms,
        unit: 'ms/frame',
        note: '640×480 input, median of 10 after 2 warm-ups',
      });
    }
    frame.dispose();
    return out;
  },
};
