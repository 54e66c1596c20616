export interface Account {
  id: string;
  email: string;
  passwordHash: string;
  recentFailures: number;
  lockedUntil?: Date;
  resetToken?: string;
  resetExpires?: Date;
}

export interface AccountStore {
  findByEmail(email: string): Promise<Account | undefined>;
  findByResetToken(token: string): Promise<Account | undefined>;
  create(fields: { email: string; passwordHash: string }): Promise<string>;
  update(id: string, fields: Partial<Omit<Account, 'id'>>): Promise<void>;
  erase(id: string): Promise<void>;
}
