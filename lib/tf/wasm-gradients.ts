// Gradient kernels tfjs-backend-wasm 4.22 lacks (Conv2DBackpropFilter, DepthwiseConv2dNative's two
// backprops), composed from kernels it runs natively and fast: strided slices, its XNNPACK matmul and
// its depthwise convolution. With them, convolutional networks train on WebAssembly.
import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;
type Backend = tf.KernelBackend & {
  disposeData(dataId: object): boolean;
};
type Attrs = Record<string, unknown>;
type Pair = [number, number];

/** Kernels this file adds to the wasm backend. */
export const WASM_GRADIENT_KERNELS = Object.freeze([
  'Conv2DBackpropFilter',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
] as const);

/** Runs another kernel of the wasm backend on tensor infos (no tape, no engine bookkeeping). */
function run(backend: Backend, name: string, inputs: Record<string, Info> | Info[], attrs: Attrs = {}): Info {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`wasm kernel ${name} is missing`);
  return kernel.kernelFunc({
    inputs: inputs as unknown as tf.NamedTensorInfoMap,
    attrs: attrs as tf.NamedAttrMap,
    backend,
  }) as Info;
}

/** Frees intermediate results (reshapes share data through a reference count, so this is always safe). */
function free(backend: Backend, ...infos: Info[]): void {
  for (const i of infos) backend.disposeData(i.dataId);
}

function reshape(backend: Backend, x: Info, shape: number[]): Info {
  return run(backend, 'Reshape', { x }, { shape });
}

