// The server's own messages (validation, refusals, conflicts) as a person at a French form
// reads them. The server speaks English (the API keeps it: clients match on codes and
// messages); a form's answer is translated here on its way out (lib/actions/action.ts).
// Fixed messages by their exact text, messages about a field by pattern; a message not
// listed stays English, which a unit test keeps from happening to the common ones.
import type { Locale } from "@/lib/domain/locales";

const EXACT: Record<string, string> = {
  "Some fields need attention.": "Certains champs sont à revoir.",
  "Your session has ended. Sign in again.": "Votre session a pris fin. Reconnectez-vous.",
  "The database cannot be reached right now. Nothing was changed; please try again in a moment.":
    "La base de données est injoignable pour l'instant. Rien n'a été modifié ; réessayez dans un moment.",
  "Something went wrong on our side. Nothing was changed; please try again.": "Une erreur s'est produite de notre côté. Rien n'a été modifié ; réessayez.",
  "Your role does not allow this.": "Votre rôle ne le permet pas.",
  "Choose your own password first (Account → Change password): the one you were given works only once.":
    "Choisissez d'abord votre propre mot de passe (Compte → Changer mon mot de passe) : celui qu'on vous a donné ne sert qu'une fois.",
  "Four eyes are required here: someone other than its author must publish this (REQUIRE_REVIEW is on).":
    "Quatre yeux sont requis ici : une autre personne que son auteur doit le publier (REQUIRE_REVIEW est actif).",
  "Someone else changed this record after you opened it. Nothing was saved: review their change, then re-apply yours.":
    "Quelqu'un d'autre a modifié cette fiche après que vous l'avez ouverte. Rien n'a été enregistré : examinez sa modification, puis réappliquez la vôtre.",
  "A chosen source does not exist (any more). Pick it again.": "Une source choisie n'existe pas (ou plus). Choisissez-la à nouveau.",
  "A status is set for the organisations a constraint concerns: name them or their types. A whole-country constraint changes no status.":
    "Un statut s'applique aux organisations que concerne une contrainte : nommez-les, ou leurs types. Une contrainte de tout le pays ne change aucun statut.",
  "An event about a whole country leads to no organisation's status.": "Un événement qui concerne tout un pays ne conduit au statut d'aucune organisation.",
  "An organisation cannot be merged into itself.": "Une organisation ne peut pas être fusionnée avec elle-même.",
  "Another organisation already has this IATI identifier.": "Une autre organisation a déjà cet identifiant IATI.",
  "Choose a password other than the current one.": "Choisissez un mot de passe différent de l'actuel.",
  "Enter a new password.": "Saisissez un nouveau mot de passe.",
  "Enter a password.": "Saisissez un mot de passe.",
  "Enter a valid email address.": "Saisissez une adresse e-mail valide.",
  "Enter your current password.": "Saisissez votre mot de passe actuel.",
  "No active user has that email.": "Aucun utilisateur actif n'a cette adresse e-mail.",
  "The current password is not correct.": "Le mot de passe actuel est incorrect.",
  "The organisation already has this alias.": "L'organisation a déjà cet alias.",
  "The password contains characters that cannot be typed (control or broken characters).":
    "Le mot de passe contient des caractères impossibles à saisir (caractères de contrôle ou abîmés).",
  "The two new passwords differ.": "Les deux nouveaux mots de passe diffèrent.",
  "This event is already published.": "Cet événement est déjà publié.",
  "This event is part of a constraint: publish the constraint it belongs to.":
    "Cet événement fait partie d'une contrainte : publiez la contrainte dont il relève.",
  "This event was retracted: it cannot be published.": "Cet événement a été retiré : il ne peut pas être publié.",
  "This event was retracted: it stays in the history as it was and cannot be changed.":
    "Cet événement a été retiré : il reste dans l'historique tel quel et ne peut pas être modifié.",
  "This is already the organisation's name or acronym.": "C'est déjà le nom ou le sigle de l'organisation.",
  "This is the last active admin and cannot be disabled.": "C'est le dernier administrateur actif : il ne peut pas être désactivé.",
  "This is the last active admin: make someone else an admin first.":
    "C'est le dernier administrateur actif : nommez d'abord quelqu'un d'autre administrateur.",
  "This organisation is already recorded in this country.": "Cette organisation est déjà enregistrée dans ce pays.",
  "This password is on a list of commonly used passwords. Choose another, e.g. a few unrelated words.":
    "Ce mot de passe figure sur une liste de mots de passe courants. Choisissez-en un autre, p. ex. quelques mots sans rapport entre eux.",
  "This source is already cited for this event.": "Cette source est déjà citée pour cet événement.",
  "This webhook is disabled: its deliveries are no longer sent.": "Ce webhook est désactivé : ses envois ne partent plus.",
  "Too many failed attempts. Please wait a little and try again.": "Trop de tentatives échouées. Patientez un peu, puis réessayez.",
  "Add at least one source": "Ajoutez au moins une source",
  "Choose a country": "Choisissez un pays",
  "Choose a source": "Choisissez une source",
  "Choose a subtype from the list": "Choisissez un sous-type dans la liste",
  "Choose a type": "Choisissez un type",
  "Choose a user": "Choisissez un utilisateur",
  "Choose an organisation": "Choisissez une organisation",
  "Choose at least one kind of change": "Choisissez au moins un type de changement",
  "Choose confirmed, reported or disputed": "Choisissez confirmé, rapporté ou contesté",
  "Choose day, month or year": "Choisissez jour, mois ou année",
  "Choose one of the nine access indicators": "Choisissez l'un des neuf indicateurs d'accès",
  "Choose operating, restricted or expelled": "Choisissez opérationnelle, restreinte ou expulsée",
  "Choose operating, restricted or expelled, or leave the status out": "Choisissez opérationnelle, restreinte ou expulsée, ou ne mettez pas de statut",
  "Choose organisation types from the list": "Choisissez des types d'organisation dans la liste",
  "Choose the organisation to merge into this one": "Choisissez l'organisation à fusionner dans celle-ci",
  "Choose viewer, analyst or admin": "Choisissez lecteur, analyste ou administrateur",
  "Choose viewer, analyst or admin.": "Choisissez lecteur, analyste ou administrateur.",
  "Choose what happened": "Choisissez ce qui s'est passé",
  "Change at least one field": "Modifiez au moins un champ",
  "Each area is an ISO 3166-2 code, e.g. NE-6": "Chaque zone est un code ISO 3166-2, p. ex. NE-6",
  "Each source needs either a sourceId, or a publisher and a title": "Chaque source demande soit un sourceId, soit un éditeur et un titre",
  "Enter an http(s):// address": "Saisissez une adresse http(s)://",
  "Enter an https:// address": "Saisissez une adresse https://",
  "Enter the email of an existing user": "Saisissez l'adresse e-mail d'un utilisateur existant",
  "Must be a whole number": "Doit être un nombre entier",
  "Name organisations or types of organisation, not both": "Nommez des organisations ou des types d'organisation, pas les deux",
  "An organisation is listed twice": "Une organisation figure deux fois",
  "Paste the article's text (at least a sentence)": "Collez le texte de l'article (au moins une phrase)",
  "Paste the article's text": "Collez le texte de l'article",
  "People affected cannot be negative": "Le nombre de personnes touchées ne peut pas être négatif",
  "People affected must be a whole number": "Le nombre de personnes touchées doit être un nombre entier",
  "Use an ISO 3166-2 first-level code, e.g. NE-6": "Utilisez un code ISO 3166-2 de premier niveau, p. ex. NE-6",
  "The language is a code such as en or fr": "La langue est un code comme en ou fr",
  "The language is a code such as en, fr or pt-BR": "La langue est un code comme en, fr ou pt-BR",
  "No user name or password in the address: the signature proves the sender":
    "Pas de nom d'utilisateur ni de mot de passe dans l'adresse : la signature prouve l'expéditeur",
  "At least 1 day": "Au moins 1 jour",
};

