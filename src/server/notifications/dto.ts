/** What the browser sees of a notification (never the event key or other users' data). */
import { z } from "zod";

export const notificationDtoSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationDto = z.infer<typeof notificationDtoSchema>;

export function toNotificationDto(row: NotificationDto & Record<string, unknown>): NotificationDto {
  return { id: row.id, kind: row.kind, title: row.title, body: row.body, url: row.url, readAt: row.readAt, createdAt: row.createdAt };
}
