import type { Cart } from './cart';
import type { CardToken, PaymentProvider, PaymentResult } from './payment';
import { payByCard } from './payment';
import { cartTotal, type DiscountBook } from './cart';
import { sendOrderConfirmation, type Mailer } from './confirmation';

export interface GuestOrder {
  email: string;
  deliveryAddress: string;
  cart: Cart;
  card: CardToken;
}

// @implements PAY-2
export async function placeGuestOrder(
  order: GuestOrder,
  deps: { provider: PaymentProvider; discounts: DiscountBook; mailer: Mailer },
): Promise<PaymentResult> {
  if (!/^[^@\s]+@[^@\s]+$/.test(order.email)) {
    return { ok: false, reason: 'Please enter a valid e-mail address' };
  }
  const total = cartTotal(order.cart, deps.discounts);
  const result = await payByCard(deps.provider, order.card, total);
  if (result.ok) {
    await sendOrderConfirmation(deps.mailer, { email: order.email, cart: order.cart, total, address: order.deliveryAddress });
  }
  return result;
}
