/** Cleaning of a surface word before segmentation, with an offset map back to the original. */

/** Harakat, superscript alef, Quranic marks and tatweel: dropped before segmentation. */
export function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x200c || c === 0x200d;
}

export interface CleanWord {
  text: string;
  /** `map[i]` = original offset of cleaned char i; `map[text.length]` = original length. Null when nothing was dropped. */
  map: Int32Array | null;
}

export function cleanWord(s: string): CleanWord {
  let dirty = false;
  for (let i = 0; i < s.length; i++) {
    if (isMark(s.charCodeAt(i))) {
      dirty = true;
      break;
    }
  }
  if (!dirty) return { text: s, map: null };
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isMark(s.charCodeAt(i))) continue;
    out += s[i];
    map.push(i);
  }
  map.push(s.length);
  // a word made only of marks stays as it is
  if (out.length === 0) return { text: s, map: null };
  return { text: out, map: Int32Array.from(map) };
}
