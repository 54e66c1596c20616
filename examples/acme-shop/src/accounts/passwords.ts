import { argon2id, verify } from './argon2';

// @implements ACC-8
export const ARGON2_OPTIONS = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2id(password, ARGON2_OPTIONS);
}

export async function checkPassword(password: string, hash: string): Promise<boolean> {
  return verify(hash, password);
}
