/** Pure geographic helpers shared by the browser and the server. */
import { z } from "zod";

// Seven decimals (~1 cm) is more than any pin needs; rounding also turns denormals like 5e-324, which broke the
// board's distance SQL for everyone, into 0.
const coordinate = (limit: number) => z.number().min(-limit).max(limit).transform((v) => Math.round(v * 1e7) / 1e7);
export const latSchema = coordinate(90);
export const lngSchema = coordinate(180);

export const boundsSchema = z
  .object({ south: latSchema, west: lngSchema, north: latSchema, east: lngSchema })
  .refine((b) => b.north >= b.south, { message: "north must be at or above south" });
export type Bounds = z.infer<typeof boundsSchema>;

// The distance maths lives in ./distance (no zod): the board's list in the browser needs it, not these schemas.
export { distanceMeters, straightLineEtaMinutes } from "./distance";
