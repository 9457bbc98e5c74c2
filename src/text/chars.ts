/**
 * Character classes for the tokeniser, as one lookup table over the BMP so the
 * scanner never runs a regular expression per character.
 */

export const C_SPACE = 1;
export const C_ARABIC = 2; // Arabic-script letter
export const C_MARK = 3; // Arabic diacritic / tatweel: continues a word
export const C_LATIN = 4; // letter of another script (Latin, Cyrillic, ...)
export const C_DIGIT = 5; // any decimal digit
export const C_PUNCT = 6;
export const C_IGNORE = 7; // zero-width / bidi controls: no text
export const C_SYMBOL = 8;
export const C_NEWLINE = 9;
export const C_OTHER = 10;

export const CHAR_CLASS = new Uint8Array(0x10000);

const PUNCT = '.,;:!?،؛؟«»“”„‘’"\'()[]{}<>‹›…-–—/\\|*•·٭۔';

(function build(): void {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    let k = C_OTHER;
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) k = C_NEWLINE;
    else if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x08d3 && c <= 0x08ff))
      k = C_MARK;
    else if (
      c === 0x00ad ||
      c === 0x061c ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x2069) ||
      c === 0xfeff
    )
      k = C_IGNORE;
    else if (/\s/.test(ch)) k = C_SPACE;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) k = C_DIGIT;
    else if (
      (c >= 0x0621 && c <= 0x063f) ||
      (c >= 0x0641 && c <= 0x064a) ||
      (c >= 0x066e && c <= 0x066f) ||
      (c >= 0x0671 && c <= 0x06d3) ||
      c === 0x06d5 ||
      (c >= 0x06ee && c <= 0x06ef) ||
      (c >= 0x06fa && c <= 0x06ff) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0x08a0 && c <= 0x08c9) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc)
    )
      k = C_ARABIC;
    else if (PUNCT.includes(ch) || (c >= 0x2010 && c <= 0x2027)) k = C_PUNCT;
    else if (/\p{L}/u.test(ch) || /\p{M}/u.test(ch)) k = C_LATIN;
    else if (/\p{N}/u.test(ch)) k = C_DIGIT;
    else if (/\p{P}/u.test(ch)) k = C_PUNCT;
    else if (/\p{S}/u.test(ch)) k = C_SYMBOL;
    CHAR_CLASS[c] = k;
  }
  // Surrogates (emoji and other astral symbols) are symbols; the scanner keeps pairs together.
  for (let c = 0xd800; c < 0xe000; c++) CHAR_CLASS[c] = C_SYMBOL;
})();

/** Numeric value of a digit code unit (ASCII, Arabic-Indic, Persian), or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}
