import * as tf from '@tensorflow/tfjs-core';

/**
 * The head's parameters on the backend: `logits = x·Wᵀ + b`, W is C×D (the output layout, so the
 * result needs no transpose).
 */
export interface LinearParams {
  readonly w: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
}

/** One mini-batch on the backend. `weights` are the per-example loss weights, summing to 1. */
export interface BatchTensors {
  readonly x: tf.Tensor2D;
  readonly targets: tf.Tensor2D;
  readonly weights: tf.Tensor1D;
}

/**
 * Matrix products arranged for the backend. On wasm, XNNPACK is slow whenever the right-hand
 * operand is new every call (the weights are, after each update) or transposed by flag: the stock
 * gradient of `matMul` (transposeA) measured ~14× slower than an explicit transpose here. Putting
 * the weights on the left and transposing explicitly keeps every product on the fast path.
 */
export interface Products {
  /** x (B×D), W (C×D) → B×C. */
  logits(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D;
  /** dy (B×C), x (B×D) → dW (C×D). */
  weightGrad(dy: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D;
}

const wasmProducts: Products = {
  logits: (x, w) => tf.transpose(tf.matMul(w, tf.transpose(x))) as tf.Tensor2D,
  weightGrad: (dy, x) => tf.matMul(tf.transpose(dy), x),
};

const nativeProducts: Products = {
  logits: (x, w) => tf.matMul(x, w, false, true),
  weightGrad: (dy, x) => tf.matMul(dy, x, true, false),
};

/** The product layout to use on `backend` (a tfjs backend name). */
export function productsFor(backend: string): Products {
  return backend === 'wasm' ? wasmProducts : nativeProducts;
}

/**
 * Weighted softmax cross-entropy and one optimiser update. The gradient is written out by hand
 * (dlogits = (softmax − targets)·weight, dW = dlogitsᵀ·x + l2·W, db = Σ dlogits) rather than
 * taped: it is exact for a linear head, needs no registered gradient kernels, and lets the
 * products above take their fast layout. Returns the batch's data loss (without the L2 term).
 */
export function trainStep(
  params: LinearParams,
  optimizer: tf.Optimizer,
  batch: BatchTensors,
  l2: number,
  products: Products,
): tf.Scalar {
  return tf.tidy(() => {
    const logSoftmax = tf.logSoftmax(tf.add(products.logits(batch.x, params.w), params.b));
    const loss = weightedCrossEntropy(logSoftmax, batch);
    const dLogits = tf.mul(tf.sub(tf.exp(logSoftmax), batch.targets), tf.expandDims(batch.weights, 1));
    let dW = products.weightGrad(dLogits as tf.Tensor2D, batch.x);
    if (l2 > 0) dW = tf.add(dW, tf.mul(params.w, tf.scalar(l2)));
    optimizer.applyGradients({ [params.w.name]: dW, [params.b.name]: tf.sum(dLogits, 0) });
    return loss;
  });
}

/** The batch's weighted cross-entropy, without updating anything. */
export function evaluateLoss(params: LinearParams, batch: BatchTensors, products: Products): tf.Scalar {
  return tf.tidy(() => weightedCrossEntropy(tf.logSoftmax(tf.add(products.logits(batch.x, params.w), params.b)), batch));
}

function weightedCrossEntropy(logSoftmax: tf.Tensor, batch: BatchTensors): tf.Scalar {
  const perExample = tf.sum(tf.mul(batch.targets, logSoftmax), 1);
  return tf.neg(tf.sum(tf.mul(perExample, batch.weights))) as tf.Scalar;
}
