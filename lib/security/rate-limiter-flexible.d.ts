// rate-limiter-flexible's index loads every store it supports (Mongo, MySQL, Postgres, DynamoDB and
// the rest, some 36 modules: about 25 ms of a server's first test send, bench/results.md).
// smtp365 uses two of them, loaded from their own files; these give them the package's own types.
declare module "rate-limiter-flexible/lib/RateLimiterMemory" {
  import { RateLimiterMemory } from "rate-limiter-flexible"
  export = RateLimiterMemory
}
declare module "rate-limiter-flexible/lib/RateLimiterRedis" {
  import { RateLimiterRedis } from "rate-limiter-flexible"
  export = RateLimiterRedis
}
declare module "rate-limiter-flexible/lib/RateLimiterRes" {
  import { RateLimiterRes } from "rate-limiter-flexible"
  export = RateLimiterRes
}
