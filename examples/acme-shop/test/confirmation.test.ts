import { strict as assert } from 'node:assert';
import { sendOrderConfirmation } from '../src/checkout/confirmation';
import { RecordingMailer } from './fakes';

// @verifies PAY-12
describe('order confirmation e-mail', () => {
  it('lists the items, the total and the delivery address', async () => {
    const mailer = new RecordingMailer();
    await sendOrderConfirmation(mailer, {
      email: 'ana@example.com',
      cart: { lines: [{ productId: 'SP-1', title: 'Bluetooth speaker', unitPrice: { currency: 'EUR', cents: 7900 }, quantity: 1 }] },
      total: { currency: 'EUR', cents: 7900 },
      address: '1 Main St, Springfield',
    });
    const body = mailer.sent[0]?.body ?? '';
    assert.match(body, /1 × Bluetooth speaker/);
    assert.match(body, /Total: 79\.00 EUR/);
    assert.match(body, /1 Main St, Springfield/);
  });
});
