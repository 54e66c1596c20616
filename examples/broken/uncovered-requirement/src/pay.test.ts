import { pay } from './pay';

// @verifies PAY-4
it('confirms a paid order', () => {
  if (!pay(100)) throw new Error('not paid');
});
