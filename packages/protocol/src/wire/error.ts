import { z } from "zod";

/** The body of every error answer from both services: `{ error: { code, message } }`. */
export const ErrorBody = z.object({
  error: z.object({
    /** Stable UPPER_SNAKE code clients branch on. */
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    /** Human text in the caller's language (Vietnamese by default). */
    message: z.string(),
    /** A push refused for good: the order (and op) at fault, which the station sets apart. */
    orderId: z.string().optional(),
    opId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
