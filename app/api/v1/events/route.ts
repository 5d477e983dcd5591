import { eventItemOf } from "@/lib/api/items";
import { tableListHandler } from "@/lib/api/list-route";

export const dynamic = "force-dynamic";

export const GET = tableListHandler("events", eventItemOf);
