import { randomBytes } from 'node:crypto';
import { hashPassword } from './passwords';
import type { AccountStore } from './store';

const LINK_LIFETIME_MS = 60 * 60 * 1000;

// @implements ACC-5
export async function requestReset(store: AccountStore, email: string, now: Date): Promise<string | undefined> {
  const account = await store.findByEmail(email.trim().toLowerCase());
  if (!account) return undefined; // Same answer for unknown addresses: do not reveal who has an account.
  const token = randomBytes(32).toString('hex');
  await store.update(account.id, { resetToken: token, resetExpires: new Date(now.getTime() + LINK_LIFETIME_MS) });
  return `https://shop.acme.example/reset?token=${token}`;
}

// @implements ACC-5
export async function completeReset(store: AccountStore, token: string, password: string, now: Date): Promise<boolean> {
  const account = await store.findByResetToken(token);
  if (!account || !account.resetExpires || account.resetExpires < now) return false;
  // Clearing the token makes the link single-use.
  await store.update(account.id, { resetToken: undefined, resetExpires: undefined, passwordHash: await hashPassword(password) });
  return true;
}
