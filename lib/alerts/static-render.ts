import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const XHTML_DOCTYPE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`;

/**
 * A React Email template in one synchronous pass: the document @react-email/render makes (same
 * doctype, no image preload links) without its streaming render and the Suspense comments it
 * leaves, for about a quarter of the CPU, which bounds alert emails per second. For templates
 * that do not suspend. The worker imports it (through deliver.ts); Next.js routes must not,
 * because react-dom/server does not exist under their react-server condition.
 */
export async function renderEmailStatic(element: ReactElement): Promise<string> {
  const html = renderToStaticMarkup(element).replace(/<link\b[^>]*\brel="preload"[^>]*\bas="image"[^>]*\/?>/gi, "");
  return `${XHTML_DOCTYPE}${html.replace(/<!DOCTYPE.*?>/, "")}`;
}
