// Learns the receipt-total ranker's weights from a SROIE-like folder whose OCR text bench:fields has cached,
// and writes them to src/receipt/weights/total.json. Deterministic: the same texts give the same weights.
// Usage: npx tsx scripts/fields/train-fields.ts [--set ../shared/bench/sroie-train] [--engine paddle] [--folds 5]
// --folds prints the ranker's accuracy on receipts held out of its training, fold by fold (the honest figure).
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { choiceAccuracy, fitConditionalLogit, type Choice } from './conditional-logit';
import { cachedTexts, hasReceipts } from './receipt-texts';
import { normTotal } from '../../bench/field-scoring';
import { findCurrency, WHOLE_UNIT } from '../../src/receipt/currency';
import { receiptLines } from '../../src/receipt/lines';
import { TOTAL_FEATURES, totalCandidates } from '../../src/receipt/total-features';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-train' },
    engine: { type: 'string', default: 'paddle' },
    out: { type: 'string', default: 'src/receipt/weights/total.json' },
    folds: { type: 'string', default: '5' },
  },
});
const set = resolve(args.set);
if (!hasReceipts(set)) {
  console.log(`train-fields: no receipts at ${set}; skipping.`);
  process.exit(0);
}
const texts = cachedTexts(set, args.engine);
if (texts.length === 0) {
  console.log(`train-fields: no cached text for ${set}; run npm run bench:fields -- --set ${args.set} first.`);
  process.exit(1);
}

const choices: Choice[] = texts.map(({ text, key }) => {
  const lines = receiptLines(text);
  const candidates = totalCandidates(lines, WHOLE_UNIT.has(findCurrency(lines.join('\n'), null) ?? ''));
  const want = normTotal(key.total);
  const answer = candidates.findIndex((c) => Math.round(c.value * 100) === want);
  return { candidates: candidates.map((c) => c.features), answer: answer === -1 ? null : answer };
});
const options = { l2: 0.002, iterations: 3000, learningRate: 0.5 };
const folds = Number(args.folds);
const heldOut = Array.from({ length: folds }, (_, k) => {
  const fit = fitConditionalLogit(choices.filter((_, i) => i % folds !== k), TOTAL_FEATURES, options);
  return choiceAccuracy(choices.filter((_, i) => i % folds === k), fit);
});
const weights = fitConditionalLogit(choices, TOTAL_FEATURES, options);
console.log(`train-fields: total chosen right on ${(100 * choiceAccuracy(choices, weights)).toFixed(1)} % of the training receipts, ${(100 * heldOut.reduce((a, b) => a + b, 0) / folds).toFixed(1)} % held out (${folds} folds: ${heldOut.map((a) => (100 * a).toFixed(1)).join(', ')})`);
const model = {
  about: 'Receipt-total ranker weights, written by scripts/fields/train-fields.ts; do not edit by hand.',
  trainedOn: `${basename(set)}: ${texts.length} receipts (${choices.filter((c) => c.answer !== null).length} with the key's total among the candidates), ${args.engine} text`,
  options,
  weights,
};
writeFileSync(resolve(args.out), `${JSON.stringify(model, null, 2)}\n`);
console.table(Object.entries(weights).map(([feature, weight]) => ({ feature, weight })));
console.log(`train-fields: wrote ${args.out}`);
