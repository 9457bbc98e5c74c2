/**
 * Dense model files: named tensors (embedding tables, layer weights) with a
 * JSON header, stored as float32 or as int8 with one scale per row.
 *
 * Layout (little-endian):
 *   "KHBT" | u32 version | u32 headerBytes | header JSON (UTF-8) | pad to 4
 *   then each tensor in header order: f32 → values; i8 → f32 scales[rows] | i8 values | pad to 4
 * The header holds `kind`, `meta` (any JSON) and `tensors` ([name, shape, quant]).
 * A tensor's rows are its first dimension; int8 keeps about two decimal digits
 * per row (max-abs scaling), enough for embeddings and hidden layers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeFrame, encodeFrame } from './frame.ts';

const MAGIC = 0x5442484b; // "KHBT" read as u32 LE
const VERSION = 1;

export type TensorQuant = 'f32' | 'i8';

export interface Tensor {
  shape: number[];
  /** Values (empty when the tensor was kept as int8: see `q`). */
  data: Float32Array;
  /** An int8 tensor kept as stored (`decodeTensors` option `keepInt8`): value = q[r · cols + c] × scales[r]. */
  q?: Int8Array;
  scales?: Float32Array;
}

export interface TensorFile {
  kind: string;
  meta: Record<string, unknown>;
  tensors: Record<string, Tensor>;
}

interface Header {
  kind: string;
  meta: Record<string, unknown>;
  tensors: Array<{ name: string; shape: number[]; quant: TensorQuant }>;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Serialises tensors; `quant` per tensor name (default f32). */
export function encodeTensors(file: TensorFile, quant: Record<string, TensorQuant> = {}): Buffer {
  const entries = Object.entries(file.tensors);
  const header: Header = {
    kind: file.kind,
    meta: file.meta,
    tensors: entries.map(([name, t]) => {
      if (t.data.length !== size(t.shape)) throw new Error(`tensor ${name}: ${t.data.length} values for shape ${t.shape.join('×')}`);
      return { name, shape: t.shape, quant: quant[name] ?? 'f32' };
    }),
  };
  const sections: ArrayBufferView[] = [];
  for (const [i, [, t]] of entries.entries()) {
    if (header.tensors[i].quant === 'f32') {
      sections.push(t.data);
      continue;
    }
    const rows = t.shape[0] ?? 1;
    const cols = rows > 0 ? t.data.length / rows : 0;
    const scales = new Float32Array(rows);
    const q = new Int8Array(t.data.length);
    for (let r = 0; r < rows; r++) {
      let max = 0;
      for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(t.data[r * cols + c]));
      const s = max > 0 ? max / 127 : 1;
      scales[r] = s;
      for (let c = 0; c < cols; c++) q[r * cols + c] = Math.round(t.data[r * cols + c] / s);
    }
    sections.push(scales, q);
  }
  return encodeFrame(MAGIC, VERSION, header, sections);
}

/**
 * Parses bytes written by `encodeTensors`. Int8 tensors come back as float32,
 * except those named in `keepInt8`, which keep their int8 values and row
 * scales (a quarter of the memory; the caller dequantises what it reads).
 */
export function decodeTensors(buf: Buffer, keepInt8: ReadonlySet<string> = new Set()): TensorFile {
  const { header, take } = decodeFrame<Header>(buf, MAGIC, VERSION, 'tensor file');
  const tensors: Record<string, Tensor> = {};
  for (const { name, shape, quant } of header.tensors) {
    const n = size(shape);
    if (quant === 'f32') {
      tensors[name] = { shape, data: new Float32Array(take(n * 4)) };
      continue;
    }
    const rows = shape[0] ?? 1;
    const cols = rows > 0 ? n / rows : 0;
    const scales = new Float32Array(take(rows * 4));
    const q = new Int8Array(take(n));
    if (keepInt8.has(name)) {
      tensors[name] = { shape, data: new Float32Array(0), q, scales };
      continue;
    }
    const data = new Float32Array(n);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = q[r * cols + c] * scales[r];
    tensors[name] = { shape, data };
  }
  return { kind: header.kind, meta: header.meta ?? {}, tensors };
}

export const saveTensorFile = (path: string, file: TensorFile, quant: Record<string, TensorQuant> = {}): void =>
  writeFileSync(path, encodeTensors(file, quant));

export const loadTensorFile = (path: string, keepInt8?: ReadonlySet<string>): TensorFile => decodeTensors(readFileSync(path), keepInt8);
