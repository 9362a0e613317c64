/** A number as written, before units and qualifiers: its value and the step it was stated to. */
export interface ParsedNumber {
  readonly value: number;
  readonly precision: number;
}

/** Longer digit runs are identifiers, barcodes or noise, never a claim an editor checks. */
const MAX_SIGNIFICANT_DIGITS = 15;

/** "1,431" → 1431 (step 1); "7.6" → 7.6 (step 0.1). Returns undefined for runs too long to be a figure. */
export function parseDigits(written: string): ParsedNumber | undefined {
  const plain = written.replace(/[,\s]/g, '');
  const [whole, fraction = ''] = plain.split('.');
  // ".5" is a leading decimal point: 0.5.
  if (whole.length + fraction.length > MAX_SIGNIFICANT_DIGITS || (whole.length === 0 && fraction.length === 0)) return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  return { value, precision: fraction.length ? roundStep(10 ** -fraction.length) : 1 };
}

/** Scale words after digits: "£5m", "£1.2bn", "£9K", "2 million". */
export const SCALE_SUFFIX: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

/** Applies a scale to a parsed number; the step scales with it ("£1.2bn" is stated to £100m). */
export function scaleNumber(n: ParsedNumber, scale: number): ParsedNumber {
  // A whole number as written stays exact ("123456789101231" has 15 significant digits).
  if (scale === 1) return n;
  return { value: roundValue(n.value * scale), precision: roundStep(n.precision * scale) };
}

/** Floating point noise from scaling ("1.2 * 1e9") is removed by rounding to 12 significant digits. */
export function roundValue(v: number): number {
  return Number(v.toPrecision(12));
}

function roundStep(v: number): number {
  return Number(v.toPrecision(6));
}