/** The form fields the server names in its messages, in French. */
const FIELDS: Record<string, string> = {
  Name: "Nom",
  Title: "Titre",
  Summary: "Résumé",
  Reason: "Motif",
  Publisher: "Éditeur",
  "Publication date": "Date de publication",
  Date: "Date",
  Quote: "Citation",
  URL: "URL",
  Website: "Site web",
  Comment: "Commentaire",
  Alias: "Alias",
  "What this source claims": "Ce qu'affirme la source",
  Acronym: "Sigle",
  "This text": "Ce texte",
  "This value": "Cette valeur",
  "A field name": "Un nom de champ",
};

/** What the text rules say is wrong (lib/domain/text.ts), in French. */
const PROBLEMS: Record<string, string> = {
  "contains a broken character (an unpaired UTF-16 surrogate)": "contient un caractère abîmé (une demi-paire UTF-16)",
  "contains a NUL character": "contient un caractère NUL",
  "contains invisible control characters": "contient des caractères de contrôle invisibles",
  "contains characters that reverse the text direction (bidirectional controls)":
    "contient des caractères qui inversent le sens du texte (contrôles bidirectionnels)",
  "must be on one line, without tabs": "doit tenir sur une ligne, sans tabulation",
  "contains invisible zero-width characters": "contient des caractères invisibles de largeur nulle",
};

