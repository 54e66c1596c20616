import type { Money } from './money';

/** What the payment provider's browser SDK hands us instead of a card number. */
export interface CardToken {
  token: string;
  brand: 'visa' | 'mastercard' | 'amex';
  last4: string;
  issuerCountry: string;
}

export type PaymentResult =
  | { ok: true; paymentId: string }
  | { ok: false; reason: string }
  | { ok: false; reason: 'challenge'; challengeUrl: string };

export interface PaymentProvider {
  authorise(token: string, amount: Money, options: { threeDSecure: boolean; timeoutMs: number }): Promise<PaymentResult>;
}

const EEA = new Set(['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'NO', 'PL', 'PT', 'SE']);

// @implements PAY-10
const AUTHORISATION_TIMEOUT_MS = 1800;

// @implements PAY-3, PAY-5
export async function payByCard(provider: PaymentProvider, card: CardToken, amount: Money): Promise<PaymentResult> {
  // Only the provider token reaches our servers; the card number never does.
  const result = await provider.authorise(card.token, amount, {
    threeDSecure: needsStrongAuthentication(card),
    timeoutMs: AUTHORISATION_TIMEOUT_MS,
  });
  if (!result.ok && result.reason !== 'challenge') {
    return { ok: false, reason: `Your card was declined: ${result.reason}` };
  }
  return result;
}

// @implements PAY-11
export function needsStrongAuthentication(card: CardToken): boolean {
  return EEA.has(card.issuerCountry);
}
