import type { AccountStore } from './store';

export interface InvoiceArchive {
  retainForLegalPeriod(accountId: string): Promise<void>;
}

// @implements ACC-9
export async function deleteAccount(store: AccountStore, invoices: InvoiceArchive, accountId: string): Promise<void> {
  // Invoices are kept for the period tax law requires; everything else about the person goes.
  await invoices.retainForLegalPeriod(accountId);
  await store.erase(accountId);
}
