import { strict as assert } from 'node:assert';
import { signUp } from '../src/accounts/signup';
import { logIn } from '../src/accounts/login';
import { completeReset, requestReset } from '../src/accounts/password-reset';
import { ARGON2_OPTIONS } from '../src/accounts/passwords';
import { MemoryAccountStore } from './memory-store';

const now = new Date('2026-06-01T10:00:00Z');

describe('accounts', () => {
  // @verifies ACC-2, ACC-3
  it('signs up with an e-mail address and refuses a second account for it', async () => {
    const store = new MemoryAccountStore();
    assert.equal((await signUp(store, 'ana@example.com', 'correct horse battery')).ok, true);
    assert.deepEqual(await signUp(store, 'ANA@example.com', 'another long password'), {
      ok: false,
      message: 'An account with this e-mail exists',
      loginLink: '/login',
    });
  });

  // @verifies ACC-4
  it('locks the account after five failed attempts', async () => {
    const store = new MemoryAccountStore();
    await signUp(store, 'ben@example.com', 'correct horse battery');
    for (let i = 0; i < 5; i++) await logIn(store, 'ben@example.com', 'wrong', now);
    const result = await logIn(store, 'ben@example.com', 'correct horse battery', now);
    assert.deepEqual(result, { ok: false, message: 'Too many attempts: try again in 15 minutes' });
  });

  // @verifies ACC-5
  it('resets a password once with a link valid for an hour', async () => {
    const store = new MemoryAccountStore();
    await signUp(store, 'cy@example.com', 'correct horse battery');
    const link = await requestReset(store, 'cy@example.com', now);
    const token = new URL(link ?? 'https://x/').searchParams.get('token') ?? '';
    assert.equal(await completeReset(store, token, 'a brand new password', now), true);
    assert.equal(await completeReset(store, token, 'and again another one', now), false);
  });

  // @verifies ACC-8
  it('hashes with Argon2id and 64 MiB of memory', () => {
    assert.ok(ARGON2_OPTIONS.memoryKiB >= 64 * 1024);
  });
});
