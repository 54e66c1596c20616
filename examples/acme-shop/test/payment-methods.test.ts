import { strict as assert } from 'node:assert';
import { InMemorySavedCards } from '../src/accounts/payment-methods';

const card = { token: 'tok_1', brand: 'visa', last4: '4242', issuerCountry: 'NL' } as const;

// @verifies ACC-6
describe('saved payment methods', () => {
  it('saves a card only with consent', async () => {
    const cards = new InMemorySavedCards();
    await cards.save('c1', card, false);
    assert.equal(await cards.defaultCard('c1'), undefined);
    await cards.save('c1', card, true);
    assert.deepEqual(await cards.defaultCard('c1'), card);
  });

  it('removes a saved card', async () => {
    const cards = new InMemorySavedCards();
    await cards.save('c1', card, true);
    await cards.remove('c1', 'tok_1');
    assert.equal(await cards.defaultCard('c1'), undefined);
  });
});
