/** What the test global set-up provides to every test file (vitest `inject`). */
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    natsUrl: string | null;
    /** Redis for shared rate limits and caches; null when unreachable (those tests skip). */
    redisUrl: string | null;
  }
}