const field = (label: string) => FIELDS[label] ?? label;
const number = (digits: string) => digits.replace(/,/g, "\u202f");

/** Messages about a field ("Summary is required"): the pattern, and its French. */
const PATTERNS: [RegExp, (...parts: string[]) => string][] = [
  [/^(.+) is required$/, (label) => `${field(label)} : obligatoire`],
  [/^(.+) needs at least ([\d,]+) characters$/, (label, n) => `${field(label)} : au moins ${number(n!)} caractères`],
  [/^(.+) must be at most ([\d,]+) characters$/, (label, n) => `${field(label)} : au plus ${number(n!)} caractères`],
  [/^(.+) must be plain text, without HTML$/, (label) => `${field(label)} : du texte brut, sans HTML`],
  [/^(.+) must be a web address starting with http:\/\/ or https:\/\/$/, (label) => `${field(label)} : une adresse web commençant par http:// ou https://`],
  [/^(.+) must be a date \(YYYY-MM-DD\)$/, (label) => `${field(label)} : une date (AAAA-MM-JJ)`],
  [/^(.+) is not a real date$/, (label) => `${field(label)} : cette date n'existe pas`],
  [/^(.+) cannot be in the future$/, (label) => `${field(label)} : ne peut pas être dans le futur`],
  [/^(.+) must be after 1900$/, (label) => `${field(label)} : doit être postérieure à 1900`],
  [/^People affected must be at most ([\d,]+)$/, (n) => `Personnes touchées : au plus ${number(n!)}`],
  [
    /^At most ([\d,]+) (sources|areas|organisations|days)$/,
    (n, what) => `Au plus ${number(n!)} ${{ sources: "sources", areas: "zones", organisations: "organisations", days: "jours" }[what!]}`,
  ],
  [/^Too many (.+)\. Try again in (\d+) s\.$/, (_what, s) => `Trop de demandes. Réessayez dans ${s} s.`],
  [/^(.+) was not found\. It may have been removed; reload the page\.$/, () => "Introuvable. Il a peut-être été supprimé ; rechargez la page."],
  [/^A user with the email (.+) already exists\.$/, (email) => `Un utilisateur a déjà l'adresse ${email}.`],
  [/^(This text|A field name) (.+)\.$/, (what, problem) => `${field(what!)} ${PROBLEMS[problem!] ?? problem}.`],
  [/^(.+?) (contains .+|must be on one line, without tabs)$/, (label, problem) => `${field(label!)} ${PROBLEMS[problem!] ?? problem}`],
];

/** A message of the server in a language: French where it is known, else as it came. */
export function localiseServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, french] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return french(...match.slice(1));
  }
  return message;
}
