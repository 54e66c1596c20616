import { strict as assert } from 'node:assert';
import { payWithSavedCard } from '../src/checkout/one-click';
import { InMemorySavedCards } from '../src/accounts/payment-methods';
import { DiscountCodes } from '../src/checkout/discounts';
import { FakeProvider } from './fakes';

const discounts = new DiscountCodes(new Map(), () => new Date());

describe('one-click payments', () => {
  // @verifies PAY-4, PAY-6
  it('pays with the saved card without a card form', async () => {
    const cards = new InMemorySavedCards();
    await cards.save('c1', { token: 'tok_saved', brand: 'visa', last4: '4242', issuerCountry: 'US' }, true);
    const result = await payWithSavedCard(
      { customerId: 'c1', cart: { lines: [] } },
      { cards, provider: new FakeProvider({ ok: true, paymentId: 'p3' }), discounts },
    );
    assert.deepEqual(result, { ok: true, paymentId: 'p3' });
  });

  // @verifies PAY-4
  it('explains what to do without a saved card', async () => {
    const result = await payWithSavedCard(
      { customerId: 'nobody', cart: { lines: [] } },
      { cards: new InMemorySavedCards(), provider: new FakeProvider({ ok: true, paymentId: 'x' }), discounts },
    );
    assert.equal(result.ok, false);
  });
});
