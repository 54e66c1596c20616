import { strict as assert } from 'node:assert';
import { addToCart, cartTotal, setQuantity, type Cart } from '../src/checkout/cart';
import { DiscountCodes, ExpiredCodeError } from '../src/checkout/discounts';

const headphones = { productId: 'HP-1', title: 'Wireless headphones', unitPrice: { currency: 'EUR', cents: 12900 } };
const noDiscounts = new DiscountCodes(new Map(), () => new Date('2026-06-01'));

describe('cart', () => {
  // @verifies CART-1
  it('totals the lines', () => {
    const cart: Cart = { lines: [{ ...headphones, quantity: 2 }] };
    assert.deepEqual(cartTotal(cart, noDiscounts), { currency: 'EUR', cents: 25800 });
  });

  // @verifies CART-2
  it('adds an item once and raises its quantity on the second add', () => {
    const once = addToCart({ lines: [] }, headphones);
    const twice = addToCart(once, headphones);
    assert.equal(twice.lines.length, 1);
    assert.equal(twice.lines[0]?.quantity, 2);
  });

  // @verifies CART-3
  it('removes an item at quantity 0 and caps at the stock', () => {
    const cart = addToCart({ lines: [] }, headphones);
    assert.equal(setQuantity(cart, 'HP-1', 0, 10).lines.length, 0);
    assert.equal(setQuantity(cart, 'HP-1', 50, 10).lines[0]?.quantity, 10);
  });

  // @verifies PAY-9
  it('applies a valid discount code and rejects an expired one', () => {
    const codes = new DiscountCodes(
      new Map([
        ['SPRING10', { code: 'SPRING10', kind: 'percent', value: 10, expiresAt: new Date('2026-12-31') }],
        ['OLD5', { code: 'OLD5', kind: 'amount', value: 500, expiresAt: new Date('2026-01-31') }],
      ]),
      () => new Date('2026-06-01'),
    );
    const cart: Cart = { lines: [{ ...headphones, quantity: 1 }], discountCode: 'spring10' };
    assert.equal(cartTotal(cart, codes).cents, 11610);
    assert.throws(() => cartTotal({ ...cart, discountCode: 'OLD5' }, codes), ExpiredCodeError);
  });
});
