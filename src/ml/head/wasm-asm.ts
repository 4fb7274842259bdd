/**
 * A few WebAssembly encodings shared by the hand-assembled SIMD modules (`simd-module.ts`,
 * `simd-int8-module.ts`): opcodes, LEB128 integers, sections and the instructions they use.
 * Assembled in TypeScript rather than shipped as binaries so every kernel is reviewable.
 */

export const SIMD = 0xfd;
export const OP = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Ne: 0x47,
  f32Add: 0x92,
  i32Store: 0x36,
  f32Store: 0x38,
  loop: 0x03,
  brIf: 0x0d,
  end: 0x0b,
  void: 0x40,
} as const;

/** Unsigned LEB128. */
export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};

/** Signed LEB128. */
export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export const get = (i: number): number[] => [OP.localGet, i];
export const set = (i: number): number[] => [OP.localSet, i];
export const v128Zero = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
/** v128.load with a 16-byte alignment hint at a constant offset. */
export const v128Load = (offset: number): number[] => [SIMD, 0x00, 4, ...uleb(offset)];
/** A SIMD instruction by its opcode number. */
export const simdOp = (code: number): number[] => [SIMD, ...uleb(code)];
export const addConst = (i: number, c: number): number[] => [...get(i), OP.i32Const, ...sleb(c), OP.i32Add, ...set(i)];
export const addLocal = (dest: number, a: number, b: number): number[] => [...get(a), ...get(b), OP.i32Add, ...set(dest)];
/** Decrements local `i` and loops back while it is not zero (the end of a `loop` body). */
export const countDown = (i: number): number[] => [...addConst(i, -1), ...get(i), OP.i32Const, 0, OP.i32Ne, OP.brIf, 0];

/**
 * A module with one memory and one exported function `name` of six i32 parameters and no result,
 * whose body is `code` (locals declaration included, without the final `end`).
 */
export function moduleOfOneFunction(name: string, code: number[]): Uint8Array {
  const i32 = 0x7f;
  const type = section(1, vec([[0x60, ...vec([[i32], [i32], [i32], [i32], [i32], [i32]]), 0]]));
  const func = section(3, vec([[0]]));
  const memory = section(5, vec([[0x00, 1]]));
  const text = (s: string) => vec(s.split('').map((c) => [c.charCodeAt(0)]));
  const exports = section(7, vec([
    [...text('memory'), 0x02, 0],
    [...text(name), 0x00, 0],
  ]));
  const full = [...code, OP.end];
  const codeSection = section(10, vec([[...uleb(full.length), ...full]]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...func, ...memory, ...exports, ...codeSection]);
}

/** The lane type of a 4-row kernel's accumulators: its vector add, lane extract, scalar add and store opcodes. */
export interface LaneOps {
  add4: number[];
  extractLane: number;
  add: number;
  store: number;
}
export const F32_LANES: LaneOps = { add4: simdOp(228), extractLane: 0x1f, add: OP.f32Add, store: OP.f32Store };
export const I32_LANES: LaneOps = { add4: simdOp(0xae), extractLane: 0x1b, add: OP.i32Add, store: OP.i32Store };

/**
 * out[r] = horizontal sum of (acc(r) + acc(r + 4)), stored at `out` + 4r: the end of the 4-row
 * kernels, whose row r keeps two accumulators (locals `acc(r)` and `acc(r + 4)`).
 */
export function storeRowSum(ops: LaneOps, out: number, acc: (k: number) => number, r: number): number[] {
  const lane = (l: number) => [...simdOp(ops.extractLane), l];
  return [
    ...get(out),
    ...get(acc(r)),
    ...get(acc(r + 4)),
    ...ops.add4,
    ...set(acc(r)),
    ...get(acc(r)),
    ...lane(0),
    ...get(acc(r)),
    ...lane(1),
    ops.add,
    ...get(acc(r)),
    ...lane(2),
    ...get(acc(r)),
    ...lane(3),
    ops.add,
    ops.add,
    ops.store,
    2,
    ...uleb(4 * r),
  ];
}
