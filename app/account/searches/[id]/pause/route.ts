import { z } from "zod";
import { signedInFormPost } from "@/lib/auth/signed-in-post";
import { setSavedSearchPaused } from "@/lib/saved-searches/queries";
import { seeOther } from "@/lib/security/form-post";

/** POST /account/searches/<id>/pause with paused=1 (pause) or paused=0 (resume). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return signedInFormPost(request, async (user, fields) => {
    const paused = z.enum(["0", "1"]).catch("1").parse(fields.paused) === "1";
    await setSavedSearchPaused(user.id, id, paused);
    return seeOther(`/account/searches?updated=${id}`);
  });
}
