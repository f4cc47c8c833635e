import { signedInFormPost } from "@/lib/auth/signed-in-post";
import { BadRequestError } from "@/lib/errors";
import { updateSavedSearch } from "@/lib/saved-searches/queries";
import { savedSearchUpdateSchema } from "@/lib/saved-searches/schemas";
import { seeOther } from "@/lib/security/form-post";

/** POST /account/searches/<id>/update: rename, change frequency or send hour. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return signedInFormPost(request, async (user, fields) => {
    const patch = savedSearchUpdateSchema.safeParse(fields);
    if (!patch.success) throw new BadRequestError(patch.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    await updateSavedSearch(user.id, id, patch.data);
    return seeOther(`/account/searches?updated=${id}`);
  });
}
