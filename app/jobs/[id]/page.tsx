import { notFound, permanentRedirect } from "next/navigation";
import { postingPath } from "@/lib/format";
import { getPostingPathParts, parsePostingId } from "@/lib/postings/queries";

export const dynamic = "force-dynamic";

/** /jobs/<id>, as people shorten a link: the posting's canonical address. */
export default async function PostingShortLink({ params }: { params: Promise<{ id: string }> }) {
  const id = parsePostingId((await params).id);
  const posting = id ? await getPostingPathParts(id) : null;
  if (!posting) notFound();
  permanentRedirect(postingPath(posting));
}
