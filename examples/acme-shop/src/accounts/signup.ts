import { hashPassword } from './passwords';
import type { AccountStore } from './store';

export type SignupResult = { ok: true; accountId: string } | { ok: false; message: string; loginLink?: string };

// @implements ACC-2, ACC-3
export async function signUp(store: AccountStore, email: string, password: string): Promise<SignupResult> {
  const normalised = email.trim().toLowerCase();
  if (password.length < 12) {
    return { ok: false, message: 'Your password needs at least 12 characters' };
  }
  if (await store.findByEmail(normalised)) {
    return { ok: false, message: 'An account with this e-mail exists', loginLink: '/login' };
  }
  const accountId = await store.create({ email: normalised, passwordHash: await hashPassword(password) });
  return { ok: true, accountId };
}
