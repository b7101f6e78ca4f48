// Learns the receipt-total and purchase-date rankers' weights from SROIE-like folders whose OCR text bench:fields
// has cached, and writes them to src/receipt/weights/{total,date}.json. Deterministic: the same texts give the same
// weights. The total learns from sroie-train; the date also from the receipts written for the tests (i18n and the
// first four unseen batches), because SROIE's receipts seldom print a second date, so it cannot teach what a
// validity, order or arrival date looks like. The fifth and later unseen batches stay out: they are the test.
// Usage: npx tsx scripts/fields/train-fields.ts [--set ../shared/bench/sroie-train] [--date-sets a,b,…] [--engine paddle] [--folds 5]
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
    'date-sets': { type: 'string', default: WRITTEN.join(',') },
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
const dateSets = args['date-sets'].split(',').filter(Boolean);
const written = dateSets.map((dir) => {
  const found = hasReceipts(resolve(dir)) ? cachedTexts(resolve(dir), args.engine) : [];
  if (found.length === 0) {
    console.log(`train-fields: no cached text for ${dir}; render it (tests/fixtures/receipts-i18n/write-set.ts) and run bench:fields on it first.`);
    process.exit(1);
  }
  return { dir, found };
});

const folds = Number(args.folds);
function train(field: string, choices: Choice[], features: readonly string[], options: FitOptions, trainedOn: string) {
  const heldOut = Array.from({ length: folds }, (_, k) => {
    const fit = fitConditionalLogit(choices.filter((_, i) => i % folds !== k), features, options);
    return choiceAccuracy(choices.filter((_, i) => i % folds === k), fit);
  });
  const weights = fitConditionalLogit(choices, features, options);
  console.log(`train-fields: ${field} chosen right on ${(100 * choiceAccuracy(choices, weights)).toFixed(1)} % of the training receipts, ${(100 * heldOut.reduce((a, b) => a + b, 0) / folds).toFixed(1)} % held out (${folds} folds: ${heldOut.map((a) => (100 * a).toFixed(1)).join(', ')})`);
  const out = resolve(args.weights, `${field}.json`);
  const model = { about: `Receipt ${field} ranker weights, written by scripts/fields/train-fields.ts; do not edit by hand.`, trainedOn, options, weights };
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.table(Object.entries(weights).map(([feature, weight]) => ({ feature, weight })));
  console.log(`train-fields: wrote ${out}`);
}

const totalChoices: Choice[] = texts.map(({ text, key }) => {
  const lines = receiptLines(text);
  const candidates = totalCandidates(lines, WHOLE_UNIT.has(findCurrency(lines.join('\n'), null) ?? ''));
  const want = normTotal(key.total);
  const answer = candidates.findIndex((c) => Math.round(c.value * 100) === want);
  return { candidates: candidates.map((c) => c.features), answer: answer === -1 ? null : answer };
});
const among = (choices: Choice[]) => choices.filter((c) => c.answer !== null).length;
train('total', totalChoices, TOTAL_FEATURES, { l2: 0.002, iterations: 3000, learningRate: 0.5 }, `${basename(set)}: ${texts.length} receipts (${among(totalChoices)} with the key's total among the candidates), ${args.engine} text`);

const dateChoice = ({ text, key }: Text): Choice => {
  const lines = receiptLines(text);
  const candidates = dateCandidates(lines, resolveDateOrder(lines.join('\n'), 'auto', findCurrency(lines.join('\n'), null)));
  const answer = candidates.findIndex((c) => c.date === normDate(key.date));
  return { candidates: candidates.map((c) => c.features), answer: answer === -1 ? null : answer };
};
// Interleaved, so that each fold holds receipts of every set.
const sets = [texts, ...written.map((w) => w.found)].map((found) => found.map(dateChoice));
const dateChoices = Array.from({ length: Math.max(...sets.map((s) => s.length)) }, (_, i) => sets.flatMap((s) => (i < s.length ? [s[i]!] : [])));
const flat = dateChoices.flat();
train('date', flat, DATE_FEATURES, { l2: 0.002, iterations: 3000, learningRate: 0.5 }, [`${basename(set)}: ${texts.length} receipts`, ...written.map((w) => `${basename(w.dir)}: ${w.found.length}`)].join(', ') + ` (${among(flat)} of ${flat.length} with the key's date among the candidates), ${args.engine} text`);
