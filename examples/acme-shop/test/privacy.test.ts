import { strict as assert } from 'node:assert';
import { deleteAccount } from '../src/accounts/erasure';
import { orderHistory } from '../src/accounts/orders';
import { MemoryAccountStore } from './memory-store';

describe('privacy and history', () => {
  // @verifies ACC-9
  it('erases the account but keeps the invoices', async () => {
    const store = new MemoryAccountStore();
    const id = await store.create({ email: 'dee@example.com', passwordHash: 'x' });
    const retained: string[] = [];
    await deleteAccount(store, { retainForLegalPeriod: async (accountId) => void retained.push(accountId) }, id);
    assert.equal(await store.findByEmail('dee@example.com'), undefined);
    assert.deepEqual(retained, [id]);
  });

  // @verifies ACC-10
  it('lists orders newest first', async () => {
    const older = { orderId: 'o1', placedAt: new Date('2026-01-01'), totalCents: 100, currency: 'EUR', status: 'paid' } as const;
    const newer = { ...older, orderId: 'o2', placedAt: new Date('2026-05-01') };
    const list = await orderHistory({ forCustomer: async () => [older, newer] }, 'c1');
    assert.deepEqual(list.map((order) => order.orderId), ['o2', 'o1']);
  });
});
