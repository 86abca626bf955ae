/**
 * How much of a story's title and summary survives where it travels (the limits are in
 * warningThresholds.ts); a cut falls between words, as the search engines' and networks' do.
 */
export const characterCount = (text: string): number => [...text].length;

export interface Cut {
  /** What is shown. */
  readonly kept: string;
  /** What is cut off (empty when nothing is). */
  readonly cut: string;
  readonly length: number;
  readonly limit: number;
}

export function cutText(text: string, limit: number): Cut {
  const characters = [...text];
  const length = characterCount(text);
  if (length <= limit) return { kept: text, cut: '', length, limit };
  const hard = characters.slice(0, limit).join('');
  // Back up to the last space, unless that would throw away most of what fits.
  const space = hard.search(/\s\S*$/);
  const at = space > limit * 0.6 ? space : hard.length;
  return { kept: text.slice(0, at), cut: text.slice(at), length, limit };
}
