import { z } from "zod";

/** A US ZIP code (12345 or 12345-6789), trimmed: saved yards and recurring cleanups store one; weather skips match it. */
export const postalCodeSchema = z.string().trim().regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code.");
