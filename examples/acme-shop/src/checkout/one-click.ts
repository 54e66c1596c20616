import type { Cart, DiscountBook } from './cart';
import { cartTotal } from './cart';
import type { PaymentProvider, PaymentResult } from './payment';
import { payByCard } from './payment';
import type { SavedCards } from '../accounts/payment-methods';

// @implements PAY-6
export interface OneClickRequest {
  customerId: string;
  cart: Cart;
}

// @implements PAY-4, PAY-3
export async function payWithSavedCard(
  request: OneClickRequest,
  deps: { cards: SavedCards; provider: PaymentProvider; discounts: DiscountBook },
): Promise<PaymentResult> {
  const card = await deps.cards.defaultCard(request.customerId);
  if (!card) {
    return { ok: false, reason: 'No saved card: please pay by card once and tick "Save this card"' };
  }
  // The provider asks for the security code only when the bank requires it (a 3-D Secure challenge).
  return payByCard(deps.provider, card, cartTotal(request.cart, deps.discounts));
}
