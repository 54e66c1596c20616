import { strict as assert } from 'node:assert';
import { needsStrongAuthentication, payByCard, type CardToken, type PaymentProvider } from '../src/checkout/payment';
import { placeGuestOrder } from '../src/checkout/guest-checkout';
import { DiscountCodes } from '../src/checkout/discounts';
import { FakeProvider, RecordingMailer } from './fakes';

const visa: CardToken = { token: 'tok_visa', brand: 'visa', last4: '4242', issuerCountry: 'DE' };
const usVisa: CardToken = { ...visa, issuerCountry: 'US' };

describe('payment', () => {
  // @verifies PAY-3
  it('explains a declined card', async () => {
    const provider: PaymentProvider = new FakeProvider({ ok: false, reason: 'insufficient funds' });
    const result = await payByCard(provider, visa, { currency: 'EUR', cents: 1000 });
    assert.deepEqual(result, { ok: false, reason: 'Your card was declined: insufficient funds' });
  });

  // @verifies PAY-11
  it('asks for 3-D Secure for cards issued in the EEA only', () => {
    assert.equal(needsStrongAuthentication(visa), true);
    assert.equal(needsStrongAuthentication(usVisa), false);
  });

  // @verifies PAY-10
  it('gives the provider a time budget below 2 seconds', async () => {
    const provider = new FakeProvider({ ok: true, paymentId: 'p1' });
    await payByCard(provider, visa, { currency: 'EUR', cents: 1000 });
    assert.ok((provider.lastOptions?.timeoutMs ?? Infinity) < 2000);
  });

  // @verifies PAY-2
  it('lets a guest order with only an e-mail address', async () => {
    const mailer = new RecordingMailer();
    const result = await placeGuestOrder(
      { email: 'guest@example.com', deliveryAddress: '1 Main St', cart: { lines: [] }, card: visa },
      { provider: new FakeProvider({ ok: true, paymentId: 'p2' }), discounts: new DiscountCodes(new Map(), () => new Date()), mailer },
    );
    assert.equal(result.ok, true);
    assert.equal(mailer.sent.length, 1);
  });
});
