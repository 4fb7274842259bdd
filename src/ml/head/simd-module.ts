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

const SIMD = 0xfd;
const OP = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Ne: 0x47,
  f32Add: 0x92,
  f32Store: 0x38,
  loop: 0x03,
  brIf: 0x0d,
  end: 0x0b,
  void: 0x40,
} as const;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Parameters 0–5: w, x, out, blocks, pairs, stride. Locals: 6–8 p1..p3, 9 xp, 10 pairs left,
// 11–18 a0..a7, 19 x0, 20 x1. `w` itself serves as row 0's pointer.
const [W, X, OUT, BLOCKS, PAIRS, STRIDE] = [0, 1, 2, 3, 4, 5];
const P = (r: number) => (r === 0 ? W : 5 + r);
const [XP, PAIRS_LEFT] = [9, 10];
const A = (k: number) => 11 + k;
const [X0, X1] = [19, 20];

const get = (i: number) => [OP.localGet, i];
const set = (i: number) => [OP.localSet, i];
const v128Zero = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
const v128Load = (offset: number) => [SIMD, 0x00, 4, ...uleb(offset)];
const f32x4Add = [SIMD, ...uleb(228)];
const f32x4Mul = [SIMD, ...uleb(230)];
const lane = (l: number) => [SIMD, 0x1f, l];
const addConst = (i: number, c: number) => [...get(i), OP.i32Const, ...sleb(c), OP.i32Add, ...set(i)];
const addLocal = (dest: number, a: number, b: number) => [...get(a), ...get(b), OP.i32Add, ...set(dest)];

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

/** out[r] = horizontal sum of (a_r + a_(r+4)), stored at out + 4r. */
const storeRow = (r: number) => [
  ...get(OUT),
  ...get(A(r)),
  ...get(A(r + 4)),
  ...f32x4Add,
  ...set(A(r)),
  ...get(A(r)),
  ...lane(0),
  ...get(A(r)),
  ...lane(1),
  OP.f32Add,
  ...get(A(r)),
  ...lane(2),
  ...get(A(r)),
  ...lane(3),
  OP.f32Add,
  OP.f32Add,
  OP.f32Store,
  2,
  ...uleb(4 * r),
];

const countDown = (i: number) => [...addConst(i, -1), ...get(i), OP.i32Const, 0, OP.i32Ne, OP.brIf, 0];

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
  const code = [...locals, ...outer, OP.end];
  return [...uleb(code.length), ...code];
}

/** The module's bytes (built once per call; callers compile it once per kernel). */
export function simdModuleBytes(): Uint8Array {
  const i32 = 0x7f;
  const type = section(1, vec([[0x60, ...vec([[i32], [i32], [i32], [i32], [i32], [i32]]), 0]]));
  const func = section(3, vec([[0]]));
  const memory = section(5, vec([[0x00, 1]]));
  const exports = section(7, vec([
    [...vec('memory'.split('').map((c) => [c.charCodeAt(0)])), 0x02, 0],
    [...vec('matvec'.split('').map((c) => [c.charCodeAt(0)])), 0x00, 0],
  ]));
  const code = section(10, vec([body()]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...func, ...memory, ...exports, ...code]);
}
