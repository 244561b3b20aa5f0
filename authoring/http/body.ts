// Request bodies within bounds, as values: read up to a byte limit (over it → 413, the rest drained
// unread so the client still gets the answer), and JSON parsed only when it nests no deeper than a
// limit (a 200,000-deep array parses, then overflows the stack of whatever walks it).
import type { IncomingMessage } from "node:http";

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 413; message: string };

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** Deeper than any statement, SCORM data model or launch request; far from any stack limit. */
export const MAX_JSON_DEPTH = 64;

export function readBoundedBody(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const tooLarge: BodyRead = { ok: false, status: 413, message: `the request body is over ${maxBytes} bytes` };
    const declared = Number(request.headers["content-length"] ?? "0");
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      // Drained (not kept) up to a few times the limit so the 413 reaches the client; past that, cut.
      else if (size > 4 * maxBytes + 1024 * 1024) {
        request.destroy();
        resolve(tooLarge);
      }
    });
    request.on("end", () => resolve(size > maxBytes || declared > maxBytes ? tooLarge : { ok: true, body: Buffer.concat(chunks) }));
    request.on("error", reject);
  });
}

/** JSON.parse, refused (as a value) when the text is not JSON or nests deeper than `maxDepth`. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): JsonParse {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return { ok: false, message: `the JSON body nests deeper than ${maxDepth} levels` };
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: "the body is not JSON" };
  }
}
