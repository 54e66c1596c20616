export type ProductId = string;

export interface Money {
  currency: string;
  cents: number;
}

export const zero = (currency: string): Money => ({ currency, cents: 0 });

export function addMoney(a: Money, b: Money): Money {
  return { currency: a.currency, cents: a.cents + b.cents };
}

export function subtractMoney(a: Money, b: Money): Money {
  return { currency: a.currency, cents: a.cents - b.cents };
}

export function multiplyMoney(a: Money, factor: number): Money {
  return { currency: a.currency, cents: Math.round(a.cents * factor) };
}

export function percentOf(a: Money, percent: number): Money {
  return multiplyMoney(a, percent / 100);
}

export function minMoney(a: Money, b: Money): Money {
  return a.cents <= b.cents ? a : b;
}
