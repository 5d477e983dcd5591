import "server-only";
// The body of an import: the file itself (text/csv, the XLSX media type) or the first file of
// a multipart/form-data body, as a stream of bytes; never read into memory at once. The path
// is left out of the proxy (proxy.ts), which buffers request bodies; the route does the
// proxy's checks itself (caller, origin, size).
import { Readable } from "node:stream";
import Busboy from "busboy";
import type { FileFormat } from "@/lib/import/read-file";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type UploadBody = { ok: true; name: string; claimed: FileFormat | null; body: AsyncIterable<Uint8Array> } | { ok: false; message: string };

const claimedFormat = (type: string, name = ""): FileFormat | null =>
  type.startsWith(XLSX_TYPE) || /\.xlsx$/i.test(name) ? "xlsx" : /^text\/(csv|plain)\b/.test(type) || /\.csv$/i.test(name) ? "csv" : null;

export async function uploadBody(request: Request): Promise<UploadBody> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const name = decodeURIComponent(request.headers.get("x-file-name") ?? "") || "upload";
  if (!request.body) return { ok: false, message: "Send the file as the request body." };
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith(XLSX_TYPE) || type.startsWith("application/octet-stream")) {
    return { ok: true, name, claimed: claimedFormat(type, name), body: request.body as unknown as AsyncIterable<Uint8Array> };
  }
  if (type.startsWith("multipart/form-data")) return multipartFile(request);
  return { ok: false, message: `Send the file as text/csv, ${XLSX_TYPE} or multipart/form-data.` };
}

/** The first file of a multipart body, streamed as busboy reads it. */
function multipartFile(request: Request): Promise<UploadBody> {
  return new Promise((resolve) => {
    let settled = false;
    const parser = Busboy({ headers: { "content-type": request.headers.get("content-type") ?? "" }, limits: { files: 1, fields: 20 } });
    parser.on("file", (_field, stream, info) => {
      if (settled) return stream.resume();
      settled = true;
      resolve({ ok: true, name: info.filename || "upload", claimed: claimedFormat(info.mimeType.toLowerCase(), info.filename), body: stream });
    });
    parser.on("error", () => {
      if (!settled) resolve({ ok: false, message: "The multipart body could not be read." });
      settled = true;
    });
    parser.on("finish", () => {
      if (!settled) resolve({ ok: false, message: "The multipart body holds no file: send it in a field named file." });
      settled = true;
    });
    Readable.fromWeb(request.body as import("node:stream/web").ReadableStream).pipe(parser);
  });
}
