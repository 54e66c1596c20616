import type { Account, AccountStore } from '../src/accounts/store';

export class MemoryAccountStore implements AccountStore {
  private readonly accounts = new Map<string, Account>();

  async findByEmail(email: string): Promise<Account | undefined> {
    return [...this.accounts.values()].find((account) => account.email === email);
  }

  async findByResetToken(token: string): Promise<Account | undefined> {
    return [...this.accounts.values()].find((account) => account.resetToken === token);
  }

  async create(fields: { email: string; passwordHash: string }): Promise<string> {
    const id = `acc-${this.accounts.size + 1}`;
    this.accounts.set(id, { id, ...fields, recentFailures: 0 });
    return id;
  }

  async update(id: string, fields: Partial<Omit<Account, 'id'>>): Promise<void> {
    const account = this.accounts.get(id);
    if (account) this.accounts.set(id, { ...account, ...fields });
  }

  async erase(id: string): Promise<void> {
    this.accounts.delete(id);
  }
}
