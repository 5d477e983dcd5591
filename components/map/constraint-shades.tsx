// The shades of a count of access-constraint events, on the country maps and the world map:
// each has a texture as well as a colour, so a map reads without colour.
import { useTranslations } from "use-intl";

/** Shades for 0, 1, 2–4, 5–9 and 10 or more events. */
export const CONSTRAINT_SHADES = [
  { min: 0, label: "None", fill: "#f8fafc", texture: null },
  { min: 1, label: "1", fill: "#ddd5f0", texture: "dots" },
  { min: 2, label: "2–4", fill: "#c9bce6", texture: "dots" },
  { min: 5, label: "5–9", fill: "#8f79c7", texture: "lines" },
  { min: 10, label: "10 or more", fill: "#4b2e83", texture: "cross" },
] as const;

/** A shade's legend label in the page's language ("None" and "10 or more" have words). */
export function useShadeLabel() {
  const t = useTranslations("map");
  return (shade: (typeof CONSTRAINT_SHADES)[number]) => (shade.min === 0 ? t("shadeNone") : shade.min === 10 ? t("shadeTenOrMore") : shade.label);
}

export const bucketOf = (events: number) => [...CONSTRAINT_SHADES].reverse().find((b) => events >= b.min)!;

export function ShadeTextures({ prefix }: { prefix: string }) {
  return (
    <defs>
      {CONSTRAINT_SHADES.map((bucket, index) =>
        bucket.texture ? (
          <pattern key={index} id={`${prefix}-${index}`} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="7" height="7" fill={bucket.fill} />
            {bucket.texture === "dots" && <circle cx="3.5" cy="3.5" r="1" fill="#1e1b4b" fillOpacity="0.35" />}
            {bucket.texture === "lines" && <line x1="0" y1="0" x2="0" y2="7" stroke="white" strokeWidth="1.6" strokeOpacity="0.6" />}
            {bucket.texture === "cross" && (
              <>
                <line x1="0" y1="0" x2="0" y2="7" stroke="white" strokeWidth="1.4" strokeOpacity="0.6" />
                <line x1="0" y1="3.5" x2="7" y2="3.5" stroke="white" strokeWidth="1.4" strokeOpacity="0.6" />
              </>
            )}
          </pattern>
        ) : null,
      )}
    </defs>
  );
}

/** The fill of a count: its shade's texture (defined once per map by ShadeTextures with this prefix), or its plain colour. */
export const shadeFill = (prefix: string, events: number) => {
  const index = CONSTRAINT_SHADES.indexOf(bucketOf(events));
  return CONSTRAINT_SHADES[index]!.texture ? `url(#${prefix}-${index})` : CONSTRAINT_SHADES[index]!.fill;
};
