// Reading an NDJSON answer line by line (the import routes' progress lines, then the outcome).
export interface NdjsonOutcome {
  status: number;
  result?: unknown;
  error?: { code: string; message: string; rows?: { line: number; errors: { field: string; message: string }[] }[] };
}

export async function readNdjson(response: Response, onLine: (line: Record<string, unknown>) => void): Promise<NdjsonOutcome> {
  if (!response.body || !(response.headers.get("content-type") ?? "").includes("ndjson")) {
    const body = (await response.json().catch(() => ({}))) as NdjsonOutcome;
    return { ...body, status: response.status };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last: NdjsonOutcome | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, cut).trim();
      buffer = buffer.slice(cut + 1);
      if (!text) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      if ("status" in line) last = line as unknown as NdjsonOutcome;
      else onLine(line);
    }
  }
  return (
    last ?? { status: 500, error: { code: "internal", message: "The server ended the answer early. Nothing was changed if no result was shown; try again." } }
  );
}
