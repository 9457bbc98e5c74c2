/**
 * Builds the knowledge-base files in `data/kb/` from the shared public
 * datasets (`khabar kb build`). Each source goes to its own file so that its
 * licence stays attached to it (see `data/kb/README.md`):
 *  - `countries.tsv`  mledoze/countries (ODbL 1.0) + Arabic capitals from the cities list;
 *  - `cities.tsv`     world-cities-translations (CC BY 4.0, from Wikidata);
 *  - `petrarch.tsv`   UniversalPetrarch Arabic actor dictionary (MIT): people with a country code;
 *  - `first-names.txt` akhateeb/arabic-names (MIT): first names, one per line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFile } from '../core/paths.ts';
import { matchForm } from '../text/normalize.ts';
import { formatKbTsv } from './tsv.ts';
import type { KbEntry } from './types.ts';

interface CountryJson {
  cca3: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations: Record<string, { common: string; official: string }>;
  capital?: string[];
  independent?: boolean | null;
  demonyms?: Record<string, { f: string; m: string }>;
}

/** Parse one CSV line with quoted fields (no embedded newlines in these files). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let s = '';
      while (j < line.length) {
        if (line[j] === '"' && line[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (line[j] === '"') break;
        else s += line[j++];
      }
      out.push(s);
      i = j + 2;
    } else {
      let j = line.indexOf(',', i);
      if (j < 0) j = line.length;
      out.push(line.slice(i, j));
      i = j + 1;
    }
  }
  return out;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Administrative heads stripped from a city label (the full label stays an alias): منطقة نجران -> نجران. */
const ADMIN_PREFIXES = ['ولاية ', 'محافظة ', 'مقاطعة ', 'إقليم ', 'اقليم ', 'منطقة ', 'مركز '];

export interface BuildResult {
  files: { path: string; entries: number }[];
}

