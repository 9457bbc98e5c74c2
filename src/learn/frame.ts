/**
 * The framing shared by khabar's binary model files: a 4-byte magic, a u32
 * version, a u32 header length, the header as JSON (UTF-8), then binary
 * sections, each padded to 4 bytes so that typed arrays read back aligned.
 * `model-file.ts` (sparse weight tables, "KHBM") and `tensor-file.ts` (dense
 * tensors, "KHBT") put their own header and sections in it.
 */

const pad4 = (n: number): number => (n + 3) & ~3;

/** Bytes of a framed file: header JSON, then the sections in order. */
export function encodeFrame(magic: number, version: number, header: unknown, sections: readonly ArrayBufferView[]): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(12);
  fixed.writeUInt32LE(magic, 0);
  fixed.writeUInt32LE(version, 4);
  fixed.writeUInt32LE(headerBytes.length, 8);
  const parts: Buffer[] = [fixed, headerBytes, Buffer.alloc(pad4(headerBytes.length) - headerBytes.length)];
  for (const a of sections) parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad4(a.byteLength) - a.byteLength));
  return Buffer.concat(parts);
}

/**
 * The header of a framed file and a reader of its sections in order: each
 * `take(bytes)` copies the next section into a fresh (aligned) buffer.
 * Throws a clear error on a wrong magic, an unknown version or a truncated file.
 */
export function decodeFrame<H>(
  buf: Buffer,
  magic: number,
  version: number,
  what: string,
): { header: H; take: (bytes: number) => ArrayBuffer } {
  if (buf.length < 12 || buf.readUInt32LE(0) !== magic) throw new Error(`not a khabar ${what} (bad magic)`);
  const v = buf.readUInt32LE(4);
  if (v !== version) throw new Error(`unsupported ${what} version ${v}`);
  const hLen = buf.readUInt32LE(8);
  if (12 + hLen > buf.length) throw new Error(`truncated ${what}`);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hLen)) as H;
  let off = 12 + pad4(hLen);
  const take = (bytes: number): ArrayBuffer => {
    if (off + bytes > buf.length) throw new Error(`truncated ${what}`);
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(buf.subarray(off, off + bytes));
    off += pad4(bytes);
    return ab;
  };
  return { header, take };
}
