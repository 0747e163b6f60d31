import { MAX_AMOUNT, MAX_QUANTITY, ROLES, VAT_RATES } from "@quay/core";
import { z } from "zod";

/** An id as the core generates them (UUIDv7), or any UUID a client sends. */
export const Id = z.uuid();
/** ISO-8601 instant with milliseconds, as on the wire everywhere. */
export const IsoTime = z.iso.datetime({ offset: true, precision: 3 });
/** Money in whole đồng: a non-negative integer up to 10^12. */
export const Money = z.number().int().min(0).max(MAX_AMOUNT);
/** Money that must be paid or charged: a positive integer up to 10^12. */
export const PositiveMoney = z.number().int().min(1).max(MAX_AMOUNT);
export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
export const VatRateSchema = z.union(VAT_RATES.map((rate) => z.literal(rate)));

/** Short human text (names, notes, reasons): trimmed, never empty. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
