import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentVersion } from "@/components/assessments/assessment-version";
import { PublishAssessmentButton } from "@/components/assessments/publish-assessment-button";
import { requireActor } from "@/lib/auth/session";
import { getAssessment } from "@/lib/data/assessments";
import { can } from "@/lib/domain/permissions";
import { endOfDay } from "@/lib/domain/partial-date";
import { areaByCode } from "@/lib/domain/areas";
import { asOfOnly, parseView, viewQuery, type SearchParams } from "@/lib/domain/view";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { getCountry } from "@/lib/data/countries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams & { version?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessmentPage"))("title") };
}

/**
 * One assessment: the version asked for (?version=N), else the latest published by the view
 * date (?asOf), else its latest; every version listed, earlier ones readable, drafts for
 * those who may publish them.
 */
export default async function AssessmentPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const assessment = await getAssessment(actor, Number((await params).id));
  if (!assessment) notFound();
  const search = await searchParams;
  const view = parseView(search);
  const query = viewQuery(asOfOnly(view));
  const [t, f, record] = [await getTranslations("assessmentPage"), await getFormat(), await getCountry(actor, assessment.country)];
  const asked = Number(search.version);
  const byDate = view.asOfExplicit
    ? assessment.versions.find((v) => v.publishedAt !== null && new Date(v.publishedAt) <= endOfDay(view.asOf))
    : assessment.versions.find((v) => v.reviewState === "PUBLISHED");
  const shown = assessment.versions.find((v) => v.version === asked) ?? byDate ?? assessment.versions[0]!;
  const latest = assessment.versions[0]!;
  const country = (f.locale === "fr" ? record?.nameFr : record?.nameEn) || assessment.country;
  const area = assessment.area ? (areaByCode(assessment.area)?.name ?? assessment.area) : null;
  const place = area ? `${area} (${country})` : country;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={`/assessments${query}`} className="underline">
          {t("all")}
        </Link>{" "}
        /{" "}
        <Link href={`/countries/${assessment.country}${query}`} className="underline">
          {country}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading", { place, from: f.isoDate(assessment.from), to: f.isoDate(assessment.to) })}</h1>
      <p className="text-sm text-slate-600" data-testid="version-shown">
        {shown.version === latest.version
          ? t("reading", { version: shown.version, latest: latest.version })
          : t("readingOld", { version: shown.version, latest: latest.version })}
      </p>
      <AssessmentVersion period={assessment} version={shown} />
      {shown.reviewState === "DRAFT" && can(actor.role, "editEvents") && <PublishAssessmentButton id={assessment.id} version={shown.version} />}
      <section aria-labelledby="versions-title" className="space-y-2">
        <h2 id="versions-title" className="text-lg font-semibold">
          {t("versions")}
        </h2>
        <ol className="space-y-1 text-sm" data-testid="assessment-versions">
          {assessment.versions.map((v) => {
            const text = v.publishedAt
              ? t("versionPublished", { version: v.version, date: f.instant(v.publishedAt) })
              : t("versionDraft", { version: v.version, date: f.instant(v.createdAt) });
            return (
              <li key={v.version}>
                {v.version === shown.version ? (
                  <span aria-current="true" className="font-semibold">
                    {text} {t("current")}
                  </span>
                ) : (
                  <Link href={`/assessments/${assessment.id}?version=${v.version}`} className="underline">
                    {text}
                  </Link>
                )}
                {v.author && <span className="text-slate-600"> · {t("author", { name: v.author })}</span>}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
