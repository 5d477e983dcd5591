// npm run triage:measure — article triage on the five seed articles: for each, the seed's
// events from it found, missed, and proposals that match none (the README's table).
import { evaluateSeedArticles } from "./lib/triage-evaluation";

const scores = evaluateSeedArticles();
console.log("| Article | Seed events from it | Proposals | Found | … date agrees | Missed | Wrong |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const s of scores)
  console.log(`| ${s.file.slice(0, 3)} | ${s.seedEvents} | ${s.proposals} | ${s.found} | ${s.dateAgrees} | ${s.missed.length} | ${s.wrong.length} |`);
const total = (k: "seedEvents" | "proposals" | "found" | "dateAgrees") => scores.reduce((n, s) => n + s[k], 0);
console.log(
  `| all | ${total("seedEvents")} | ${total("proposals")} | ${total("found")} | ${total("dateAgrees")} | ${scores.reduce((n, s) => n + s.missed.length, 0)} | ${scores.reduce((n, s) => n + s.wrong.length, 0)} |`,
);
if (process.argv.includes("--details")) {
  for (const s of scores) {
    console.log(`\n${s.file}: missed ${s.missed.join(", ") || "none"}`);
    for (const w of s.wrong) console.log(`  wrong: org ${w.organisationId} ${w.kind} ${w.status} ${w.occurredOn} | ${w.quote.slice(0, 100)}`);
  }
}
