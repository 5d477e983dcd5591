import { writeHandler } from "@/lib/api/write-route";
import { createOrganisation } from "@/lib/data/edits/organisations";
import { organisationItemOf } from "@/lib/api/items";
import { tableListHandler } from "@/lib/api/list-route";

export const dynamic = "force-dynamic";

export const GET = tableListHandler("organisations", organisationItemOf);

export const POST = writeHandler(201, (actor, body) => createOrganisation(actor, body));
