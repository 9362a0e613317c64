import type { FigureUnit } from '../types';

/**
 * Units that measure the same kind of quantity are compared in one base unit, so "0.5kg" meets "500g"
 * and "18 months" meets "one and a half years". Percent and "n in 10" are both proportions.
 */
const BASE: Record<FigureUnit, { readonly family: string; readonly factor: number }> = {
  count: { family: 'count', factor: 1 },
  GBP: { family: 'GBP', factor: 1 },
  kg: { family: 'kg', factor: 1 },
  g: { family: 'kg', factor: 0.001 },
  tonnes: { family: 'kg', factor: 1000 },
  percent: { family: 'ratio', factor: 0.01 },
  ratio: { family: 'ratio', factor: 1 },
  years: { family: 'months', factor: 12 },
  months: { family: 'months', factor: 1 },
  weeks: { family: 'months', factor: 12 / 52 },
  days: { family: 'months', factor: 12 / 365 },
  hours: { family: 'months', factor: 12 / (365 * 24) },
};

export function unitFamily(unit: FigureUnit): string {
  return BASE[unit]?.family ?? unit;
}

/** Converts a value in `unit` to its family's base unit. */
export function toBase(value: number, unit: FigureUnit): number {
  return value * (BASE[unit]?.factor ?? 1);
}

export function isFigureUnit(s: string): s is FigureUnit {
  return Object.prototype.hasOwnProperty.call(BASE, s);
}
