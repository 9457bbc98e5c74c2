/**
 * Rows of a tab-separated data file: blank lines and lines starting with `#`
 * are skipped, and so is the first remaining line when the file has a header.
 * Cells are split on tabs and left as written (callers trim what they need).
 */
export function tsvRows(text: string, opts: { header?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let header = opts.header ?? false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (header) {
      header = false;
      continue;
    }
    rows.push(line.split('\t'));
  }
  return rows;
}
