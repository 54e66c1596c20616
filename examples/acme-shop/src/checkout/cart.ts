import type { Money, ProductId } from './money';
import { addMoney, multiplyMoney, subtractMoney, zero } from './money';

export interface CartLine {
  productId: ProductId;
  title: string;
  unitPrice: Money;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
  discountCode?: string;
}

// @implements CART-1
export function cartTotal(cart: Cart, discounts: DiscountBook): Money {
  const gross = cart.lines.reduce((sum, line) => addMoney(sum, lineTotal(line)), zero('EUR'));
  const discount = cart.discountCode ? discounts.amountFor(cart.discountCode, gross) : zero('EUR');
  return subtractMoney(gross, discount);
}

export function lineTotal(line: CartLine): Money {
  return multiplyMoney(line.unitPrice, line.quantity);
}

// @implements CART-2
export function addToCart(cart: Cart, item: Omit<CartLine, 'quantity'>): Cart {
  const existing = cart.lines.find((line) => line.productId === item.productId);
  if (existing) {
    // Adding the same product again raises its quantity instead of adding a second line.
    return setQuantity(cart, item.productId, existing.quantity + 1, Number.MAX_SAFE_INTEGER);
  }
  return { ...cart, lines: [...cart.lines, { ...item, quantity: 1 }] };
}

// @implements CART-3
export function setQuantity(cart: Cart, productId: ProductId, quantity: number, stock: number): Cart {
  if (quantity <= 0) {
    return { ...cart, lines: cart.lines.filter((line) => line.productId !== productId) };
  }
  const capped = Math.min(quantity, stock);
  return {
    ...cart,
    lines: cart.lines.map((line) => (line.productId === productId ? { ...line, quantity: capped } : line)),
  };
}

export interface DiscountBook {
  amountFor(code: string, gross: Money): Money;
}
