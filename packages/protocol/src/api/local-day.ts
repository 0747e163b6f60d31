import { z } from "zod";

/** A local calendar day, YYYY-MM-DD. */
export const LocalDay = z.iso.date();
