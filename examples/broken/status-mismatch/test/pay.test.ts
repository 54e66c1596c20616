import { pay } from '../src/pay';

// @verifies PAY-3
it('pays an invoice', () => {
  if (!pay(100)) throw new Error('not paid');
});
