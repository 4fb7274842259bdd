/**
 * The bytes of a tiny WebAssembly SIMD module, assembled here rather than shipped as a binary so
 * the kernel is reviewable. It exports `memory` and one function:
 *
 *   matvec(w, x, out, blocks, pairs, stride): out[r] = Σ_d W[r][d] · x[d] for r < 4 · blocks
 *
 * `W` is row-major with `stride` bytes between rows; a block is 4 rows, read through 4 pointers.
 * Each step reads 8 floats of each row (8 × f32x4 loads) into 8 independent accumulators, enough
 * to hide the add latency. Pointers are byte offsets; `pairs` = dim / 8 (rows zero-padded to a
 * multiple of 8 floats) and both `blocks` and `pairs` must be ≥ 1.
 */

import { addConst, addLocal, countDown, F32_LANES, get, moduleOfOneFunction, OP, set, simdOp, storeRowSum, v128Load, v128Zero, vec } from './wasm-asm.js';

// Parameters 0–5: w, x, out, blocks, pairs, stride. Locals: 6–8 p1..p3, 9 xp, 10 pairs left,
// 11–18 a0..a7, 19 x0, 20 x1. `w` itself serves as row 0's pointer.
const [W, X, OUT, BLOCKS, PAIRS, STRIDE] = [0, 1, 2, 3, 4, 5];
const P = (r: number) => (r === 0 ? W : 5 + r);
const [XP, PAIRS_LEFT] = [9, 10];
const A = (k: number) => 11 + k;
const [X0, X1] = [19, 20];

const f32x4Add = simdOp(228);
const f32x4Mul = simdOp(230);

/** a_(r + 4h) += load(p_r + 16h) · x_h: row r, half h of the 8 floats of this step. */
const accumulate = (r: number, h: number) => [
  ...get(A(r + 4 * h)),
  ...get(P(r)),
  ...v128Load(16 * h),
  ...get(h === 0 ? X0 : X1),
  ...f32x4Mul,
  ...f32x4Add,
  ...set(A(r + 4 * h)),
];

const storeRow = (r: number) => storeRowSum(F32_LANES, OUT, A, r);

function body(): number[] {
  const inner = [
    OP.loop,
    OP.void,
    ...get(XP),
    ...v128Load(0),
    ...set(X0),
    ...get(XP),
    ...v128Load(16),
    ...set(X1),
    ...[0, 1, 2, 3].flatMap((r) => [...accumulate(r, 0), ...accumulate(r, 1)]),
    ...[0, 1, 2, 3].flatMap((r) => addConst(P(r), 32)),
    ...addConst(XP, 32),
    ...countDown(PAIRS_LEFT),
    OP.end,
  ];
  const outer = [
    OP.loop,
    OP.void,
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [...v128Zero, ...set(A(k))]),
    ...addLocal(P(1), W, STRIDE),
    ...addLocal(P(2), P(1), STRIDE),
    ...addLocal(P(3), P(2), STRIDE),
    ...get(X),
    ...set(XP),
    ...get(PAIRS),
    ...set(PAIRS_LEFT),
    ...inner,
    ...[0, 1, 2, 3].flatMap(storeRow),
    ...addConst(OUT, 16),
    // Row 0's pointer has passed its row; the next block starts three strides further.
    ...get(P(3)),
    ...set(W),
    ...countDown(BLOCKS),
    OP.end,
  ];
  const locals = vec([
    [5, 0x7f], // p1..p3, xp, pairs left
    [10, 0x7b], // a0..a7, x0, x1
  ]);
  return [...locals, ...outer];
}

/** The module's bytes (built once per call; callers compile it once per kernel). */
export function simdModuleBytes(): Uint8Array {
  return moduleOfOneFunction('matvec', body());
}
