// Learns the receipt-total and purchase-date rankers' weights from SROIE-like folders whose OCR text bench:fields
// has cached, and writes them to src/receipt/weights/{total,date}.json. Deterministic: the same texts give the same
// weights. The date learns from sroie-train and from the receipts written for the tests that have been tuned on (i18n
// and the first four unseen batches): SROIE's receipts seldom print a second date, so alone they cannot teach what a
// validity, order or arrival date looks like. Later unseen batches stay out: they are the test.
// Usage: npx tsx scripts/fields/train-fields.ts [--set ../shared/bench/sroie-train] [--written a,b,…] [--engine paddle] [--folds 5]
// --folds prints each ranker's accuracy on receipts held out of its training, fold by fold (the honest figure).
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { choiceAccuracy, fitConditionalLogit, type Choice, type FitOptions } from './conditional-logit';
import { cachedTexts, hasReceipts, type SetReceipt } from './receipt-texts';
import { normDate, normTotal } from '../../bench/field-scoring';
import { findCurrency, WHOLE_UNIT } from '../../src/receipt/currency';
import { DATE_FEATURES, dateCandidates } from '../../src/receipt/date-features';
import { resolveDateOrder } from '../../src/receipt/dates';
import { receiptLines } from '../../src/receipt/lines';
import { TOTAL_FEATURES, totalCandidates } from '../../src/receipt/total-features';

const WRITTEN = ['receipts-i18n', 'receipts-unseen', 'receipts-unseen-2', 'receipts-unseen-3', 'receipts-unseen-4'].map((name) => `tests/fixtures/generated/${name}`);
const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-train' },
    written: { type: 'string', default: WRITTEN.join(',') },
    engine: { type: 'string', default: 'paddle' },
    weights: { type: 'string', default: 'src/receipt/weights' },
    folds: { type: 'string', default: '5' },
  },
});
const set = resolve(args.set);
if (!hasReceipts(set)) {
  console.log(`train-fields: no receipts at ${set}; skipping.`);
  process.exit(0);
}
type Text = SetReceipt & { text: string };
const texts = cachedTexts(set, args.engine);
if (texts.length === 0) {
  console.log(`train-fields: no cached text for ${set}; run npm run bench:fields -- --set ${args.set} first.`);
  process.exit(1);
}

const folds = Number(args.folds);
type Sourced = Choice & { source: string };
const percent = (right: number, of: number) => `${((100 * right) / of).toFixed(1)} %`;
function train(field: string, choices: Sourced[], features: readonly string[], options: FitOptions, trainedOn: string) {
  // Each receipt is held out of one fold's training and scored by that fold's weights: per set, the honest figure.
  const right = new Map<string, { right: number; of: number }>();
  for (let k = 0; k < folds; k++) {
    const fit = fitConditionalLogit(choices.filter((_, i) => i % folds !== k), features, options);
    for (const choice of choices.filter((_, i) => i % folds === k)) {
      const tally = right.get(choice.source) ?? { right: 0, of: 0 };
      tally.right += choiceAccuracy([choice], fit);
      tally.of += 1;
      right.set(choice.source, tally);
    }
  }
  const weights = fitConditionalLogit(choices, features, options);
  const all = [...right.values()].reduce((a, b) => ({ right: a.right + b.right, of: a.of + b.of }), { right: 0, of: 0 });
  console.log(`train-fields: ${field} chosen right on ${percent(choiceAccuracy(choices, weights) * choices.length, choices.length)} of the training receipts, ${percent(all.right, all.of)} held out (${folds} folds; ${[...right].map(([source, t]) => `${source} ${percent(t.right, t.of)}`).join(', ')})`);
  const out = resolve(args.weights, `${field}.json`);
  const model = { about: `Receipt ${field} ranker weights, written by scripts/fields/train-fields.ts; do not edit by hand.`, trainedOn, options, weights };
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.table(Object.entries(weights).map(([feature, weight]) => ({ feature, weight })));
  console.log(`train-fields: wrote ${out}`);
}

const totalChoice = ({ text, key }: Text): Choice => {
  const lines = receiptLines(text);
  const candidates = totalCandidates(lines, WHOLE_UNIT.has(findCurrency(lines.join('\n'), null) ?? ''));
  const want = normTotal(key.total);
  const answer = candidates.findIndex((c) => Math.round(c.value * 100) === want);
  return { candidates: candidates.map((c) => c.features), answer: answer === -1 ? null : answer };
};
const dateChoice = ({ text, key }: Text): Choice => {
  const lines = receiptLines(text);
  const candidates = dateCandidates(lines, resolveDateOrder(lines.join('\n'), 'auto', findCurrency(lines.join('\n'), null)));
  const answer = candidates.findIndex((c) => c.date === normDate(key.date));
  return { candidates: candidates.map((c) => c.features), answer: answer === -1 ? null : answer };
};
// Interleaved, so that each fold holds receipts of every set.
function choicesOf(choice: (receipt: Text) => Choice, sets = [{ dir: set, found: texts }, ...written]): Sourced[] {
  const bySet = sets.map(({ dir, found }) => found.map((receipt) => ({ ...choice(receipt), source: basename(dir) })));
  return Array.from({ length: Math.max(...bySet.map((s) => s.length)) }, (_, i) => bySet.flatMap((s) => (i < s.length ? [s[i]!] : []))).flat();
}
const among = (choices: Choice[], field: string) => `${choices.filter((c) => c.answer !== null).length} of ${choices.length} with the key's ${field} among the candidates`;
const options = { l2: 0.002, iterations: 3000, learningRate: 0.5 };
// The total learns from sroie-train alone: trained with the written receipts too (and a feature for a tip added on a
// card slip, which only they print), it lost two of sroie-train's totals and one held out (docs/BENCHMARKS.md).
const totals = choicesOf(totalChoice, [{ dir: set, found: texts }]);
train('total', totals, TOTAL_FEATURES, options, `${basename(set)}: ${texts.length} receipts (${among(totals, 'total')}), ${args.engine} text`);
const written = args.written.split(',').filter(Boolean).map((dir) => {
  const found = hasReceipts(resolve(dir)) ? cachedTexts(resolve(dir), args.engine) : [];
  if (found.length === 0) {
    console.log(`train-fields: no cached text for ${dir}; render it (tests/fixtures/receipts-i18n/write-set.ts) and run bench:fields on it first.`);
    process.exit(1);
  }
  return { dir, found };
});
const trainedOn = [`${basename(set)}: ${texts.length} receipts`, ...written.map((w) => `${basename(w.dir)}: ${w.found.length}`)].join(', ');
const dates = choicesOf(dateChoice);
train('date', dates, DATE_FEATURES, options, `${trainedOn} (${among(dates, 'date')}), ${args.engine} text`);
