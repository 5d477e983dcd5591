"use client";
// The analyst's last choices in event forms (confidence, date precision, whether the last
// source was a known one or a new one), kept for the browser tab's session only
// (sessionStorage): the next event starts where the last one left off. Nothing here is
// sent anywhere, and a closed tab forgets it.
import { useMemo, useSyncExternalStore } from "react";
import { CONFIDENCES, DATE_PRECISIONS, type Confidence, type DatePrecision } from "@/lib/domain/vocabulary";

export interface RememberedChoices {
  confidence: Confidence;
  datePrecision: DatePrecision;
  sourceMode: "existing" | "new";
}

const KEY = "access-monitor:event-choices";
export const DEFAULT_CHOICES: RememberedChoices = { confidence: "REPORTED", datePrecision: "DAY", sourceMode: "existing" };

function parse(text: string): RememberedChoices {
  try {
    const stored = JSON.parse(text) as Partial<RememberedChoices>;
    return {
      confidence: CONFIDENCES.includes(stored.confidence as Confidence) ? (stored.confidence as Confidence) : DEFAULT_CHOICES.confidence,
      datePrecision: DATE_PRECISIONS.includes(stored.datePrecision as DatePrecision) ? (stored.datePrecision as DatePrecision) : DEFAULT_CHOICES.datePrecision,
      sourceMode: stored.sourceMode === "new" ? "new" : "existing",
    };
  } catch {
    return DEFAULT_CHOICES;
  }
}

export function rememberChoices(choices: RememberedChoices): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(choices));
  } catch {
    // Storage may be full or refused (private windows): remembering is a convenience.
  }
}

/** The remembered choices, once the page is in the browser (null before: the server cannot know them). */
export function useRememberedChoices(): RememberedChoices | null {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  return useMemo(() => (stored === null ? null : parse(stored)), [stored]);
}

// Another tab's sessionStorage is its own: only this tab writes, and it reads on render.
const subscribe = () => () => {};
function readStored(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "{}";
  } catch {
    return "{}";
  }
}
