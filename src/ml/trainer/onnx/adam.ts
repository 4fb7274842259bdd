/**
 * Adam on host arrays with the same update as tfjs's `tf.train.adam` (β1 0.9, β2 0.999, ε 1e-7,
 * bias correction by the accumulated β powers), with the L2 term added to the gradient first,
 * as linear-step.ts does. One instance per parameter array, one fused pass per step; nothing is
 * allocated per step.
 */
export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  static readonly beta1 = 0.9;
  static readonly beta2 = 0.999;
  static readonly epsilon = 1e-7;
  private accBeta1 = Adam.beta1;
  private accBeta2 = Adam.beta2;

  constructor(
    size: number,
    private readonly learningRate: number,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** `param -= lr · m̂ / (√v̂ + ε)` for the gradient `grad + l2 · param`. */
  step(param: Float32Array, grad: Float32Array, l2 = 0): void {
    const { m, v } = this;
    const b1 = Adam.beta1;
    const b2 = Adam.beta2;
    const c1 = 1 / (1 - this.accBeta1);
    const c2 = 1 / (1 - this.accBeta2);
    const lr = this.learningRate;
    const eps = Adam.epsilon;
    for (let i = 0; i < param.length; i++) {
      const p = param[i]!;
      const g = grad[i]! + l2 * p;
      const mi = b1 * m[i]! + (1 - b1) * g;
      const vi = b2 * v[i]! + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      param[i] = p - (lr * mi * c1) / (Math.sqrt(vi * c2) + eps);
    }
    this.accBeta1 *= b1;
    this.accBeta2 *= b2;
  }
}
