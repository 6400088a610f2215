/**
 * The little of a logger that run code needs. Fastify's logger fits it, and so does
 * a worker's, which runs runs without Fastify.
 */
export interface RunLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