/** Build every KB file from `dataDir` (the shared data folder) into `outDir` (default `data/kb`). */
export function buildKb(dataDir: string, outDir = dataFile('kb')): BuildResult {
  const result: BuildResult = { files: [] };
  const write = (name: string, entries: KbEntry[], header: string): void => {
    const path = join(outDir, name);
    writeFileSync(path, formatKbTsv(entries, header));
    result.files.push({ path, entries: entries.length });
  };

  // Countries.
  const countries = JSON.parse(
    readFileSync(join(dataDir, 'gazetteer_countries_mledoze', 'countries-unescaped.json'), 'utf8'),
  ) as CountryJson[];
  const byEnName = new Map<string, CountryJson>();
  const byArName = new Map<string, CountryJson>();
  for (const c of countries) {
    byEnName.set(c.name.common.toLowerCase(), c);
    byEnName.set(c.name.official.toLowerCase(), c);
    const ar = c.translations.ara ?? c.name.native?.ara;
    if (ar) {
      byArName.set(matchForm(ar.common), c);
      byArName.set(matchForm(ar.official), c);
    }
  }

  // Cities, with the Arabic name of each country's capital.
  const cityLines = readFileSync(join(dataDir, 'gazetteer_world_cities_ar', 'world-cities.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const cities: KbEntry[] = [];
  const capitalAr = new Map<string, string>();
  const seenCity = new Set<string>();
  const dropHeads = new Set(
    readFileSync(join(outDir, 'city-label-drop.txt'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  for (const line of cityLines.slice(1)) {
    if (line.trim() === '') continue;
    const [countryAr, countryEn, cityAr, cityEn, pop] = csvFields(line);
    if (!cityAr || !cityEn || cityAr === cityEn) continue; // untranslated rows
    // a label that names a club, an airport, a river... of the place (data/kb/city-label-drop.txt)
    if (dropHeads.has(cityAr.split(' ')[0])) continue;
    // nor one that is another country's name (لبنان for Lebane in Serbia, المجر for Hun in Libya)
    // (a capital written like another country stays: عمّان / عُمان; so does a place named like its own country)
    const c = byEnName.get(countryEn.toLowerCase()) ?? byArName.get(matchForm(countryAr));
    const capEn = c?.capital?.[0];
    const isCapital = !!capEn && (capEn === cityEn || capEn.startsWith(`${cityEn} `) || cityEn.startsWith(`${capEn} `));
    const named = byArName.get(matchForm(cityAr));
    if (named && named.cca3 !== c?.cca3 && !isCapital && !cityEn.toLowerCase().startsWith(named.name.common.toLowerCase())) continue;
    const iso = c?.cca3;
    const id = `city:${slug(cityEn)}${iso ? `-${iso.toLowerCase()}` : ''}`;
    if (seenCity.has(id)) continue;
    seenCity.add(id);
    const aliases: string[] = [];
    let name = cityAr;
    for (const p of ADMIN_PREFIXES) {
      if (cityAr.startsWith(p)) {
        name = cityAr.slice(p.length);
        aliases.push(cityAr);
      }
    }
    const tags = [`pop=${Number(pop) || 0}`];
    if (c && isCapital) {
      if (!capitalAr.has(c.cca3)) {
        capitalAr.set(c.cca3, name);
        tags.unshift('capital');
      }
    }
    cities.push({ id, type: 'LOC', name, nameEn: cityEn, aliases, country: iso, titles: [], tags, source: 'cities' });
  }

  const countryEntries: KbEntry[] = [];
  for (const c of countries) {
    const ar = c.translations.ara ?? c.name.native?.ara;
    if (!ar) continue;
    const aliases = [ar.official, c.name.native?.ara?.common, c.name.native?.ara?.official].filter(
      (a): a is string => !!a && a !== ar.common && a.length < 60,
    );
    const tags: string[] = [];
    const cap = capitalAr.get(c.cca3);
    if (cap) tags.push(`capitalName=${cap}`);
    if (c.independent) tags.push('independent');
    // The English nationality adjective names institutions of the country (Qatari Ministry of Foreign Affairs).
    const adj = c.demonyms?.eng?.m;
    if (adj && !/[\t|]/.test(adj)) tags.push(`demonymEn=${adj}`);
    countryEntries.push({
      id: `country:${c.cca3}`,
      type: 'LOC',
      name: ar.common,
      nameEn: c.name.common,
      aliases: [...new Set(aliases)],
      country: c.cca3,
      titles: [],
      tags,
      source: 'countries',
    });
  }
  write(
    'countries.tsv',
    countryEntries,
    'Countries: mledoze/countries (ODbL 1.0), Arabic capitals from world-cities-translations (CC BY 4.0).',
  );
  write('cities.tsv', cities, 'Cities: jamsshhayd/world-cities-translations (CC BY 4.0, data from Wikidata).');

  // First names (MIT).
  const names = new Set<string>();
  for (const f of ['male-first--names-in-arabic.txt', 'female-first-names-in-arabic.txt']) {
    for (const line of readFileSync(join(dataDir, 'arabic_names_akhateeb', f), 'utf8').split(/\r?\n/)) {
      const w = line.trim();
      if (w && !/\s/.test(w)) names.add(w);
    }
  }
  const namesPath = join(outDir, 'first-names.txt');
  writeFileSync(namesPath, `# First names: AKhateeb/arabic-names (MIT). One name per line.\n${[...names].join('\n')}\n`);
  result.files.push({ path: namesPath, entries: names.size });

  // UniversalPetrarch actors (MIT): keep people (2-5 name words, a dated country code) and named groups.
  write(
    'petrarch.tsv',
    petrarchActors(join(dataDir, 'petrarch_arabic_dictionaries', 'actor_dict_ar_v4.txt'), names, byEnName),
    'People and groups: UniversalPetrarch Arabic actor dictionary v4 (MIT, Open Event Data Alliance).',
  );
  return result;
}

/** Words that show a Petrarch entry is a description or an institution, not a person's name. */
const NOT_NAME = new Set(
  'رئيس وزير وزارة أمين عام سفير جيش قوة قوات حزب حركة جبهة منظمة مجلس شرطة مصدر مسؤول حكومة جماعة وكالة نبأ جريدة صحيفة محكمة لجنة اتحاد بنك شركة مكتب مدير قائد زعيم ناطق متحدث نائب عضو ملك أمير شيخ جنرال لواء عقيد رئاسة ديوان سلطة هيئة مؤسسة جامعة دولة مجموعة تنظيم كتيبة لواء فرقة ميليشيا مليشيا معارضة مقاتل مسلح الديوان ديوان عاهل أرض منطقة مدينة مجلس محافظ'.split(
    ' ',
  ),
);
const ROLES = [
  'GOV',
  'MIL',
  'REB',
  'OPP',
  'PTY',
  'COP',
  'JUD',
  'SPY',
  'MED',
  'EDU',
  'BUS',
  'CRM',
  'CVL',
  'ELI',
  'LEG',
  'IGO',
  'NGO',
  'REF',
  'HRI',
  'LAB',
];

function petrarchActors(path: string, firstNames: Set<string>, byEnName: Map<string, CountryJson>): KbEntry[] {
  const iso = new Set<string>();
  for (const c of byEnName.values()) iso.add(c.cca3);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const out = new Map<string, KbEntry>();
  const firstMatch = new Set([...firstNames].map(matchForm));
  let cur: { words: string[]; codes: { code: string; start: string }[] } | null = null;
  const flush = (): void => {
    if (!cur || cur.codes.length === 0) return;
    const words = cur.words;
    if (words.length < 2 || words.length > 5) return;
    if (words.some((w) => NOT_NAME.has(w) || /^[a-zA-Z0-9]/.test(w))) return;
    // Name-like: the first word is a known first name, or the entry has a dated (person-style) code.
    const dated = cur.codes.some((c) => c.start !== '');
    if (!dated && !firstMatch.has(matchForm(words[0]))) return;
    const best = cur.codes.slice().sort((a, b) => b.start.localeCompare(a.start))[0];
    const code = best.code.replace(/^~/, '');
    const cc = code.slice(0, 3);
    const country = iso.has(cc) ? cc : undefined;
    const rest = country ? code.slice(3) : code;
    const role = ROLES.find((r) => rest.startsWith(r)) ?? (cc === 'IGO' ? 'IGO' : undefined);
    const name = words.join(' ');
    const key = matchForm(name);
    if (out.has(key)) return;
    out.set(key, {
      id: `petrarch:${key.replace(/\s+/g, '_')}`,
      type: 'PER',
      name,
      aliases: [],
      country,
      role,
      titles: [],
      tags: [],
      source: 'petrarch',
    });
  };
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '');
    if (line.trim() === '') continue;
    const codeOnly = /^\s*\[([~A-Z]+)\s*(?:>?\s*(\d{8}))?[^\]]*\]\s*$/.exec(line);
    if (codeOnly && cur) {
      cur.codes.push({ code: codeOnly[1], start: codeOnly[2] ?? '' });
      continue;
    }
    flush();
    const m = /^\s*([^[\s]+)\s*(?:\[([~A-Z]+)[^\]]*\])?/.exec(line);
    if (!m) {
      cur = null;
      continue;
    }
    const words = m[1].split('_').filter((w) => w !== '');
    cur = { words, codes: m[2] ? [{ code: m[2], start: '' }] : [] };
  }
  flush();
  return [...out.values()];
}
