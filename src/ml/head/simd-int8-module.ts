/**
 * The bytes of a WebAssembly SIMD module for int8 rows against an int16 query. It exports
 * `memory` and one function:
 *
 *   dot8(w, x, out, blocks, chunks, _): out[r] = Σ_d W[r][d] · x[d] for r < 4 · blocks
 *
 * `W` is int8 in blocks of 4 rows, each block's rows interleaved 16 bytes at a time (row 0's
 * first 16 bytes, row 1's, row 2's, row 3's, then their next 16, …), so the kernel reads one
 * contiguous stream, a cache line per step: short rows read side by side as four streams defeat
 * the hardware prefetcher (measured: half the bandwidth from memory). `x` is int16; `out` is
 * int32 and the sums are exact integers (the caller keeps |x| small enough that they cannot
 * overflow). Each step widens 16 bytes of each row to int16 and multiplies-and-adds pairs into
 * int32 lanes (`i32x4.dot_i16x8_s`), 8 accumulators in all. `chunks` = dim / 16 (rows
 * zero-padded to a multiple of 16); `blocks` and `chunks` must be ≥ 1. A quarter of the bytes of
 * the float kernel (`simd-module.ts`), for a first, approximate pass over a memory's rows.
 */
import { addConst, countDown, get, I32_LANES, moduleOfOneFunction, OP, set, simdOp, storeRowSum, v128Load, v128Zero, vec } from './wasm-asm.js';

// Parameters 0–5: w, x, out, blocks, chunks, (unused). Locals: 6 xp, 7 chunks left, 8–15 a0..a7,
// 16 x0, 17 x1, 18 the loaded row bytes. `w` itself walks the stream.
const [W, X, OUT, BLOCKS, CHUNKS] = [0, 1, 2, 3, 4];
const [XP, LEFT] = [6, 7];
const A = (k: number) => 8 + k;
const [X0, X1, V] = [16, 17, 18];

const i16x8ExtendLowI8x16S = simdOp(0x87);
const i16x8ExtendHighI8x16S = simdOp(0x88);
const i32x4DotI16x8S = simdOp(0xba);
const i32x4Add = simdOp(0xae);

/** a_r += dot(low 8 bytes of row r's 16, x0); a_(r+4) += dot(its high 8 bytes, x1). */
const accumulate = (r: number) => [
  ...get(W),
  ...v128Load(16 * r),
  ...set(V),
  ...get(A(r)),
  ...get(V),
  ...i16x8ExtendLowI8x16S,
  ...get(X0),
  ...i32x4DotI16x8S,
  ...i32x4Add,
  ...set(A(r)),
  ...get(A(r + 4)),
  ...get(V),
  ...i16x8ExtendHighI8x16S,
  ...get(X1),
  ...i32x4DotI16x8S,
  ...i32x4Add,
  ...set(A(r + 4)),
];

const storeRow = (r: number) => storeRowSum(I32_LANES, OUT, A, r);

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
    ...[0, 1, 2, 3].flatMap(accumulate),
    ...addConst(W, 64),
    ...addConst(XP, 32),
    ...countDown(LEFT),
    OP.end,
  ];
  const outer = [
    OP.loop,
    OP.void,
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [...v128Zero, ...set(A(k))]),
    ...get(X),
    ...set(XP),
    ...get(CHUNKS),
    ...set(LEFT),
    ...inner,
    ...[0, 1, 2, 3].flatMap(storeRow),
    ...addConst(OUT, 16),
    // `w` has passed this block's four rows: it is at the next block.
    ...countDown(BLOCKS),
    OP.end,
  ];
  const locals = vec([
    [2, 0x7f], // xp, chunks left
    [11, 0x7b], // a0..a7, x0, x1, v
  ]);
  return [...locals, ...outer];
}

/** The module's bytes. */
export function int8ModuleBytes(): Uint8Array {
  return moduleOfOneFunction('dot8', body());
}
