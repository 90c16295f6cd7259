// Password guessing, slowed down: failed sign-ins are counted per account and per client address
// (rate-limiter-flexible), in Redis when REDIS_URL is set so every process counts together, else
// in this process. Past the limit, sign-in is refused without even checking the password until the
// block ends; a successful sign-in clears the account's count.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient } from "redis";
import { env } from "../env";
import { logger } from "../logger";

/** Failures allowed per account, and per client address, within the window. */
const ACCOUNT_FAILURES = 10;
const ADDRESS_FAILURES = 50;
const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 15 * 60;

interface Limiters {
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

function memoryLimiter(keyPrefix: string, points: number) {
  return new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS, blockDuration: BLOCK_SECONDS });
}

function createLimiters(): Limiters {
  const { REDIS_URL, REDIS_PREFIX } = env();
  if (!REDIS_URL) return { account: memoryLimiter("account", ACCOUNT_FAILURES), address: memoryLimiter("address", ADDRESS_FAILURES) };
  const client = createClient({
    url: REDIS_URL,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000), connectTimeout: 5_000 },
  });
  client.on("error", (error: unknown) => logger.warn("redis (sign-in throttle) connection error", { error: String(error) }));
  void client.connect().catch(() => undefined);
  const redisLimiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `${REDIS_PREFIX}:sign-in:${name}`,
      points,
      duration: WINDOW_SECONDS,
      blockDuration: BLOCK_SECONDS,
      // While Redis is away, each process counts alone rather than letting every guess through.
      insuranceLimiter: memoryLimiter(name, points),
    });
  return { account: redisLimiter("account", ACCOUNT_FAILURES), address: redisLimiter("address", ADDRESS_FAILURES) };
}

const globalForThrottle = globalThis as typeof globalThis & { __switchboardSignInLimiters?: Limiters };
const limiters = () => (globalForThrottle.__switchboardSignInLimiters ??= createLimiters());

/** Thrown by authorize(); its message reaches the sign-in page as `TooManyAttempts:<seconds>`. */
export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`TooManyAttempts:${retryAfterSeconds}`);
  }
}

const secondsLeft = (res: RateLimiterRes | null) => Math.max(1, Math.ceil((res?.msBeforeNext ?? 0) / 1000));

/** Refuses at once while the account or the address is blocked. */
export async function assertMayTry(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  const [forAccount, forAddress] = await Promise.all([account.get(email), byAddress.get(address)]);
  for (const [res, points] of [[forAccount, ACCOUNT_FAILURES], [forAddress, ADDRESS_FAILURES]] as const) {
    if (res && res.consumedPoints > points) throw new TooManyAttemptsError(secondsLeft(res));
  }
}

/** Counts a failed attempt; throws when this one reached the limit. */
export async function recordFailure(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  const results = await Promise.allSettled([account.consume(email), byAddress.consume(address)]);
  const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (!refused) return;
  if (refused.reason instanceof RateLimiterRes) throw new TooManyAttemptsError(secondsLeft(refused.reason));
  logger.warn("sign-in throttle unavailable", { error: String(refused.reason) });
}

export async function recordSuccess(email: string): Promise<void> {
  await limiters().account.delete(email).catch(() => undefined);
}
