import { pay } from './pay';

// @verifies PAY-3
it('pays', () => {
  if (pay('card') !== 'card') throw new Error('wrong method');
});
