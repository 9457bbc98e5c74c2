import { readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import type { Doc, TimeExpr } from '../../core/types.ts';
import { matchForm } from '../../text/normalize.ts';
import { docView, type Tok } from './scan.ts';

export interface TimeLexicon {
  /** kind → matching form (one or two words joined by a space) → value. */
  byKind: Map<string, Map<string, string>>;
  /** First words of every entry (and the lead words منذ، خلال...): a token whose forms are not here starts nothing. */
  firstWords: Set<string>;
}

/** Parse `data/time/lexicon.tsv` (format in its header). */
export function parseTimeLexicon(text: string): TimeLexicon {
  const byKind = new Map<string, Map<string, string>>();
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [kind, form, value] = raw.split('\t');
    if (!kind || !form || value === undefined) continue;
    const key = form
      .trim()
      .split(/\s+/)
      .map((w) => matchForm(w))
      .join(' ');
    let m = byKind.get(kind);
    if (!m) byKind.set(kind, (m = new Map()));
    m.set(key, value.trim());
  }
  const firstWords = new Set<string>([
    'منذ',
    'قبل',
    'خلال',
    'لمده',
    'طوال',
    'مده',
    'بعد',
    'يوم',
    'اليوم',
    'ساعه',
    'الساعه',
    'اول',
    'شهر',
    'الشهر',
  ]);
  for (const m of byKind.values()) for (const k of m.keys()) firstWords.add(k.split(' ')[0]);
  return { byKind, firstWords };
}

let cached: TimeLexicon | undefined;
export function loadTimeLexicon(): TimeLexicon {
  cached ??= parseTimeLexicon(readFileSync(dataFile('time', 'lexicon.tsv'), 'utf8'));
  return cached;
}

