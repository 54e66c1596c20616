import { checkPassword } from './passwords';
import type { AccountStore } from './store';

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;

export type LoginResult = { ok: true; accountId: string } | { ok: false; message: string };

// @implements ACC-2, ACC-4
export async function logIn(store: AccountStore, email: string, password: string, now: Date): Promise<LoginResult> {
  const account = await store.findByEmail(email.trim().toLowerCase());
  if (!account) return { ok: false, message: 'Wrong e-mail or password' };
  if (account.lockedUntil && account.lockedUntil > now) {
    return { ok: false, message: 'Too many attempts: try again in 15 minutes' };
  }
  if (!(await checkPassword(password, account.passwordHash))) {
    const failures = account.recentFailures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : undefined;
    await store.update(account.id, { recentFailures: failures, lockedUntil });
    return { ok: false, message: 'Wrong e-mail or password' };
  }
  await store.update(account.id, { recentFailures: 0, lockedUntil: undefined });
  return { ok: true, accountId: account.id };
}
