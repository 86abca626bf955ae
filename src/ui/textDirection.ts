/** Languages written right to left (ISO 639 codes), for `dir` on names in their own script. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function directionOf(lang: string | undefined): 'rtl' | 'ltr' | 'auto' {
  if (!lang) return 'auto';
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  if (/-(arab|hebr|syrc|thaa|nkoo)\b/i.test(lang) || RTL_LANGUAGES.has(primary)) return 'rtl';
  return 'ltr';
}
