// Loaded into the Next.js server process (`node --require`, see scripts/start.ts).
// Next.js turns every request into a WHATWG Request before proxy.ts runs, and undici refuses
// to build one for TRACE or TRACK: a TypeError that Next answers with a 500. The app answers
// none of those methods, so every method it does not answer is refused here with 405,
// before Next sees it. The list is the one in lib/security/request-limits.ts (a unit test
// checks they agree); CONNECT never arrives as a request (Node closes such connections).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with --require
const http = require("node:http");

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const allowed = new Set(ALLOWED_METHODS);
const body = JSON.stringify({ error: { code: "method_not_allowed", message: "This method is not supported." } });

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitUnlessRefused(event, request, response, ...rest) {
  if (event === "request" && !allowed.has(request.method)) {
    response.writeHead(405, {
      Allow: ALLOWED_METHODS.join(", "),
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      Connection: "close",
    });
    response.end(request.method === "HEAD" ? undefined : body);
    request.resume();
    return true;
  }
  return emit.call(this, event, request, response, ...rest);
};

module.exports = { ALLOWED_METHODS };