/** Forms of a word without its clitics: و ف ب ل ك and لل → ال. */
function variants(w: string): string[] {
  const out = [w];
  let x = w;
  if (/^[وف]/.test(x) && x.length > 2) {
    x = x.slice(1);
    out.push(x);
  }
  if (x.startsWith('لل') && x.length > 3) out.push(`ال${x.slice(2)}`);
  if (/^[بلك]/.test(x) && x.length > 2) out.push(x.slice(1));
  const last = out[out.length - 1];
  if (last.startsWith('ال') && last.length > 4) out.push(last.slice(2));
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const w = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${y}-W${pad(w)}`;
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

/** Tabular Islamic calendar to Gregorian (civil epoch); accurate to a day or two. */
export function hijriToGregorian(y: number, m: number, d: number): Date {
  const jd = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439.5 - 1;
  return new Date((jd - 2440587.5) * 86400000);
}

/** The year closest to the reference date for a month given without a year. */
function yearFor(month: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  let best = y;
  let bestD = 99;
  for (const c of [y - 1, y, y + 1]) {
    const dist = Math.abs(c * 12 + month - (y * 12 + m));
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best;
}

function parseRef(published: string | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

const UNIT_P: Record<string, string> = { D: 'D', W: 'W', M: 'M', Y: 'Y', H: 'H', DE: 'DE' };

/** Extract time expressions, resolved against the article's publication date when it has one. */
export function extractTimes(doc: Doc, lex: TimeLexicon): TimeExpr[] {
  const v = docView(doc);
  const toks = v.toks;
  const ref = parseRef(doc.article?.published);
  const out: TimeExpr[] = [];
  const get = (kind: string, k: number, words = 1): string | undefined => {
    const m = lex.byKind.get(kind);
    if (!m || k + words > toks.length) return undefined;
    if (toks[k].kind === 'p' || toks[k + words - 1].kind === 'p') return undefined;
    if (words === 1) {
      for (const f of variants(toks[k].norm)) {
        const x = m.get(f);
        if (x !== undefined) return x;
      }
      return undefined;
    }
    if (toks[k].sentence !== toks[k + words - 1].sentence) return undefined;
    const rest = toks
      .slice(k + 1, k + words)
      .map((t) => t.norm)
      .join(' ');
    for (const f of variants(toks[k].norm)) {
      const x = m.get(`${f} ${rest}`);
      if (x !== undefined) return x;
    }
    return undefined;
  };
  /** A month name at k (one or two words): [month, words]. */
  const monthAt = (k: number, kind = 'month'): [number, number] | null => {
    const two = get(kind, k, 2);
    if (two) return [Number(two), 2];
    const one = get(kind, k);
    if (one) return [Number(one), 1];
    return null;
  };
  const numAt = (k: number): number | null => {
    const t = toks[k];
    if (!t) return null;
    if (t.kind === 'n' && /^\d+$/.test(t.norm)) return Number(t.norm);
    const w = get('num', k);
    if (w === 'X') return -1;
    return w ? Number(w) : null;
  };
  /** A number at k, also compound ("خمسة وتسعين"): [value, tokens]. */
  const numberAt = (k: number): [number, number] | null => {
    const n0 = numAt(k);
    if (n0 === null) return null;
    if (n0 > 0 && n0 < 10 && toks[k + 1]?.norm.startsWith('و')) {
      const n1 = numAt(k + 1);
      if (n1 !== null && n1 >= 20 && n1 % 10 === 0) return [n0 + n1, 2];
    }
    return [n0, 1];
  };
  const yearAt = (k: number): number | null => {
    const t = toks[k];
    if (t?.kind !== 'n' || !/^\d{4}$/.test(t.norm)) return null;
    const y = Number(t.norm);
    return y >= 1000 && y <= 2200 ? y : null;
  };
  const known = (w: string): boolean => {
    if (/^(منذ|خلال|قبل|بعد|لمده|طوال|في|يوم)$/.test(w)) return true;
    for (const m of lex.byKind.values()) if (m.has(w)) return true;
    return false;
  };
  const push = (a: number, b: number, type: TimeExpr['type'], value: string | undefined): void => {
    let s = toks[a].start;
    // a conjunction fused to the first word is not part of the expression (وعام 2010 → عام 2010)
    const n0 = toks[a].norm;
    if ((n0.startsWith('و') || n0.startsWith('ف')) && n0.length > 2 && known(n0.slice(1)) && !known(n0)) s++;
    const e = toks[b - 1].end;
    const te: TimeExpr = { text: doc.text.slice(s, e), start: s, end: e, type };
    if (value) te.value = value;
    out.push(te);
  };

  const relevant = (t: Tok): boolean => {
    if (t.kind === 'n') return true;
    if (t.kind !== 'w') return false;
    for (const f of variants(t.norm)) if (lex.firstWords.has(f)) return true;
    return false;
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (!relevant(t)) continue;
    // numeric dates: 20/2/2014, 2014-02-20, 20-2-2014
    if (t.kind === 'n') {
      let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t.norm);
      if (m && Number(m[2]) <= 12 && Number(m[1]) <= 31) {
        push(k, k + 1, 'DATE', `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`);
        continue;
      }
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t.norm);
      if (m && Number(m[2]) <= 12) {
        push(k, k + 1, 'DATE', `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`);
        continue;
      }
      // time of day 10:30 (the tokenizer keeps it one token, or three with the colon)
      m = /^(\d{1,2}):(\d{2})$/.exec(t.norm);
      // after الساعة, AFP's 05,55 and 5.30 are times of day too
      if (!m && k > 0 && /^ال?ساعه$/.test(toks[k - 1].norm.replace(/^[وفب]/, ''))) m = /^(\d{1,2})[,.،٫](\d{2})$/.exec(t.norm);
      let tb = k + 1;
      if (
        !m &&
        /^\d{1,2}$/.test(t.norm) &&
        toks[k + 1]?.text === ':' &&
        /^\d{2}$/.test(toks[k + 2]?.norm ?? '') &&
        toks[k + 1].start === t.end
      ) {
        m = /^(\d{1,2}):(\d{2})$/.exec(`${t.norm}:${toks[k + 2].norm}`);
        tb = k + 3;
      }
      if (m && Number(m[1]) < 24) {
        let a = k;
        if (k > 0 && /^ال?ساعه$/.test(toks[k - 1].norm.replace(/^[وفب]/, ''))) a = k - 1;
        push(a, tb, 'TIME', `${ref ? isoDay(ref) : 'XXXX-XX-XX'}T${pad(Number(m[1]))}:${m[2]}`);
        k = tb - 1;
        continue;
      }
      // day month [/month] [year]
      const day = /^\d{1,2}$/.test(t.norm) ? Number(t.norm) : 0;
      if (day >= 1 && day <= 31) {
        let mo = monthAt(k + 1);
        let kind = 'month';
        if (!mo) {
          mo = monthAt(k + 1, 'hijri');
          kind = 'hijri';
        }
        if (mo) {
          let b = k + 1 + mo[1];
          // يونيو/حزيران
          if (toks[b]?.text === '/' && monthAt(b + 1)) b = b + 1 + (monthAt(b + 1) as [number, number])[1];
          const y = yearAt(b);
          if (y) b++;
          if (get('era', b) && toks[b].start - toks[b - 1].end <= 1) b++;
          const dmod = !y && kind !== 'hijri' ? get('mod', b) : undefined;
          if (dmod !== undefined) b++;
          if (kind === 'hijri') {
            if (y) push(k, b, 'DATE', isoDay(hijriToGregorian(y, mo[0], day)));
            else push(k, b, 'DATE', undefined);
          } else {
            let yy = y ?? yearFor(mo[0], ref);
            if (ref && dmod !== undefined) {
              const m0 = ref.getUTCMonth() + 1;
              const y0 = ref.getUTCFullYear();
              yy = dmod === '-1' ? (mo[0] <= m0 ? y0 : y0 - 1) : dmod === '1' ? (mo[0] >= m0 ? y0 : y0 + 1) : y0;
            }
            push(k, b, 'DATE', `${yy ?? 'XXXX'}-${pad(mo[0])}-${pad(day)}`);
          }
          k = b - 1;
          continue;
        }
      }
      // 2013م / 1434هـ
      const y = yearAt(k);
      if (y && k + 1 < toks.length && get('era', k + 1) && toks[k + 1].start === t.end) {
        const era = get('era', k + 1);
        let b = k + 2;
        if (toks[b] && toks[b].text === 'ـ' && toks[b].start === toks[b - 1].end) b++;
        push(k, b, 'DATE', era === 'AH' ? String(hijriToGregorian(y, 1, 1).getUTCFullYear()) : String(y));
        k = b - 1;
        continue;
      }
    }
    if (t.kind === 'n') {
      // a bare year after في / منذ / حتى / و (في 2004، منذ 1949)
      const y = yearAt(k);
      const p0 = k > 0 ? toks[k - 1].norm : '';
      const prev = p0.length > 2 ? p0.replace(/^[وف]/, '') : p0;
      if (y && y >= 1800 && y <= 2100 && /^(في|وفي|منذ|حتي|و|بين|عامي|الي|قبل|بعد|مطلع|اواخر|اوائل|نهايه|بدايه)$/.test(prev)) {
        push(k, k + 1, 'DATE', String(y));
        continue;
      }
    }
    if (t.kind === 'p') continue;
    // part of a month/unit: مطلع / أواسط / أواخر
    const part = get('part', k);
    const a0 = k;
    let k1 = k;
    if (part) k1 = k + 1;
    if (part && /^(شهر|الشهر)$/.test(toks[k1]?.norm ?? '') && monthAt(k1 + 1)) k1++;
    // month [/month] [year]
    let mo = monthAt(k1);
    // آب (August) is also a fused form of باب, لاب...: only as written
    if (mo && mo[1] === 1 && mo[0] === 8 && !/^و?(اب|اوت)$/.test(toks[k1].norm)) mo = null;
    if (mo && !(toks[k1 - 1] && toks[k1 - 1].kind === 'n' && k1 === k)) {
      let b = k1 + mo[1];
      if (toks[b]?.text === '/' && monthAt(b + 1)) b = b + 1 + (monthAt(b + 1) as [number, number])[1];
      const y = yearAt(b);
      if (y) b++;
      // a bare month name needs a year, a part word, or a preposition before it (في مايو) to be a date
      const prev = toks[a0 - 1]?.norm ?? '';
      const modAfter = get('mod', b);
      if (!y && modAfter !== undefined) b++;
      const ok =
        y ||
        part ||
        modAfter !== undefined ||
        /^(في|منذ|حتي|خلال|شهر|الشهر|بحلول|قبل|بعد)$/.test(prev) ||
        /^[وب]?(في)?$/.test(prev) ||
        mo[1] === 2;
      if (ok && !(mo[0] === 5 && toks[k1].norm === 'ماي' && !y)) {
        let yy = y ?? yearFor(mo[0], ref);
        if (!y && ref && modAfter !== undefined) {
          const m0 = ref.getUTCMonth() + 1;
          const y0 = ref.getUTCFullYear();
          if (modAfter === '-1') yy = mo[0] < m0 ? y0 : y0 - 1;
          else if (modAfter === '1') yy = mo[0] > m0 ? y0 : y0 + 1;
          else yy = y0;
        }
        push(a0, b, 'DATE', `${yy ?? 'XXXX'}-${pad(mo[0])}`);
        k = b - 1;
        continue;
      }
    }
    // Hijri month with a year (رمضان 1434) or after شهر
    const hm = monthAt(k1, 'hijri');
    if (hm) {
      const b0 = k1 + hm[1];
      const y = yearAt(b0);
      const afterShahr = k1 > 0 && /^(شهر|الشهر)$/.test(toks[k1 - 1].norm.replace(/^[وفب]/, ''));
      if (y || afterShahr) {
        const a = afterShahr && !part ? k1 - 1 : a0;
        let b = b0 + (y ? 1 : 0);
        if (y && get('era', b) && toks[b].start - toks[b - 1].end <= 1) b++;
        const g = y ? hijriToGregorian(y, hm[0], 15) : null;
        push(a, b, 'DATE', g ? `${g.getUTCFullYear()}-${pad(g.getUTCMonth() + 1)}` : undefined);
        k = b - 1;
        continue;
      }
    }
    // عام 2013 / سنة 2013 / العام 2013
    const unitHere = get('unit', k1);
    if (unitHere === 'Y') {
      const y = yearAt(k1 + 1);
      if (y) {
        let b = k1 + 2;
        if (get('era', b) && toks[b].start - toks[b - 1].end <= 1) b++;
        push(a0, b, 'DATE', String(y));
        k = b - 1;
        continue;
      }
    }
    // [part] the unit + mod: الأسبوع الماضي, الشهر المقبل, العام الماضي; مطلع العام
    // plural unit + mod without a number: الأيام الماضية, السنوات المقبلة
    if (
      unitHere &&
      !part &&
      get('mod', k1 + 1) !== undefined &&
      /^[وفب]?ال/.test(toks[k1].norm) &&
      !/^(اليوم|الاسبوع|الشهر|العام|السنه|القرن)$/.test(toks[k1].norm.replace(/^[وفب]/, ''))
    ) {
      const mod = Number(get('mod', k1 + 1));
      push(k1, k1 + 2, 'DATE', mod < 0 ? 'PAST_REF' : mod > 0 ? 'FUTURE_REF' : 'PRESENT_REF');
      k = k1 + 1;
      continue;
    }
    if (unitHere && unitHere !== 'H' && toks[k1].norm.replace(/^[وفبل]/, '').startsWith('ال')) {
      const mod = get('mod', k1 + 1);
      if (mod !== undefined || part) {
        const off = mod === undefined ? 0 : Number(mod);
        const b = mod === undefined ? k1 + 1 : k1 + 2;
        let value: string | undefined;
        if (ref) {
          const y = ref.getUTCFullYear();
          const m = ref.getUTCMonth();
          if (unitHere === 'Y') value = String(y + off);
          else if (unitHere === 'M') {
            const d = new Date(Date.UTC(y, m + off, 1));
            value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
          } else if (unitHere === 'W') value = isoWeek(addDays(ref, 7 * off));
          else if (unitHere === 'D') value = isoDay(addDays(ref, off));
          else if (unitHere === 'CE') value = String(Math.floor((y - 1) / 100) + off);
        }
        push(a0, b, 'DATE', value ?? (off < 0 ? 'PAST_REF' : off > 0 ? 'FUTURE_REF' : 'PRESENT_REF'));
        k = b - 1;
        continue;
      }
    }
    // weekday [mod]: (يوم) الأربعاء (الماضي)
    let wk = k;
    if (/^(يوم|اليوم)$/.test(t.norm.replace(/^[وفب]/, '')) && get('weekday', k + 1) !== undefined) wk = k + 1;
    const wd = get('weekday', wk);
    if (wd !== undefined) {
      let a = k;
      const dp = a > 0 ? get('daypart', a - 1) : undefined;
      if (dp) a--;
      const mod = get('mod', wk + 1);
      const b = mod !== undefined ? wk + 2 : wk + 1;
      let value: string | undefined;
      if (ref) {
        const cur = ref.getUTCDay();
        const w = Number(wd);
        let off = w - cur;
        if (mod === '1') off = off <= 0 ? off + 7 : off;
        else if (mod === '-1') off = off >= 0 ? off - 7 : off;
        else if (off > 0) off -= 7; // news reports the past: the most recent such day
        value = isoDay(addDays(ref, off));
        if (dp) value += `T${dp}`;
      }
      push(a, b, dp ? 'TIME' : 'DATE', value ?? `XXXX-WXX-${String(Number(wd) === 0 ? 7 : Number(wd))}`);
      k = b - 1;
      continue;
    }
    // أمس / اليوم / غدا, أول أمس, بعد غد, صباح اليوم
    const rel = get('rel', k);
    if (rel !== undefined && !(toks[k].norm === 'اليوم' && get('mod', k + 1) !== undefined)) {
      let a = k;
      let off = Number(rel);
      if (k > 0 && toks[k - 1].norm === 'اول' && off === -1) {
        a = k - 1;
        off = -2;
      } else if (k > 0 && toks[k - 1].norm === 'بعد' && off === 1) {
        a = k - 1;
        off = 2;
      }
      const dp = a > 0 ? get('daypart', a - 1) : undefined;
      if (dp) a--;
      let e = k + 1;
      // الليلة الماضية، أمس الجمعة، غدا الاثنين
      const rm = get('mod', e);
      if (rm !== undefined && toks[k].norm.endsWith('الليله')) {
        off += Number(rm);
        e++;
      } else if (get('weekday', e) !== undefined) e++;
      let value = ref ? isoDay(addDays(ref, off)) : off === 0 ? 'PRESENT_REF' : undefined;
      if (dp && value) value += `T${dp}`;
      push(a, e, dp ? 'TIME' : 'DATE', value);
      k = e - 1;
      continue;
    }
    // decades, seasons, القرن العشرين, الساعة التاسعة, هذا العام
    const fixed = get('fixed', k);
    if (fixed) {
      push(k, k + 1, 'DATE', fixed);
      continue;
    }
    const season = get('season', k);
    if (season) {
      push(k, k + 1, 'DATE', `${ref ? ref.getUTCFullYear() : 'XXXX'}-${season}`);
      continue;
    }
    if (/^(القرن|الساعه)$/.test(t.norm.replace(/^[وفب]/, ''))) {
      const ord = get('ord', k + 1, 2) ?? get('ord', k + 1);
      if (ord) {
        const two = get('ord', k + 1, 2) !== undefined;
        const b = k + (two ? 3 : 2);
        if (t.norm.endsWith('القرن')) push(k, b, 'DATE', String(Number(ord) - 1));
        else push(k, b, 'TIME', `${ref ? isoDay(ref) : 'XXXX-XX-XX'}T${pad(Number(ord))}:00`);
        k = b - 1;
        continue;
      }
    }
    if (/^(هذا|هذه)$/.test(t.norm.replace(/^[وف]/, '')) && get('unit', k + 1)) {
      const u = get('unit', k + 1) as string;
      let value: string | undefined;
      if (ref) {
        if (u === 'Y') value = String(ref.getUTCFullYear());
        else if (u === 'M') value = `${ref.getUTCFullYear()}-${pad(ref.getUTCMonth() + 1)}`;
        else if (u === 'W') value = isoWeek(ref);
        else if (u === 'D') value = isoDay(ref);
      }
      push(k, k + 2, 'DATE', value ?? 'PRESENT_REF');
      k++;
      continue;
    }
    // الآن، مؤخرا
    const r0 = get('ref', k);
    if (r0) {
      push(k, k + 1, 'DATE', r0);
      continue;
    }
    // كل عامين / كل 3 أشهر
    if (t.norm.replace(/^[وف]/, '') === 'كل') {
      const du = get('dual', k + 1);
      const nb2 = du ? null : numberAt(k + 1);
      const u2 = nb2 ? get('unit', k + 1 + nb2[1]) : undefined;
      if (du || (nb2 && u2)) {
        const n2 = du ? 2 : (nb2 as [number, number])[0];
        const uu = (du ?? u2) as string;
        const b2 = du ? k + 2 : k + 2 + (nb2 as [number, number])[1];
        push(k, b2, 'SET', uu === 'H' ? `PT${n2}H` : `P${n2}${uu}`);
        k = b2 - 1;
        continue;
      }
    }
    // sets: يوميا, كل عام
    const set = get('set', k, 2) ?? get('set', k);
    if (set) {
      const two = get('set', k, 2) !== undefined;
      push(k, k + (two ? 2 : 1), 'SET', set);
      if (two) k++;
      continue;
    }
    // منذ / قبل + N unit ; خلال / لمدة + N unit ; N unit ; dual
    const lead = t.norm.replace(/^[وف]/, '');
    const isAgo = lead === 'منذ' || lead === 'قبل';
    const q = isAgo || /^(خلال|لمده|طوال|مده|بعد)$/.test(lead) ? k + 1 : k;
    const nb = numberAt(q);
    let n: number | null = nb ? nb[0] : null;
    let unit: string | undefined;
    let b = q;
    if (nb && n !== null) {
      // ثلاثة أيام / 3 أيام / 30 عاما / خمسة وتسعين عاما
      unit = get('unit', q + nb[1]);
      b = q + nb[1] + 1;
    } else {
      unit = get('dual', q);
      if (unit) {
        n = 2;
        b = q + 1;
      }
    }
    if (!unit && n === null && get('unitx', q) && q > k && !yearAt(q + 1)) {
      // A plural unit with no number: منذ أشهر, لساعات → an unspecified count (PXM, PTXH).
      unit = get('unitx', q) as string;
      n = -1;
      b = q + 1;
    }
    if (!unit && n === null) {
      const u1 = get('unit1', q);
      const u0 = q > k ? get('unit', q) : undefined;
      // a definite unit is no count of one: "الساعة 05,55" is a time of day, not an hour
      if ((u1 || u0) && !/^ال/.test(toks[q].norm) && !yearAt(q + 1)) {
        unit = (u1 ?? u0) as string;
        n = 1;
        b = q + 1;
      }
    }
    if (unit && n !== null && get('mod', b) !== undefined && get('dual', q)) b++;
    if (unit && n !== null) {
      const nn = n < 0 ? 'X' : String(n);
      // TIMEX3 leaves the preposition out (منذ ثلاثة أيام → ثلاثة أيام) but keeps "أقل من", "نحو"
      let a = q;
      if (a >= 2 && toks[a - 1].norm === 'من' && /^(اقل|اكثر)$/.test(toks[a - 2].norm)) a -= 2;
      else if (a >= 1 && /^(نحو|حوالي|قرابه)$/.test(toks[a - 1].norm)) a -= 1;
      if (isAgo && lead === 'منذ' && ref && n > 0 && unit !== 'H') {
        let value: string;
        if (unit === 'D') value = isoDay(addDays(ref, -n));
        else if (unit === 'W') value = isoWeek(addDays(ref, -7 * n));
        else if (unit === 'M') {
          const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1));
          value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
        } else value = String(ref.getUTCFullYear() - n * (unit === 'DE' ? 10 : 1));
        push(a, b, 'DATE', value);
      } else {
        const u = UNIT_P[unit] ?? unit;
        push(
          a,
          b,
          'DURATION',
          unit === 'H' ? `PT${nn}H` : unit === 'DE' ? (n < 0 ? 'PXDE' : `P${nn}0Y`) : unit === 'CE' ? `P${nn}CE` : `P${nn}${u}`,
        );
      }
      k = b - 1;
    }
  }
  return out;
}

export type { Tok };
