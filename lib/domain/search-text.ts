// The browser's side of the one search rule (the database's is search_fold(), in the
// migration accent_insensitive_search): lower case, accents and other marks removed, so
// that "cote", "Côte" and "CÔTE" are the same words.
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-GB");
}
