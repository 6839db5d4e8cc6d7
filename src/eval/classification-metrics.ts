/**
 * Single-label classification scores from (gold, predicted) pairs: accuracy,
 * per-class precision / recall / F1 / support, their macro, support-weighted
 * and micro averages, and the confusion matrix. Pure functions.
 *
 * A prediction of `NO_LABEL` is an abstention: it is wrong for accuracy and
 * counts against the gold class's recall, but it is no class of its own and no
 * false positive for any class. A class with nothing predicted has precision
 * 0, one with no support recall 0, and F1 is 0 when both are (scikit-learn's
 * `zero_division=0`), so the averages match what the shared tasks report.
 */

/** What a system predicted when it predicted nothing. */
export const NO_LABEL = "none";

export interface LabelPair {
  gold: string;
  predicted: string;
}

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold items of the class. */
  support: number;
  /** Items predicted as the class. */
  predicted: number;
}

export interface ConfusionMatrix {
  /** Row labels: the scored classes, then any other gold label. */
  gold: string[];
  /** Column labels: the scored classes, then any other predicted label, then `NO_LABEL` when some item got no prediction. */
  predicted: string[];
  /** `counts[i][j]`: items of gold `gold[i]` predicted as `predicted[j]`. */
  counts: number[][];
}

export interface ClassificationScore {
  items: number;
  correct: number;
  accuracy: number;
  /** Items predicted as `NO_LABEL`. */
  abstained: number;
  /** One per scored class, in the order of `labels`. */
  classes: ClassScore[];
  macroF1: number;
  /** Per-class F1 weighted by support. */
  weightedF1: number;
  /** Precision, recall and F1 from counts summed over the scored classes. */
  micro: { precision: number; recall: number; f1: number };
  confusion: ConfusionMatrix;
}

export interface ClassificationOptions {
  /**
   * The classes to score and average over, in report order. By default every
   * gold label and every predicted label but `NO_LABEL`, sorted, as
   * scikit-learn does; a task with an official label set passes it.
   */
  labels?: readonly string[];
}

export function scoreClassification(pairs: readonly LabelPair[], options: ClassificationOptions = {}): ClassificationScore {
  const labels = options.labels ? [...options.labels] : defaultLabels(pairs);
  if (labels.includes(NO_LABEL)) throw new Error(`scoreClassification: "${NO_LABEL}" means no prediction and cannot be a class; found it in labels`);
  if (new Set(labels).size !== labels.length) throw new Error(`scoreClassification: labels must be distinct, found ${labels.join(", ")}`);

  const classes = labels.map((label): ClassScore => {
    const support = pairs.filter((pair) => pair.gold === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const right = pairs.filter((pair) => pair.gold === label && pair.predicted === label).length;
    const precision = ratio(right, predicted);
    const recall = ratio(right, support);
    return { label, precision, recall, f1: harmonicMean(precision, recall), support, predicted };
  });

  const scored = new Set(labels);
  const correct = pairs.filter((pair) => pair.gold === pair.predicted).length;
  const supportTotal = sum(classes.map((item) => item.support));
  const truePositives = pairs.filter((pair) => pair.gold === pair.predicted && scored.has(pair.gold)).length;
  const microPrecision = ratio(truePositives, sum(classes.map((item) => item.predicted)));
  const microRecall = ratio(truePositives, supportTotal);

  return {
    items: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    abstained: pairs.filter((pair) => pair.predicted === NO_LABEL).length,
    classes,
    macroF1: ratio(sum(classes.map((item) => item.f1)), classes.length),
    weightedF1: ratio(sum(classes.map((item) => item.f1 * item.support)), supportTotal),
    micro: { precision: microPrecision, recall: microRecall, f1: harmonicMean(microPrecision, microRecall) },
    confusion: confusionMatrix(pairs, labels),
  };
}

export function confusionMatrix(pairs: readonly LabelPair[], labels: readonly string[]): ConfusionMatrix {
  const known = new Set(labels);
  const extra = (values: string[]): string[] => [...new Set(values.filter((value) => !known.has(value) && value !== NO_LABEL))].sort();
  const gold = [...labels, ...extra(pairs.map((pair) => pair.gold))];
  const abstained = pairs.some((pair) => pair.predicted === NO_LABEL);
  const predicted = [...labels, ...extra(pairs.map((pair) => pair.predicted)), ...(abstained ? [NO_LABEL] : [])];
  const row = new Map(gold.map((label, i) => [label, i]));
  const column = new Map(predicted.map((label, i) => [label, i]));
  const counts = gold.map(() => predicted.map(() => 0));
  for (const pair of pairs) {
    // A gold NO_LABEL (an item with no class) gets a row of its own rather than vanishing.
    if (!row.has(pair.gold)) {
      row.set(pair.gold, gold.length);
      gold.push(pair.gold);
      counts.push(predicted.map(() => 0));
    }
    const cells = counts[row.get(pair.gold) as number] as number[];
    const j = column.get(pair.predicted) as number;
    cells[j] = (cells[j] ?? 0) + 1;
  }
  return { gold, predicted, counts };
}

/** The pairs with both labels mapped, e.g. sub-event types to event types; `NO_LABEL` stays `NO_LABEL`. */
export function mapLabels(pairs: readonly LabelPair[], map: (label: string) => string): LabelPair[] {
  const apply = (label: string): string => (label === NO_LABEL ? NO_LABEL : map(label));
  return pairs.map((pair) => ({ gold: apply(pair.gold), predicted: apply(pair.predicted) }));
}

function defaultLabels(pairs: readonly LabelPair[]): string[] {
  const labels = new Set<string>();
  for (const pair of pairs) for (const label of [pair.gold, pair.predicted]) if (label !== NO_LABEL) labels.add(label);
  return [...labels].sort();
}

/** Precision, recall and F1 from counts: right predictions, predictions, gold items. */
export function precisionRecallF1(correct: number, predicted: number, support: number): { precision: number; recall: number; f1: number } {
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, support);
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
