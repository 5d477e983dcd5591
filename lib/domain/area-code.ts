/** An ISO 3166-2 code: the country's alpha-2, a hyphen, one to three letters or digits (e.g. NE-6). Apart from areas.ts, whose list is too big for the browser. */
export const AREA_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
