/**
 * Han characters (and the CJK punctuation between them) versus everything else. Han fonts have
 * no italic, so "italic" Han text is only ever a slanted fake; exports mark it another way.
 */
export interface HanRun {
  text: string;
  han: boolean;
}

const hanOrCjkPunctuation =
  /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u201c\u201d\u2018\u2019]/u;
const han = /\p{Script=Han}/u;

/** Splits text into maximal runs; a run counts as Han only if it holds at least one Han character. */
export function splitHanRuns(text: string): HanRun[] {
  const runs: HanRun[] = [];
  let current = '';
  let currentHan = false;
  for (const char of text) {
    const isHan = hanOrCjkPunctuation.test(char);
    if (current !== '' && isHan !== currentHan) {
      runs.push({ text: current, han: currentHan && han.test(current) });
      current = '';
    }
    current += char;
    currentHan = isHan;
  }
  if (current !== '') runs.push({ text: current, han: currentHan && han.test(current) });
  // Merge neighbours that ended up the same kind (a punctuation-only run counted as non-Han).
  return runs.reduce<HanRun[]>((merged, run) => {
    const last = merged[merged.length - 1];
    if (last && last.han === run.han) last.text += run.text;
    else merged.push({ ...run });
    return merged;
  }, []);
}
