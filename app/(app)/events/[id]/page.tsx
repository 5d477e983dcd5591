import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventCard } from "@/components/events/event-timeline";
import { requireActor } from "@/lib/auth/session";
import { getEvent } from "@/lib/data/timeline";
import { EventEditor } from "@/components/forms/event-editor";
import { can } from "@/lib/domain/permissions";
import { asOfOnly, isoDate, parseView, viewQuery, type SearchParams } from "@/lib/domain/view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const event = await getEvent(actor, Number((await params).id));
  if (!event) notFound();
  const view = parseView(await searchParams);
  const query = viewQuery(asOfOnly(view));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={`/${query}`} className="underline">
          Overview
        </Link>{" "}
        /{" "}
        <Link href={`/countries/${event.country.iso3}${query}`} className="underline">
          {event.country.name}
        </Link>{" "}
        / Event
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{event.organisation?.name ?? event.country.name}: event</h1>
      <ul>
        <EventCard event={event} query={query} showCountry detailed />
      </ul>
      {can(actor.role, "editEvents") && !event.retraction && (
        <EventEditor
          event={{
            id: event.id,
            version: event.version,
            kind: event.kind,
            resultingStatus: event.resultingStatus,
            category: event.category,
            subtype: event.subtype,
            occurredOn: isoDate(event.occurredOn),
            datePrecision: event.datePrecision,
            summary: event.summary,
            peopleAffected: event.peopleAffected,
            confidence: event.confidence,
            concernsPresence: event.organisation !== null,
          }}
        />
      )}
    </div>
  );
}
