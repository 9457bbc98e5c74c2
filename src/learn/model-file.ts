/**
 * The binary model file: a versioned header and the weight table stored
 * sparsely (only non-zero weights), optionally quantised to int16.
 *
 * Layout (little-endian):
 *   "KHBM" | u32 version | u32 headerBytes | header JSON (UTF-8) | pad to 4
 *   u32 keys[nRows] | u16 nnz[nRows] | pad to 4 | label ids[nnz total] (u8, or u16 when > 255 labels) | pad to 4
 *   values[nnz total] (f32, or i16 × header.scale)
 * The header holds `kind`, `labels`, `nRows`, `nnz`, `quant`, `scale` and the
 * caller's `meta` (any JSON: feature settings, small lexicons, metrics).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeFrame, encodeFrame } from './frame.ts';
import { WeightTable } from './weights.ts';

const MAGIC = 0x4d42484b; // "KHBM" read as u32 LE
const VERSION = 1;

export type Quantisation = 'f32' | 'i16';

export interface ModelFile {
  kind: string;
  labels: string[];
  table: WeightTable;
  meta: Record<string, unknown>;
}

interface Header {
  kind: string;
  labels: string[];
  nRows: number;
  nnz: number;
  quant: Quantisation;
  scale: number;
  meta: Record<string, unknown>;
}

/** Serialises a model to bytes. `i16` halves the size at a tiny precision cost (max-abs scaling). */
export function encodeModel(model: ModelFile, quant: Quantisation = 'f32'): Buffer {
  const { table } = model;
  const L = table.nLabels;
  const nRows = table.keys.length;
  const w = table.weights;
  const nnzRow = new Uint16Array(nRows);
  let nnz = 0;
  let maxAbs = 0;
  for (let r = 0; r < nRows; r++) {
    for (let l = 0; l < L; l++) {
      const v = w[r * L + l];
      if (v !== 0) {
        nnzRow[r]++;
        nnz++;
        if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
      }
    }
  }
  const scale = quant === 'i16' ? (maxAbs > 0 ? maxAbs / 32767 : 1) : 1;
  const wide = L > 255;
  const ids = wide ? new Uint16Array(nnz) : new Uint8Array(nnz);
  const values = quant === 'i16' ? new Int16Array(nnz) : new Float32Array(nnz);
  let j = 0;
  for (let r = 0; r < nRows; r++) {
    for (let l = 0; l < L; l++) {
      const v = w[r * L + l];
      if (v === 0) continue;
      ids[j] = l;
      values[j] = quant === 'i16' ? Math.round(v / scale) : v;
      j++;
    }
  }
  const header: Header = { kind: model.kind, labels: model.labels, nRows, nnz, quant, scale, meta: model.meta };
  return encodeFrame(MAGIC, VERSION, header, [table.keys, nnzRow, ids, values]);
}

/** Parses bytes written by `encodeModel`. */
export function decodeModel(buf: Buffer): ModelFile {
  const frame = decodeFrame<Header>(buf, MAGIC, VERSION, 'model file');
  const header = frame.header;
  // Copy each section into a fresh, aligned typed array.
  const take = <T>(bytes: number, make: (ab: ArrayBuffer) => T): T => make(frame.take(bytes));
  const { nRows, nnz, labels } = header;
  const L = labels.length;
  const keys = take(nRows * 4, (ab) => new Uint32Array(ab));
  const nnzRow = take(nRows * 2, (ab) => new Uint16Array(ab));
  const ids = L > 255 ? take(nnz * 2, (ab) => new Uint16Array(ab)) : take(nnz, (ab) => new Uint8Array(ab));
  const weights = new Float32Array(nRows * L);
  if (header.quant === 'i16') {
    const v = take(nnz * 2, (ab) => new Int16Array(ab));
    let j = 0;
    for (let r = 0; r < nRows; r++) for (let k = 0; k < nnzRow[r]; k++, j++) weights[r * L + ids[j]] = v[j] * header.scale;
  } else {
    const v = take(nnz * 4, (ab) => new Float32Array(ab));
    let j = 0;
    for (let r = 0; r < nRows; r++) for (let k = 0; k < nnzRow[r]; k++, j++) weights[r * L + ids[j]] = v[j];
  }
  return { kind: header.kind, labels, table: new WeightTable(L, keys, weights), meta: header.meta ?? {} };
}

export function saveModelFile(path: string, model: ModelFile, quant: Quantisation = 'f32'): void {
  writeFileSync(path, encodeModel(model, quant));
}

export function loadModelFile(path: string): ModelFile {
  return decodeModel(readFileSync(path));
}
