import { signedInFormPost } from "@/lib/auth/signed-in-post";
import { deleteSavedSearch } from "@/lib/saved-searches/queries";
import { seeOther } from "@/lib/security/form-post";

/** POST /account/searches/<id>/delete. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return signedInFormPost(request, async (user) => {
    await deleteSavedSearch(user.id, id);
    return seeOther("/account/searches?deleted=1");
  });
}
