// The map's country outlines as one SVG file. The same for everyone and versioned by content
// in the URL the pages use (lib/map/world-shapes.ts), so browsers keep it for good.
import { worldOutlinesSvg } from "@/lib/map/world-shapes";

export const dynamic = "force-static";

export function GET() {
  return new Response(worldOutlinesSvg(), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
