/** Conversions between Prisma `@db.Date` values (midnight UTC) and local calendar dates ("YYYY-MM-DD"). */
import type { LocalDate } from "@/lib/schedules";

export const toDbDate = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);
export const fromDbDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);
