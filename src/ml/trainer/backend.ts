import * as tf from '@tensorflow/tfjs-core';
import { TrainingError } from '../../errors.js';
import { findNativeAddon, findPackageDir } from './native-addon.js';
import { loadOrt } from './onnx/onnx-engine.js';

/**
 * Which backend to train on; `auto` tries them fastest first. `onnx` is onnxruntime-node's CPU
 * kernels (already installed with transformers.js); the others are tfjs backends.
 */
export type BackendChoice = 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'onnx' | 'wasm' | 'cpu';
/** A concrete backend (the `tensorflow*` ones are libtensorflow through tfjs-node). */
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** Every accepted {@link BackendChoice}, for parsing configuration and command lines. */
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'tensorflow-gpu', 'tensorflow', 'onnx', 'wasm', 'cpu'];
/**
 * The order `auto` tries: a GPU first; then libtensorflow where tfjs-node is installed (unchanged
 * from before); then onnxruntime, which `bench:train` measured ~3× faster than wasm here.
 */
export const AUTO_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'onnx', 'wasm', 'cpu'];

/** The backend actually in use and the device it computes on, for logs and training records. */
export interface BackendInfo {
  readonly backend: BackendName;
  /** e.g. `GPU (CUDA)`, `CPU (libtensorflow)`, `CPU (wasm SIMD)`, `CPU (JavaScript)`. */
  readonly device: string;
  /** Why faster backends were passed over (only with `auto`), e.g. `tensorflow: not installed`. */
  readonly skipped: readonly string[];
}

const NATIVE_PACKAGES = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
} as const;

/**
 * tfjs-node and tfjs-node-gpu both register `tensorflow`, and an import cannot be undone: each is
 * imported at most once per process, and neither once the other has loaded.
 */
const nativeImports = new Map<keyof typeof NATIVE_PACKAGES, Promise<void>>();

/**
 * Makes `choice` the active backend. `auto` tries tfjs-node-gpu → tfjs-node → onnx → wasm → cpu and
 * keeps the first that works; any other choice is strict and throws a {@link TrainingError} when
 * that backend cannot be used here.
 */
export async function selectBackend(choice: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new TrainingError('training.failed', `Unknown training backend "${String(choice)}"; use one of ${BACKEND_CHOICES.join(', ')}.`);
  }
  // Production mode skips tfjs's debug checks and its "install tfjs-node" console banner.
  tf.enableProdMode();
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const device = await activate(name);
      return { backend: name, device, skipped };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (choice !== 'auto') {
        throw new TrainingError('training.failed', `The "${name}" training backend is not usable here: ${reason}`, { cause: err });
      }
      skipped.push(`${name}: ${reason}`);
    }
  }
  throw new TrainingError('training.failed', `No training backend could be started (${skipped.join('; ')}).`);
}

async function activate(name: BackendName): Promise<string> {
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      await importNative(name);
      await setActive('tensorflow');
      return nativeDevice(name);
    case 'onnx':
      // Trains outside tfjs (onnx/onnx-engine.ts); only check that the runtime loads here.
      await loadOrt();
      return 'CPU (onnxruntime)';
    case 'wasm': {
      await import('@tensorflow/tfjs-backend-wasm');
      await setActive('wasm');
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return simd ? 'CPU (wasm SIMD)' : 'CPU (wasm)';
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      await setActive('cpu');
      return 'CPU (JavaScript)';
  }
}

async function importNative(name: keyof typeof NATIVE_PACKAGES): Promise<void> {
  const packageName = NATIVE_PACKAGES[name];
  const earlier = nativeImports.get(name);
  if (earlier !== undefined) return earlier;
  for (const [other, done] of nativeImports) {
    // An import that failed (say, CUDA libraries missing) registered nothing, so the other may still be tried.
    if (await done.then(() => true, () => false)) {
      throw new Error(`${NATIVE_PACKAGES[other]} is already loaded in this process, so ${packageName} cannot be`);
    }
  }
  const dir = findPackageDir(packageName);
  if (dir === undefined) throw new Error(`${packageName} is not installed`);
  if (findNativeAddon(dir) === undefined) {
    throw new Error(
      `${packageName} is installed without its native addon (lib/napi-v*/tfjs_binding.node; its install script probably could not download libtensorflow)`,
    );
  }
  const done = importRegistering(packageName);
  nativeImports.set(name, done);
  return done;
}

async function importRegistering(packageName: string): Promise<void> {
  // A variable specifier keeps tsc from requiring the optional package's types.
  const specifier: string = packageName;
  await import(specifier);
  if (tf.findBackendFactory('tensorflow') == null) {
    throw new Error(`${packageName} loaded but registered no "tensorflow" backend in this copy of @tensorflow/tfjs-core (version mismatch?)`);
  }
}

async function setActive(name: string): Promise<void> {
  // setBackend resolves to false (rather than throwing) when the backend fails to initialise.
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) throw new Error(`tf.setBackend('${name}') failed to initialise it`);
  await tf.ready();
}

function nativeDevice(name: keyof typeof NATIVE_PACKAGES): string {
  const backend = tf.backend() as unknown as { isUsingGpuDevice?: unknown };
  if (backend.isUsingGpuDevice === true) return 'GPU (CUDA)';
  return name === 'tensorflow-gpu' ? 'CPU (libtensorflow; no usable GPU found)' : 'CPU (libtensorflow)';
}
