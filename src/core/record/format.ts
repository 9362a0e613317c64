/** Numbers as a press officer writes them: thousands separated, no float noise, at most `maxDecimals`. */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  // Not toLocaleString: Intl formatting costs microseconds per call and messages format thousands of figures.
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  const sign = value < 0 && Number(trimmed) !== 0 ? '-' : '';
  return sign + groupThousands(trimmed);
}

/** How many decimals a precision step implies: 0.1 → 1, 1 → 0, 1000 → 0. */
export function decimalsOf(precision: number): number {
  if (!(precision > 0) || precision >= 1) return 0;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(precision) - 1e-9)));
}

/** Formats `value` to the stated precision of another figure, e.g. 55.975 at precision 1 → "56". */
export function formatAtPrecision(value: number, precision: number): string {
  const step = precision > 0 ? precision : 1;
  const decimals = decimalsOf(step);
  const snapped = Math.round(value / step) * step;
  return snapped.toFixed(decimals);
}

/** Replaces the first number in a figure's text, keeping the rest ("55%" → "56%", "up 55 per cent" → "up 56 per cent"). */
export function replaceFirstNumber(text: string, replacement: string): string | undefined {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!m) return undefined;
  const hadGrouping = m[0].includes(',');
  const value = hadGrouping ? groupThousands(replacement) : replacement;
  return text.slice(0, m.index) + value + text.slice(m.index + m[0].length);
}

function groupThousands(s: string): string {
  const point = s.indexOf('.');
  const int = point < 0 ? s : s.slice(0, point);
  const grouped = int.length <= 3 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return point < 0 ? grouped : `${grouped}.${s.slice(point + 1)}`;
}

/** A short deterministic hash (cyrb53), so record ids follow from record keys, never from insertion order. */
export function stableHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
