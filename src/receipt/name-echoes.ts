import { ocrDistance } from '../pipeline/ocr/ocr-distance';
import { fold } from './fold';
import { isKnownWord } from './name-words';

/**
 * A word of the name that OCR misread in the header is often printed again further down, and read right
 * there: in the address ("BUKIT MERAH" under "(BUKIT MERAN)"), a repeated heading or a footer. A name word
 * found nowhere else on the receipt is put back to the one word of the rest that is a look-alike letter
 * from it (half an OCR edit; one edit from eight letters) and that the rest prints at least twice: the
 * other reading is then the receipt's majority, where one echo against one header word is a coin toss
 * (a footer's misread is as likely as the header's). Words the lexicon knows stay as printed.
 */
export function correctFromEchoes(name: string, rest: readonly string[]): string {
  const echoes = wordsOf(rest);
  return name.replace(/\p{L}{4,}/gu, (word) => {
    const upper = fold(word);
    if (echoes.has(upper) || isKnownWord(upper)) return word;
    const allowed = upper.length >= 8 ? 1 : 0.5;
    const near = [...echoes.keys()].filter((echo) => echo.length === upper.length && ocrDistance(upper, echo) <= allowed);
    const echo = near.length === 1 ? echoes.get(near[0]!)! : undefined;
    return echo && echo.count >= 2 ? inCaseOf(word, echo.spelling) : word;
  });
}

/** Each folded word of four letters or more in the lines: one spelling of it as printed, and how often it is. */
function wordsOf(lines: readonly string[]): Map<string, { spelling: string; count: number }> {
  const words = new Map<string, { spelling: string; count: number }>();
  for (const line of lines) {
    for (const [word] of line.matchAll(/\p{L}{4,}/gu)) {
      const key = fold(word);
      words.set(key, { spelling: word, count: (words.get(key)?.count ?? 0) + 1 });
    }
  }
  return words;
}

/** The echo written in the case of the word it replaces: "MERAH" in an all-caps name, "Merah" in "Kedai Merah". */
function inCaseOf(word: string, echo: string): string {
  if (word === word.toUpperCase()) return echo.toUpperCase();
  if (word[0] === word[0]!.toUpperCase() && word.slice(1) === word.slice(1).toLowerCase()) return echo[0]!.toUpperCase() + echo.slice(1).toLowerCase();
  return echo;
}
