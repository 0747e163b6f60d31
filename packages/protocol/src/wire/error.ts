import { z } from "zod";

/** The body of every error answer from both services: `{ error: { code, message } }`. */
export const ErrorBody = z.object({
  error: z.object({
    /** Stable UPPER_SNAKE code clients branch on. */
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    /** Human text in the caller's language (Vietnamese by default). */
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
