import type { Metadata } from "next";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventCard } from "@/components/events/event-timeline";
import { requireActor } from "@/lib/auth/session";
import { getEvent } from "@/lib/data/timeline";
import { EventEditor } from "@/components/forms/event-editor";
import { can } from "@/lib/domain/permissions";
import { ReviewActions } from "@/components/forms/review-actions";
import { eventHistory } from "@/lib/data/review";
import { requireReview } from "@/lib/env";
import { isReader } from "@/lib/page-cache/fill";
import { asOfOnly, isoDate, parseView, viewQuery, type SearchParams } from "@/lib/domain/view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("event"))("title") };
}

export default async function EventPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const event = await getEvent(actor, Number((await params).id));
  if (!event) notFound();
  const view = parseView(await searchParams);
  const history = await eventHistory(actor, event.id);
  const query = viewQuery(asOfOnly(view));
  const [t, f, countryName] = [await getTranslations("event"), await getFormat(), await getCountryName()];
  const country = countryName(event.country.iso3, event.country.name);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={`/${query}`} className="underline">
          {t("overview")}
        </Link>{" "}
        /{" "}
        <Link href={`/countries/${event.country.iso3}${query}`} className="underline">
          {country}
        </Link>{" "}
        / {t("event")}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading", { subject: event.organisation?.name ?? country })}</h1>
      <ul>
        <EventCard event={event} query={query} showCountry detailed>
          {event.draft && can(actor.role, "editEvents") && (
            <ReviewActions
              eventId={event.id}
              version={event.version}
              own={await isReader(actor, event.draft.author?.id)}
              fourEyes={requireReview()}
              onEventPage
            />
          )}
        </EventCard>
      </ul>
      {history.length > 0 && (
        <section aria-labelledby="history-heading" className="space-y-1">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t("history")}
          </h2>
          <ol className="space-y-1 text-sm text-slate-700">
            {history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at.toISOString()}>{f.date(h.at)}</time>: {t(`steps.${h.action}`)}
                {h.by && t("by", { name: h.by })}
                {h.comment && <>: “{h.comment}”</>}
              </li>
            ))}
          </ol>
        </section>
      )}
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
