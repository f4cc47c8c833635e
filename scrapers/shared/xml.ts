import { XMLParser, XMLValidator } from "fast-xml-parser";
import { storableText } from "@/lib/normalize/text-limits";
import { PayloadError } from "@/scrapers/types";

/**
 * An XML payload as plain objects: text values stay strings, attributes are dropped, and the
 * element paths in `arrays` (e.g. "rss.channel.item") are always arrays, even with one element.
 */
export function readXml(board: string, payload: string, arrays: readonly string[]): unknown {
  const valid = XMLValidator.validate(payload);
  if (valid !== true) {
    throw new PayloadError(`${board} payload: not valid XML (line ${valid.err.line}: ${clip(valid.err.msg)})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, path) => arrays.includes(String(path)),
    tagValueProcessor: (_name, value) => storableText(value),
  });
  try {
    return parser.parse(payload);
  } catch (error) {
    // The validator lets a few malformed inputs through (an unclosed <?pi in text) that the parser then rejects.
    throw new PayloadError(`${board} payload: not valid XML (${clip(error instanceof Error ? error.message : String(error))})`, { cause: error });
  }
}

/** Validator messages quote the offending tag, which may be the whole (hostile) rest of the payload. */
function clip(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
