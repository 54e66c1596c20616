import type { Money } from './money';
import { percentOf, minMoney, zero } from './money';
import type { DiscountBook } from './cart';

export interface DiscountCode {
  code: string;
  kind: 'amount' | 'percent';
  value: number;
  expiresAt: Date;
}

export class ExpiredCodeError extends Error {
  constructor(code: string) {
    super(`This code has expired: ${code}`);
  }
}

// @implements PAY-9
export class DiscountCodes implements DiscountBook {
  constructor(private readonly codes: Map<string, DiscountCode>, private readonly now: () => Date) {}

  amountFor(code: string, gross: Money): Money {
    const found = this.codes.get(code.trim().toUpperCase());
    if (!found) return zero(gross.currency);
    if (found.expiresAt < this.now()) throw new ExpiredCodeError(code);
    const amount = found.kind === 'percent' ? percentOf(gross, found.value) : { currency: gross.currency, cents: found.value };
    // A discount never makes the total negative.
    return minMoney(amount, gross);
  }
}
