// What `npm start` keeps of the Next.js server's own output.
/**
 * The lines `next start` prints as it starts ("▲ Next.js", "- Local:", "- Network:", "✓ Ready
 * in", how long next.config.js took): this script says once, itself, where the app is.
 * Everything else the server prints (errors, warnings, logs) is passed through.
 */
export function isNextBanner(line: string): boolean {
  return (
    /^\s*(▲ Next\.js|- (Local|Network|Environments?|Experiments?):|✓ (Starting|Ready)|(✓ )?Running next\.config\.\w+ took)/.test(line) || /^\s*$/.test(line)
  );
}
