// A thin wrapper so the rest of the code does not depend on one Argon2 library.
import * as lib from 'argon2';

export async function argon2id(
  password: string,
  options: { memoryKiB: number; iterations: number; parallelism: number },
): Promise<string> {
  return lib.hash(password, {
    type: lib.argon2id,
    memoryCost: options.memoryKiB,
    timeCost: options.iterations,
    parallelism: options.parallelism,
  });
}

export async function verify(hash: string, password: string): Promise<boolean> {
  return lib.verify(hash, password);
}
