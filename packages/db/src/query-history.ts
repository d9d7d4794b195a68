// Prisma's debug module keeps the arguments of its last 100 calls for its error reports, even with
// debugging off; the PostgreSQL adapter logs every query with its parameters there. A bulk write whose
// parameter is a thousand rows of JSON would keep its last hundred batches alive (tens of megabytes for a
// 100,000-row import), so bulk writers let them go after each batch.
import { clearLogs } from "@prisma/debug";

export function releaseQueryHistory(): void {
  clearLogs();
}
