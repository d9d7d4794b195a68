// In-app notices: a partner hears that its list was returned or approved, reviewing staff that a list
// was submitted. Each notice belongs to one user.
import { z } from "zod";
import { PageQuerySchema } from "./public.js";

export const NOTIFICATION_KINDS = ["submission.submitted", "submission.returned", "submission.approved"] as const;

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    submissionId: z.string().nullable(),
    activity: z.string().nullable().describe("The activity's title"),
    organisation: z.string().nullable(),
    revision: z.number().int().nullable(),
    comment: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({ unread: z.enum(["true", "false"]).optional() });
export const UnreadCountSchema = z.object({ unread: z.number().int() });