/** Pads (non-negative amounts) or crops (negative amounts) height and width of an NHWC tensor. */
function padOrCrop(
  backend: Backend,
  x: Info,
  top: number,
  bottom: number,
  left: number,
  right: number,
): Info {
  const [n, h, w, c] = x.shape;
  let out = x;
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    out = run(
      backend,
      'PadV2',
      { x },
      {
        paddings: [
          [0, 0],
          [Math.max(0, top), Math.max(0, bottom)],
          [Math.max(0, left), Math.max(0, right)],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
  }
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const [, ph, pw] = out.shape;
    const cropped = run(
      backend,
      'Slice',
      { x: out },
      {
        begin: [0, Math.max(0, -top), Math.max(0, -left), 0],
        size: [
          n,
          ph - Math.max(0, -top) - Math.max(0, -bottom),
          pw - Math.max(0, -left) - Math.max(0, -right),
          c,
        ],
      },
    );
    if (out !== x) free(backend, out);
    out = cropped;
  }
  void h;
  void w;
  return out;
}

/**
 * The input rows/columns each filter tap sees, for every output position: for tap (i, j) a tensor
 * [N, outH, outW, C] of the padded input read with the convolution's stride and dilation.
 */
function taps(backend: Backend, xPad: Info, info: tf.backend_util.Conv2DInfo): Info[] {
  const { batchSize: n, outHeight: oh, outWidth: ow, inChannels: c } = info;
  const out: Info[] = [];
  for (let i = 0; i < info.filterHeight; i++) {
    for (let j = 0; j < info.filterWidth; j++) {
      const top = i * info.dilationHeight;
      const left = j * info.dilationWidth;
      out.push(
        run(
          backend,
          'StridedSlice',
          { x: xPad },
          {
            begin: [0, top, left, 0],
            end: [n, top + (oh - 1) * info.strideHeight + 1, left + (ow - 1) * info.strideWidth + 1, c],
            strides: [1, info.strideHeight, info.strideWidth, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        ),
      );
    }
  }
  return out;
}

function padded(backend: Backend, x: Info, info: tf.backend_util.Conv2DInfo): Info {
  const p = info.padInfo;
  return padOrCrop(backend, x, p.top, p.bottom, p.left, p.right);
}

function checkChannelsLast(info: tf.backend_util.Conv2DInfo, name: string) {
  if (info.dataFormat !== 'channelsLast') throw new Error(`wasm ${name} supports channelsLast (NHWC) only`);
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap };

/**
 * What both filter gradients start from: the convolution's geometry, dy, and for each filter tap the
 * input it reads at every output position (see {@link taps}); m = batch × output positions.
 */
function filterGradientTaps(args: KernelArgs, depthwise: boolean, name: string) {
  const backend = args.backend as Backend;
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const a = (args.attrs ?? {}) as Attrs;
  const dataFormat = (a.dataFormat as 'NHWC' | 'NCHW' | undefined) ?? 'NHWC';
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    a.filterShape as [number, number, number, number],
    a.strides as Pair,
    depthwise ? ((a.dilations as Pair | undefined) ?? 1) : 1,
    a.pad as 'same',
    a.dimRoundingMode as 'round' | undefined,
    depthwise,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  checkChannelsLast(info, name);
  const m = info.batchSize * info.outHeight * info.outWidth;
  const xPad = padded(backend, x, info);
  const cols = taps(backend, xPad, info);
  if (xPad !== x) free(backend, xPad);
  return { backend, dy, info, m, cols };
}

/** dW[kh, kw, in, out] = im2col(x)ᵀ · dy: one XNNPACK matmul over all taps. */
function conv2DBackpropFilter(args: KernelArgs) {
  const { backend, dy, info, m, cols } = filterGradientTaps(args, false, 'Conv2DBackpropFilter');
  const { inChannels: cin, outChannels: cout } = info;
  // [N, oh, ow, taps·in]: the tap-major, channel-minor order of a [kh, kw, in, out] filter's rows.
  const im2col = cols.length === 1 ? cols[0] : run(backend, 'Concat', cols, { axis: 3 });
  if (cols.length > 1) free(backend, ...cols);
  const k = info.filterHeight * info.filterWidth * cin;
  const a3 = reshape(backend, im2col, [1, m, k]);
  const b3 = reshape(backend, dy, [1, m, cout]);
  const prod = run(backend, 'BatchMatMul', { a: a3, b: b3 }, { transposeA: true, transposeB: false });
  const out = reshape(backend, prod, [info.filterHeight, info.filterWidth, cin, cout]);
  free(backend, im2col, a3, b3, prod);
  return out;
}

/** dW[kh, kw, c, mult] = Σ over batch and positions of tap(x) · dy, one tap at a time. */
function depthwiseBackpropFilter(args: KernelArgs) {
  const { backend, dy, info, m, cols } = filterGradientTaps(
    args,
    true,
    'DepthwiseConv2dNativeBackpropFilter',
  );
  const c = info.inChannels;
  const mult = info.outChannels / c;
  const dy3 = reshape(backend, dy, [m, c, mult]);
  const perTap = cols.map((col) => {
    const x3 = reshape(backend, col, [m, c, 1]);
    const prod = run(backend, 'Multiply', { a: x3, b: dy3 });
    const sum = run(backend, 'Sum', { x: prod }, { axis: [0], keepDims: true });
    free(backend, col, x3, prod);
    return sum;
  });
  free(backend, dy3);
  const all = perTap.length === 1 ? perTap[0] : run(backend, 'Concat', perTap, { axis: 0 });
  if (perTap.length > 1) free(backend, ...perTap);
  const out = reshape(backend, all, [info.filterHeight, info.filterWidth, c, mult]);
  free(backend, all);
  return out;
}

/**
 * dx of a depthwise convolution: dy spread back by the stride (zeros between rows and columns), padded,
 * and convolved depthwise (stride 1, same dilation) with the filter turned 180°, using wasm's own
 * XNNPACK depthwise kernel. With a channel multiplier, each input channel sums its `mult` outputs.
 */
function depthwiseBackpropInput(args: KernelArgs) {
  const backend = args.backend as Backend;
  const { dy, filter } = args.inputs as { dy: Info; filter: Info };
  const a = (args.attrs ?? {}) as Attrs;
  const inputShape = a.inputShape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    a.strides as Pair,
    (a.dilations as Pair | undefined) ?? 1,
    a.pad as 'same',
    a.dimRoundingMode as 'round' | undefined,
    true,
  );
  const [n, h, w, c] = inputShape;
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw, filterHeight: kh, filterWidth: kw } = info;
  const cm = info.outChannels;
  const mult = cm / c;
  // Spread dy by the stride: [N, oh, 1, ow, 1, C·m] padded with zeros, then flattened to [N, oh·sh, ow·sw, C·m].
  let up = dy;
  if (sh > 1 || sw > 1) {
    const six = reshape(backend, dy, [n, oh, 1, ow, 1, cm]);
    const pad6 = run(
      backend,
      'PadV2',
      { x: six },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    up = reshape(backend, pad6, [n, oh * sh, ow * sw, cm]);
    free(backend, six, pad6);
  }
  const top = (kh - 1) * dh - info.padInfo.top;
  const left = (kw - 1) * dw - info.padInfo.left;
  const bottom = h + (kh - 1) * dh - top - up.shape[1];
  const right = w + (kw - 1) * dw - left - up.shape[2];
  const g = padOrCrop(backend, up, top, bottom, left, right);
  if (up !== dy && g !== up) free(backend, up);
  const reversed = run(backend, 'Reverse', { x: filter }, { dims: [0, 1] });
  const rot = reshape(backend, reversed, [kh, kw, cm, 1]);
  const conv = run(
    backend,
    'DepthwiseConv2dNative',
    { x: g, filter: rot },
    { strides: [1, 1], dilations: [dh, dw], pad: 'valid', dimRoundingMode: undefined },
  );
  free(backend, reversed, rot);
  if (g !== dy) free(backend, g);
  if (mult === 1) return conv;
  const five = reshape(backend, conv, [n, h, w, c, mult]);
  const out = run(backend, 'Sum', { x: five }, { axis: [4], keepDims: false });
  free(backend, conv, five);
  return out;
}

let registered = false;

/**
 * Registers the missing gradient kernels for the 'wasm' backend (once; kernels WASM already has are
 * left alone). Call before training on WASM; lib/tf's backend start does it when it registers WASM.
 */
export function registerWasmGradients(): void {
  if (registered) return;
  registered = true;
  const have = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName));
  const configs: tf.KernelConfig[] = [
    {
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2DBackpropFilter as tf.KernelFunc,
    },
    {
      kernelName: 'DepthwiseConv2dNativeBackpropFilter',
      backendName: 'wasm',
      kernelFunc: depthwiseBackpropFilter as tf.KernelFunc,
    },
    {
      kernelName: 'DepthwiseConv2dNativeBackpropInput',
      backendName: 'wasm',
      kernelFunc: depthwiseBackpropInput as tf.KernelFunc,
    },
  ];
  for (const config of configs) if (!have.has(config.kernelName)) tf.registerKernel(config);
}

/** True when this backend can compute convolution gradients (every backend but a WASM without our kernels). */
export function canTrainConvolutions(backend: string | null): boolean {
  return backend !== 'wasm' || tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined;
}
